/**
 * The machine as the trace describes it, step by step. `applyEvent` folds one trace event into
 * a MachineView; `TraceIndex` groups events into the steps a student walks through and keeps
 * checkpoints, so that any step is rebuilt from the nearest checkpoint, never replayed from 0.
 * Pure: it reads only the trace, so every view is checkable against the kernel that wrote it.
 */
import type { Bytes } from './bytes.ts';
import type { Errno } from './errors.ts';
import type {
  FdWhat,
  Ns,
  PacketKind,
  SysName,
  ThreadState,
  TraceEvent,
  WaitOn,
  WaitTarget,
} from './types.ts';
import { waitsForInput } from './syscalls.ts';

export type ReadPhase = 'waiting' | 'copying' | null;

export interface ThreadView {
  tid: number;
  pid: number;
  name: string;
  state: ThreadState;
  on: WaitOn | null;
  core: number | null;
  /** The listing line the thread is on (0 before its first line). */
  line: number;
  /** The system call in progress, and for a read, which of its two phases. */
  /** `chargedNs`: kernel time of the call already on the meters (counted when it went to sleep). */
  call: { name: SysName; line: number; since: Ns; phase: ReadPhase; chargedNs?: Ns } | null;
  /** The last bytes the kernel copied into this thread's user-space buffer. */
  userBuffer: { fd: number; data: Bytes; t: Ns } | null;
  /** The last bytes the thread handed to the kernel (send). */
  sent: { fd: number; data: Bytes; t: Ns } | null;
}

export interface ProcView {
  pid: number;
  parent: number | null;
  name: string;
  fds: Record<number, FdWhat>;
  fdFlags: Record<number, { nonblock: boolean; async: boolean }>;
  threads: number[];
  gil: number | null;
  exited: boolean;
  code: number | null;
}

export interface SockView {
  id: number;
  kind: 'listen' | 'conn' | 'other';
  client: string | null;
  port: number | null;
  backlog: number | null;
  rx: Bytes;
  fin: boolean;
  err: Errno | null;
  acceptQueue: number[];
  closed: boolean;
}

export interface EpollView {
  id: number;
  interest: Record<number, number>;
  ready: number[];
}

export interface ClientView {
  name: string;
  state: 'idle' | 'connecting' | 'connected' | 'closed' | 'reset' | 'server-gone';
  replies: Bytes[];
  retries: number;
}

export interface PacketView {
  id: number;
  from: string;
  to: string;
  kind: PacketKind;
  bytes: number;
  data: Bytes | null;
  sentT: Ns;
  arriveT: Ns;
}

export interface ScanView {
  tid: number;
  kind: 'select' | 'poll';
  nfds: number | null;
  watched: number[];
  ready: number[];
  t: Ns;
}

export interface MachineView {
  t: Ns;
  procs: Record<number, ProcView>;
  threads: Record<number, ThreadView>;
  cores: (number | null)[];
  socks: Record<number, SockView>;
  epolls: Record<number, EpollView>;
  /** Who sleeps on what: wait-queue target key → thread ids, in arrival order. */
  waits: Record<string, number[]>;
  clients: Record<string, ClientView>;
  packets: PacketView[];
  /** Numbers the packets (their ids), so a view can animate each one. */
  packetsSent: number;
  lastScan: ScanView | null;
  signals: { pid: number; signal: string; merged: boolean; t: Ns }[];
  uring: Record<
    number,
    { sq: { op: string; fd: number; userData: number }[]; cq: { userData: number; res: number }[] }
  >;
  stdin: Bytes[];
  errors: { tid: number; syscall: string; python: string; fatal: boolean; t: Ns }[];
  meters: {
    syscalls: Record<string, number>;
    eagain: number;
    bytesCopied: number;
    contextSwitches: number;
    userNs: Ns;
    systemNs: Ns;
    threads: number;
    memoryBytes: number;
    replies: number;
  };
  stopped: string | null;
}

export function waitKey(target: WaitTarget): string {
  switch (target.kind) {
    case 'sock':
      return `sock:${target.sock}`;
    case 'epoll':
      return `epoll:${target.ep}`;
    case 'stdin':
      return 'stdin';
    case 'pool':
      return `pool:${target.queue}`;
    case 'gil':
      return `gil:${target.pid}`;
  }
}

