/**
 * The scheduler and wait queues — Linux's kernel/sched/core.c and fair.c (cores, the run queue,
 * timeslices, context switches), kernel/sched/wait.c (sleeping on and waking from wait queues) —
 * and the one lock CPython adds on top: the GIL (Python/ceval_gil.c).
 */
import { MS, type Ns, type WaitOn, type WaitTarget } from './types.ts';
import type { Core, KernelContext, Thread } from './state.ts';

/** CFS hands a runnable thread roughly this much CPU before it may be preempted. */
export const TIMESLICE_NS = 3 * MS;

export function makeReady(k: KernelContext, thread: Thread, preempted = false): void {
  thread.state = 'ready';
  thread.on = null;
  k.runQueue.push(thread.tid);
  k.emit(
    preempted
      ? { t: k.now, type: 'thread.state', tid: thread.tid, state: 'ready', preempted }
      : { t: k.now, type: 'thread.state', tid: thread.tid, state: 'ready' },
  );
}

export function dispatchIdleCores(k: KernelContext): void {
  for (const core of k.cores) {
    if (core.tid !== null) continue;
    const tid = k.runQueue.shift();
    if (tid === undefined) return;
    dispatch(k, core, k.threads.get(tid)!);
  }
}

function dispatch(k: KernelContext, core: Core, thread: Thread): void {
  const from = core.last;
  core.tid = thread.tid;
  core.sliceStart = k.now;
  thread.state = 'running';
  thread.core = core.id;
  const switching = from !== thread.tid;
  if (k.tracing)
    k.emit({
      t: k.now,
      type: 'cpu.switch',
      core: core.id,
      from: null,
      to: thread.tid,
      costNs: switching ? k.costs.contextSwitchNs : 0,
    });
  else k.events++;
  if (k.tracing) k.emit({ t: k.now, type: 'thread.state', tid: thread.tid, state: 'running', core: core.id });
  else k.events++;
  if (switching) {
    // Switching address space and registers (and the cache damage that follows) costs CPU.
    core.last = thread.tid;
    burst(k, thread, 0, k.costs.contextSwitchNs, false);
    return;
  }
  k.continueThread(thread);
}

/** The thread occupies its core for user + system time; then its continuation runs. */
export function burst(k: KernelContext, thread: Thread, userNs: Ns, systemNs: Ns, inSyscall = true): void {
  thread.userNs += userNs;
  thread.systemNs += systemNs;
  k.userNs += userNs;
  k.systemNs += systemNs;
  if (inSyscall && thread.op && systemNs > 0 && thread.cont !== 'next') thread.op.kernelNs += systemNs;
  thread.token++;
  k.schedule(k.now + userNs + systemNs, { e: 'burst', tid: thread.tid, token: thread.token });
}

/** A burst ended: the thread goes on, unless its timeslice is used up and another thread waits. */
export function burstEnded(k: KernelContext, tid: number, token: number): void {
  const thread = k.threads.get(tid)!;
  if (thread.token !== token || thread.state !== 'running') return;
  const core = k.cores[thread.core!]!;
  if (k.runQueue.length > 0 && k.now - core.sliceStart >= TIMESLICE_NS && thread.cont === 'next') {
    // Preempted: back of the run queue, the core goes to the next thread.
    k.contextSwitches++;
    releaseCore(k, thread);
    makeReady(k, thread, true);
    dispatchIdleCores(k);
    return;
  }
  k.continueThread(thread);
}

export function releaseCore(k: KernelContext, thread: Thread): void {
  if (thread.core === null) return;
  const core = k.cores[thread.core]!;
  core.tid = null;
  thread.core = null;
  if (k.tracing)
    k.emit({ t: k.now, type: 'cpu.switch', core: core.id, from: thread.tid, to: null, costNs: 0 });
  else k.events++;
  dispatchIdleCores(k);
}

export function block(k: KernelContext, thread: Thread, on: WaitOn, targets: WaitTarget[]): void {
  thread.state = 'blocked';
  thread.on = on;
  thread.waits = targets;
  for (const target of targets) {
    waitList(k, target).push(thread.tid);
    if (k.tracing) k.emit({ t: k.now, type: 'wait.add', tid: thread.tid, target });
    else k.events++;
  }
  k.contextSwitches++;
  if (k.tracing) k.emit({ t: k.now, type: 'thread.state', tid: thread.tid, state: 'blocked', on });
  else k.events++;
  releaseCore(k, thread);
}

