/**
 * The student as a client: actions a student adds at the current step of a run (connect a new
 * client, send a message, close, reset) become part of the scenario. Pure: the lab turns them
 * into the scenario it runs, the URL carries them compactly (`add=`), and the same validator as
 * the CLI checks the result, so a shared link or an exported file reproduces them exactly.
 *
 * Determinism: an action taken "at step K" happens 1 ns after the last event of step K. Every
 * event up to step K then happens exactly as before (the new action's event comes later than all
 * of them, a new client takes the next port, and nothing draws from the random generator before
 * the action runs), so steps 0..K stay the same and the consequences appear in the steps after.
 */
import { MS } from '../kernel/types.ts';
import {
  resolveOptions,
  validateScenario,
  type ActionKind,
  type Problem,
  type Scenario,
  type ScenarioAction,
} from './format.ts';
import { problemReason, type Reason } from './reason.ts';

/** One action a student added. `client` is an existing client's name or a new one. */
export interface Addition {
  client: string;
  at: number;
  do: ActionKind;
  data?: string;
}

/** A problem with an action the student tried, as a message key and its parameters. */
export interface StudentProblem {
  key: string;
  params: Record<string, string | number>;
  reason?: Reason;
}

export const MAX_ADDITIONS = 200;
/** Milliseconds of run kept after the last added action, so that its consequences play out. */
export const ROOM_MS = 1000;
const MAX_MS = 3_600_000;
const MAX_SEND_BYTES = 65_536;

const CODE: Record<ActionKind, string> = { connect: 'c', send: 's', close: 'x', reset: 'r' };
const KIND: Record<string, ActionKind> = { c: 'connect', s: 'send', x: 'close', r: 'reset' };

/** The `at` (ms) of an action taken at a step whose last event happened at `tNs`: 1 ns later. */
export function actionAtMs(tNs: number): number {
  return (Math.round(tNs) + 1) / MS;
}

/** The stem of the student's own clients' names. */
export const STUDENT_STEM = 'you';

/** For the student's own client ("you", "you2"…), its number ("" for the first); null for any other name. */
export function studentClientNumber(name: string): string | null {
  const m = /^you(\d*)$/.exec(name);
  return m ? m[1]! : null;
}

/** A client name the scenario does not use yet: "you", then "you2", "you3"… */
export function newClientName(s: Scenario, stem = STUDENT_STEM): string {
  const used = new Set(s.clients.map((c) => c.name));
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) if (!used.has(`${stem}${i}`)) return `${stem}${i}`;
}

/* ── the scenario with the additions ── */

interface Origin {
  base: Scenario;
  additions: readonly Addition[];
}
const ORIGINS = new WeakMap<Scenario, Origin>();

/** The scenario as shipped (or imported), before any student addition. */
export function baseOf(s: Scenario): Scenario {
  return ORIGINS.get(s)?.base ?? s;
}

/** The actions a student added to make `s` (none for a scenario as shipped). */
export function additionsOf(s: Scenario): readonly Addition[] {
  return ORIGINS.get(s)?.additions ?? [];
}

function toAction(a: Addition): ScenarioAction {
  return a.data !== undefined ? { at: a.at, do: a.do, data: a.data } : { at: a.at, do: a.do };
}

/** Where an action at `at` goes in a client's list: after every action planned at or before it. */
function insertAt(actions: readonly ScenarioAction[], at: number): number {
  let pos = 0;
  actions.forEach((x, i) => {
    if (x.at <= at) pos = i + 1;
  });
  return pos;
}

/** The chat room's operator answers one message at a time: leave time for every answer. */
function roomMs(s: Scenario): number {
  if (s.model !== 'select-chat') return ROOM_MS;
  const sends = s.clients.reduce((n, c) => n + c.actions.filter((a) => a.do === 'send').length, 0);
  return ROOM_MS + sends * resolveOptions(s).answerDelayMs;
}

/**
 * The scenario with the additions: each goes into its client's list at its time (a new client
 * joins the end of the list); a fixed `untilMs` grows to leave room after the last addition
 * (ROOM_MS, and in the chat room the operator's time to answer every message).
 * Not validated: see `withAdditions`.
 */