export function emptyView(cores: number): MachineView {
  return {
    t: 0,
    procs: {},
    threads: {},
    cores: Array.from({ length: cores }, () => null),
    socks: {},
    epolls: {},
    waits: {},
    clients: {},
    packets: [],
    packetsSent: 0,
    lastScan: null,
    signals: [],
    uring: {},
    stdin: [],
    errors: [],
    meters: {
      syscalls: {},
      eagain: 0,
      bytesCopied: 0,
      contextSwitches: 0,
      userNs: 0,
      systemNs: 0,
      threads: 0,
      memoryBytes: 0,
      replies: 0,
    },
    stopped: null,
  };
}

/** A socket seen for the first time (fd.open or an accept-queue push names it). */
function sockOf(v: MachineView, id: number): SockView {
  let s = v.socks[id];
  if (!s) {
    s = {
      id,
      kind: 'other',
      client: null,
      port: null,
      backlog: null,
      rx: '',
      fin: false,
      err: null,
      acceptQueue: [],
      closed: false,
    };
    v.socks[id] = s;
  }
  return s;
}

function clientOf(v: MachineView, name: string): ClientView {
  let c = v.clients[name];
  if (!c) {
    c = { name, state: 'idle', replies: [], retries: 0 };
    v.clients[name] = c;
  }
  return c;
}

