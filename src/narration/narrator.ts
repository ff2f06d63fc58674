/**
 * The narrator's view of one step: the step's events, the machine views before and after it, and
 * the helpers every family of sentences uses to name things (who is running, what an fd is, whose
 * connection a socket is, the listing line). Per-run caches live here too.
 */
import type { TraceEvent } from '../kernel/types.ts';
import type { MachineView } from '../kernel/view.ts';
import type { TraceIndex } from '../kernel/trace-index.ts';
import { programText, type Listings } from '../programs/lines.ts';
import { LISTINGS } from '../programs/listings.generated.ts';
import type { ScenarioRun } from '../scenarios/run.ts';
import { translateClient } from './you.ts';
import type { Lang } from '../i18n/core.ts';
import { capitalize, joinList, shortThreadName } from './format.ts';

export interface Narration {
  text: string;
  detail?: string;
}

export type Params = Record<string, string | number>;
export type Ev<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;

/** A system call's start as its narration sees it: the caller, the call's arguments (from its strace text) and its end. */
export interface CallStart {
  tid: number;
  pid: number;
  name: string;
  at: number;
  /** The index of the call's sys.exit in the trace (-1 while it has not returned). */
  exit: number;
  exitEv: Ev<'sys.exit'> | undefined;
  blockEv: Ev<'sys.block'> | undefined;
  args: string[];
  /** Argument i as a number, or null. */
  num: (i: number) => number | null;
  fd: number | null;
  p: Params;
  nonblock: boolean;
}

/** A system call's return as its narration sees it. */
export interface CallReturn {
  ev: Ev<'sys.exit'>;
  pid: number;
  args: string[];
  /** The first argument as a number (NaN when it is not one). */
  fd: number;
  p: Params;
  client: string | null;
}

/** Each subsystem's sentences for the start and the return of its calls, by call name. */
export type StartSentences = Record<string, (n: Narrator, c: CallStart) => string>;
export type ReturnSentences = Record<string, (n: Narrator, c: CallReturn) => Narration>;

/* ── per-run caches ── */

const listingCache = new WeakMap<Listings, WeakMap<ScenarioRun, string[]>>();
function listingLines(run: ScenarioRun, listings: Listings): string[] {
  let byRun = listingCache.get(listings);
  if (!byRun) {
    byRun = new WeakMap();
    listingCache.set(listings, byRun);
  }
  let lines = byRun.get(run);
  if (!lines) {
    lines = programText(run, listings).split('\n');
    byRun.set(run, lines);
  }
  return lines;
}

/** For a sys.enter (or the py right before it), the index of the call's sys.block and sys.exit. */
const callEndCache = new WeakMap<readonly TraceEvent[], Map<number, { block: number; exit: number }>>();
const LOOKAHEAD = 200_000;
export function callEnd(
  trace: readonly TraceEvent[],
  from: number,
  tid: number,
): { block: number; exit: number } {
  let memo = callEndCache.get(trace);
  if (!memo) {
    memo = new Map();
    callEndCache.set(trace, memo);
  }
  const hit = memo.get(from);
  if (hit) return hit;
  let block = -1;
  let exit = -1;
  const stop = Math.min(trace.length, from + LOOKAHEAD);
  for (let i = from + 1; i < stop; i++) {
    const e = trace[i]!;
    if (e.type === 'sys.block' && e.tid === tid && block < 0) block = i;
    else if (e.type === 'sys.exit' && e.tid === tid) {
      exit = i;
      break;
    }
  }
  const found = { block, exit };
  memo.set(from, found);
  return found;
}

/** Which client each connection socket belongs to, from the whole run (before accept, the view does not know yet). */
const sockClientCache = new WeakMap<readonly TraceEvent[], Map<number, string>>();
function sockClients(trace: readonly TraceEvent[]): Map<number, string> {
  let map = sockClientCache.get(trace);
  if (!map) {
    map = new Map();
    for (const e of trace)
      if (e.type === 'fd.open' && e.what.kind === 'conn' && !map.has(e.what.sock))
        map.set(e.what.sock, e.what.client);
    sockClientCache.set(trace, map);
  }
  return map;
}

