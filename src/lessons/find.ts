/**
 * Finders for lessons: pure functions that locate steps and facts in a run's trace, so that a
 * lesson's stops and answers are computed, never typed in. Each takes a `Traced` run (the trace
 * and its step index, which a LabRun has) and throws a LessonFindError when what it looks for
 * is not there: a scenario change that breaks a lesson fails its test, not silently in class.
 */
import type { Errno } from '../kernel/errors.ts';
import type { SysName, TraceEvent } from '../kernel/types.ts';
import { type MachineView } from '../kernel/view.ts';
import { indexTrace, type TraceIndex } from '../kernel/trace-index.ts';
import { runScenario, type ScenarioRun } from '../scenarios/run.ts';
import { findScenario } from '../scenarios/index.ts';
import type { Scenario } from '../scenarios/format.ts';
import type { Choice } from './types.ts';

/** What the finders read: a LabRun (src/../runs/runs.ts) has both. */
export interface Traced {
  run: ScenarioRun;
  index: TraceIndex;
}

export type EventPred = (ev: TraceEvent, i: number) => boolean;

export class LessonFindError extends Error {}

/** Search options: `after` = only events after this step; `nth` = the nth match (1-based). */
export interface FindOpts {
  after?: number;
  nth?: number;
  before?: number;
}

function firstEventAfter(r: Traced, step: number | undefined): number {
  if (step === undefined || step < 0) return 0;
  return step + 1 < r.index.stepStart.length ? r.index.stepStart[step + 1]! : r.index.trace.length;
}

/** Indexes of every trace event matching `pred` (within after/before steps). */
export function findEvents(r: Traced, pred: EventPred, opts: FindOpts = {}): number[] {
  const out: number[] = [];
  const trace = r.index.trace;
  const end =
    opts.before === undefined
      ? trace.length
      : (r.index.stepStart[Math.min(opts.before, r.index.steps - 1)] ?? trace.length);
  for (let i = firstEventAfter(r, opts.after); i < end; i++) if (pred(trace[i]!, i)) out.push(i);
  return out;
}

/** The index of the nth (default first) event matching `pred`, or -1. */
export function findEventIndex(r: Traced, pred: EventPred, opts: FindOpts = {}): number {
  const nth = opts.nth ?? 1;
  let seen = 0;
  const trace = r.index.trace;
  for (let i = firstEventAfter(r, opts.after); i < trace.length; i++) {
    if (pred(trace[i]!, i) && ++seen === nth) return i;
  }
  return -1;
}

/** The step that holds the nth event matching `pred`; throws when there is none. */
export function findStep(r: Traced, pred: EventPred, opts: FindOpts = {}, what = 'event'): number {
  const i = findEventIndex(r, pred, opts);
  if (i < 0)
    throw new LessonFindError(
      `${r.run.scenario.id}: no ${what} (nth ${opts.nth ?? 1}, after step ${opts.after ?? -1})`,
    );
  return r.index.stepOfEvent(i);
}

/** Like findStep, but -1 instead of throwing. */
export function findStepOrNone(r: Traced, pred: EventPred, opts: FindOpts = {}): number {
  const i = findEventIndex(r, pred, opts);
  return i < 0 ? -1 : r.index.stepOfEvent(i);
}

/** The event that opens step k. */
export function eventAt(r: Traced, step: number): TraceEvent {
  return r.index.trace[r.index.stepStart[step]!]!;
}

/** Virtual time of step k, in milliseconds. */
export function msAt(r: Traced, step: number): number {
  return eventAt(r, step).t / 1e6;
}

export function lastStep(r: Traced): number {
  return r.index.steps - 1;
}

/* ── predicates ── */

export const isSysExit =
  (name: SysName, where: { errno?: Errno | null; ret?: number; minRet?: number } = {}): EventPred =>
  (ev) =>
    ev.type === 'sys.exit' &&
    ev.name === name &&
    (where.errno === undefined ||
      (where.errno === null ? ev.errno === undefined : ev.errno === where.errno)) &&
    (where.ret === undefined || ev.ret === where.ret) &&
    (where.minRet === undefined || ev.ret >= where.minRet);

export const isSysBlock =
  (name: SysName): EventPred =>
  (ev) =>
    ev.type === 'sys.block' && ev.name === name;
export const isSysEnter =
  (name: SysName): EventPred =>
  (ev) =>
    ev.type === 'sys.enter' && ev.name === name;
export const isReplyTo =
  (client?: string): EventPred =>
  (ev) =>
    ev.type === 'client.reply' && (client === undefined || ev.client === client);
export const isEpollReadyAdd =
  (fd?: number): EventPred =>
  (ev) =>
    ev.type === 'epoll.ready' && ev.op === 'add' && (fd === undefined || ev.fd === fd);
export const isRxOn =
  (sock?: number): EventPred =>
  (ev) =>
    ev.type === 'sock.rx' && (sock === undefined || ev.sock === sock);
export const isStdinLine: EventPred = (ev) => ev.type === 'stdin.line';
export const isFatalError: EventPred = (ev) => ev.type === 'error' && ev.fatal;
export const isPacketFrom =
  (client: string, kind: 'DATA' | 'FIN' | 'RST' | 'SYN'): EventPred =>
  (ev) =>
    ev.type === 'net.packet' && ev.from === client && ev.kind === kind;
export const isCopyIn =
  (fd?: number): EventPred =>
  (ev) =>
    ev.type === 'copy' && ev.dir === 'to-user' && (fd === undefined || ev.fd === fd);