/** Folds one event into the view (in place). */
export function applyEvent(v: MachineView, ev: TraceEvent): void {
  v.t = ev.t;
  switch (ev.type) {
    case 'proc.start':
      v.procs[ev.pid] = {
        pid: ev.pid,
        parent: ev.parent,
        name: ev.name,
        fds: {},
        fdFlags: {},
        threads: [],
        gil: null,
        exited: false,
        code: null,
      };
      return;
    case 'proc.exit': {
      const p = v.procs[ev.pid];
      if (p) {
        p.exited = true;
        p.code = ev.code;
        p.gil = null;
      }
      return;
    }
    case 'thread.start':
      v.threads[ev.tid] = {
        tid: ev.tid,
        pid: ev.pid,
        name: ev.name,
        state: 'ready',
        on: null,
        core: null,
        line: 0,
        call: null,
        userBuffer: null,
        sent: null,
      };
      v.procs[ev.pid]?.threads.push(ev.tid);
      v.meters.threads++;
      return;
    case 'thread.state': {
      const th = v.threads[ev.tid];
      if (!th) return;
      th.state = ev.state;
      th.on = ev.on ?? null;
      if (ev.state === 'running') th.core = ev.core ?? th.core;
      if (ev.state === 'blocked') v.meters.contextSwitches++;
      if (ev.preempted) v.meters.contextSwitches++;
      if (th.call && ev.state === 'blocked' && th.call.phase !== null) th.call.phase = 'waiting';
      return;
    }
    case 'thread.exit': {
      const th = v.threads[ev.tid];
      if (th) {
        th.state = 'exited';
        th.call = null;
        th.on = null;
      }
      v.meters.threads--;
      return;
    }
    case 'gil': {
      const p = v.procs[ev.pid];
      if (p) p.gil = ev.holder;
      return;
    }
    case 'cpu.switch':
      v.cores[ev.core] = ev.to;
      if (ev.to !== null) {
        const th = v.threads[ev.to];
        if (th) th.core = ev.core;
      } else if (ev.from !== null) {
        const th = v.threads[ev.from];
        if (th) th.core = null;
      }
      v.meters.systemNs += ev.costNs;
      return;
    case 'mem':
      v.meters.memoryBytes = ev.bytes;
      return;
    case 'py': {
      const th = v.threads[ev.tid];
      if (th) th.line = ev.line || th.line;
      v.meters.userNs += ev.ns;
      v.meters.systemNs += ev.sysNs ?? 0;
      return;
    }
    case 'sys.enter': {
      const th = v.threads[ev.tid];
      if (th) {
        th.line = ev.line || th.line;
        th.call = {
          name: ev.name,
          line: ev.line,
          since: ev.t,
          phase: waitsForInput(ev.name) ? 'waiting' : null,
        };
      }
      return;
    }
    case 'sys.block': {
      // The state change comes with thread.state and wait.* events; the meters count the kernel
      // time spent so far, so a call that never returns still shows what it cost.
      const call = v.threads[ev.tid]?.call;
      v.meters.systemNs += ev.kernelNs - (call?.chargedNs ?? 0);
      if (call) call.chargedNs = ev.kernelNs;
      return;
    }
    case 'sys.wake':
      return; // the thread.state and wait.* events that go with them carry the change
    case 'copy': {
      const th = v.threads[ev.tid];
      v.meters.bytesCopied += ev.bytes;
      // A kernel copy (io_uring's completion) is charged to the submitting thread's io_uring_enter.
      if (!th) return;
      if (ev.dir === 'to-user') {
        th.userBuffer = { fd: ev.fd, data: ev.data, t: ev.t };
        if (th.call) th.call.phase = 'copying';
      } else th.sent = { fd: ev.fd, data: ev.data, t: ev.t };
      return;
    }
    case 'sys.exit': {
      const th = v.threads[ev.tid];
      v.meters.systemNs += ev.kernelNs - (th?.call?.chargedNs ?? 0);
      if (th) th.call = null;
      v.meters.syscalls[ev.name] = (v.meters.syscalls[ev.name] ?? 0) + 1;
      // The exception's unwinding starts here; counted at once, it finishes within a few µs.
      v.meters.userNs += ev.unwindNs ?? 0;
      if (ev.errno === 'EAGAIN') v.meters.eagain++;
      return;
    }
    case 'fd.open': {
      const p = v.procs[ev.pid];
      if (!p) return;
      p.fds[ev.fd] = ev.what;
      p.fdFlags[ev.fd] = p.fdFlags[ev.fd] ?? { nonblock: false, async: false };
      const w = ev.what;
      if (w.kind === 'listen') {
        const s = sockOf(v, w.sock);
        s.kind = 'listen';
        s.port = w.port;
      } else if (w.kind === 'conn') {
        const s = sockOf(v, w.sock);
        s.kind = 'conn';
        s.client = w.client;
      } else if (w.kind === 'socket') sockOf(v, w.sock);
      else if (w.kind === 'epoll') v.epolls[w.ep] = v.epolls[w.ep] ?? { id: w.ep, interest: {}, ready: [] };
      else if (w.kind === 'uring') v.uring[w.ring] = v.uring[w.ring] ?? { sq: [], cq: [] };
      return;
    }
    case 'fd.close': {
      const p = v.procs[ev.pid];
      if (p) {
        delete p.fds[ev.fd];
        delete p.fdFlags[ev.fd];
      }
      return;
    }
    case 'fd.flags': {
      const p = v.procs[ev.pid];
      if (p) p.fdFlags[ev.fd] = { nonblock: ev.nonblock, async: ev.async };
      return;
    }
    case 'sock.listen': {
      const s = sockOf(v, ev.sock);
      s.kind = 'listen';
      s.backlog = ev.backlog;
      return;
    }
    case 'sock.syn':
      return;
    case 'sock.accept-queue': {
      const s = sockOf(v, ev.sock);
      if (ev.op === 'push') s.acceptQueue.push(ev.conn);
      else s.acceptQueue = s.acceptQueue.filter((c) => c !== ev.conn);
      sockOf(v, ev.conn).kind = 'conn';
      return;
    }
    case 'sock.rx':
      sockOf(v, ev.sock).rx += ev.data;
      return;
    case 'sock.take': {
      const s = sockOf(v, ev.sock);
      s.rx = s.rx.slice(s.rx.length - ev.total);
      return;
    }
    case 'sock.fin':
      sockOf(v, ev.sock).fin = true;
      return;
    case 'sock.rst':
      sockOf(v, ev.sock).err = ev.err;
      return;
    case 'sock.closed':
      sockOf(v, ev.sock).closed = true;
      return;
    case 'wait.add': {
      const key = waitKey(ev.target);
      (v.waits[key] ??= []).push(ev.tid);
      return;
    }
    case 'wait.remove': {
      const key = waitKey(ev.target);
      const list = v.waits[key];
      if (list) {
        const i = list.indexOf(ev.tid);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) delete v.waits[key];
      }
      return;
    }
    case 'select.scan':
      v.lastScan = {
        tid: ev.tid,
        kind: 'select',
        nfds: ev.nfds,
        watched: ev.watched,
        ready: ev.ready,
        t: ev.t,
      };
      return;
    case 'poll.scan':
      v.lastScan = { tid: ev.tid, kind: 'poll', nfds: null, watched: ev.watched, ready: ev.ready, t: ev.t };
      return;
    case 'epoll.interest': {
      const ep = (v.epolls[ev.ep] ??= { id: ev.ep, interest: {}, ready: [] });
      if (ev.op === 'del') delete ep.interest[ev.fd];
      else ep.interest[ev.fd] = ev.events;
      return;
    }
    case 'epoll.ready': {
      const ep = (v.epolls[ev.ep] ??= { id: ev.ep, interest: {}, ready: [] });
      if (ev.op === 'add') {
        if (!ep.ready.includes(ev.fd)) ep.ready.push(ev.fd);
      } else ep.ready = ep.ready.filter((fd) => fd !== ev.fd);
      return;
    }
    case 'signal.send':
    case 'signal.handle':
      v.signals = [
        ...v.signals.slice(-7),
        {
          pid: ev.type === 'signal.send' ? ev.pid : (v.threads[ev.tid]?.pid ?? 0),
          signal: ev.signal,
          merged: ev.type === 'signal.send' ? ev.merged : false,
          t: ev.t,
        },
      ];
      return;
    case 'uring.sqe': {
      const r = (v.uring[ev.ring] ??= { sq: [], cq: [] });
      r.sq.push({ op: ev.op, fd: ev.fd, userData: ev.userData });
      return;
    }
    case 'uring.cqe': {
      const r = (v.uring[ev.ring] ??= { sq: [], cq: [] });
      r.sq = r.sq.filter((e) => e.userData !== ev.userData);
      r.cq = [...r.cq.slice(-15), { userData: ev.userData, res: ev.res }];
      return;
    }
    case 'net.packet':
      // Packets that have arrived are history: keep the view small (C10K sends 100,000 of them).
      if (v.packets.length > 64) v.packets = v.packets.filter((p) => p.arriveT >= v.t);
      v.packets.push({
        id: v.packetsSent++,
        from: ev.from,
        to: ev.to,
        kind: ev.kind,
        bytes: ev.bytes,
        data: ev.data ?? null,
        sentT: ev.t,
        arriveT: ev.arriveNs,
      });
      if (ev.from !== 'server') {
        const c = clientOf(v, ev.from);
        if (ev.kind === 'SYN') c.state = 'connecting';
        if (ev.kind === 'FIN') c.state = 'closed';
        if (ev.kind === 'RST' && c.state !== 'closed') c.state = 'reset';
      }
      return;
    case 'client.connected':
      clientOf(v, ev.client).state = 'connected';
      return;
    case 'client.retry':
      clientOf(v, ev.client).retries = ev.attempt;
      return;
    case 'client.reply':
      clientOf(v, ev.client).replies.push(ev.data);
      v.meters.replies++;
      return;
    case 'client.eof': {
      const c = clientOf(v, ev.client);
      if (c.state === 'connected') c.state = 'server-gone';
      return;
    }
    case 'stdin.line':
      v.stdin = [...v.stdin, ev.data];
      return;
    case 'error':
      v.errors.push({ tid: ev.tid, syscall: ev.syscall, python: ev.python, fatal: ev.fatal, t: ev.t });
      return;
    case 'stop':
      v.stopped = ev.reason;
      return;
  }
}