/* ── the narrator ── */

export class Narrator {
  readonly trace: readonly TraceEvent[];
  readonly start: number;
  readonly end: number;
  readonly first: TraceEvent;
  readonly mainPid: number;

  constructor(
    readonly run: ScenarioRun,
    readonly index: TraceIndex,
    readonly step: number,
    readonly lang: Lang,
    readonly view: MachineView,
    readonly before: MachineView | null,
    /** The listings whose lines the narration quotes: with the student's language's comments. */
    readonly listings: Listings = LISTINGS,
  ) {
    this.trace = index.trace;
    this.start = index.stepStart[step]!;
    this.end = step + 1 < index.stepStart.length ? index.stepStart[step + 1]! : this.trace.length;
    this.first = this.trace[this.start]!;
    const pids = Object.values(view.procs)
      .filter((p) => p.parent === null)
      .map((p) => p.pid);
    this.mainPid = pids.length ? Math.min(...pids) : 0;
  }

  t(key: string, params?: Params): string {
    return translateClient(this.lang, key, params);
  }

  /** The step's events after the first. */
  *rest(): Generator<TraceEvent> {
    for (let i = this.start + 1; i < this.end; i++) yield this.trace[i]!;
  }

  find<K extends TraceEvent['type']>(type: K, pred: (e: Ev<K>) => boolean = () => true): Ev<K> | undefined {
    for (let i = this.start; i < this.end; i++) {
      const e = this.trace[i]!;
      if (e.type === type && pred(e as Ev<K>)) return e as Ev<K>;
    }
    return undefined;
  }

  /** The nearest earlier event (within a few hundred) that matches. */
  findBack<K extends TraceEvent['type']>(
    type: K,
    pred: (e: Ev<K>) => boolean = () => true,
    limit = 400,
  ): Ev<K> | undefined {
    for (let i = this.start - 1; i >= 0 && i >= this.start - limit; i--) {
      const e = this.trace[i]!;
      if (e.type === type && pred(e as Ev<K>)) return e as Ev<K>;
    }
    return undefined;
  }

  bytes(n: number): string {
    return this.t(n === 1 ? 'narr.bytes.one' : 'narr.bytes.many', { n });
  }
  list(items: (string | number)[]): string {
    return joinList(this.lang, items.map(String));
  }
  /** "fd 3", "fds 3, 4 and 5". */
  fds(items: (string | number)[]): string {
    return items.length === 1
      ? this.t('narr.fds.one', { fd: items[0]! })
      : this.t('narr.fds.many', { list: this.list(items) });
  }

  /* who and what */

  pidOf(tid: number): number {
    return this.view.threads[tid]?.pid ?? this.before?.threads[tid]?.pid ?? tid;
  }

  who(tid: number, capital = false): string {
    const th = this.view.threads[tid] ?? this.before?.threads[tid];
    const pid = th?.pid ?? tid;
    let s: string;
    if (pid !== this.mainPid && tid === pid) s = this.t('narr.who.child', { pid });
    else if (tid === pid) s = this.t('narr.who.main');
    else s = this.t('narr.who.thread', { name: shortThreadName(th?.name ?? String(tid)), tid });
    return capital ? capitalize(s) : s;
  }

  fdKind(pid: number, fd: number) {
    return this.view.procs[pid]?.fds[fd] ?? this.before?.procs[pid]?.fds[fd];
  }