export const isSignal =
  (signal: string): EventPred =>
  (ev) =>
    ev.type === 'signal.send' && ev.signal === signal;
export const isCqe: EventPred = (ev) => ev.type === 'uring.cqe';
export const and =
  (...preds: EventPred[]): EventPred =>
  (ev, i) =>
    preds.every((p) => p(ev, i));

/* ── facts ── */

export interface Reply {
  client: string;
  data: string;
  ms: number;
  step: number;
}

/** Every reply the clients received, in order (optionally between two steps). */
export function findReplies(r: Traced, opts: FindOpts = {}): Reply[] {
  return findEvents(r, isReplyTo(), opts).map((i) => {
    const ev = r.index.trace[i] as Extract<TraceEvent, { type: 'client.reply' }>;
    return { client: ev.client, data: ev.data, ms: ev.t / 1e6, step: r.index.stepOfEvent(i) };
  });
}

/** How many events match (between steps). */
export function countEvents(r: Traced, pred: EventPred, opts: FindOpts = {}): number {
  return findEvents(r, pred, opts).length;
}

/** The client whose connection is fd `fd` in the server process, at the given view. */
export function clientOfFd(view: MachineView, fd: number): string | null {
  for (const p of Object.values(view.procs)) {
    const what = p.fds[fd];
    if (what?.kind === 'conn') return what.client;
  }
  return null;
}

/** The server's fd for a client's connection, at the given view. */
export function fdOfClient(view: MachineView, client: string): number | null {
  for (const p of Object.values(view.procs)) {
    for (const [fd, what] of Object.entries(p.fds))
      if (what.kind === 'conn' && what.client === client) return Number(fd);
  }
  return null;
}

/** The kernel socket id behind a client's connection (for sock.* events). */
export function sockOfClient(view: MachineView, client: string): number | null {
  for (const p of Object.values(view.procs)) {
    for (const what of Object.values(p.fds))
      if (what.kind === 'conn' && what.client === client) return what.sock;
  }
  return null;
}

/* ── other runs ── */

const runs = new Map<string, Traced>();

/**
 * A run of another scenario (a shipped id or a Scenario), for a lesson that contrasts two
 * models (epoll's order against select's). Cached; deterministic like every run.
 */
export function otherRun(scenario: string | Scenario, seed?: number): Traced {
  const s = typeof scenario === 'string' ? findScenario(scenario) : scenario;
  if (!s) throw new LessonFindError(`no shipped scenario ${String(scenario)}`);
  const key = `${JSON.stringify(s)}#${seed ?? s.seed}`;
  let hit = runs.get(key);
  if (!hit) {
    const run = runScenario(s, { seed: seed ?? s.seed, keepTrace: true });
    hit = { run, index: indexTrace(run.trace, run.options.cores) };
    runs.set(key, hit);
  }
  return hit;
}

/* ── reading one event ── */

/** The fds an epoll_wait reported, from its strace text (`data={u32=5, …}`). */
export function epollReportedFds(ev: TraceEvent): number[] {
  if (ev.type !== 'sys.exit' || ev.name !== 'epoll_wait') return [];
  return [...ev.strace.matchAll(/data=\{u32=(\d+)/g)].map((m) => Number(m[1]));
}

/** The system call thread `tid` was inside when event i happened, or null (running Python). */
export function callInProgress(r: Traced, i: number, tid: number): SysName | null {
  const trace = r.index.trace;
  for (let j = i - 1; j >= 0; j--) {
    const ev = trace[j]!;
    if (ev.type === 'sys.exit' && ev.tid === tid) return null;
    if (ev.type === 'sys.enter' && ev.tid === tid) return ev.name;
  }
  return null;
}

/** Milliseconds, rounded for a sentence (3 significant digits at most). */
export function roundMs(ms: number): number {
  if (ms >= 100) return Math.round(ms);
  if (ms >= 10) return Math.round(ms * 10) / 10;
  return Math.round(ms * 1000) / 1000;
}

/**
 * A question's choice for an fd, named as the stage names it and in the page's language:
 * `fd 7 (ann)`, `fd 3 (the listening socket)` / `fd 3（监听套接字）`, from the lesson's own keys
 * `lesson.NN.fd.conn` and `lesson.NN.fd.listen` (`lesson` is `lesson.NN`). `client` says whose a
 * connection is when the view does not know yet.
 */
export function fdChoice(
  lesson: string,
  view: MachineView,
  fd: number,
  client?: (sock: number) => string | null,
): Choice {
  for (const p of Object.values(view.procs)) {
    const what = p.fds[fd];
    if (what?.kind === 'conn')
      return {
        id: String(fd),
        label: `${lesson}.fd.conn`,
        params: { fd, client: client?.(what.sock) ?? what.client },
      };
    if (what?.kind === 'listen') return { id: String(fd), label: `${lesson}.fd.listen`, params: { fd } };
  }
  return { id: String(fd), label: `fd ${fd}`, literal: true };
}

/** An fd in a sentence of either language: `fd 7 (ann)` for a connection (a name is not translated), else `fd 3`. */
export function fdLabel(view: MachineView, fd: number): string {
  for (const p of Object.values(view.procs)) {
    const what = p.fds[fd];
    if (what?.kind === 'conn') return `fd ${fd} (${what.client})`;
  }
  return `fd ${fd}`;
}
