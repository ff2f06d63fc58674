/**
 * A read's two phases, model by model, measured from the runs of the shipped scenarios (lesson 17
 * and its table): phase 1 = waiting for data (where the thread is asleep), phase 2 = the copy from
 * the kernel into the program's buffer (inside a read call, or in io_uring's completion).
 */
import { callInProgress, otherRun } from './find.ts';
import { multiplexerOf, readsData } from '../kernel/syscall-table.ts';

/** The model's scenario, in course order. */
export const PHASE_MODELS = [
  { id: 'blocking', scenario: 'blocking-two-clients' },
  { id: 'threads', scenario: 'thread-per-connection' },
  { id: 'nonblocking', scenario: 'nonblocking' },
  { id: 'select', scenario: 'select' },
  { id: 'poll', scenario: 'poll' },
  { id: 'epoll', scenario: 'epoll-level' },
  { id: 'signal', scenario: 'signal-driven' },
  { id: 'asyncio', scenario: 'asyncio' },
  { id: 'async-io', scenario: 'async-io' },
] as const;

export type PhaseModel = (typeof PHASE_MODELS)[number]['id'];
/**
 * Phase 1, where the thread is *asleep* (off the CPU, on a wait queue) while no data is there:
 * inside the read itself, in a call that waits for many fds, in pause() until a signal, in
 * io_uring_enter(GETEVENTS) until a completion, or nowhere (it asks again and again).
 */
export type Wait = 'read' | 'multiplexer' | 'pause' | 'uring' | 'no';
/** How the program learns that data is there. */
export type Learn = 'wakes' | 'asks' | 'signal' | 'completion';
/**
 * Phase 2: the program calls a read, and the thread copies *inside* it (in kernel mode); or it
 * makes no read call at all: io_uring's completion copies, run in the submitting thread's context.
 */
export type Copy = 'in-read' | 'completion';

export interface PhaseRow {
  id: PhaseModel;
  scenario: string;
  wait: Wait;
  learn: Learn;
  copy: Copy;
}

export function phaseRow(id: PhaseModel, scenario: string): PhaseRow {
  const r = otherRun(scenario);
  const trace = r.index.trace;
  let wait: Wait = 'no';
  let signal = false;
  let cqe = false;
  let eagain = false;
  let copy: Copy | null = null;
  for (let i = 0; i < trace.length; i++) {
    const ev = trace[i]!;
    if (ev.type === 'sys.block' && (ev.name === 'recvfrom' || ev.name === 'accept4') && wait === 'no')
      wait = 'read';
    else if (ev.type === 'sys.block' && multiplexerOf(ev.name)) wait = 'multiplexer';
    else if (ev.type === 'sys.block' && ev.name === 'pause' && wait === 'no') wait = 'pause';
    else if (ev.type === 'sys.block' && ev.name === 'io_uring_enter' && wait === 'no') wait = 'uring';
    else if (ev.type === 'signal.send' && ev.signal === 'SIGIO') signal = true;
    else if (ev.type === 'uring.cqe') cqe = true;
    else if (
      ev.type === 'sys.exit' &&
      ev.errno === 'EAGAIN' &&
      (ev.name === 'recvfrom' || ev.name === 'accept4')
    )
      eagain = true;
    else if (ev.type === 'copy' && ev.dir === 'to-user' && ev.fd > 2 && copy === null) {
      const inCall = callInProgress(r, i, ev.tid);
      copy = inCall !== null && readsData(inCall) ? 'in-read' : 'completion';
    }
  }
  const learn: Learn =
    wait === 'read' || wait === 'multiplexer'
      ? 'wakes'
      : cqe
        ? 'completion'
        : signal
          ? 'signal'
          : eagain
            ? 'asks'
            : 'wakes';
  return { id, scenario, wait, learn, copy: copy ?? 'in-read' };
}

let table: PhaseRow[] | null = null;

export function phaseTable(): PhaseRow[] {
  table ??= PHASE_MODELS.map((m) => phaseRow(m.id, m.scenario));
  return table;
}
