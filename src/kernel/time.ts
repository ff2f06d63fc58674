/**
 * Sleeping for a while — Linux's kernel/time/hrtimer.c (`clock_nanosleep`, which CPython's
 * time.sleep calls with an absolute CLOCK_MONOTONIC deadline). Call timeouts of select, poll and
 * epoll_wait use the same timer (the core's 'timeout' event).
 */
import { timespec } from './strace-format.ts';
import type { Ns, SysName } from './types.ts';
import { done, type Attempt, type KernelContext, type SysOp, type SyscallFacts } from './state.ts';

/** What this subsystem's system calls are (the table in syscalls.ts gathers every subsystem's). */
export const TIME_CALLS = {
  clock_nanosleep: { kind: 'wait', sleeps: true, copies: null },
} satisfies Partial<Record<SysName, SyscallFacts>>;

export function sysClockNanosleep(k: KernelContext, op: SysOp, ns: Ns): Attempt {
  if (op.deadline === null) op.deadline = op.enterT + ns;
  const head = `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ${timespec(op.deadline)}, NULL`;
  if (k.now >= op.deadline) return done({ ret: 0 }, k.costs.syscallNs, head, ') = 0');
  return { block: { kind: 'sleep', untilNs: op.deadline }, targets: [], head };
}
