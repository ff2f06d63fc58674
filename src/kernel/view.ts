/**
 * The machine as the trace describes it, step by step. `applyEvent` folds one trace event into
 * a MachineView (trace-index.ts groups the events into the steps a student walks through).
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
import { waitsForInput } from './syscall-table.ts';

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
