/**
 * `pselect6` and `poll` — Linux's fs/select.c (do_select, do_sys_poll): each call looks at the
 * fds it is given, hooks the caller onto each one's wait queue when none is ready, sleeps, and
 * looks at all of them again after every wake-up. select is charged per watched fd and per
 * 64-fd word of its bitmaps up to nfds; poll per entry of its array.
 */
import { fdSet, timespec } from '../strace-format.ts';
import { MS, POLLERR, POLLHUP, POLLIN, type Ns, type PollFd } from '../types.ts';
import {
  done,
  fail,
  type Attempt,
  type KernelContext,
  type Process,
  type Sock,
  type SysOp,
  type Thread,
} from '../state.ts';
import { closesOf, fdOfFile, sockOf } from '../fdtable.ts';
import { pollMask, readable } from '../net/tcp.ts';

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
 * fd → socket for the wait-queue hooks, remembered per process. An open file's id is never
 * reused, so a remembered socket holds as long as the descriptor still names the same file.
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

/* ── the ready set ∩ the watched set ──
 * Linux asks every watched fd's poll method on every call (nanoseconds each; the model charges
 * that by formula). The model finds the same answer from the other side: the sockets that may be
 * ready (a packet made them readable: `mayBeReady`, from sk_data_ready) crossed with the caller's
 * watched set, so a call over 100,000 idle connections does work for what is ready, not per fd. */

const candidates = new WeakMap<KernelContext, Set<Sock>>();

function readySet(k: KernelContext): Set<Sock> {
  let set = candidates.get(k);
  if (!set) candidates.set(k, (set = new Set()));
  return set;
}

/** A packet may have made sock readable (data, FIN, RST, a connection queued): the next scans look at it. */
export function mayBeReady(k: KernelContext, sock: Sock): void {
  readySet(k).add(sock);
}

/** Where each fd sits in a watched list (its first place; `more`: the later places of an fd listed twice). */
interface Watch {
  list: readonly { fd: number }[];
  pos: Map<number, number>;
  more: Map<number, number[]> | null;
  /** Places of the watched fds that name no socket (closed, stdin, an epoll fd): EBADF for select, POLLNVAL for poll. */
  bad: number[];
}

/**
 * A poll() interest list kept between calls, as Python's select.poll object keeps its fds: the
 * kernel finds a watched fd's place without reading the list, and looks again only at fds added
 * since its last call (all of them once the process has closed a descriptor).
 */
export class PollList {
  readonly array: PollFd[] = [];
  private readonly pos = new Map<number, number>();
  private added: number[] = [];
  private readonly bad = new Set<number>();
  private seen: { k: KernelContext; proc: Process; closes: number } | null = null;

  constructor() {
    lists.set(this.array, this);
  }

  has(fd: number): boolean {
    return this.pos.has(fd);
  }

  /** Adds fd, or changes the events it is watched for. */
  add(fd: number, events: number): void {
    const at = this.pos.get(fd);
    if (at !== undefined) {
      this.array[at]!.events = events;
      return;
    }
    this.pos.set(fd, this.array.length);
    this.array.push({ fd, events });
    this.added.push(fd);
  }

  remove(fd: number): void {
    const at = this.pos.get(fd);
    if (at === undefined) return;
    this.pos.delete(fd);
    this.bad.delete(fd);
    this.array.splice(at, 1);
    for (let i = at; i < this.array.length; i++) this.pos.set(this.array[i]!.fd, i);
  }

  watch(k: KernelContext, proc: Process): Watch {
    const seen = this.seen;
    if (!seen || seen.k !== k || seen.proc !== proc || seen.closes !== closesOf(proc)) {
      this.bad.clear();
      for (const p of this.array) if (!sockOf(k, proc, p.fd)) this.bad.add(p.fd);
      this.seen = { k, proc, closes: closesOf(proc) };
    } else {
      for (const fd of this.added) if (this.pos.has(fd) && !sockOf(k, proc, fd)) this.bad.add(fd);
      for (const fd of this.bad) if (sockOf(k, proc, fd)) this.bad.delete(fd);
    }
    this.added = [];
    return { list: this.array, pos: this.pos, more: null, bad: [...this.bad].map((fd) => this.pos.get(fd)!) };
  }
}
const lists = new WeakMap<readonly PollFd[], PollList>();

/** The watch of a list the caller keeps (a PollList's array), else one built for this call. */
function watchOf(k: KernelContext, proc: Process, list: readonly { fd: number }[]): Watch {
  const kept = lists.get(list as readonly PollFd[]);
  if (kept) return kept.watch(k, proc);
  const w: Watch = { list, pos: new Map(), more: null, bad: [] };
  const m = fdSocks(proc);
  list.forEach(({ fd }, i) => {
    if (!sockAt(k, proc, m, fd)) w.bad.push(i);
    if (!w.pos.has(fd)) return void w.pos.set(fd, i);
    w.more ??= new Map();
    const more = w.more.get(fd);
    if (more) more.push(i);
    else w.more.set(fd, [i]);
  });
  return w;
}

/**
 * The places in the watched list of the fds that are not quiet (`test` decides for a socket and
 * its place), with the places of the fds that name no socket, in list order. Sockets found
 * quiet leave the ready set.
 */
function readyPlaces(k: KernelContext, proc: Process, w: Watch, test: (sock: Sock, at: number) => boolean) {
  const places = [...w.bad];
  const set = readySet(k);
  for (const sock of set) {
    if (sock.closed || pollMask(sock) === 0) {
      set.delete(sock);
      continue;
    }
    for (const fileId of sock.files) {
      const file = k.files.get(fileId);
      const fd = file && fdOfFile(file);
      if (fd === undefined || proc.fds[fd] !== fileId) continue;
      const at = w.pos.get(fd);
      if (at === undefined) continue;
      if (test(sock, at)) places.push(at);
      for (const i of w.more?.get(fd) ?? []) if (test(sock, i)) places.push(i);
    }
  }
  return places.sort((a, b) => a - b);
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
  const m = fdSocks(proc);
  const w = watchOf(
    k,
    proc,
    fds.map((fd) => ({ fd })),
  );
  if (w.bad.length > 0) return fail('EBADF', c.selectBaseNs, head(), ')');
  const ready = readyPlaces(k, proc, w, readable).map((i) => fds[i]!);
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
  const m = fdSocks(proc);
  const w = watchOf(k, proc, fds);
  const mask = (sock: Sock, i: number): number => pollMask(sock) & (fds[i]!.events | POLLHUP | POLLERR);
  const ready: PollFd[] = readyPlaces(k, proc, w, (sock, i) => mask(sock, i) !== 0).map((i) => {
    const sock = sockAt(k, proc, m, fds[i]!.fd);
    return { fd: fds[i]!.fd, events: sock ? mask(sock, i) & (POLLIN | POLLERR | POLLHUP) : 0x20 }; // 0x20: POLLNVAL
  });
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