/** Packets still on the wire at time t (the rest have arrived). */
export function packetsInFlight(v: MachineView): PacketView[] {
  return v.packets.filter((p) => p.arriveT > v.t);
}

/* ── steps ── */

/** The events a student steps through; the bookkeeping that follows each belongs to its step. */
const STEP_EVENTS = new Set<TraceEvent['type']>([
  'py',
  'sys.enter',
  'sys.block',
  'sys.wake',
  'sys.exit',
  'copy',
  'net.packet',
  'sock.syn',
  'sock.accept-queue',
  'sock.rx',
  'sock.fin',
  'sock.rst',
  'epoll.ready',
  'signal.send',
  'signal.handle',
  'uring.cqe',
  'client.reply',
  'client.connected',
  'client.retry',
  'stdin.line',
  'error',
  'select.scan',
  'poll.scan',
  'stop',
]);

/** Events folded into the step before them even though their type is a step type. */
function isStep(ev: TraceEvent, prev: TraceEvent | undefined): boolean {
  if (!STEP_EVENTS.has(ev.type)) return false;
  // A py line right before its own syscall is one moment: the line runs, then the call starts.
  if (ev.type === 'sys.enter' && prev?.type === 'py' && prev.tid === ev.tid && prev.line === ev.line)
    return false;
  // The ready-list removals epoll_wait makes while it collects are part of the call.
  if (ev.type === 'epoll.ready' && ev.op === 'remove') return false;
  // An accept-queue pop is the accept call's own doing.
  if (ev.type === 'sock.accept-queue' && ev.op === 'pop') return false;
  return true;
}

