/**
 * Fast-forward of a polling loop's failed calls — no Linux counterpart: the simulator's own
 * shortcut, exact by construction. A busy-polling server asks every socket in turn (`recvEach`);
 * most answer EAGAIN, and each such call costs the same events, CPU and time as the one before.
 * In a metrics-only run (no trace is kept) the kernel makes one call for real, measures what it
 * cost, proves the next ones would fail the same way (their sockets are non-blocking and hold
 * nothing: recvWouldEagain) and that nothing else can happen meanwhile (no other thread waits for
 * a core, no event is queued before their end, the run's end, its event cap or the caller's
 * horizon), then charges them all at once: the same counts, CPU time, syscall statistics, EAGAINs
 * and virtual time as making them one by one. A run with a trace makes every call (each is a
 * step a student may walk); src/fidelity/fast-forward.test.ts checks both give the same results.
 */
import type { KernelContext, RecvEach, Thread } from './state.ts';
import { recvWouldEagain } from './net/tcp.ts';

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
  let n = 0;
  while (n < max && recvWouldEagain(k, proc, each.fds[each.i + 1 + n]!)) n++;
  if (n === 0) return;
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
