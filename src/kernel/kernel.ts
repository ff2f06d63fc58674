/**
 * The machine: one event queue in virtual time, and the subsystems it drives. A discrete-event
 * simulation in integer nanoseconds; events are ordered by (time, sequence), and the seeded PRNG
 * is part of the state, so a run is a pure function of its configuration and seed.
 *
 * Where each part lives (and the Linux source it follows): sched.ts (scheduler, wait queues, the
 * GIL), process.ts (fork, exit), entry.ts (system call entry and return, the program between
 * calls), syscalls.ts (the call table), fdtable.ts (descriptors, close, fcntl), net/tcp.ts
 * (sockets), net/hosts.ts (the clients and the wire), fs/select.ts (select, poll),
 * fs/eventpoll.ts (epoll), signal.ts (SIGIO), io_uring.ts, stdio.ts (the console), time.ts.
 */
import { EventQueue } from './event-queue.ts';
import { seedRng, type RngState } from './rng.ts';
import type { CostModel } from './costs.ts';
import type { Bytes } from './bytes.ts';
import type { Ns, Program, TraceEvent } from './types.ts';
import type {
  ClientHost,
  Core,
  Epoll,
  KEvent,
  KEventBody,
  KernelContext,
  MachineConfig,
  OpenFile,
  PendingWork,
  Process,
  PyErrorRecord,
  Reply,
  Ring,
  RunResult,
  Sock,
  SyscallStat,
  Thread,
} from './state.ts';
import { burstEnded, dispatchIdleCores, timedOut, wakeUp } from './sched.ts';
import { newProcess, newThread } from './process.ts';
import { continueThread } from './entry.ts';
import { newFile } from './fdtable.ts';
import { packetAtServer, readable as readableSock, tcpClose } from './net/tcp.ts';
import {
  clientAction,
  clientRead,
  newClientHosts,
  packetAtClient,
  scheduleNextAction,
  synTimer,
} from './net/hosts.ts';
import { epollCallback, epollForgetSock } from './fs/eventpoll.ts';
import { mayBeReady } from './fs/select.ts';
import { sigioOnReady } from './signal.ts';
import { uringPollWake } from './io_uring.ts';
import { stdinArrived } from './stdio.ts';

export type {
  ClientAction,
  ClientScript,
  MachineConfig,
  OpenFile,
  PendingWork,
  Process,
  PyErrorRecord,
  Reply,
  RunResult,
  Sock,
  StdinOperator,
  SyscallStat,
  Thread,
  Epoll,
} from './state.ts';
export { FD_SETSIZE } from './fs/select.ts';

export class Kernel implements KernelContext {
  now: Ns = 0;
  private seq = 0;
  readonly rng: RngState;
  readonly costs: CostModel;
  readonly tracing: boolean;
  private readonly queue = new EventQueue<KEvent>();
  readonly cores: Core[];
  readonly runQueue: number[] = [];
  readonly procs = new Map<number, Process>();
  readonly threads = new Map<number, Thread>();
  readonly files = new Map<number, OpenFile>();
  readonly socks = new Map<number, Sock>();
  readonly epolls = new Map<number, Epoll>();
  readonly rings = new Map<number, Ring>();
  readonly clients: ClientHost[];
  readonly futexWaiters = new Map<object, number[]>();
  readonly futexLabels = new Map<object, string>();
  nextId = 4000;
  nextObj = 1;
  liveThreads = 0;
  private memory = 0;

  readonly trace: TraceEvent[] = [];
  events = 0;
  fdsLooked = 0;
  readyEpoch = 0;
  readonly replies: Reply[] = [];
  readonly syscalls: Record<string, SyscallStat> = {};
  readonly errors: PyErrorRecord[] = [];
  contextSwitches = 0;
  threadsPeak = 0;
  memoryPeak = 0;
  eagain = 0;
  bytesCopied = 0;
  userNs = 0;
  systemNs = 0;
  stdout: Bytes = '';
  lastStdoutWrite: Bytes = '';
  stdinBuffer: Bytes = '';
  readonly stdinWaiters: number[] = [];
  stdinPrompts = 0;
  stdinAnswerPending = false;
  listenSock: number | null = null;
  pops = 0;
  /** Fast-forward stops short of this time: a caller that reads counters at a time of its own sets it. */
  horizonNs: Ns = Infinity;
  private stopped: RunResult['stopReason'] | null = null;

  constructor(readonly config: MachineConfig) {
    this.rng = seedRng(config.seed);
    this.tracing = config.keepTrace;
    this.costs = config.costs;
    this.cores = Array.from({ length: config.cores }, (_, id) => ({
      id,
      tid: null,
      last: null,
      sliceStart: 0,
    }));
    this.clients = newClientHosts(this);
    this.clients.forEach((c) => scheduleNextAction(this, c, 0));
  }

  /* ── public driving API ── */

  /** Starts the server process running `main` (its main thread runs first, at time 0). */
  spawn(name: string, main: Program): number {
    const pid = newProcess(this, name, null, [
      newFile(this, { kind: 'stdio', name: 'stdin' }),
      newFile(this, { kind: 'stdio', name: 'stdout' }),
      newFile(this, { kind: 'stdio', name: 'stderr' }),
    ]);
    for (const file of this.procs.get(pid)!.fds) if (file !== undefined) this.files.get(file)!.refs++; // the process holds its stdio: a forked child's exit must not free them
    newThread(this, pid, 'MainThread', main, pid);
    dispatchIdleCores(this);
    return pid;
  }

