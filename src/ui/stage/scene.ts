/**
 * The stage's scene: the MachineView regrouped the way the picture is drawn — processes with
 * their threads and fd tables, the kernel objects each with the threads asleep on it, client
 * hosts with the packets on their wire — and, for each, whether it changed since the step
 * before. Pure: the same view, step events and facts give the same scene.
 */
import type { Bytes } from '../../kernel/bytes.ts';
import type { FdWhat, PacketKind, TraceEvent } from '../../kernel/types.ts';
import {
  packetsInFlight,
  type ClientView,
  type MachineView,
  type ScanView,
  type SockView,
  type ThreadView,
} from '../../kernel/view.ts';
import { type TraceIndex } from '../../kernel/trace-index.ts';
import {
  lastExit,
  signalsBefore,
  stdoutBefore,
  stepRange,
  traceFacts,
  type SignalEvent,
  type TraceFacts,
} from './facts.ts';
import { phaseOf, type PhaseInfo } from './phase.ts';

export interface ThreadScene extends ThreadView {
  /** The core running it now (from view.cores), null when it is not on a CPU. */
  cpu: number | null;
  changed: boolean;
  bufferChanged: boolean;
  sentChanged: boolean;
  /** A Python exception raised by this thread in this step. */
  error: string | null;
}

export interface FdScene {
  fd: number;
  what: FdWhat;
  nonblock: boolean;
  async: boolean;
  changed: boolean;
  /** one end of a socketpair() */ pair: boolean;
}

export interface ProcScene {
  pid: number;
  parent: number | null;
  name: string;
  exited: boolean;
  code: number | null;
  threads: ThreadScene[];
  /** Live threads left out of the picture (a thread per connection, thousands of connections). */
  hiddenThreads: number;
  exitedThreads: ThreadScene[];
  fds: FdScene[];
  /** Open fds left out of the table (a process holding thousands of connections). */
  hiddenFds: number;
  /** Whether the GIL matters (more than one live thread). */
  showGil: boolean;
  gil: number | null;
  gilWaiters: number[];
  changed: boolean;
}

export interface FdRef {
  pid: number;
  fd: number;
}

export interface SockScene extends Omit<SockView, 'acceptQueue'> {
  refs: FdRef[];
  waiters: number[];
  /** Connections waiting for accept(), oldest first, named by client. */
  queue: { conn: number; client: string | null; isNew: boolean }[];
  /** How many bytes at the end of rx arrived in this step. */
  newBytes: number;
  /** Bytes a read took out of rx in this step (shown fading, on their way to the thread). */
  taken: Bytes;
  /** Clients whose SYN this listening socket dropped in this step (its accept queue was full). */
  dropped: string[];
  /** A connection still in the accept queue (no process holds it yet). */
  queued: boolean;
  /** One end of a socketpair() (the program talking to itself), not a network socket. */
  pair: boolean;
  /** Held by the program one step ago, closed now: drawn greyed for this step. */
  gone: boolean;
  changed: boolean;
  finNew: boolean;
  errNew: boolean;
}

export interface EpollScene {
  id: number;
  refs: FdRef[];
  interest: { fd: number; events: number; isNew: boolean }[];
  ready: { fd: number; isNew: boolean }[];
  waiters: number[];
  changed: boolean;
}

export interface ScanScene extends ScanView {
  changed: boolean;
}

export interface SignalScene {
  pid: number;
  pending: string[];
  history: SignalEvent[];
  waiters: number[];
  /** fds of this process that raise SIGIO (O_ASYNC). */
  asyncFds: number[];
  changed: boolean;
}

export interface UringScene {
  id: number;
  refs: FdRef[];
  sq: { op: string; fd: number; userData: number; isNew: boolean }[];
  cq: { userData: number; res: number; isNew: boolean }[];
  waiters: number[];
  changed: boolean;
}

