/**
 * The run a lesson (or one of its stops) reads, and small finders that locate a moment in its
 * trace. Finders throw when the moment is missing: a lesson whose scenario changed so that the
 * moment vanished must fail its test, not show the wrong step.
 */
import { findScenario } from '../scenarios/index.ts';
import { formatProblems, validateScenario, type Scenario } from '../scenarios/format.ts';
import { getRun } from '../runs/runs.ts';
import type { TraceEvent } from '../kernel/types.ts';
import type { Choice, Lesson, LessonContext, LessonItem, Params, Words } from './types.ts';

/** A shipped scenario by id, or a lesson's own scenario once validated. */
export function resolveScenario(scenario: string | Scenario): Scenario {
  if (typeof scenario === 'string') {
    const found = findScenario(scenario);
    if (!found) throw new Error(`lesson scenario "${scenario}" is not a shipped scenario`);
    return found;
  }
  const v = validateScenario(scenario);
  if (!v.ok) throw new Error(`lesson scenario "${scenario.id}" is invalid:\n${formatProblems(v.problems)}`);
  return v.scenario;
}

/** The scenario and seed an item shows: its own, else the lesson's. */
export function itemScenario(lesson: Lesson, item?: LessonItem): { scenario: Scenario; seed: number } {
  const own = item?.kind === 'stop' && item.scenario !== undefined;
  const scenario = resolveScenario(own ? item.scenario! : lesson.scenario);
  const seed = (own ? item.seed : lesson.seed) ?? scenario.seed;
  return { scenario, seed };
}

export function contextOf(scenario: Scenario, seed: number): LessonContext {
  const run = getRun(scenario, seed);
  return { run, viewAt: (step) => run.index.viewAt(step) };
}

/** The context an item's functions read. */
export function itemContext(lesson: Lesson, item?: LessonItem): LessonContext {
  const { scenario, seed } = itemScenario(lesson, item);
  return contextOf(scenario, seed);
}

export function paramsOf(words: Words, ctx: LessonContext | null): Params {
  return words.params && ctx ? words.params(ctx) : {};
}

/* ── finders ── */

export type Match = (ev: TraceEvent, i: number) => boolean;

/** The index of the n-th event (0-based) that matches, at or after event `from`. */
export function eventIndex(
  ctx: LessonContext,
  match: Match,
  { nth = 0, from = 0 }: { nth?: number; from?: number } = {},
): number {
  const trace = ctx.run.index.trace;
  let seen = 0;
  for (let i = from; i < trace.length; i++) {
    if (match(trace[i]!, i) && seen++ === nth) return i;
  }
  throw new Error(`lesson: no event #${nth} matching ${match.toString().slice(0, 120)} from event ${from}`);
}

/** The step that holds the n-th matching event, searching from step `fromStep`. */
export function stepOf(
  ctx: LessonContext,
  match: Match,
  { nth = 0, fromStep = 0 }: { nth?: number; fromStep?: number } = {},
): number {
  const from = ctx.run.index.stepStart[Math.max(0, Math.min(fromStep, ctx.run.index.steps - 1))] ?? 0;
  return ctx.run.index.stepOfEvent(eventIndex(ctx, match, { nth, from }));
}

/** The events of step k. */
export function eventsOf(ctx: LessonContext, step: number): TraceEvent[] {
  const { stepStart, trace, steps } = ctx.run.index;
  return trace.slice(
    stepStart[step] ?? trace.length,
    step + 1 < steps ? stepStart[step + 1] : trace.length,
  ) as TraceEvent[];
}

/** The time of step k, in virtual nanoseconds. */
export function timeOf(ctx: LessonContext, step: number): number {
  const { stepStart, trace } = ctx.run.index;
  return trace[stepStart[step] ?? 0]?.t ?? 0;
}

/** The fd the server got for a client's connection (the first accept of it). */
export function fdOfClient(ctx: LessonContext, client: string): number {
  const i = eventIndex(
    ctx,
    (ev) => ev.type === 'fd.open' && ev.what.kind === 'conn' && ev.what.client === client,
  );
  const ev = ctx.run.index.trace[i]!;
  return ev.type === 'fd.open' ? ev.fd : -1;
}

/** The server-side socket id of a client's connection. */
export function sockOfClient(ctx: LessonContext, client: string): number {
  const i = eventIndex(
    ctx,
    (ev) => ev.type === 'fd.open' && ev.what.kind === 'conn' && ev.what.client === client,
  );
  const ev = ctx.run.index.trace[i]!;
  return ev.type === 'fd.open' && ev.what.kind === 'conn' ? ev.what.sock : -1;
}

/** The client a connection socket belongs to (null for the listening socket or an unknown one). */
export function clientOfSock(ctx: LessonContext, sock: number): string | null {
  for (const ev of ctx.run.index.trace)
    if (ev.type === 'fd.open' && ev.what.kind === 'conn' && ev.what.sock === sock) return ev.what.client;
  return null;
}

/** Milliseconds, for words: 100.02 → "100.02". */
export function ms(ns: number, digits = 1): string {
  return (ns / 1e6).toFixed(digits).replace(/\.0+$/, '');
}

/** Message keys of lesson n: `W('intro.title')` is `{ key: 'lesson.NN.intro.title' }`. */
export function wordsOf(n: number): (key: string, params?: Words['params']) => Words {
  const prefix = `lesson.${String(n).padStart(2, '0')}.`;
  return (key, params) => (params ? { key: prefix + key, params } : { key: prefix + key });
}

/** Paragraph keys `<item>.b1`, `<item>.b2`, ... of an item. */
export function paragraphs(W: (key: string) => Words, item: string, count: number): Words[] {
  return Array.from({ length: count }, (_, i) => W(`${item}.b${i + 1}`));
}

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
/** A system call's return (`sys.exit`) by name, optionally filtered. */
export const exitOf =
  (name: string, where: (ev: Ev<'sys.exit'>) => boolean = () => true): Match =>
  (ev) =>
    ev.type === 'sys.exit' && ev.name === name && where(ev);
/** A system call going to sleep (`sys.block`) by name. */
export const blockOf =
  (name: string, where: (ev: Ev<'sys.block'>) => boolean = () => true): Match =>
  (ev) =>
    ev.type === 'sys.block' && ev.name === name && where(ev);

/* ── choices ── */

/** Choices whose labels are the lesson's keys `lesson.NN.<prefix>.<id>`. */
export function keyChoices(n: number, prefix: string, ids: readonly string[]): Choice[] {
  return ids.map((id) => ({ id, label: `lesson.${String(n).padStart(2, '0')}.${prefix}.${id}` }));
}
/** Choices that are their own labels (numbers, fd numbers). */
export function literalChoices(ids: readonly string[]): Choice[] {
  return ids.map((id) => ({ id, label: id, literal: true }));
}
/** One choice per client of the run's scenario, by name. */
export function clientChoices(ctx: LessonContext): Choice[] {
  return literalChoices(ctx.run.run.scenario.clients.map((c) => c.name));
}

/** The first reply any client receives at or after step `from`: its step and the client. */
export function nextReply(ctx: LessonContext, from: number): { step: number; client: string } {
  const i = eventIndex(ctx, (ev) => ev.type === 'client.reply', { from: ctx.run.index.stepStart[from] ?? 0 });
  const ev = ctx.run.index.trace[i]!;
  return { step: ctx.run.index.stepOfEvent(i), client: ev.type === 'client.reply' ? ev.client : '' };
}