export function mergeAdditions(base: Scenario, additions: readonly Addition[]): Scenario {
  if (additions.length === 0) return base;
  const clients = base.clients.map((c) => ({ name: c.name, actions: [...c.actions] }));
  for (const a of additions) {
    let client = clients.find((c) => c.name === a.client);
    if (!client) {
      client = { name: a.client, actions: [] };
      clients.push(client);
    }
    client.actions.splice(insertAt(client.actions, a.at), 0, toAction(a));
  }
  const merged: Scenario = { ...base, clients };
  if (base.untilMs !== undefined) {
    const last = additions.reduce((m, a) => Math.max(m, a.at), 0);
    merged.untilMs = Math.min(MAX_MS, Math.max(base.untilMs, last + roomMs(merged)));
  }
  ORIGINS.set(merged, { base, additions: [...additions] });
  return merged;
}

/** The merged scenario, checked by the same validator as the CLI and an imported file. */
export function withAdditions(
  base: Scenario,
  additions: readonly Addition[],
): { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] } {
  const merged = mergeAdditions(base, additions);
  const v = validateScenario(merged);
  return v.ok ? { ok: true, scenario: merged } : { ok: false, problems: v.problems };
}

/* ── checks with words for a student ── */

const bytesOf = (text: string): number => new TextEncoder().encode(text).length;

/** Why `next` makes no sense after `additions` (null when it does), in a student's words. */
export function checkAddition(
  base: Scenario,
  additions: readonly Addition[],
  next: Addition,
): StudentProblem | null {
  const client = next.client;
  if (next.do === 'send') {
    if (next.data === undefined || next.data === '') return { key: 'student.problem.empty', params: {} };
    if (bytesOf(next.data) > MAX_SEND_BYTES)
      return { key: 'student.problem.tooLong', params: { max: MAX_SEND_BYTES } };
  }
  if (!Number.isFinite(next.at) || next.at < 0 || next.at > MAX_MS)
    return { key: 'student.problem.late', params: { max: MAX_MS } };
  const actions = mergeAdditions(base, additions).clients.find((c) => c.name === client)?.actions ?? [];
  const pos = insertAt(actions, next.at);
  const before = actions.slice(0, pos);
  const after = actions.slice(pos);
  if (next.do === 'connect') {
    if (actions.some((a) => a.do === 'connect'))
      return { key: 'student.problem.connectOnce', params: { client } };
    return null;
  }
  if (!before.some((a) => a.do === 'connect'))
    return { key: 'student.problem.connectFirst', params: { client } };
  const ended = before.find((a) => a.do === 'close' || a.do === 'reset');
  if (ended) return { key: 'student.problem.ended', params: { client, how: ended.do } };
  if ((next.do === 'close' || next.do === 'reset') && after.length > 0)
    return { key: 'student.problem.laterActions', params: { client, n: after.length } };
  return null;
}

export type Added =
  { ok: true; additions: Addition[]; scenario: Scenario } | { ok: false; problem: StudentProblem };

/** Adds `next` after `additions`: the student's checks first, then the format's validator. */
export function addAction(base: Scenario, additions: readonly Addition[], next: Addition): Added {
  const problem = checkAddition(base, additions, next);
  if (problem) return { ok: false, problem };
  const all = [...additions, next];
  const v = withAdditions(base, all);
  if (!v.ok)
    return {
      ok: false,
      problem: { key: 'student.problem.invalid', params: {}, reason: problemReason(v.problems) },
    };
  return { ok: true, additions: all, scenario: v.scenario };
}

/**
 * Takes back addition `i`. Taking back the connect of a client the student created takes back
 * everything that client did (it cannot send without a connection).
 */
export function removeAddition(base: Scenario, additions: readonly Addition[], i: number): Addition[] {
  const gone = additions[i];
  if (!gone) return [...additions];
  const isNewClient = !base.clients.some((c) => c.name === gone.client);
  if (gone.do === 'connect' && isNewClient) return additions.filter((a) => a.client !== gone.client);
  return additions.filter((_, j) => j !== i);
}

