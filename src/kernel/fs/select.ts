/**
 * `pselect6` and `poll` — Linux's fs/select.c (do_select, do_sys_poll): each call looks at the
 * fds it is given, hooks the caller onto each one's wait queue when none is ready, sleeps, and
 * looks at all of them again after every wake-up. select is charged per watched fd and per
 * 64-fd word of its bitmaps up to nfds; poll per entry of its array.
 */
import { fdSet, timespec } from '../strace-format.ts';
import { MS, POLLERR, POLLHUP, POLLIN, type Ns, type PollFd, type SysName } from '../types.ts';
import {
  done,
  fail,
  type Attempt,
  type KernelContext,
  type Process,
  type Sock,
  type SysOp,
  type Thread,
  type SyscallFacts,
} from '../state.ts';
import { sockOf } from '../fdtable.ts';
import { pollMask, readable } from '../net/tcp.ts';

/** What this subsystem's system calls are (the table in syscalls.ts gathers every subsystem's). */
export const SELECT_CALLS = {
  pselect6: { kind: 'multiplex', sleeps: true, copies: null, mechanism: 'select' },
  poll: { kind: 'multiplex', sleeps: true, copies: null, mechanism: 'poll' },
} satisfies Partial<Record<SysName, SyscallFacts>>;

/** glibc's FD_SETSIZE: CPython refuses any fd at or above it in select(). */
export const FD_SETSIZE = 1024;

/**
 * Whether this look at the fds is one of the kernel's scans. Linux scans once on entry (and
 * hooks the caller onto every wait queue as it goes) and once after each wake-up. The model
 * first looks without charging, to learn the cost of that entry scan, then charges it and looks
 * again: the two are one scan, drawn once, at the end of its cost.
 */
function scanCounts(op: SysOp, returns: boolean): boolean {
  return returns || op.entryCharged;
}

/**
 * fd → socket for the scans, remembered per process. An open file's id is never reused, so a
 * remembered socket holds as long as the descriptor still names the same file: a scan over
 * 10,000 fds costs array reads, not two map look-ups per fd.
 */
interface FdSocks {
  files: (number | undefined)[];
  socks: (Sock | undefined)[];
}
const remembered = new WeakMap<Process, FdSocks>();

function fdSocks(proc: Process): FdSocks {
  let m = remembered.get(proc);
  if (!m) remembered.set(proc, (m = { files: [], socks: [] }));
  return m;
}

function sockAt(k: KernelContext, proc: Process, m: FdSocks, fd: number): Sock | undefined {
  const id = proc.fds[fd];
  if (id === undefined) return undefined;
  if (m.files[fd] === id) return m.socks[fd];
  const sock = sockOf(k, proc, fd);
  m.files[fd] = id;
  m.socks[fd] = sock;
  return sock;
}

/** An open connection with nothing to report (pollMask 0), tested first: most fds of a big scan are these. */
function quiet(sock: Sock): boolean {
  return (
    sock.rx.length === 0 && !sock.rxFin && sock.err === null && !sock.rcvShutdown && sock.kind === 'conn'
  );
}

/**
 * The entry look found nothing ready: attemptOp only charges its cost and looks again (see
 * scanCounts), so the per-fd wait-queue hooks and the strace text are made by that second look.
 */
function entryLook(kind: 'select' | 'poll', ns: number): Attempt {
  return { block: { kind, fds: [] }, targets: [], head: '', ns };
}