  /** Processes one kernel event; false when the run is over. */
  step(): boolean {
    if (this.stopped) return false;
    const next = this.queue.peek();
    if (!next) {
      this.stop('idle');
      return false;
    }
    if (next.t > this.config.untilNs) {
      this.stop('until');
      return false;
    }
    if (this.events >= this.config.maxEvents) {
      this.stop('maxEvents');
      return false;
    }
    this.queue.pop();
    this.pops++;
    if (next.t < this.now) throw new Error(`time went back: ${next.t} < ${this.now}`);
    this.now = next.t;
    this.handle(next);
    return true;
  }

  run(): RunResult {
    while (this.step()) {
      /* each step handles one event */
    }
    return this.result();
  }

  /**
   * Lets a parked thread (its program yielded `{ kind: 'park' }`) go on: its program is asked
   * for its next step now. A program run by a real interpreter parks while the interpreter runs.
   */
  resume(tid: number): void {
    const thread = this.threads.get(tid);
    if (!thread || thread.state !== 'running' || !thread.parked)
      throw new Error(`thread ${tid} is not parked`);
    thread.parked = false;
    thread.token++;
    this.schedule(this.now, { e: 'burst', tid, token: thread.token });
  }

  /** When the next event happens (undefined: nothing left): lets a caller stop at a time of its choosing. */
  nextEventNs(): Ns | undefined {
    return this.queue.peek()?.t;
  }

  result(): RunResult {
    const endNs =
      this.stopped === 'until' || this.stopped === 'idle'
        ? Math.max(this.now, this.config.untilNs)
        : this.now;
    const capacity = endNs * this.config.cores;
    const idleNs = Math.max(0, capacity - this.userNs - this.systemNs);
    return {
      trace: this.trace,
      events: this.events,
      endNs,
      stopReason: this.stopped ?? 'until',
      replies: this.replies,
      syscalls: this.syscalls,
      errors: this.errors,
      cpu: {
        userNs: this.userNs,
        systemNs: this.systemNs,
        idleNs,
        busyFraction: capacity > 0 ? (this.userNs + this.systemNs) / capacity : 0,
        cores: this.config.cores,
      },
      contextSwitches: this.contextSwitches,
      threadsPeak: this.threadsPeak,
      memoryPeakBytes: this.memoryPeak,
      eagain: this.eagain,
      bytesCopied: this.bytesCopied,
      stdout: this.stdout,
      pending: this.pending(),
    };
  }

  /** What the server had not done yet: unread bytes, connections not accepted, answers not given. */
  private pending(): PendingWork {
    let unreadBytes = 0;
    let waitingConnections = 0;
    for (const sock of this.socks.values()) {
      if (sock.closed) continue;
      if (sock.kind === 'conn' && sock.files.some((f) => this.files.has(f))) unreadBytes += sock.rx.length;
      if (sock.kind === 'listen') waitingConnections += sock.acceptQueue.length;
    }
    return { unreadBytes, waitingConnections, operatorAnswers: this.stdinAnswerPending ? 1 : 0 };
  }

  /** Whether a read would not block: what select, poll and epoll test. */
  readable(sock: Sock): boolean {
    return readableSock(sock);
  }

  /* ── bookkeeping the subsystems share ── */

  emit(ev: TraceEvent): void {
    this.events++;
    if (this.tracing) this.trace.push(ev);
  }

  /** Queues a freshly made event body (it becomes the queue entry: no copy on this hot path). */
  schedule(t: Ns, body: KEventBody): void {
    const ev = body as KEvent;
    ev.t = t;
    ev.seq = this.seq++;
    this.queue.push(ev);
  }

  stop(reason: RunResult['stopReason']): void {
    if (this.stopped) return;
    this.stopped = reason;
    if (this.tracing) this.emit({ t: this.now, type: 'stop', reason });
    else this.events++;
  }

  addMemory(bytes: number): void {
    this.memory += bytes;
    if (this.memory > this.memoryPeak) this.memoryPeak = this.memory;
    if (this.tracing) this.emit({ t: this.now, type: 'mem', bytes: this.memory });
    else this.events++;
  }

  continueThread(thread: Thread): void {
    continueThread(this, thread);
  }

  /** f_op->release: an epoll instance goes; a socket leaves every epoll, then closes. */
  releaseFile(file: OpenFile): void {
    const w = file.what;
    if (w.kind === 'epoll') {
      this.epolls.delete(w.ep);
      return;
    }
    if (w.kind !== 'sock') return;
    const sock = this.socks.get(w.sock)!;
    epollForgetSock(this, sock);
    tcpClose(this, sock);
  }

  /** sk_data_ready: wakes sleepers, fills epoll ready lists, raises SIGIO, completes io_uring operations. */
  notify(sock: Sock, reason: string): void {
    if (sock.kind === 'conn') this.readyEpoch++;
    mayBeReady(this, sock);
    wakeUp(this, sock.waiters, reason);
    epollCallback(this, sock);
    sigioOnReady(this, sock);
    // io_uring arms an internal poll on the socket: a pending operation completes now.
    uringPollWake(this, sock.id);
  }

  /* ── the event loop ── */

  private handle(ev: KEvent): void {
    switch (ev.e) {
      case 'burst':
        return burstEnded(this, ev.tid, ev.token);
      case 'timeout':
        return timedOut(this, ev.tid, ev.token);
      case 'action':
        return clientAction(this, this.clients[ev.c]!);
      case 'synTimer':
        return synTimer(this, this.clients[ev.c]!, ev);
      case 'toServer':
        return packetAtServer(this, this.clients[ev.c]!, ev.kind, ev.data);
      case 'toClient':
        return packetAtClient(this, this.clients[ev.c]!, ev.kind, ev.data);
      case 'clientRead':
        return clientRead(this, this.clients[ev.c]!);
      case 'stdin':
        return stdinArrived(this, ev.data);
    }
  }
}
