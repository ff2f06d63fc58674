/**
 * Sleeping for a while — Linux's kernel/time/hrtimer.c (`clock_nanosleep`, which CPython's
 * time.sleep calls with an absolute CLOCK_MONOTONIC deadline). Call timeouts of select, poll and
 * epoll_wait use the same timer (the core's 'timeout' event).
 */
import { timespec } from './strace-format.ts';
import type { Ns } from './types.ts';
import { done, type Attempt, type KernelContext, type SysOp } from './state.ts';

export function sysClockNanosleep(k: KernelContext, op: SysOp, ns: Ns): Attempt {
  if (op.deadline === null) op.deadline = op.enterT + ns;
  const head = `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ${timespec(op.deadline)}, NULL`;
  if (k.now >= op.deadline) return done({ ret: 0 }, k.costs.syscallNs, head, ') = 0');
  return { block: { kind: 'sleep', untilNs: op.deadline }, targets: [], head };
}
