/**
 * Fast-forward of a polling loop's failed calls — no Linux counterpart: the simulator's own
 * shortcut, exact by construction. A busy-polling server asks every socket in turn (`recvEach`);
 * most answer EAGAIN, and each such call costs the same events, CPU and time as the one before.
 * In a metrics-only run (no trace is kept) the kernel makes one call for real, measures what it
 * cost, proves the next ones would fail the same way (their sockets are non-blocking and hold
 * nothing: recvWouldEagain) and that nothing else can happen meanwhile (no other thread waits for
 * a core, no event is queued before their end, the run's end, its event cap or the caller's
 * horizon), then charges them all at once: the same counts, CPU time, syscall statistics, EAGAINs
 * and virtual time as making them one by one. Whole passes too: at the loop's head (a `round`
 * recvEach), two passes in a row that only failed (and slept) alike repeat until the next event.
 * A run with a trace makes every call (each is a step a student may walk);
 * src/fidelity/fast-forward.test.ts checks both give the same results.
 */
import type { KernelContext, RecvEach, Thread } from './state.ts';
import { recvWouldEagain } from './net/tcp.ts';
import { closesOf } from './fdtable.ts';

/** The counters one call moves, read at the start and at the end of a call. */
interface Mark {
  now: number;
  userNs: number;
  systemNs: number;
  threadUserNs: number;
  threadSystemNs: number;
  events: number;
  eagain: number;
  count: number;
  kernelNs: number;
  token: number;
  pops: number;
  contextSwitches: number;
  fdsLooked: number;
  bytesCopied: number;
}

const markOf = (k: KernelContext, thread: Thread): Mark => {
  const stat = k.syscalls.recvfrom;
  return {
    now: k.now,
    userNs: k.userNs,
    systemNs: k.systemNs,
    threadUserNs: thread.userNs,
    threadSystemNs: thread.systemNs,
    events: k.events,
    eagain: k.eagain,
    count: stat?.count ?? 0,
    kernelNs: stat?.kernelNs ?? 0,
    token: thread.token,
    pops: k.pops,
    contextSwitches: k.contextSwitches,
    fdsLooked: k.fdsLooked,
    bytesCopied: k.bytesCopied,
  };
};

/** How many whole calls of `span` ns (and `events` events) fit before anything else may happen. */
function room(k: KernelContext, spanNs: number, events: number): number {
  const next = k.nextEventNs();
  // Calls whose last event comes strictly before the next queued event (and the caller's horizon),
  // no later than the run's end, and before the event cap is reached.
  const before = Math.min(next ?? Infinity, k.horizonNs) - 1 - k.now;
  const byTime = Math.min(before, k.config.untilNs - k.now);
  const byEvents = k.config.maxEvents - 1 - k.events;
  if (byTime < spanNs || byEvents < events) return 0;
  return Math.min(Math.floor(byTime / spanNs), Math.floor(byEvents / events));
}

/**
 * Called between two calls of a recvEach, after call `each.i` failed with EAGAIN: charges the
 * next calls that provably fail the same way (`each.i` moves past them) and marks the start of
 * the next real call.
 */
export function fastForwardEagains(k: KernelContext, thread: Thread, each: RecvEach): void {
  const prev = each.mark as Mark | undefined;
  const mark = markOf(k, thread);
  each.mark = mark;
  if (prev === undefined || k.runQueue.length > 0) return;
  const d = {
    now: mark.now - prev.now,
    events: mark.events - prev.events,
    token: mark.token - prev.token,
  };
  // Exactly one call, all of it the thread's own bursts (no other event was handled meanwhile),
  // which failed with EAGAIN and moved nothing but time, CPU and counters.
  const oneCall =
    mark.count - prev.count === 1 &&
    mark.eagain - prev.eagain === 1 &&
    mark.pops - prev.pops === d.token &&
    d.now > 0 &&
    d.events > 0 &&
    mark.contextSwitches === prev.contextSwitches &&
    mark.fdsLooked === prev.fdsLooked &&
    mark.bytesCopied === prev.bytesCopied;
  if (!oneCall) return;
  const max = Math.min(each.fds.length - 1 - each.i, room(k, d.now, d.events));
  const proc = k.procs.get(thread.pid)!;
  const from = each.i + 1;
  let n = provenBefore(k, thread, proc.pid, each.fds, from, max);
  while (n < max && recvWouldEagain(k, proc, each.fds[from + n]!)) n++;
  if (n === 0) return;
  proven.set(thread, { fds: each.fds, from, to: from + n, epoch: k.readyEpoch, closes: closesOf(proc) });
  k.now += n * d.now;
  k.userNs += n * (mark.userNs - prev.userNs);
  k.systemNs += n * (mark.systemNs - prev.systemNs);
  thread.userNs += n * (mark.threadUserNs - prev.threadUserNs);
  thread.systemNs += n * (mark.threadSystemNs - prev.threadSystemNs);
  k.events += n * d.events;
  k.eagain += n;
  const stat = k.syscalls.recvfrom!;
  stat.count += n;
  stat.kernelNs += n * (mark.kernelNs - prev.kernelNs);
  thread.token += n * d.token;
  k.pops += n * d.token;
  each.i += n;
  each.mark = markOf(k, thread);
}

/**
 * Per thread, the last span of a recvEach's fds proven to fail with EAGAIN (positions from..to),
 * with the kernel's readyEpoch and the process's closes then. A busy-polling loop that accepts a
 * client a pass asks the same sockets in the same places pass after pass: while nothing arrived
 * on a connection, none turned blocking and none was closed, the span is still proven, and the
 * pass costs a comparison of fd numbers instead of a look at every socket (N²/2 looks to accept
 * N clients).
 */