export interface TerminalScene {
  prompt: Bytes | null;
  typed: Bytes[];
  waiters: number[];
  changed: boolean;
}
export interface PoolScene {
  name: string;
  waiters: number[];
  changed: boolean;
}
export interface ClientScene extends ClientView {
  changed: boolean;
  newReplies: number;
}
export interface PacketScene {
  id: number;
  client: string;
  toServer: boolean;
  kind: PacketKind;
  bytes: number;
  data: Bytes | null;
  progress: number;
  isNew: boolean;
}

export interface StageScene {
  t: number;
  cores: (number | null)[];
  procs: ProcScene[];
  hiddenProcs: number;
  hiddenSockets: number;
  /** The sockets not drawn, counted: with unread data, closing (FIN, error, closed), idle. */
  hiddenSocketCounts: { data: number; closing: number; idle: number };
  hiddenClients: number;
  /** The clients not drawn, counted by state (most common first). */
  hiddenClientStates: [string, number][];
  exitedProcs: ProcScene[];
  threads: Record<number, ThreadScene>;
  sockets: SockScene[];
  epolls: EpollScene[];
  scan: ScanScene | null;
  signals: SignalScene[];
  urings: UringScene[];
  terminal: TerminalScene | null;
  pools: PoolScene[];
  clients: ClientScene[];
  packets: PacketScene[];
  phase: PhaseInfo;
}

export interface SceneInput {
  view: MachineView;
  before: MachineView | null;
  stepEvents: readonly TraceEvent[];
  /** Index of the first event after this step (facts are looked up before it). */
  stepEnd: number;
  facts: TraceFacts;
  /** The server model (the chat room shows the operator's terminal). */
  model: string;
}

// The same object is the same value (a step's view shares what the step did not touch).
const same = (a: unknown, b: unknown): boolean =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === 0 && b.length === 0) ||
  JSON.stringify(a) === JSON.stringify(b);
/** Two records of numbers hold the same entries (what `same` says of them, without writing them out). */
function sameNumbers(a: Record<number, number>, b: Record<number, number>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[Number(k)] !== b[Number(k)]) return false;
  return true;
}
const NONE: readonly never[] = [];

/*
 * A 10,000-socket machine changes a few of its objects per step, and a step's view shares the
 * rest with the view before (view-share.ts). The parts of the scene made from an object alone
 * (with what it is compared with) are kept here by that object, so a step rebuilds only the parts
 * of what changed. The parts are never written to once made.
 */
/** A process's fd rows (none changed), by its fd table and flags. */
const FD_ROWS = new WeakMap<object, { flags: object; facts: object; rows: FdScene[] }>();
/** A socket's scene when it is unchanged since the step before, with what it was made from. */
const SOCK_SCENES = new WeakMap<SockView, { key: SockKey; scene: SockScene }>();
/** A client's scene when it is unchanged since the step before. */
const CLIENT_SCENES = new WeakMap<ClientView, ClientScene>();
/** An epoll's interest rows (none new), by its interest record. */
const INTEREST_ROWS = new WeakMap<object, EpollScene['interest']>();
/** The connections in some accept queue, by socket table. */
const QUEUED = new WeakMap<object, Set<number>>();
const sameRefs = (a: readonly FdRef[], b: readonly FdRef[]): boolean =>
  a === b || (a.length === b.length && a.every((r, i) => r.pid === b[i]!.pid && r.fd === b[i]!.fd));
/** What an unchanged socket's scene is made from besides the socket. */
interface SockKey {
  refs: readonly FdRef[];
  waiters: readonly number[];
  oldWaiters: readonly number[];
  queued: boolean;
  newlyHeld: boolean;
  facts: TraceFacts;
}
/** The threads asleep on each socket (from the few wait queues that have sleepers). */
function sockWaitersOf(waits: MachineView['waits'] | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [k, tids] of Object.entries(waits ?? {}))
    if (k.startsWith('sock:')) out.set(Number(k.slice(5)), tids);
  return out;
}
/** A thread's fd as one number (pid, fd): fds stay below 2^21 (Linux's nr_open is 2^20). */
const fdKey = (pid: number, fd: number): number => pid * 2_097_152 + fd;