export function waitList(k: KernelContext, target: WaitTarget): number[] {
  switch (target.kind) {
    case 'sock':
      return k.socks.get(target.sock)!.waiters;
    case 'epoll':
      return k.epolls.get(target.ep)!.waiters;
    case 'stdin':
      return k.stdinWaiters;
    case 'gil':
      return k.procs.get(target.pid)!.gilWaiters;
    case 'pool': {
      const known = futexIndex.get(k.futexLabels);
      if (known) {
        const key = known.get(target.queue);
        return key === undefined ? [] : k.futexWaiters.get(key)!;
      }
      for (const [key, label] of k.futexLabels) if (label === target.queue) return k.futexWaiters.get(key)!;
      return [];
    }
  }
}

/**
 * The first futex key of each label, in the order keys were first labelled: what waitList's
 * walk over futexLabels finds, without the walk (thread-per-connection labels a key per thread:
 * the walk made N threads cost N²). Dropped, and the walk used again, if a key's label changes.
 */
const futexIndex = new WeakMap<Map<object, string>, Map<string, object>>();

/** Labels a futex key (futexLabels.set), keeping the index of first keys. */
export function labelFutex(k: KernelContext, key: object, label: string): void {
  const was = k.futexLabels.get(key);
  k.futexLabels.set(key, label);
  if (was === label) return;
  let index = futexIndex.get(k.futexLabels);
  if (was !== undefined || (index === undefined && k.futexLabels.size > 1)) {
    futexIndex.delete(k.futexLabels);
    return;
  }
  if (index === undefined) futexIndex.set(k.futexLabels, (index = new Map()));
  if (!index.has(label)) index.set(label, key);
}

/** Takes a blocked thread off every wait queue it is on and makes it runnable. */
export function wake(k: KernelContext, thread: Thread, reason: string): void {
  if (thread.state !== 'blocked') return;
  for (const target of thread.waits) {
    const list = waitList(k, target);
    const i = list.indexOf(thread.tid);
    if (i >= 0) list.splice(i, 1);
    if (k.tracing) k.emit({ t: k.now, type: 'wait.remove', tid: thread.tid, target });
    else k.events++;
  }
  thread.waits = [];
  thread.token++;
  thread.wakeReason = reason;
  if (thread.op) k.emit({ t: k.now, type: 'sys.wake', tid: thread.tid, name: thread.op.call.name, reason });
  makeReady(k, thread);
  dispatchIdleCores(k);
}

export function wakeAll(k: KernelContext, list: number[], reason: string): void {
  for (const tid of [...list]) wake(k, k.threads.get(tid)!, reason);
}

/**
 * __wake_up_common: every non-exclusive waiter wakes, and only the first exclusive one.
 * accept() sleeps exclusively (WQ_FLAG_EXCLUSIVE), so a new connection wakes one of the threads
 * blocked in accept on it, not all of them (no thundering herd); select, poll and epoll waiters
 * are not exclusive.
 */
export function wakeUp(k: KernelContext, list: number[], reason: string): void {
  let exclusiveWoken = false;
  for (const tid of [...list]) {
    const thread = k.threads.get(tid)!;
    if (thread.on?.kind === 'accept') {
      if (exclusiveWoken) continue;
      exclusiveWoken = true;
    }
    wake(k, thread, reason);
  }
}

/** A timed sleep (a call's timeout) ran out. */
export function timedOut(k: KernelContext, tid: number, token: number): void {
  const thread = k.threads.get(tid)!;
  if (thread.token !== token || thread.state !== 'blocked' || !thread.op) return;
  thread.op.timedOut = true;
  wake(k, thread, 'timeout');
}

/* ── the GIL: one per process; held to run Python, dropped around every system call ── */

export function takeGil(k: KernelContext, thread: Thread): boolean {
  const proc = k.procs.get(thread.pid)!;
  if (proc.gil === thread.tid) return true;
  if (proc.live <= 1 && proc.gil === null) return true;
  if (proc.gil === null) {
    proc.gil = thread.tid;
    if (k.tracing) k.emit({ t: k.now, type: 'gil', pid: proc.pid, holder: thread.tid });
    else k.events++;
    return true;
  }
  block(k, thread, { kind: 'gil' }, [{ kind: 'gil', pid: proc.pid }]);
  return false;
}

export function dropGil(k: KernelContext, thread: Thread): void {
  const proc = k.procs.get(thread.pid)!;
  if (proc.gil !== thread.tid) return;
  const nextTid = proc.gilWaiters[0];
  proc.gil = nextTid ?? null;
  if (k.tracing) k.emit({ t: k.now, type: 'gil', pid: proc.pid, holder: proc.gil });
  else k.events++;
  if (nextTid !== undefined) wake(k, k.threads.get(nextTid)!, 'gil');
}