  /** "ann's connection", "the listening socket"… */
  fdWhat(pid: number, fd: number): string {
    const w = this.fdKind(pid, fd);
    if (!w) return this.t('narr.fd.unknown', { fd });
    switch (w.kind) {
      case 'conn':
        return this.t('narr.fd.conn', { client: w.client });
      case 'listen':
        return this.t('narr.fd.listen');
      case 'epoll':
        return this.t('narr.fd.epoll');
      case 'uring':
        return this.t('narr.fd.uring');
      case 'socket':
        return this.t('narr.fd.socket');
      case 'stdio':
        return this.t(`narr.fd.${w.name}`);
    }
  }

  /** "ann's connection (fd 4)". */
  fdFull(pid: number, fd: number): string {
    const w = this.fdKind(pid, fd);
    if (!w) return this.t('narr.fd.unknown', { fd });
    return this.t('narr.fd.full', { what: this.fdWhat(pid, fd), fd });
  }

  clientOfFd(pid: number, fd: number): string | null {
    const w = this.fdKind(pid, fd);
    return w?.kind === 'conn' ? w.client : null;
  }

  /** "fd 4 (ann)", "fd 3 (a new connection)", for ready lists. */
  fdReady(pid: number, fd: number, extra?: string): string {
    const w = this.fdKind(pid, fd);
    let who: string;
    if (w?.kind === 'conn') who = w.client;
    else if (w?.kind === 'listen') who = this.t('narr.ready.listen');
    else if (w?.kind === 'stdio') who = w.name;
    else return extra ? this.t('narr.ready.fdExtra', { fd, extra }) : this.t('narr.fd.unknown', { fd });
    return this.t('narr.ready.fd', { fd, who: extra ? `${who}, ${extra}` : who });
  }

  clientOfSock(sock: number): string | null {
    return (
      this.view.socks[sock]?.client ??
      this.before?.socks[sock]?.client ??
      sockClients(this.trace).get(sock) ??
      null
    );
  }

  /** A socket as the program knows it: its fd in the process that holds it (a child, if any). */
  sockFull(sock: number): string {
    for (const v of [this.view, this.before]) {
      if (!v) continue;
      const procs = Object.values(v.procs)
        .filter((p) => !p.exited)
        .sort((a, b) => b.pid - a.pid);
      for (const p of procs) {
        for (const [fd, w] of Object.entries(p.fds)) {
          if ((w.kind === 'conn' || w.kind === 'listen' || w.kind === 'socket') && w.sock === sock)
            return this.fdFull(p.pid, Number(fd));
        }
      }
    }
    const client = this.clientOfSock(sock);
    return client ? this.t('narr.fd.pending', { client }) : this.t('narr.fd.sock', { sock });
  }

  codeAt(line: number): string {
    // A backtick inside the code would end the code span early.
    return (listingLines(this.run, this.listings)[line - 1] ?? '').trim().replace(/`/g, "'");
  }

  /** "MainThread, line 18: `data = conn.recv(RECV_SIZE)`", or the interpreter's own code. */
  where(tid: number, line: number): string {
    if (line <= 0) return this.t('narr.at.interp', { who: this.who(tid) });
    return this.t('narr.at.line', {
      Who: this.who(tid, true),
      who: this.who(tid),
      line,
      code: this.codeAt(line),
    });
  }

  /** Who sleeps on a wait queue key in the view before this step. */
  sleepersBefore(key: string): number[] {
    return this.before?.waits[key] ?? [];
  }

  /** The first matching event from `from` up to `until` (or the next 50 events when the call has not ended). */
  findFrom<K extends TraceEvent['type']>(
    type: K,
    from: number,
    pred: (e: Ev<K>) => boolean,
    until: number,
  ): Ev<K> | undefined {
    const stop = until >= 0 ? until : Math.min(this.trace.length, from + 50);
    for (let i = from; i < stop; i++) {
      const e = this.trace[i]!;
      if (e.type === type && pred(e as Ev<K>)) return e as Ev<K>;
    }
    return undefined;
  }
}

/** The return of a call whose success says nothing new. */
export const okReturn = (n: Narrator, c: CallReturn): Narration => ({ text: n.t('narr.exit.ok', c.p) });