/** How much of a large machine the picture shows; the rest is counted ("+N more"). */
export const LIMITS = { procs: 6, threadsPerProc: 12, sockets: 24, clients: 16, fdsPerProc: 32 } as const;

/** The `max` items that matter most (highest score; the earlier first among equals), kept in their original order. */
export function pickTop<T>(items: readonly T[], max: number, score: (item: T) => number): T[] {
  if (items.length <= max) return [...items];
  // One pass, keeping the best `max` so far, worst last: a later item enters only with a higher
  // score than the worst kept (an earlier one wins a tie), so most items cost one comparison.
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < items.length; i++) {
    const s = score(items[i]!);
    if (best.length === max && s <= best[max - 1]!.s) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.s < s) at--;
    best.splice(at, 0, { i, s });
    if (best.length > max) best.pop();
  }
  return best.sort((a, b) => a.i - b.i).map((r) => items[r.i]!);
}

/** The scene of one step of a run (views given when the caller already has them). */
export function sceneOfStep(
  index: TraceIndex,
  step: number,
  model: string,
  views?: { view: MachineView; before: MachineView | null },
): StageScene {
  const [start, end] = stepRange(index, step);
  const view = views?.view ?? index.viewAt(step);
  const before = views ? views.before : step > 0 ? index.viewAt(step - 1) : null;
  return buildScene({
    view,
    before,
    stepEvents: index.trace.slice(start, end),
    stepEnd: end,
    facts: traceFacts(index),
    model,
  });
}

/** Who holds each socket, epoll and io_uring, per process table. */
const REFS = new WeakMap<MachineView['procs'], Record<'sock' | 'ep' | 'ring', Map<number, FdRef[]>>>();

