/** Which thread a panel follows, and how a thread is named in a small tag. */
import type { MachineView, ThreadView } from '../../kernel/view.ts';
import type { TraceIndex } from '../../kernel/trace-index.ts';
import { shortThreadName } from '../../narration/index.ts';

/** The server's first process (the one the run started). */
export function mainPidOf(view: MachineView): number {
  let pid = Infinity;
  for (const p of Object.values(view.procs)) if (p.parent === null && p.pid < pid) pid = p.pid;
  return Number.isFinite(pid) ? pid : 0;
}

const HAS_TID = new Set([
  'py',
  'sys.enter',
  'sys.block',
  'sys.wake',
  'sys.exit',
  'copy',
  'signal.handle',
  'error',
  'select.scan',
  'poll.scan',
]);

/**
 * The thread this step is about: the one its first event names; else the one that acted most
 * recently before it; else whichever runs on a core; else the main thread.
 */
export function activeThread(index: TraceIndex, step: number, view: MachineView): number | null {
  if (index.steps === 0) return null;
  const start = index.stepStart[Math.max(0, Math.min(step, index.steps - 1))]!;
  const alive = (tid: number) => {
    const th = view.threads[tid];
    return !!th && th.state !== 'exited' && th.line > 0;
  };
  for (let i = start; i >= 0 && i >= start - 5000; i--) {
    const e = index.trace[i]!;
    if (HAS_TID.has(e.type) && 'tid' in e && alive(e.tid)) return e.tid;
  }
  for (const tid of view.cores) if (tid !== null && alive(tid)) return tid;
  const main = mainPidOf(view);
  return alive(main) ? main : null;
}

/** "MainThread", "Thread-1", "pid 4001" (a forked child's main thread). */
export function threadTag(th: ThreadView, mainPid: number): string {
  if (th.tid === th.pid && th.pid !== mainPid) return `pid ${th.pid}`;
  return shortThreadName(th.name);
}