export interface TraceIndex {
  readonly trace: readonly TraceEvent[];
  /** stepStart[k] is the index of step k's first event; step k spans up to stepStart[k+1]. */
  readonly stepStart: number[];
  readonly steps: number;
  /** The machine after step k. Shared with other callers (the last few are cached): read it, never change it. */
  viewAt(step: number): MachineView;
  /** The step that contains event i. */
  stepOfEvent(i: number): number;
}

const CHECKPOINT_EVERY = 256;
/** Events worth replaying rather than cloning one more object of the view (measured: ~2). */
const CLONE_WEIGHT = 2;

/** About how many objects a clone of the view copies. */
function viewWeight(v: MachineView): number {
  let n =
    Object.keys(v.socks).length +
    Object.keys(v.threads).length +
    Object.keys(v.clients).length +
    v.packets.length;
  for (const ep of Object.values(v.epolls)) n += Object.keys(ep.interest).length;
  return n;
}

export function indexTrace(trace: readonly TraceEvent[], cores: number): TraceIndex {
  const stepStart: number[] = [0];
  for (let i = 1; i < trace.length; i++) if (isStep(trace[i]!, trace[i - 1])) stepStart.push(i);
  const steps = trace.length === 0 ? 0 : stepStart.length;
  const end = (k: number): number => (k + 1 < stepStart.length ? stepStart[k + 1]! : trace.length);

  // Checkpoints, built once, lazily, in order: the view after step 0, then one at least every
  // CHECKPOINT_EVERY steps, spaced further apart when the machine is large (a clone of 10,000
  // sockets costs as much as replaying many events), so a seek is one clone and a bounded replay.
  const checkpoints: { step: number; view: MachineView }[] = [];
  const built = emptyView(cores);
  let builtThrough = -1;
  let eventsSince = 0;
  let budget = 0;
  const buildTo = (k: number): void => {
    while (builtThrough < k) {
      builtThrough++;
      const from = builtThrough === 0 ? 0 : stepStart[builtThrough]!;
      for (let i = from; i < end(builtThrough); i++) applyEvent(built, trace[i]!);
      eventsSince += end(builtThrough) - from;
      const last = checkpoints[checkpoints.length - 1];
      if (!last || (builtThrough - last.step >= CHECKPOINT_EVERY && eventsSince >= budget)) {
        checkpoints.push({ step: builtThrough, view: structuredClone(built) });
        eventsSince = 0;
        budget = CLONE_WEIGHT * viewWeight(built);
      }
    }
  };

  // The last few views asked for: a step and the one before it are asked for together, and the
  // next step starts from this one (one clone and one step's events, not a replay from a checkpoint).
  const recent: { step: number; view: MachineView }[] = [];
  const RECENT = 4;

  return {
    trace,
    stepStart,
    steps,
    viewAt(step: number): MachineView {
      const k = Math.max(0, Math.min(step, steps - 1));
      if (steps === 0) return emptyView(cores);
      const hit = recent.find((r) => r.step === k);
      if (hit) return hit.view;
      if (builtThrough < k) buildTo(k);
      let lo = 0;
      let hi = checkpoints.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (checkpoints[mid]!.step <= k) lo = mid;
        else hi = mid - 1;
      }
      let c = checkpoints[lo]!;
      for (const r of recent) if (r.step <= k && r.step > c.step) c = r;
      const view = structuredClone(c.view);
      for (let s = c.step + 1; s <= k; s++)
        for (let i = stepStart[s]!; i < end(s); i++) applyEvent(view, trace[i]!);
      recent.push({ step: k, view });
      if (recent.length > RECENT) recent.shift();
      return view;
    },
    stepOfEvent(i: number): number {
      let lo = 0;
      let hi = stepStart.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (stepStart[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}
