/**
 * The scenario editor's form state: a scenario as the teacher is typing it (numbers still as
 * text), and the exact JSON it stands for. The JSON goes through the format's own validator
 * (src/scenarios/format.ts), so the form accepts what the CLI accepts and nothing else.
 */
import {
  MODELS,
  OPTION_SPECS,
  SCENARIO_FORMAT,
  type Model,
  type Problem,
  type ResolvedOptions,
  type Scenario,
} from '../../scenarios/format.ts';

export type OptionKey = keyof ResolvedOptions;
export const OPTION_KEYS = Object.keys(OPTION_SPECS) as OptionKey[];
export const ACTION_KINDS = ['connect', 'send', 'close', 'reset'] as const;

export interface DraftAction {
  at: string;
  do: string;
  data: string;
}
export interface DraftClient {
  name: string;
  actions: DraftAction[];
}
export interface Draft {
  id: string;
  title: { en: string; zh: string };
  description: { en: string; zh: string };
  seed: string;
  model: string;
  /** Options that are set, as typed; an option left empty takes its default. */
  options: Partial<Record<OptionKey, string>>;
  clients: DraftClient[];
  idleConnections: string;
  untilMs: string;
}

export function blankDraft(): Draft {
  return {
    id: 'my-scenario',
    title: { en: 'My scenario', zh: '我的场景' },
    description: { en: '', zh: '' },
    seed: '1',
    model: 'select',
    options: {},
    clients: [],
    idleConnections: '',
    untilMs: '',
  };
}

/** How an option is typed in the form. */
export function optionKind(key: OptionKey): 'number' | 'choice' | 'timeout' | 'lines' {
  if (key === 'timeoutMs') return 'timeout';
  if (key === 'answers') return 'lines';
  return typeof OPTION_SPECS[key].default === 'string' ? 'choice' : 'number';
}

/** The values a choice option takes ("fixed" | "pitfall" → ['fixed', 'pitfall']). */
export function optionChoices(key: OptionKey): string[] {
  return [...OPTION_SPECS[key].doc.range.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

export function appliesTo(key: OptionKey, model: string): boolean {
  const models = OPTION_SPECS[key].models;
  return models === 'all' || models.includes(model as Model);
}

const numText = (v: unknown): string => (v === undefined ? '' : String(v));

/** The form for an existing scenario. */
export function draftOf(s: Scenario): Draft {
  const options: Draft['options'] = {};
  for (const [key, value] of Object.entries(s.options ?? {}) as [OptionKey, unknown][]) {
    options[key] = Array.isArray(value) ? value.join('\n') : value === null ? 'null' : String(value);
  }
  return {
    id: s.id,
    title: { ...s.title },
    description: s.description ? { ...s.description } : { en: '', zh: '' },
    seed: String(s.seed),
    model: s.model,
    options,
    clients: s.clients.map((c) => ({
      name: c.name,
      actions: c.actions.map((a) => ({ at: String(a.at), do: a.do, data: a.data ?? '' })),
    })),
    idleConnections: numText(s.idleConnections),
    untilMs: numText(s.untilMs),
  };
}

/** A number when the text is one, else the text itself (the validator then names the field). */
export function numberOf(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : t;
}

function optionValue(key: OptionKey, text: string): unknown {
  switch (optionKind(key)) {
    case 'timeout':
      return text.trim() === 'null' ? null : numberOf(text);
    case 'lines':
      return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
    case 'choice':
      return text;
    default:
      return numberOf(text);
  }
}

/** The scenario JSON the form stands for, exactly as it would be saved. */
export function scenarioOf(d: Draft): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const key of OPTION_KEYS) {
    const text = d.options[key];
    if (text !== undefined && text.trim() !== '') options[key] = optionValue(key, text);
  }
  const out: Record<string, unknown> = {
    format: SCENARIO_FORMAT,
    id: d.id,
    title: { en: d.title.en, zh: d.title.zh },
  };
  if (d.description.en !== '' || d.description.zh !== '')
    out.description = { en: d.description.en, zh: d.description.zh };
  out.seed = numberOf(d.seed);
  out.model = d.model;
  out.options = options;
  out.clients = d.clients.map((c) => ({
    name: c.name,
    actions: c.actions.map((a) =>
      a.do === 'send' ? { at: numberOf(a.at), do: a.do, data: a.data } : { at: numberOf(a.at), do: a.do },
    ),
  }));
  const idle = numberOf(d.idleConnections);
  if (idle !== undefined) out.idleConnections = idle;
  const until = numberOf(d.untilMs);
  if (until !== undefined) out.untilMs = until;
  return out;
}

/** The problems grouped by the field they name. */
export function problemsByPath(problems: readonly Problem[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), p.message]);
  return map;
}

/** The element id of a field's input, from its path in the scenario (`clients[0].name` → `ed-clients-0-name`). */
export function fieldId(path: string): string {
  return `ed-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** `list` with item i moved by `delta` places (nothing moves past either end). */
export function moved<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export const isModel = (m: string): m is Model => (MODELS as readonly string[]).includes(m);

/** A name no client of the draft uses yet. */
export function nextClientName(d: Draft): string {
  const used = new Set(d.clients.map((c) => c.name));
  for (let i = 1; ; i++) if (!used.has(`client${i}`)) return `client${i}`;
}

/** A new action after the client's last one: 100 ms later, a send once connected. */
export function nextAction(c: DraftClient): DraftAction {
  const last = c.actions.at(-1);
  if (!last) return { at: '0', do: 'connect', data: '' };
  const at = numberOf(last.at);
  return { at: typeof at === 'number' ? String(at + 100) : last.at, do: 'send', data: 'hello' };
}

/** JSON with every object's keys sorted: two scenarios are the same file whatever the key order. */
export { canonicalJson } from '../../scenarios/link.ts';