export function sysPselect6(
  k: KernelContext,
  thread: Thread,
  proc: Process,
  op: SysOp,
  nfds: number,
  fds: number[],
  timeoutNs: Ns | null,
): Attempt {
  const c = k.costs;
  if (op.deadline === null) op.deadline = timeoutNs === null ? Infinity : op.enterT + timeoutNs;
  const timeout = timeoutNs === null ? 'NULL' : timespec(timeoutNs);
  // The strace text is O(fds) to build: only when the trace is kept (large sweeps run without it).
  const head = (): string =>
    k.tracing ? `pselect6(${nfds}, ${fdSet(fds)}, NULL, NULL, ${timeout}, NULL` : '';
  const ready: number[] = [];
  const m = fdSocks(proc);
  for (const fd of fds) {
    const sock = sockAt(k, proc, m, fd);
    if (!sock) return fail('EBADF', c.selectBaseNs, head(), ')');
    if (!quiet(sock) && readable(sock)) ready.push(fd);
  }
  const sleeping = op.blocked ? c.selectPerFdSleepNs * fds.length : 0;
  // do_select walks the bitmaps a word (64 fds) at a time up to nfds, and polls only the fds set in them.
  const ns =
    c.selectBaseNs + c.selectPerWordNs * Math.ceil(nfds / 64) + c.selectPerFdNs * fds.length + sleeping;
  if (
    k.tracing &&
    scanCounts(op, ready.length > 0 || timeoutNs === 0 || op.timedOut || k.now >= op.deadline)
  ) {
    k.emit({ t: k.now, type: 'select.scan', tid: thread.tid, nfds, watched: fds, ready });
  } else k.events++;
  if (ready.length > 0) {
    return done(
      { ret: ready.length, ready: ready.map((fd) => ({ fd, events: POLLIN })) },
      ns,
      head(),
      k.tracing
        ? `) = ${ready.length} (in ${fdSet(ready)}${timeoutNs === null ? '' : `, left ${timespec(Math.max(0, op.deadline - k.now))}`})`
        : '',
    );
  }
  if (op.timedOut || timeoutNs === 0 || k.now >= op.deadline)
    return done({ ret: 0, ready: [] }, ns, head(), ') = 0 (Timeout)');
  if (!op.entryCharged) return entryLook('select', ns);
  return {
    block: { kind: 'select', fds },
    targets: fds.map((fd) => ({ kind: 'sock' as const, sock: sockAt(k, proc, m, fd)!.id })),
    head: head(),
    ns,
  };
}

export function sysPoll(
  k: KernelContext,
  thread: Thread,
  proc: Process,
  op: SysOp,
  fds: PollFd[],
  timeoutMs: number,
): Attempt {
  const c = k.costs;
  if (op.deadline === null) op.deadline = timeoutMs < 0 ? Infinity : op.enterT + timeoutMs * MS;
  const head = (): string =>
    k.tracing
      ? `poll([${fds.map((p) => `{fd=${p.fd}, events=POLLIN}`).join(', ')}], ${fds.length}, ${timeoutMs}`
      : '';
  const ready: PollFd[] = [];
  const m = fdSocks(proc);
  for (const p of fds) {
    const sock = sockAt(k, proc, m, p.fd);
    if (!sock) {
      ready.push({ fd: p.fd, events: 0x20 });
      continue;
    } // POLLNVAL
    if (quiet(sock)) continue;
    const mask = pollMask(sock) & (p.events | POLLHUP | POLLERR);
    if (mask) ready.push({ fd: p.fd, events: mask & (POLLIN | POLLERR | POLLHUP) });
  }
  const sleeping = op.blocked ? c.pollPerFdSleepNs * fds.length : 0;
  const ns = c.pollBaseNs + c.pollPerFdNs * fds.length + sleeping;
  if (
    k.tracing &&
    scanCounts(op, ready.length > 0 || timeoutMs === 0 || op.timedOut || k.now >= op.deadline)
  ) {
    k.emit({
      t: k.now,
      type: 'poll.scan',
      tid: thread.tid,
      watched: fds.map((p) => p.fd),
      ready: ready.map((p) => p.fd),
    });
  } else k.events++;
  if (ready.length > 0) {
    const revents = k.tracing
      ? ready.map((p) => `{fd=${p.fd}, revents=${pollEventsText(p.events)}}`).join(', ')
      : '';
    return done({ ret: ready.length, ready }, ns, head(), `) = ${ready.length} ([${revents}])`);
  }
  if (op.timedOut || timeoutMs === 0 || k.now >= op.deadline)
    return done({ ret: 0, ready: [] }, ns, head(), ') = 0 (Timeout)');
  if (!op.entryCharged) return entryLook('poll', ns);
  return {
    block: { kind: 'poll', fds: fds.map((p) => p.fd) },
    targets: fds.map((p) => ({ kind: 'sock' as const, sock: sockAt(k, proc, m, p.fd)!.id })),
    head: head(),
    ns,
  };
}

export function pollEventsText(events: number): string {
  return (
    [
      [POLLIN, 'POLLIN'],
      [POLLERR, 'POLLERR'],
      [POLLHUP, 'POLLHUP'],
    ]
      .filter(([bit]) => events & (bit as number))
      .map(([, n]) => n)
      .join('|') || '0'
  );
}