/* ── the URL form: `add=you_c12.000001*you_s12.000001_hello` ── */

/** `%`, `_` and `*` separate the parts, so inside a name or a message they are %-escaped. */
const escape = (text: string): string =>
  text.replace(/[%_*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
function unescape(text: string): string | null {
  if (/%(?!25|5F|2A)/i.test(text)) return null;
  return text.replace(/%(25|5F|2A)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Milliseconds with at most 6 decimals (the simulation counts whole nanoseconds). */
export function formatAtMs(ms: number): string {
  return ms.toFixed(6).replace(/\.?0+$/, '');
}

export function encodeAdditions(additions: readonly Addition[]): string {
  return additions
    .map(
      (a) =>
        `${escape(a.client)}_${CODE[a.do]}${formatAtMs(a.at)}${a.data !== undefined ? `_${escape(a.data)}` : ''}`,
    )
    .join('*');
}

const clip = (text: string): string => (text.length > 30 ? `${text.slice(0, 27)}...` : text);

/** Reads the `add` parameter; a bad value gets a reason that names the problem. Never throws. */
export function decodeAdditions(
  text: string,
): { ok: true; additions: Addition[] } | { ok: false; reason: Reason } {
  if (text === '') return { ok: true, additions: [] };
  const parts = text.split('*');
  if (parts.length > MAX_ADDITIONS)
    return {
      ok: false,
      reason: { key: 'reason.add.tooMany', params: { n: parts.length, max: MAX_ADDITIONS } },
    };
  const additions: Addition[] = [];
  for (const [i, part] of parts.entries()) {
    const where = { i: i + 1, text: clip(part) };
    const refuse = (key: string, more: Record<string, string | number> = {}) => ({
      ok: false as const,
      reason: { key: `reason.add.${key}`, params: { ...where, ...more } },
    });
    const fields = part.split('_');
    if (fields.length < 2 || fields.length > 3) return refuse('shape');
    const client = unescape(fields[0]!);
    if (client === null || client === '') return refuse('noClient');
    const m = /^([a-z])(\d{1,7}(?:\.\d{1,6})?)$/.exec(fields[1]!);
    if (!m) return refuse('notKind', { field: clip(fields[1]!) });
    const kind = KIND[m[1]!];
    if (!kind) return refuse('unknownKind', { kind: m[1]! });
    const at = Number(m[2]);
    if (at > MAX_MS) return refuse('late', { at: m[2]!, max: MAX_MS });
    if (kind === 'send') {
      const data = fields[2] === undefined ? null : unescape(fields[2]);
      if (data === null || data === '') return refuse('noMessage');
      additions.push({ client, at, do: kind, data });
    } else {
      if (fields[2] !== undefined) return refuse('notSend');
      additions.push({ client, at, do: kind });
    }
  }
  return { ok: true, additions };
}

/**
 * The scenario a lab link shows: `base` with the additions its `add` parameter names, or, when
 * that parameter is bad, `base` alone, the parameters without it, and a notice naming the problem.
 */
export function applyAddParam(
  base: Scenario,
  params: Record<string, string>,
): { scenario: Scenario; params: Record<string, string>; notices: StudentProblem[] } {
  const text = params.add;
  if (text === undefined) return { scenario: base, params, notices: [] };
  const rest = { ...params };
  delete rest.add;
  const decoded = decodeAdditions(text);
  if (!decoded.ok)
    return {
      scenario: base,
      params: rest,
      notices: [{ key: 'student.notice.badAdd', params: {}, reason: decoded.reason }],
    };
  if (decoded.additions.length === 0) return { scenario: base, params: rest, notices: [] };
  const v = withAdditions(base, decoded.additions);
  if (!v.ok)
    return {
      scenario: base,
      params: rest,
      notices: [{ key: 'student.notice.badAdd', params: {}, reason: problemReason(v.problems) }],
    };
  return { scenario: v.scenario, params, notices: [] };
}