const proven = new WeakMap<
  Thread,
  { fds: readonly number[]; from: number; to: number; epoch: number; closes: number }
>();

/** How many fds of `fds` from position `from` (at most `max`) are still proven to fail with EAGAIN. */
function provenBefore(
  k: KernelContext,
  thread: Thread,
  pid: number,
  fds: readonly number[],
  from: number,
  max: number,
): number {
  const last = proven.get(thread);
  if (!last || last.epoch !== k.readyEpoch || last.closes !== closesOf(k.procs.get(pid)!)) return 0;
  if (from < last.from) return 0;
  let n = 0;
  while (n < max && from + n < last.to && fds[from + n] === last.fds[from + n]) n++;
  return n;
}

/* ── whole rounds: a pass that only failed (and slept), repeated while nothing else happens ── */

/** The counters a round moves, every system call's among them. */
interface RoundMark {
  mark: Mark;
  calls: Record<string, { count: number; kernelNs: number }>;
  sliceStart: number;
  core: number | null;
  fds: readonly number[];
}

const roundMarkOf = (k: KernelContext, thread: Thread, fds: readonly number[]): RoundMark => {
  const calls: RoundMark['calls'] = {};
  for (const name in k.syscalls) calls[name] = { ...k.syscalls[name]! };
  const core = thread.core === null ? null : k.cores[thread.core]!;
  return { mark: markOf(k, thread), calls, sliceStart: core?.sliceStart ?? 0, core: thread.core, fds };
};

interface RoundDelta {
  mark: Mark;
  calls: Record<string, { count: number; kernelNs: number }>;
  sliceMoved: boolean;
}

function roundDelta(a: RoundMark, b: RoundMark): RoundDelta | null {
  if (a.core !== b.core || a.fds.length !== b.fds.length) return null;
  for (let i = 0; i < a.fds.length; i++) if (a.fds[i] !== b.fds[i]) return null;
  const mark = {} as Mark;
  for (const key in b.mark) mark[key as keyof Mark] = b.mark[key as keyof Mark] - a.mark[key as keyof Mark];
  const calls: RoundDelta['calls'] = {};
  for (const name in b.calls) {
    const before = a.calls[name] ?? { count: 0, kernelNs: 0 };
    const d = {
      count: b.calls[name]!.count - before.count,
      kernelNs: b.calls[name]!.kernelNs - before.kernelNs,
    };
    if (d.count !== 0 || d.kernelNs !== 0) calls[name] = d;
  }
  const sliceMoved = b.sliceStart !== a.sliceStart;
  return { mark, calls, sliceMoved };
}

const sameDelta = (a: RoundDelta, b: RoundDelta): boolean =>
  a.sliceMoved === b.sliceMoved &&
  JSON.stringify(a.mark) === JSON.stringify(b.mark) &&
  JSON.stringify(a.calls) === JSON.stringify(b.calls);

/** A round's calls all failed with EAGAIN (but one sleep), no other event came, nothing but counters moved. */
function quiet(d: RoundDelta): boolean {
  const m = d.mark;
  let calls = 0;
  for (const name in d.calls) calls += d.calls[name]!.count;
  const slept = d.calls.clock_nanosleep?.count ?? 0;
  return (
    m.now > 0 &&
    m.events > 0 &&
    m.pops === m.token &&
    slept <= 1 &&
    m.eagain === calls - slept &&
    m.fdsLooked === 0 &&
    m.bytesCopied === 0
  );
}

const rounds = new WeakMap<Thread, { last: RoundMark; delta: RoundDelta | null }>();

/**
 * Called when a thread starts a `round` recvEach (its program's loop head: the program promises
 * its state there is what it was at the previous one when every call between failed the same
 * way). Two rounds in a row that only failed with EAGAIN (and slept), moved the same counters and
 * saw no other event: the next ones repeat them exactly until the next queued event, so as many
 * as fit are charged at once.
 */
export function fastForwardRounds(k: KernelContext, thread: Thread, fds: readonly number[]): void {
  const state = rounds.get(thread);
  const mark = roundMarkOf(k, thread, fds);
  if (state === undefined) {
    rounds.set(thread, { last: mark, delta: null });
    return;
  }
  const delta = roundDelta(state.last, mark);
  const prev = state.delta;
  state.last = mark;
  state.delta = delta;
  if (delta === null || prev === null || k.runQueue.length > 0 || !quiet(delta) || !sameDelta(prev, delta))
    return;
  const d = delta.mark;
  const n = room(k, d.now, d.events);
  if (n === 0) return;
  k.now += n * d.now;
  k.userNs += n * d.userNs;
  k.systemNs += n * d.systemNs;
  thread.userNs += n * d.threadUserNs;
  thread.systemNs += n * d.threadSystemNs;
  k.events += n * d.events;
  k.eagain += n * d.eagain;
  k.contextSwitches += n * d.contextSwitches;
  thread.token += n * d.token;
  k.pops += n * d.pops;
  for (const name in delta.calls) {
    const stat = k.syscalls[name]!;
    stat.count += n * delta.calls[name]!.count;
    stat.kernelNs += n * delta.calls[name]!.kernelNs;
  }
  if (delta.sliceMoved && thread.core !== null) k.cores[thread.core]!.sliceStart += n * d.now;
  state.last = roundMarkOf(k, thread, fds);
}