export function buildScene(input: SceneInput): StageScene {
  const { view, before, stepEvents, facts } = input;
  const changedSince = (now: unknown, then: unknown): boolean => before !== null && !same(now, then);

  /* threads */
  const threads: Record<number, ThreadScene> = {};
  const errorsNow = before ? view.errors.slice(before.errors.length) : [];
  for (const th of Object.values(view.threads)) {
    const old = before?.threads[th.tid];
    const cpu = view.cores.indexOf(th.tid);
    threads[th.tid] = {
      ...th,
      cpu: cpu >= 0 ? cpu : null,
      changed: before !== null && (!old || old.state !== th.state || !same(old.on, th.on)),
      bufferChanged:
        before !== null && th.userBuffer !== null && (!old || !same(old.userBuffer, th.userBuffer)),
      sentChanged: before !== null && th.sent !== null && (!old || !same(old.sent, th.sent)),
      error:
        errorsNow
          .filter((e) => e.tid === th.tid)
          .map((e) => e.python)
          .pop() ?? null,
    };
  }

  /* processes */
  const allProcs = Object.values(view.procs)
    .sort((a, b) => a.pid - b.pid)
    .map((p): ProcScene => {
      const old = before?.procs[p.pid];
      const ths = p.threads.map((tid) => threads[tid]).filter((th): th is ThreadScene => th !== undefined);
      const live = ths.filter((th) => th.state !== 'exited');
      const shown = pickTop(live, LIMITS.threadsPerProc, threadScore);
      return {
        pid: p.pid,
        parent: p.parent,
        name: p.name,
        exited: p.exited,
        code: p.code,
        threads: shown,
        hiddenThreads: live.length - shown.length,
        exitedThreads: ths.filter((th) => th.state === 'exited'),
        fds: fdRows(p, old),
        hiddenFds: 0,
        showGil: live.length > 1,
        gil: p.gil,
        gilWaiters: view.waits[`gil:${p.pid}`] ?? [],
        changed: before !== null && (!old || old.exited !== p.exited),
      };
    });
  function fdRowsFresh(
    p: MachineView['procs'][number],
    old: MachineView['procs'][number] | undefined,
  ): FdScene[] {
    return Object.entries(p.fds)
      .map(([fd, what]) => {
        const n = Number(fd);
        const flags = p.fdFlags[n] ?? { nonblock: false, async: false };
        const was = old?.fds[n];
        const wasFlags = old?.fdFlags[n];
        return {
          fd: n,
          what,
          nonblock: flags.nonblock,
          async: flags.async,
          pair: what.kind === 'socket' && facts.socketpairs.has(what.sock),
          changed: before !== null && (!was || !same(was, what) || !same(wasFlags, flags)),
        };
      })
      .sort((a, b) => a.fd - b.fd);
  }
  /** The fd rows; those of an fd table unchanged since the step before are made once. */
  function fdRows(p: MachineView['procs'][number], old: MachineView['procs'][number] | undefined): FdScene[] {
    if (!before || !old || old.fds !== p.fds || old.fdFlags !== p.fdFlags) return fdRowsFresh(p, old);
    const hit = FD_ROWS.get(p.fds);
    if (hit && hit.flags === p.fdFlags && hit.facts === facts) return hit.rows;
    const rows = fdRowsFresh(p, old);
    FD_ROWS.set(p.fds, { flags: p.fdFlags, facts, rows });
    return rows;
  }

  /* who holds which kernel object */
  // Per process table (shared between a step's view and the next one's when unchanged): the step
  // before's were found at the step before.
  const refsOf = (procs: MachineView['procs']): Record<'sock' | 'ep' | 'ring', Map<number, FdRef[]>> => {
    const hit = REFS.get(procs);
    if (hit) return hit;
    const out = {
      sock: new Map<number, FdRef[]>(),
      ep: new Map<number, FdRef[]>(),
      ring: new Map<number, FdRef[]>(),
    };
    for (const p of Object.values(procs)) {
      if (p.exited) continue;
      for (const [fd, w] of Object.entries(p.fds)) {
        const [map, id] =
          w.kind === 'listen' || w.kind === 'conn' || w.kind === 'socket'
            ? [out.sock, w.sock]
            : w.kind === 'epoll'
              ? [out.ep, w.ep]
              : w.kind === 'uring'
                ? [out.ring, w.ring]
                : [null, 0];
        if (!map) continue;
        const list = map.get(id) ?? [];
        list.push({ pid: p.pid, fd: Number(fd) });
        map.set(id, list);
      }
    }
    REFS.set(procs, out);
    return out;
  };
  const sockRefs = refsOf(view.procs).sock;
  const oldSockRefs = before ? refsOf(before.procs).sock : new Map<number, FdRef[]>();
  let queuedConns = QUEUED.get(view.socks);
  if (!queuedConns) {
    queuedConns = new Set<number>();
    for (const s of Object.values(view.socks)) for (const c of s.acceptQueue) queuedConns.add(c);
    QUEUED.set(view.socks, queuedConns);
  }

  // The fds the threads are working on ("pid:fd"): their sockets, fds and clients are drawn first.
  const busyFds = new Set<number>();
  for (const th of Object.values(threads))
    if (th.state !== 'exited') for (const fd of callFds(th)) busyFds.add(fdKey(th.pid, fd));

  /* sockets */
  const sockets: SockScene[] = [];
  const droppedAt = new Map<number, string[]>();
  const sockWaiters = sockWaitersOf(view.waits);
  const oldSockWaiters = sockWaitersOf(before?.waits);
  for (const e of stepEvents)
    if (e.type === 'sock.syn' && e.outcome === 'dropped')
      droppedAt.set(e.sock, [...(droppedAt.get(e.sock) ?? []), e.client]);
  for (const s of Object.values(view.socks)) {
    const held = sockRefs.has(s.id);
    const queued = !held && queuedConns.has(s.id);
    const gone = !held && !queued && oldSockRefs.has(s.id);
    if (!held && !gone && !(queued && (s.rx.length > 0 || s.fin || s.err))) continue;
    const old = before?.socks[s.id];
    // Unchanged since the step before, held by the same fds, with the same sleepers: made once.
    const steady =
      before !== null && old === s && !gone && s.acceptQueue.length === 0 && !droppedAt.has(s.id);
    const refs = sockRefs.get(s.id) ?? oldSockRefs.get(s.id) ?? NONE;
    const key: SockKey | null = steady
      ? {
          refs,
          waiters: sockWaiters.get(s.id) ?? NONE,
          oldWaiters: oldSockWaiters.get(s.id) ?? NONE,
          queued,
          newlyHeld: held && !oldSockRefs.has(s.id),
          facts,
        }
      : null;
    const kept = steady ? SOCK_SCENES.get(s) : undefined;
    if (
      kept &&
      sameRefs(kept.key.refs, refs) &&
      same(kept.key.waiters, sockWaiters.get(s.id) ?? NONE) &&
      same(kept.key.oldWaiters, oldSockWaiters.get(s.id) ?? NONE) &&
      kept.key.queued === queued &&
      kept.key.newlyHeld === (held && !oldSockRefs.has(s.id)) &&
      kept.key.facts === facts
    ) {
      sockets.push(kept.scene);
      continue;
    }
    const oldRx = old?.rx ?? '';
    let newBytes = 0;
    let taken = '';
    if (before !== null && s.rx !== oldRx) {
      if (s.rx.startsWith(oldRx)) newBytes = s.rx.length - oldRx.length;
      else if (oldRx.endsWith(s.rx)) taken = oldRx.slice(0, oldRx.length - s.rx.length);
      else newBytes = s.rx.length;
    }
    const oldQueue = new Set(old?.acceptQueue ?? []);
    const waiters = view.waits[`sock:${s.id}`] ?? [];
    const scene: SockScene = {
      id: s.id,
      kind: s.kind,
      client: s.client ?? facts.connClient.get(s.id) ?? null,
      port: s.port,
      backlog: s.backlog,
      rx: s.rx,
      fin: s.fin,
      err: s.err,
      closed: s.closed || gone,
      refs: sockRefs.get(s.id) ?? oldSockRefs.get(s.id) ?? [],
      waiters,
      queue: s.acceptQueue.map((conn) => ({
        conn,
        client: view.socks[conn]?.client ?? facts.connClient.get(conn) ?? null,
        isNew: before !== null && !oldQueue.has(conn),
      })),
      newBytes,
      taken,
      queued,
      gone,
      pair: facts.socketpairs.has(s.id),
      dropped: droppedAt.get(s.id) ?? [],
      changed: false,
      finNew: before !== null && s.fin && !old?.fin,
      errNew: before !== null && s.err !== null && old?.err !== s.err,
    };
    scene.changed =
      before !== null &&
      (!old ||
        (!oldSockRefs.has(s.id) && held) ||
        gone ||
        newBytes > 0 ||
        taken.length > 0 ||
        scene.finNew ||
        scene.errNew ||
        scene.queue.some((q) => q.isNew) ||
        scene.dropped.length > 0 ||
        old.acceptQueue.length !== s.acceptQueue.length ||
        changedSince(waiters, before.waits[`sock:${s.id}`] ?? []));
    if (key) SOCK_SCENES.set(s, { key, scene });
    sockets.push(scene);
  }
  const rank = (s: SockScene): number => (s.kind === 'listen' ? 0 : 1);
  sockets.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  const shownSockets = pickTop(
    sockets,
    LIMITS.sockets,
    (x) =>
      (x.kind === 'listen' ? 100 : 0) +
      (x.changed ? 50 : 0) +
      (x.refs.some((r) => busyFds.has(fdKey(r.pid, r.fd))) ? 40 : 0) +
      (x.waiters.length ? 20 : 0) +
      (x.rx.length ? 10 : 0) +
      (x.gone ? -5 : 0),
  );

  // A process with thousands of open fds: its table keeps the ones that matter at this step.
  const shownSockIds = new Set(shownSockets.map((x) => x.id));
  for (const p of allProcs) {
    if (p.fds.length <= LIMITS.fdsPerProc) continue;
    const all = p.fds;
    p.fds = pickTop(
      all,
      LIMITS.fdsPerProc,
      (f) =>
        (f.what.kind !== 'conn' ? 100 : 0) +
        (f.changed ? 50 : 0) +
        (busyFds.has(fdKey(p.pid, f.fd)) ? 40 : 0) +
        (f.what.kind === 'conn' && shownSockIds.has(f.what.sock) ? 20 : 0),
    );
    p.hiddenFds = all.length - p.fds.length;
  }

  /* epoll */
  const epRefs = refsOf(view.procs).ep;
  const epolls: EpollScene[] = Object.values(view.epolls)
    .filter((ep) => epRefs.has(ep.id))
    .map((ep) => {
      const old = before?.epolls[ep.id];
      const waiters = view.waits[`epoll:${ep.id}`] ?? [];
      const steady = before !== null && old?.interest === ep.interest;
      let interest = steady ? INTEREST_ROWS.get(ep.interest) : undefined;
      if (!interest) {
        interest = Object.entries(ep.interest).map(([fd, events]) => ({
          fd: Number(fd),
          events,
          isNew: before !== null && old?.interest[Number(fd)] !== events,
        }));
        if (steady) INTEREST_ROWS.set(ep.interest, interest);
      }
      const ready = ep.ready.map((fd) => ({ fd, isNew: before !== null && !old?.ready.includes(fd) }));
      return {
        id: ep.id,
        refs: epRefs.get(ep.id)!,
        interest,
        ready,
        waiters,
        changed:
          before !== null &&
          (!old ||
            !sameNumbers(old.interest, ep.interest) ||
            !same(old.ready, ep.ready) ||
            changedSince(waiters, before.waits[`epoll:${ep.id}`] ?? [])),
      };
    });

  /* select / poll */
  const scanner = view.lastScan ? view.threads[view.lastScan.tid] : undefined;
  const scan =
    view.lastScan && scanner && scanner.state !== 'exited'
      ? { ...view.lastScan, changed: before !== null && !same(before.lastScan, view.lastScan) }
      : null;

  /* signals: pending ones follow from the history (a second SIGIO merges into a pending one) */
  const sigEvents = signalsBefore(facts, input.stepEnd);
  const pidOf = (e: SignalEvent): number | null =>
    e.pid ?? (e.tid !== null ? (view.threads[e.tid]?.pid ?? null) : null);
  const sigPids = new Set<number>();
  for (const e of sigEvents) {
    const pid = pidOf(e);
    if (pid !== null) sigPids.add(pid);
  }
  for (const p of allProcs) {
    if (p.exited) continue;
    if (p.fds.some((f) => f.async) || p.threads.some((th) => th.on?.kind === 'signal')) sigPids.add(p.pid);
  }
  const stepStartIdx = input.stepEnd - stepEvents.length;
  const signals: SignalScene[] = [...sigPids]
    .sort((a, b) => a - b)
    .filter((pid) => view.procs[pid] && !view.procs[pid].exited)
    .map((pid) => {
      const mine = sigEvents.filter((e) => pidOf(e) === pid);
      const pendingSet = new Map<string, boolean>();
      // Only SIGIO has a handler in these programs; Python ignores SIGPIPE, so nothing else stays pending.
      for (const e of mine) if (e.signal === 'SIGIO') pendingSet.set(e.signal, e.kind !== 'handled');
      const proc = allProcs.find((p) => p.pid === pid)!;
      return {
        pid,
        pending: [...pendingSet].filter(([, on]) => on).map(([sig]) => sig),
        history: mine.slice(-4),
        waiters: proc.threads.filter((th) => th.on?.kind === 'signal').map((th) => th.tid),
        asyncFds: proc.fds.filter((f) => f.async).map((f) => f.fd),
        changed: before !== null && mine.some((e) => e.at >= stepStartIdx),
      };
    });

  /* io_uring */
  const ringRefs = refsOf(view.procs).ring;
  const urings: UringScene[] = Object.entries(view.uring)
    .map(([id, r]) => ({ id: Number(id), r }))
    .filter(({ id }) => ringRefs.has(id))
    .map(({ id, r }) => {
      const old = before?.uring[id];
      const oldSq = new Set(old?.sq.map((e) => e.userData) ?? []);
      const oldCq = new Set(old?.cq.map((e) => e.userData) ?? []);
      const refs = ringRefs.get(id)!;
      const waiters = Object.values(view.threads)
        .filter((th) => th.on?.kind === 'uring' && th.on.ring === id)
        .map((th) => th.tid);
      return {
        id,
        refs,
        sq: r.sq.map((e) => ({ ...e, isNew: before !== null && !oldSq.has(e.userData) })),
        cq: r.cq.map((e) => ({ ...e, isNew: before !== null && !oldCq.has(e.userData) })),
        waiters,
        changed: before !== null && (!old || !same(old, r)),
      };
    });

  /* the operator's terminal (chat room) */
  const stdinWaiters = view.waits['stdin'] ?? [];
  // What the program last wrote to stdout, from strace's text of each write(1, …).
  const prompt: Bytes | null = stdoutBefore(facts, input.stepEnd);
  const oldPrompt = before ? stdoutBefore(facts, input.stepEnd - stepEvents.length) : prompt;
  const anyLive = Object.values(view.procs).some((p) => !p.exited);
  const terminal: TerminalScene | null =
    anyLive && (input.model === 'select-chat' || view.stdin.length > 0 || stdinWaiters.length > 0)
      ? {
          prompt,
          typed: view.stdin.slice(-3),
          waiters: stdinWaiters,
          changed:
            before !== null &&
            (before.stdin.length !== view.stdin.length ||
              oldPrompt !== prompt ||
              changedSince(stdinWaiters, before.waits['stdin'] ?? [])),
        }
      : null;

  /* thread-pool job queues (futex waits) */
  const poolNames = new Set<string>();
  for (const key of Object.keys(view.waits)) if (key.startsWith('pool:')) poolNames.add(key.slice(5));
  for (const th of Object.values(view.threads)) if (th.on?.kind === 'pool') poolNames.add(th.on.queue);
  const pools: PoolScene[] = [...poolNames].sort().map((name) => {
    const waiters = view.waits[`pool:${name}`] ?? [];
    return { name, waiters, changed: changedSince(waiters, before?.waits[`pool:${name}`] ?? []) };
  });

  /* clients and packets */
  const allClients: ClientScene[] = Object.values(view.clients).map((c) => {
    const old = before?.clients[c.name];
    // Unchanged since the step before: the same scene as the last time it was unchanged.
    if (before !== null && old === c) {
      let kept = CLIENT_SCENES.get(c);
      if (!kept) CLIENT_SCENES.set(c, (kept = { ...c, changed: false, newReplies: 0 }));
      return kept;
    }
    return {
      ...c,
      changed:
        before !== null &&
        (!old ||
          old.state !== c.state ||
          old.retries !== c.retries ||
          old.replies.length !== c.replies.length),
      newReplies: before !== null ? c.replies.length - (old?.replies.length ?? 0) : 0,
    };
  });
  const inFlight = new Set(packetsInFlight(view).flatMap((p) => [p.from, p.to]));
  const busyClients = new Set(
    shownSockets.flatMap((x) =>
      x.client !== null && x.refs.some((r) => busyFds.has(fdKey(r.pid, r.fd))) ? [x.client] : [],
    ),
  );
  const clients = pickTop(
    allClients,
    LIMITS.clients,
    (c) =>
      (c.changed ? 50 : 0) +
      (busyClients.has(c.name) ? 40 : 0) +
      (inFlight.has(c.name) ? 30 : 0) +
      (c.state === 'connected' || c.state === 'connecting' ? 10 : 0),
  );
  const oldPackets = new Set(before?.packets.map((p) => p.id) ?? []);
  const shownClients = new Set(clients.map((c) => c.name));
  const packets: PacketScene[] = packetsInFlight(view)
    .filter((p) => shownClients.has(p.to === 'server' ? p.from : p.to))
    .map((p) => {
      const toServer = p.to === 'server';
      const span = p.arriveT - p.sentT;
      return {
        id: p.id,
        client: toServer ? p.from : p.to,
        toServer,
        kind: p.kind,
        bytes: p.bytes,
        data: p.data,
        progress: span > 0 ? Math.max(0, Math.min(1, (view.t - p.sentT) / span)) : 1,
        isNew: before !== null && !oldPackets.has(p.id),
      };
    });

  const phase = phaseOf({ view, stepEvents, lastExit: (tid) => lastExit(facts, tid, input.stepEnd) });

  const hiddenSocketCounts = { data: 0, closing: 0, idle: 0 };
  if (shownSockets.length < sockets.length) {
    const shown = new Set(shownSockets);
    for (const x of sockets) {
      if (shown.has(x)) continue;
      if (x.closed || x.fin || x.err !== null) hiddenSocketCounts.closing++;
      else if (x.rx.length > 0) hiddenSocketCounts.data++;
      else hiddenSocketCounts.idle++;
    }
  }
  const hiddenClientStates = new Map<string, number>();
  if (clients.length < allClients.length) {
    const shown = new Set(clients);
    for (const c of allClients)
      if (!shown.has(c)) hiddenClientStates.set(c.state, (hiddenClientStates.get(c.state) ?? 0) + 1);
  }

  return {
    t: view.t,
    cores: view.cores,
    hiddenSocketCounts,
    hiddenClientStates: [...hiddenClientStates].sort((a, b) => b[1] - a[1]),
    procs: pickTop(
      allProcs.filter((p) => !p.exited),
      LIMITS.procs,
      (p) =>
        (p.parent === null ? 100 : 0) +
        (p.changed ? 50 : 0) +
        (p.threads.some((th) => th.changed || th.state === 'running') ? 20 : 0),
    ),
    hiddenProcs: Math.max(0, allProcs.filter((p) => !p.exited).length - LIMITS.procs),
    exitedProcs: allProcs.filter((p) => p.exited),
    threads,
    sockets: shownSockets,
    hiddenSockets: sockets.length - shownSockets.length,
    epolls,
    scan,
    signals,
    urings,
    terminal,
    pools,
    clients,
    hiddenClients: allClients.length - clients.length,
    packets,
    phase,
  };
}

/** The fds a thread is working on: the one it sleeps on, the ones it last read and wrote. */
function callFds(th: ThreadScene): number[] {
  const out: number[] = [];
  const on = th.on as { fd?: unknown; fds?: unknown } | null;
  if (typeof on?.fd === 'number') out.push(on.fd);
  if (Array.isArray(on?.fds) && on.fds.length <= LIMITS.fdsPerProc)
    for (const fd of on.fds) if (typeof fd === 'number') out.push(fd);
  // The fds of the bytes drawn in its box (last read, last sent).
  if (th.userBuffer) out.push(th.userBuffer.fd);
  if (th.sent) out.push(th.sent.fd);
  return out;
}

/** Which threads to keep when a process has too many to draw: the busy and the changed first. */
function threadScore(th: ThreadScene): number {
  return (
    (th.changed || th.bufferChanged ? 50 : 0) +
    (th.state === 'running' ? 40 : th.state === 'ready' ? 20 : 0) +
    (th.call ? 5 : 0)
  );
}
