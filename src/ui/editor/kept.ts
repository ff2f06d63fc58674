/**
 * The editor's draft, kept in the browser (localStorage) as the teacher types, so that a reload,
 * Back, a closed tab or a crash gives it back. What comes back from storage is checked field by
 * field: a damaged or foreign value is ignored, never trusted.
 */
import type { Draft, DraftAction, DraftClient } from './draft.ts';

export const DRAFT_KEY = 'iolab.editor.draft';
const VERSION = 1;

export interface KeptDraft {
  draft: Draft;
  /** What the draft was started from: '' (the scenario on the stage then), 'blank' or a shipped id. */
  from: string;
  /** The JSON text at the last point its work was taken somewhere (opened, downloaded, copied), or at its start: the draft has unsaved changes while its JSON differs. */
  saved: string;
  /** The JSON text it started from: a draft still equal to it is not kept (nothing of the teacher's is in it). */
  start: string;
}

/** The part of Storage this needs (tests pass a Map-backed one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where the browser refuses it (private modes, sandboxed frames). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPair = (v: unknown): v is { en: string; zh: string } =>
  isObject(v) && isString(v.en) && isString(v.zh);
const isAction = (v: unknown): v is DraftAction =>
  isObject(v) && isString(v.at) && isString(v.do) && isString(v.data);
const isClient = (v: unknown): v is DraftClient =>
  isObject(v) && isString(v.name) && Array.isArray(v.actions) && v.actions.every(isAction);

/** A Draft, or null when `v` is not one (a value from storage is not trusted). */
export function asDraft(v: unknown): Draft | null {
  if (!isObject(v)) return null;
  const ok =
    isString(v.id) &&
    isPair(v.title) &&
    isPair(v.description) &&
    isString(v.seed) &&
    isString(v.model) &&
    isObject(v.options) &&
    Object.values(v.options).every(isString) &&
    Array.isArray(v.clients) &&
    v.clients.every(isClient) &&
    isString(v.idleConnections) &&
    isString(v.untilMs);
  if (!ok) return null;
  const d = v as unknown as Draft;
  return {
    id: d.id,
    title: { en: d.title.en, zh: d.title.zh },
    description: { en: d.description.en, zh: d.description.zh },
    seed: d.seed,
    model: d.model,
    options: { ...d.options },
    clients: d.clients.map((c) => ({
      name: c.name,
      actions: c.actions.map((a) => ({ at: a.at, do: a.do, data: a.data })),
    })),
    idleConnections: d.idleConnections,
    untilMs: d.untilMs,
  };
}

/** The kept draft, or null (none, unreadable, or not a draft). Never throws. */
export function loadDraft(storage: DraftStorage | null): KeptDraft | null {
  if (!storage) return null;
  let value: unknown;
  try {
    const text = storage.getItem(DRAFT_KEY);
    if (text === null) return null;
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (
    !isObject(value) ||
    value.v !== VERSION ||
    !isString(value.from) ||
    !isString(value.saved) ||
    !isString(value.start)
  )
    return null;
  const draft = asDraft(value.draft);
  return draft ? { draft, from: value.from, saved: value.saved, start: value.start } : null;
}

/**
 * Keeps the draft, or forgets it when it is still what it started from (`text`: its JSON now);
 * false when the browser would not keep it (no storage, or over its quota).
 */
export function saveDraft(storage: DraftStorage | null, kept: KeptDraft, text: string): boolean {
  if (!storage) return false;
  try {
    if (text === kept.start) storage.removeItem(DRAFT_KEY);
    else storage.setItem(DRAFT_KEY, JSON.stringify({ v: VERSION, ...kept }));
    return true;
  } catch {
    return false;
  }
}
