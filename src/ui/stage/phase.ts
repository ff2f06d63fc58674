/**
 * The two phases of a read — 1. waiting for data, 2. copying it from the kernel into the
 * program's buffer — for the thread a student should look at in this step. Every I/O model
 * answers differently: a blocking read sleeps in phase 1; a non-blocking one returns EAGAIN
 * instead; select/poll/epoll do phase 1 in a separate call; io_uring lets the kernel do both.
 */
import type { TraceEvent } from '../../kernel/types.ts';
import { multiplexerOf, waitsForInput } from '../../kernel/syscall-table.ts';
import type { MachineView, ThreadView } from '../../kernel/view.ts';
import type { SyscallExit } from './facts.ts';

export type PhaseName = 'waiting' | 'copying' | 'none';
export type PhaseVia = 'read' | 'select' | 'poll' | 'epoll' | 'signal' | 'uring' | 'eagain' | 'none';

export interface PhaseInfo {
  phase: PhaseName;
  /** The thread is asleep (state 'blocked') while the phase lasts. */
  blocked: boolean;
  via: PhaseVia;
  tid: number | null;
  /** The system call, as strace names it. */
  call: string | null;
  fd: number | null;
  /** The thread was woken in this very step (the data or the event it waited for is there). */
  woken: boolean;
  /** It was woken by the peer's FIN: the read will return b'' and copy nothing. */
  eof?: boolean;
  /** select/poll: fds watched; epoll: fds registered; io_uring: reads in progress. */
  count: number | null;
}

export const NO_PHASE: PhaseInfo = {
  phase: 'none',
  blocked: false,
  via: 'none',
  tid: null,
  call: null,
  fd: null,
  woken: false,
  count: null,
};

export interface PhaseInput {
  view: MachineView;
  /** The events of the current step. */
  stepEvents: readonly TraceEvent[];
  /** The last system call each thread finished (before the end of this step). */
  lastExit: (tid: number) => SyscallExit | null;
}

/** The read phase of one thread, or null when it is doing no read of any kind. */
export function threadPhase(th: ThreadView, input: PhaseInput): PhaseInfo | null {
  if (th.state === 'exited') return null;
  const { view, stepEvents } = input;
  const woken = stepEvents.some((e) => e.type === 'sys.wake' && e.tid === th.tid);
  const eof = stepEvents.some((e) => e.type === 'sys.wake' && e.tid === th.tid && e.reason === 'FIN');
  const blocked = th.state === 'blocked';
  const base = { tid: th.tid, woken, blocked, ...(eof ? { eof } : {}) };
  const on = th.on;

  // io_uring: the kernel does both phases; the thread only collects completions.
  const ring = uringOf(view, th);
  if (ring !== null && (on?.kind === 'uring' || th.call?.name === 'io_uring_enter' || !th.call)) {
    const r = view.uring[ring]!;
    const copied = stepEvents.some((e) => e.type === 'copy' && e.dir === 'to-user' && e.tid === th.tid);
    const reads = r.sq.filter((e) => e.op === 'recv' || e.op === 'accept').length;
    if (copied)
      return {
        ...base,
        phase: 'copying',
        via: 'uring',
        call: 'io_uring_enter',
        fd: th.userBuffer?.fd ?? null,
        count: reads,
      };
    if (reads > 0)
      return { ...base, phase: 'waiting', via: 'uring', call: 'io_uring_enter', fd: null, count: reads };
    return null;
  }

  if (th.call && th.call.phase) {
    const fd = on && 'fd' in on ? on.fd : th.call.phase === 'copying' ? (th.userBuffer?.fd ?? null) : null;
    return { ...base, phase: th.call.phase, via: 'read', call: th.call.name, fd, count: null };
  }
  if (on && (on.kind === 'select' || on.kind === 'poll')) {
    return {
      ...base,
      phase: 'waiting',
      via: on.kind,
      call: on.kind === 'select' ? 'pselect6' : 'poll',
      fd: null,
      count: on.fds.length,
    };
  }
  if (on?.kind === 'epoll') {
    const ep = view.epolls[on.ep];
    return {
      ...base,
      phase: 'waiting',
      via: 'epoll',
      call: 'epoll_wait',
      fd: on.epfd,
      count: ep ? Object.keys(ep.interest).length : null,
    };
  }
  const via = th.call ? multiplexerOf(th.call.name) : null;
  if (th.call && via) {
    const scan =
      view.lastScan && view.lastScan.tid === th.tid && via !== 'epoll' ? view.lastScan.watched.length : null;
    return { ...base, phase: 'waiting', via, call: th.call.name, fd: null, count: scan };
  }
  if (on?.kind === 'signal')
    return { ...base, phase: 'waiting', via: 'signal', call: 'pause', fd: null, count: null };
  if (!th.call) {
    const last = input.lastExit(th.tid);
    if (last && waitsForInput(last.name) && last.errno === 'EAGAIN') {
      return {
        ...base,
        phase: 'waiting',
        blocked: false,
        via: 'eagain',
        call: last.name,
        fd: null,
        count: null,
      };
    }
  }
  return null;
}

/** The io_uring instance the thread's process holds, if any. */
function uringOf(view: MachineView, th: ThreadView): number | null {
  const p = view.procs[th.pid];
  if (!p) return null;
  for (const what of Object.values(p.fds))
    if (what.kind === 'uring' && view.uring[what.ring]) return what.ring;
  return null;
}

/**
 * The thread to show: the one this step is about, if it is reading; else one copying; else a
 * running reader; else the reader that went to sleep last; else one whose call just said EAGAIN.
 */
export function phaseOf(input: PhaseInput): PhaseInfo {
  const threads = Object.values(input.view.threads).filter((th) => th.state !== 'exited');
  const status = new Map<number, PhaseInfo>();
  for (const th of threads) {
    const p = threadPhase(th, input);
    if (p) status.set(th.tid, p);
  }
  if (status.size === 0) return { ...NO_PHASE, tid: stepThread(input) };
  for (const ev of input.stepEvents) {
    if ('tid' in ev && status.has(ev.tid)) return status.get(ev.tid)!;
  }
  const all = [...status.values()];
  const since = (p: PhaseInfo): number => input.view.threads[p.tid!]?.call?.since ?? -1;
  return (
    all.find((p) => p.phase === 'copying') ??
    all.find((p) => !p.blocked && p.via !== 'eagain') ??
    all.filter((p) => p.blocked).sort((a, b) => since(b) - since(a))[0] ??
    all[0]!
  );
}

/** The first thread the step's events name (for "no read in progress" messages). */
function stepThread(input: PhaseInput): number | null {
  for (const ev of input.stepEvents)
    if ('tid' in ev && input.view.threads[ev.tid]?.state !== 'exited') return ev.tid;
  const running = input.view.cores.find((c) => c !== null);
  return running ?? null;
}
