import { EventQueue } from './event-queue.ts';
import { nextInt, seedRng, type RngState } from './rng.ts';
import type { CostModel } from './costs.ts';
import type { Bytes } from './bytes.ts';
import { PyException, type Errno } from './errors.ts';
import {
  ADDR_FAMILY_LOCAL, USER_PTR, fdSet, quoted, result, timespec, type StraceText,
} from './strace-format.ts';
import {
  EPOLLERR, EPOLLET, EPOLLHUP, EPOLLIN, EPOLLONESHOT, EPOLLRDHUP, POLLERR, POLLHUP, POLLIN, MS,
  type FdWhat, type Ns, type PacketKind, type PollFd, type Program, type ProgramGen, type Req,
  type SysCall, type SysResult, type ThreadState, type TraceEvent, type UringCqe,
  type UringSqe, type WaitOn, type WaitTarget,
} from './types.ts';

/* ───────────────────────── configuration ───────────────────────── */

export interface ClientAction { atNs: Ns; do: 'connect' | 'send' | 'close' | 'reset'; data?: Bytes }
export interface ClientScript { name: string; actions: ClientAction[] }

/** The operator at the server's console: answers each prompt after a delay (the chat room). */
export interface StdinOperator { answerDelayNs: Ns; answer: (prompt: Bytes, index: number) => Bytes }

export interface MachineConfig {
  seed: number;
  cores: number;
  fdLimit: number;
  /** One-way network latency between a client host and the server. */
  latencyNs: Ns;
  costs: CostModel;
  clients: ClientScript[];
  untilNs: Ns;
  maxEvents: number;
  /** false: count events and keep metrics, but store no trace (large sweeps). */
  keepTrace: boolean;
  serverPort: number;
  stdin?: StdinOperator;
}

/** Linux's net.core.somaxconn default since 5.4: listen() silently caps its backlog here. */
export const SOMAXCONN = 4096;
/** CFS hands a runnable thread roughly this much CPU before it may be preempted. */
export const TIMESLICE_NS = 3 * MS;
/** Initial SYN retransmission timeout (TCP_TIMEOUT_INIT). */
export const SYN_RTO_NS = 1000 * MS;
/**
 * net.ipv4.tcp_syn_linear_timeouts (4 on this machine's 6.x kernel): the first retries keep the
 * 1 s timeout, later ones double it (1, 1, 1, 1, 2, 4, 8 s…). Older kernels doubled from the start.
 */
export const SYN_LINEAR_RETRIES = 4;
/** How long the client waits after SYN number `attempt` (0 = the first) before resending it. */
export function synTimeoutNs(attempt: number): Ns {
  return attempt < SYN_LINEAR_RETRIES ? SYN_RTO_NS : SYN_RTO_NS * 2 ** (attempt - SYN_LINEAR_RETRIES + 1);
}
/** glibc's FD_SETSIZE: CPython refuses any fd at or above it in select(). */
export const FD_SETSIZE = 1024;
/** The kernel's default socket receive buffer is far larger than any message IO Lab sends. */
const CLIENT_PORT_BASE = 40000;

/* ───────────────────────── kernel objects ───────────────────────── */

interface Core { id: number; tid: number | null; last: number | null; sliceStart: Ns }

type Cont = 'next' | 'attempt' | 'deliver';

interface SysOp {
  call: SysCall;
  line: number;
  enterT: Ns;
  kernelNs: Ns;
  deadline: Ns | null;
  timedOut: boolean;
  entered: boolean;
  entryCharged: boolean;
  blocked: boolean;
  submitted: boolean;
  /** Filled when the call completes; delivered at the end of its burst. */
  done: Done | null;
}

interface Done { res: SysResult; ns: Ns; strace: StraceText; copy?: { fd: number; dir: 'to-user' | 'from-user'; data: Bytes } }
/** A call that must sleep; `ns` is the kernel work done before it does (select's first scan), if more than the trap. */
type Attempt = Done | { block: WaitOn; targets: WaitTarget[]; head: string; ns?: Ns };

export interface Thread {
  tid: number; pid: number; name: string;
  state: ThreadState; on: WaitOn | null; core: number | null;
  gen: ProgramGen; cont: Cont; result: SysResult; op: SysOp | null;
  userNs: Ns; systemNs: Ns;
  waits: WaitTarget[]; token: number; wakeReason: string;
  /** Waiting on its core for `resume` (a program whose steps come from outside). */
  parked: boolean;
}

export interface Process {
  pid: number; parent: number | null; name: string;
  fds: (number | undefined)[];
  threads: number[]; live: number;
  gil: number | null; gilWaiters: number[];
  exited: boolean; exitCode: number;
  sigioHandler: (() => void) | null; pendingSigio: boolean; sigchldIgnored: boolean;
  memoryBytes: number;
}

export interface OpenFile {
  id: number; refs: number; nonblock: boolean; async: boolean; owner: number | null;
  what: { kind: 'sock'; sock: number } | { kind: 'epoll'; ep: number } | { kind: 'stdio'; name: 'stdin' | 'stdout' | 'stderr' } | { kind: 'uring'; ring: number };
}

export interface Sock {
  id: number;
  kind: 'new' | 'listen' | 'conn';
  port: number;
  backlog: number;
  acceptQueue: number[];
  handshaking: number;
  client: number;
  rx: Bytes;
  rxFin: boolean;
  err: Errno | null;
  rcvShutdown: boolean;
  sndShutdown: boolean;
  closed: boolean;
  waiters: number[];
  /** epoll instances watching this socket (by epoll id), with the registered fd. */
  watchers: { ep: number; fd: number }[];
  files: number[];
}

interface EpItem { fd: number; file: number; sock: number; events: number; disabled: boolean }
export interface Epoll { id: number; items: Map<number, EpItem>; ready: number[]; waiters: number[] }

interface UringOp { sqe: UringSqe; file: number; sock: number }
/** `bySock`: the pending operations of each socket, in submission order (a socket that changes looks only at its own). */
interface Ring { id: number; pid: number; pending: UringOp[]; bySock: Map<number, UringOp[]>; cq: UringCqe[]; waiters: number[] }

interface ClientHost {
  index: number; name: string; script: ClientScript;
  next: number;
  state: 'idle' | 'connecting' | 'connected' | 'closed' | 'reset' | 'refused';
  port: number;
  sock: number | null;
  busy: boolean;
  synAttempt: number; synToken: number;
  lastToServer: Ns; lastToClient: Ns;
  rx: Bytes; readPending: boolean; serverGone: boolean;
}

type KEvent = { t: Ns; seq: number } & (
  | { e: 'burst'; tid: number; token: number }
  | { e: 'timeout'; tid: number; token: number }
  | { e: 'action'; c: number }
  | { e: 'synTimer'; c: number; token: number }
  | { e: 'toServer'; c: number; kind: PacketKind; data?: Bytes }
  | { e: 'toClient'; c: number; kind: PacketKind; data?: Bytes }
  | { e: 'clientRead'; c: number }
  | { e: 'stdin'; data: Bytes }
);
type KEventBody = KEvent extends infer E ? E extends KEvent ? Omit<E, 't' | 'seq'> : never : never;

export interface SyscallStat { count: number; kernelNs: Ns }
export interface PyErrorRecord { thread: number; syscall: string; python: string; atNs: Ns }
export interface Reply { client: string; data: Bytes; atNs: Ns }

export interface RunResult {
  trace: TraceEvent[];
  events: number;
  endNs: Ns;
  stopReason: 'until' | 'idle' | 'maxEvents' | 'exited';
  replies: Reply[];
  syscalls: Record<string, SyscallStat>;
  errors: PyErrorRecord[];
  cpu: { userNs: Ns; systemNs: Ns; idleNs: Ns; busyFraction: number; cores: number };
  contextSwitches: number;
  threadsPeak: number;
  memoryPeakBytes: number;
  eagain: number;
  bytesCopied: number;
  stdout: Bytes;
}

/* ───────────────────────── the kernel ───────────────────────── */

export class Kernel {
  now: Ns = 0;
  private seq = 0;
  readonly rng: RngState;
  readonly costs: CostModel;
  private readonly queue = new EventQueue<KEvent>();
  readonly cores: Core[];
  readonly runQueue: number[] = [];
  readonly procs = new Map<number, Process>();
  readonly threads = new Map<number, Thread>();
  readonly files = new Map<number, OpenFile>();
  readonly socks = new Map<number, Sock>();
  readonly epolls = new Map<number, Epoll>();
  readonly rings = new Map<number, Ring>();
  private readonly clients: ClientHost[];
  private readonly futexWaiters = new Map<object, number[]>();
  private readonly futexLabels = new Map<object, string>();
  private nextId = 4000;
  private nextObj = 1;
  private liveThreads = 0;
  private memory = 0;

  readonly trace: TraceEvent[] = [];
  events = 0;
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
  /** What the program last wrote to stdout: input()'s prompt, which the operator answers. */
  private lastStdoutWrite: Bytes = '';
  private stdinBuffer: Bytes = '';
  private stdinWaiters: number[] = [];
  private stdinPrompts = 0;
  private stdinAnswerPending = false;
  private listenSock: number | null = null;
  private stopped: RunResult['stopReason'] | null = null;

  constructor(readonly config: MachineConfig) {
    this.rng = seedRng(config.seed);
    this.tracing = config.keepTrace;
    this.costs = config.costs;
    this.cores = Array.from({ length: config.cores }, (_, id) => ({ id, tid: null, last: null, sliceStart: 0 }));
    this.clients = config.clients.map((script, index) => ({
      index, name: script.name, script, next: 0, state: 'idle', port: CLIENT_PORT_BASE + 2 * index + 2, sock: null,
      busy: false, synAttempt: 0, synToken: 0, lastToServer: 0, lastToClient: 0, rx: '', readPending: false, serverGone: false,
    }));
    this.clients.forEach((c) => this.scheduleNextAction(c, 0));
  }

  /* ── public driving API ── */

  /** Starts the server process running `main` (its main thread runs first, at time 0). */
  spawn(name: string, main: Program): number {
    const pid = this.newProcess(name, null, [this.newFile({ kind: 'stdio', name: 'stdin' }), this.newFile({ kind: 'stdio', name: 'stdout' }), this.newFile({ kind: 'stdio', name: 'stderr' })]);
    for (const file of this.procs.get(pid)!.fds) if (file !== undefined) this.files.get(file)!.refs++; // the process holds its stdio: a forked child's exit must not free them
    this.newThread(pid, 'MainThread', main, pid);
    this.dispatchIdleCores();
    return pid;
  }

  /** Processes one kernel event; false when the run is over. */
  step(): boolean {
    if (this.stopped) return false;
    const next = this.queue.peek();
    if (!next) { this.stop('idle'); return false; }
    if (next.t > this.config.untilNs) { this.stop('until'); return false; }
    if (this.events >= this.config.maxEvents) { this.stop('maxEvents'); return false; }
    this.queue.pop();
    if (next.t < this.now) throw new Error(`time went back: ${next.t} < ${this.now}`);
    this.now = next.t;
    this.handle(next);
    return true;
  }

  run(): RunResult {
    while (this.step()) { /* each step handles one event */ }
    return this.result();
  }

  /**
   * Lets a parked thread (its program yielded `{ kind: 'park' }`) go on: its program is asked
   * for its next step now. A program run by a real interpreter parks while the interpreter runs.
   */
  resume(tid: number): void {
    const thread = this.threads.get(tid);
    if (!thread || thread.state !== 'running' || !thread.parked) throw new Error(`thread ${tid} is not parked`);
    thread.parked = false;
    thread.token++;
    this.schedule(this.now, { e: 'burst', tid, token: thread.token });
  }

  /** When the next event happens (undefined: nothing left): lets a caller stop at a time of its choosing. */
  nextEventNs(): Ns | undefined {
    return this.queue.peek()?.t;
  }

  result(): RunResult {
    const endNs = this.stopped === 'until' || this.stopped === 'idle' ? Math.max(this.now, this.config.untilNs) : this.now;
    const capacity = endNs * this.config.cores;
    const idleNs = Math.max(0, capacity - this.userNs - this.systemNs);
    return {
      trace: this.trace, events: this.events, endNs, stopReason: this.stopped ?? 'until', replies: this.replies,
      syscalls: this.syscalls, errors: this.errors,
      cpu: { userNs: this.userNs, systemNs: this.systemNs, idleNs, busyFraction: capacity > 0 ? (this.userNs + this.systemNs) / capacity : 0, cores: this.config.cores },
      contextSwitches: this.contextSwitches, threadsPeak: this.threadsPeak, memoryPeakBytes: this.memoryPeak,
      eagain: this.eagain, bytesCopied: this.bytesCopied, stdout: this.stdout,
    };
  }

  /* ── bookkeeping ── */

  /** Whether events are kept; hot paths test it first so that metrics-only runs allocate nothing. */
  private readonly tracing: boolean;

  private emit(ev: TraceEvent): void {
    this.events++;
    if (this.tracing) this.trace.push(ev);
  }

  /** Queues a freshly made event body (it becomes the queue entry: no copy on this hot path). */
  private schedule(t: Ns, body: KEventBody): void {
    const ev = body as KEvent;
    ev.t = t;
    ev.seq = this.seq++;
    this.queue.push(ev);
  }

  private stop(reason: RunResult['stopReason']): void {
    if (this.stopped) return;
    this.stopped = reason;
    if (this.tracing) this.emit({ t: this.now, type: 'stop', reason }); else this.events++;
  }

  private addMemory(bytes: number): void {
    this.memory += bytes;
    if (this.memory > this.memoryPeak) this.memoryPeak = this.memory;
    if (this.tracing) this.emit({ t: this.now, type: 'mem', bytes: this.memory }); else this.events++;
  }

  private newProcess(name: string, parent: number | null, fds: (number | undefined)[]): number {
    const pid = this.nextId++;
    const base = parent === null ? this.costs.processBaseBytes : this.costs.forkChildResidentBytes;
    this.procs.set(pid, {
      pid, parent, name, fds, threads: [], live: 0, gil: null, gilWaiters: [], exited: false, exitCode: 0,
      sigioHandler: null, pendingSigio: false, sigchldIgnored: false, memoryBytes: base,
    });
    this.addMemory(base);
    if (this.tracing) this.emit({ t: this.now, type: 'proc.start', pid, parent, name }); else this.events++;
    fds.forEach((file, fd) => { if (file !== undefined) this.emit({ t: this.now, type: 'fd.open', pid, fd, what: this.fdWhat(file) }); });
    return pid;
  }

  private newThread(pid: number, name: string, program: Program, tid = this.nextId++): number {
    const proc = this.procs.get(pid)!;
    const thread: Thread = {
      tid, pid, name, state: 'ready', on: null, core: null, gen: program(), cont: 'next', result: { ret: 0 }, op: null,
      userNs: 0, systemNs: 0, waits: [], token: 0, wakeReason: '', parked: false,
    };
    this.threads.set(tid, thread);
    proc.threads.push(tid);
    proc.live++;
    this.liveThreads++;
    if (this.liveThreads > this.threadsPeak) this.threadsPeak = this.liveThreads;
    if (proc.threads.length > 1) { proc.memoryBytes += this.costs.threadResidentBytes; this.addMemory(this.costs.threadResidentBytes); }
    if (this.tracing) this.emit({ t: this.now, type: 'thread.start', tid, pid, name }); else this.events++;
    this.makeReady(thread);
    return tid;
  }

  private newFile(what: OpenFile['what']): number {
    const id = this.nextObj++;
    this.files.set(id, { id, refs: 0, nonblock: false, async: false, owner: null, what });
    return id;
  }

  private fdWhat(fileId: number): FdWhat {
    const file = this.files.get(fileId)!;
    const w = file.what;
    if (w.kind === 'stdio') return { kind: 'stdio', name: w.name };
    if (w.kind === 'epoll') return { kind: 'epoll', ep: w.ep };
    if (w.kind === 'uring') return { kind: 'uring', ring: w.ring };
    const sock = this.socks.get(w.sock)!;
    if (sock.kind === 'listen') return { kind: 'listen', sock: sock.id, port: sock.port };
    if (sock.kind === 'conn') return { kind: 'conn', sock: sock.id, client: this.clients[sock.client]?.name ?? '?' };
    return { kind: 'socket', sock: sock.id };
  }

  /** Lowest free descriptor below RLIMIT_NOFILE, or -1 (EMFILE). */
  private lowestFreeFd(proc: Process): number {
    const limit = this.config.fdLimit;
    for (let fd = 0; fd < limit; fd++) if (proc.fds[fd] === undefined) return fd;
    return -1;
  }

  private installFd(proc: Process, fd: number, fileId: number): void {
    proc.fds[fd] = fileId;
    this.files.get(fileId)!.refs++;
    const f = this.files.get(fileId)!;
    if (f.what.kind === 'sock') this.socks.get(f.what.sock)!.files.push(fileId);
    if (this.tracing) this.emit({ t: this.now, type: 'fd.open', pid: proc.pid, fd, what: this.fdWhat(fileId) }); else this.events++;
  }

  private fileOf(proc: Process, fd: number): OpenFile | undefined {
    const id = proc.fds[fd];
    return id === undefined ? undefined : this.files.get(id);
  }

  private sockOf(proc: Process, fd: number): Sock | undefined {
    const f = this.fileOf(proc, fd);
    return f && f.what.kind === 'sock' ? this.socks.get(f.what.sock) : undefined;
  }

  private newSock(kind: Sock['kind']): Sock {
    const sock: Sock = {
      id: this.nextObj++, kind, port: 0, backlog: 0, acceptQueue: [], handshaking: 0, client: -1, rx: '', rxFin: false, err: null,
      rcvShutdown: false, sndShutdown: false, closed: false, waiters: [], watchers: [], files: [],
    };
    this.socks.set(sock.id, sock);
    this.addMemory(this.costs.socketKernelBytes);
    return sock;
  }

  /* ── scheduling ── */

  private makeReady(thread: Thread, preempted = false): void {
    thread.state = 'ready';
    thread.on = null;
    this.runQueue.push(thread.tid);
    this.emit(preempted ? { t: this.now, type: 'thread.state', tid: thread.tid, state: 'ready', preempted } : { t: this.now, type: 'thread.state', tid: thread.tid, state: 'ready' });
  }

  private dispatchIdleCores(): void {
    for (const core of this.cores) {
      if (core.tid !== null) continue;
      const tid = this.runQueue.shift();
      if (tid === undefined) return;
      this.dispatch(core, this.threads.get(tid)!);
    }
  }

  private dispatch(core: Core, thread: Thread): void {
    const from = core.last;
    core.tid = thread.tid;
    core.sliceStart = this.now;
    thread.state = 'running';
    thread.core = core.id;
    const switching = from !== thread.tid;
    if (this.tracing) this.emit({ t: this.now, type: 'cpu.switch', core: core.id, from: null, to: thread.tid, costNs: switching ? this.costs.contextSwitchNs : 0 }); else this.events++;
    if (this.tracing) this.emit({ t: this.now, type: 'thread.state', tid: thread.tid, state: 'running', core: core.id }); else this.events++;
    if (switching) {
      // Switching address space and registers (and the cache damage that follows) costs CPU.
      core.last = thread.tid;
      this.burst(thread, 0, this.costs.contextSwitchNs, false);
      return;
    }
    this.continueThread(thread);
  }

  /** The thread occupies its core for user + system time; then its continuation runs. */
  private burst(thread: Thread, userNs: Ns, systemNs: Ns, inSyscall = true): void {
    thread.userNs += userNs;
    thread.systemNs += systemNs;
    this.userNs += userNs;
    this.systemNs += systemNs;
    if (inSyscall && thread.op && systemNs > 0 && thread.cont !== 'next') thread.op.kernelNs += systemNs;
    thread.token++;
    this.schedule(this.now + userNs + systemNs, { e: 'burst', tid: thread.tid, token: thread.token });
  }

  private releaseCore(thread: Thread): void {
    if (thread.core === null) return;
    const core = this.cores[thread.core]!;
    core.tid = null;
    thread.core = null;
    if (this.tracing) this.emit({ t: this.now, type: 'cpu.switch', core: core.id, from: thread.tid, to: null, costNs: 0 }); else this.events++;
    this.dispatchIdleCores();
  }

  private block(thread: Thread, on: WaitOn, targets: WaitTarget[]): void {
    thread.state = 'blocked';
    thread.on = on;
    thread.waits = targets;
    for (const target of targets) {
      this.waitList(target).push(thread.tid);
      if (this.tracing) this.emit({ t: this.now, type: 'wait.add', tid: thread.tid, target }); else this.events++;
    }
    this.contextSwitches++;
    if (this.tracing) this.emit({ t: this.now, type: 'thread.state', tid: thread.tid, state: 'blocked', on }); else this.events++;
    this.releaseCore(thread);
  }

  private waitList(target: WaitTarget): number[] {
    switch (target.kind) {
      case 'sock': return this.socks.get(target.sock)!.waiters;
      case 'epoll': return this.epolls.get(target.ep)!.waiters;
      case 'stdin': return this.stdinWaiters;
      case 'gil': return this.procs.get(target.pid)!.gilWaiters;
      case 'pool': {
        for (const [key, label] of this.futexLabels) if (label === target.queue) return this.futexWaiters.get(key)!;
        return [];
      }
    }
  }

  /** Takes a blocked thread off every wait queue it is on and makes it runnable. */
  private wake(thread: Thread, reason: string): void {
    if (thread.state !== 'blocked') return;
    for (const target of thread.waits) {
      const list = this.waitList(target);
      const i = list.indexOf(thread.tid);
      if (i >= 0) list.splice(i, 1);
      if (this.tracing) this.emit({ t: this.now, type: 'wait.remove', tid: thread.tid, target }); else this.events++;
    }
    thread.waits = [];
    thread.token++;
    thread.wakeReason = reason;
    if (thread.op) this.emit({ t: this.now, type: 'sys.wake', tid: thread.tid, name: thread.op.call.name, reason });
    this.makeReady(thread);
    this.dispatchIdleCores();
  }

  private wakeAll(list: number[], reason: string): void {
    for (const tid of [...list]) this.wake(this.threads.get(tid)!, reason);
  }

  /* ── the GIL: one per process; held to run Python, dropped around every system call ── */

  private takeGil(thread: Thread): boolean {
    const proc = this.procs.get(thread.pid)!;
    if (proc.gil === thread.tid) return true;
    if (proc.live <= 1 && proc.gil === null) return true;
    if (proc.gil === null) {
      proc.gil = thread.tid;
      if (this.tracing) this.emit({ t: this.now, type: 'gil', pid: proc.pid, holder: thread.tid }); else this.events++;
      return true;
    }
    this.block(thread, { kind: 'gil' }, [{ kind: 'gil', pid: proc.pid }]);
    return false;
  }

  private dropGil(thread: Thread): void {
    const proc = this.procs.get(thread.pid)!;
    if (proc.gil !== thread.tid) return;
    const nextTid = proc.gilWaiters[0];
    proc.gil = nextTid ?? null;
    if (this.tracing) this.emit({ t: this.now, type: 'gil', pid: proc.pid, holder: proc.gil }); else this.events++;
    if (nextTid !== undefined) this.wake(this.threads.get(nextTid)!, 'gil');
  }

  /* ── event handling ── */

  private handle(ev: KEvent): void {
    switch (ev.e) {
      case 'burst': {
        const thread = this.threads.get(ev.tid)!;
        if (thread.token !== ev.token || thread.state !== 'running') return;
        const core = this.cores[thread.core!]!;
        if (this.runQueue.length > 0 && this.now - core.sliceStart >= TIMESLICE_NS && thread.cont === 'next') {
          // Preempted: back of the run queue, the core goes to the next thread.
          this.contextSwitches++;
          this.releaseCoreTo(thread);
          return;
        }
        this.continueThread(thread);
        return;
      }
      case 'timeout': {
        const thread = this.threads.get(ev.tid)!;
        if (thread.token !== ev.token || thread.state !== 'blocked' || !thread.op) return;
        thread.op.timedOut = true;
        this.wake(thread, 'timeout');
        return;
      }
      case 'action': return this.clientAction(this.clients[ev.c]!);
      case 'synTimer': {
        const c = this.clients[ev.c]!;
        if (c.synToken !== ev.token || c.state !== 'connecting') return;
        c.synAttempt++;
        const nextNs = this.now + synTimeoutNs(c.synAttempt);
        if (this.tracing) this.emit({ t: this.now, type: 'client.retry', client: c.name, attempt: c.synAttempt, nextNs }); else this.events++;
        this.sendToServer(c, 'SYN');
        this.schedule(nextNs, { e: 'synTimer', c: c.index, token: c.synToken });
        return;
      }
      case 'toServer': return this.packetAtServer(this.clients[ev.c]!, ev.kind, ev.data);
      case 'toClient': return this.packetAtClient(this.clients[ev.c]!, ev.kind, ev.data);
      case 'clientRead': {
        const c = this.clients[ev.c]!;
        c.readPending = false;
        if (c.rx.length === 0) return;
        this.replies.push({ client: c.name, data: c.rx, atNs: this.now });
        if (this.tracing) this.emit({ t: this.now, type: 'client.reply', client: c.name, data: c.rx }); else this.events++;
        c.rx = '';
        return;
      }
      case 'stdin': {
        this.stdinAnswerPending = false;
        this.stdinBuffer += ev.data;
        if (this.tracing) this.emit({ t: this.now, type: 'stdin.line', data: ev.data }); else this.events++;
        this.wakeAll(this.stdinWaiters, 'stdin');
        return;
      }
    }
  }

  private releaseCoreTo(thread: Thread): void {
    this.releaseCore(thread);
    this.makeReady(thread, true);
    this.dispatchIdleCores();
  }

  /** Runs the thread's continuation: next program step, a syscall attempt, or a delivery. */
  private continueThread(thread: Thread): void {
    switch (thread.cont) {
      case 'deliver': return this.deliver(thread);
      case 'attempt': return this.attemptOp(thread);
      case 'next': return this.nextReq(thread);
    }
  }

  private nextReq(thread: Thread): void {
    if (!this.takeGil(thread)) return;
    let req: IteratorResult<Req, void>;
    const pending = thread.result;
    thread.result = { ret: 0 };
    try {
      req = thread.gen.next(pending);
    } catch (err) {
      this.uncaught(thread, err);
      return;
    }
    if (req.done) {
      // Falling off the end: the interpreter exits (main thread) or the thread ends, as strace shows.
      const main = thread.tid === thread.pid;
      this.startReq(thread, { kind: 'sys', call: main ? { name: 'exit_group', code: 0 } : { name: 'exit', code: 0 }, line: 0 });
      return;
    }
    this.startReq(thread, req.value);
  }

  private startReq(thread: Thread, req: Req): void {
    switch (req.kind) {
      case 'park':
        thread.parked = true;
        thread.cont = 'next';
        return;
      case 'py': {
        const ns = req.ns ?? this.costs.pythonStatementNs;
        if (this.tracing) this.emit({ t: this.now, type: 'py', tid: thread.tid, line: req.line, ns, ...(req.note ? { note: req.note } : {}), ...(req.noteParams ? { noteParams: req.noteParams } : {}) }); else this.events++;
        thread.cont = 'next';
        this.burst(thread, ns, 0);
        return;
      }
      case 'futexWait': {
        const list = this.futexWaiters.get(req.key) ?? [];
        this.futexWaiters.set(req.key, list);
        this.futexLabels.set(req.key, req.label);
        if (this.tracing) this.emit({ t: this.now, type: 'py', tid: thread.tid, line: req.line, ns: 0 }); else this.events++;
        this.dropGil(thread);
        thread.cont = 'next';
        this.block(thread, { kind: 'pool', queue: req.label }, [{ kind: 'pool', queue: req.label }]);
        return;
      }
      case 'futexWake': {
        const list = this.futexWaiters.get(req.key);
        const tid = list?.[0];
        // Whether a sleeping thread was there to take it: the job runs now, or waits in the queue.
        if (this.tracing) this.emit({ t: this.now, type: 'py', tid: thread.tid, line: req.line, ns: this.costs.pythonLineNs, sysNs: this.costs.wakeupNs, note: tid !== undefined ? 'narr.note.jobTaken' : 'narr.note.jobQueued', noteParams: { queue: req.label } }); else this.events++;
        if (tid !== undefined) this.wake(this.threads.get(tid)!, 'queue');
        thread.cont = 'next';
        this.burst(thread, this.costs.pythonLineNs, this.costs.wakeupNs);
        return;
      }
      case 'sys': {
        thread.op = { call: req.call, line: req.line, enterT: this.now + this.costs.pythonLineNs, kernelNs: 0, deadline: null, timedOut: false, entered: false, entryCharged: false, blocked: false, submitted: false, done: null };
        if (this.tracing) this.emit({ t: this.now, type: 'py', tid: thread.tid, line: req.line, ns: this.costs.pythonLineNs }); else this.events++;
        // CPython releases the GIL around every socket call (Py_BEGIN_ALLOW_THREADS).
        this.dropGil(thread);
        thread.cont = 'attempt';
        this.burst(thread, this.costs.pythonLineNs, 0);
        return;
      }
    }
  }

  private attemptOp(thread: Thread): void {
    const op = thread.op!;
    if (!op.entered) {
      op.entered = true;
      if (this.tracing) this.emit({ t: this.now, type: 'sys.enter', tid: thread.tid, name: op.call.name, line: op.line }); else this.events++;
    }
    const attempt = this.attempt(thread, op);
    if ('block' in attempt) {
      if (!op.entryCharged) {
        // Entering the kernel costs something even when the call then sleeps (select and poll
        // have scanned every fd once by then).
        op.entryCharged = true;
        this.burst(thread, 0, attempt.ns ?? this.costs.syscallNs);
        return;
      }
      op.blocked = true;
      if (this.tracing) this.emit({ t: this.now, type: 'sys.block', tid: thread.tid, name: op.call.name, on: attempt.block, head: attempt.head, enterT: op.enterT, kernelNs: op.kernelNs }); else this.events++;
      this.block(thread, attempt.block, attempt.targets);
      if (op.deadline !== null && op.deadline !== Infinity) this.schedule(op.deadline, { e: 'timeout', tid: thread.tid, token: thread.token });
      return;
    }
    op.done = attempt;
    if (attempt.copy) {
      this.bytesCopied += attempt.copy.data.length;
      if (this.tracing) this.emit({ t: this.now, type: 'copy', tid: thread.tid, fd: attempt.copy.fd, dir: attempt.copy.dir, bytes: attempt.copy.data.length, data: attempt.copy.data, ns: Math.round(attempt.copy.data.length * this.costs.copyNsPerByte) }); else this.events++;
    }
    thread.cont = 'deliver';
    this.burst(thread, 0, attempt.ns);
  }

  private deliver(thread: Thread): void {
    const op = thread.op!;
    const done = op.done!;
    const name = op.call.name;
    const stat = this.syscalls[name] ?? (this.syscalls[name] = { count: 0, kernelNs: 0 });
    stat.count++;
    stat.kernelNs += op.kernelNs;
    if (done.res.errno === 'EAGAIN') this.eagain++;
    // CPython turns a failed call into an exception object and unwinds to the except clause.
    const unwindNs = done.res.errno && name !== 'pause' && name !== 'rt_sigreturn' ? this.costs.pythonExceptionNs : 0;
    if (this.tracing) {
      this.emit({
        t: this.now, type: 'sys.exit', tid: thread.tid, name, ret: done.res.ret, ...(done.res.errno ? { errno: done.res.errno } : {}),
        strace: done.strace.head + done.strace.tail, head: done.strace.head.length, enterT: op.enterT, kernelNs: op.kernelNs,
        ...(unwindNs ? { unwindNs } : {}),
      });
    } else this.events++;
    // Python ignores SIGPIPE, so a send to a dead peer just fails with EPIPE; strace still shows the signal.
    if (name === 'sendto' && done.res.errno === 'EPIPE') this.emit({ t: this.now, type: 'signal.send', pid: thread.pid, signal: 'SIGPIPE', merged: false });
    thread.op = null;
    thread.result = done.res;
    thread.cont = 'next';
    if (unwindNs) { this.burst(thread, unwindNs, 0); return; }
    if (name === 'exit_group') return this.exitProcess(this.procs.get(thread.pid)!, (op.call as { code: number }).code);
    if (name === 'exit') { this.endThread(thread); this.dispatchIdleCores(); return; }
    this.nextReq(thread);
  }

  private uncaught(thread: Thread, err: unknown): void {
    if (!(err instanceof PyException)) throw err; // a bug in a simulated program, not a simulated failure
    const { python, syscall } = err;
    this.errors.push({ thread: thread.tid, syscall, python, atNs: this.now });
    const main = thread.tid === thread.pid;
    if (this.tracing) this.emit({ t: this.now, type: 'error', tid: thread.tid, syscall, python, fatal: main }); else this.events++;
    // The traceback goes to stderr. In the main thread the interpreter then finalizes: the
    // socket objects are collected (closing their fds) and it exits with status 1. Another
    // thread just ends (threading's excepthook prints the traceback).
    const proc = this.procs.get(thread.pid)!;
    const openSockets = main ? proc.fds.flatMap((f, fd) => (f !== undefined && fd > 2 ? [fd] : [])) : [];
    thread.gen = (function* (): ProgramGen {
      yield { kind: 'sys', call: { name: 'write', fd: 2, data: `Traceback (most recent call last):\n  ...\n${python}\n` }, line: 0 };
      for (const fd of openSockets) yield { kind: 'sys', call: { name: 'close', fd }, line: 0 };
      if (main) yield { kind: 'sys', call: { name: 'exit_group', code: 1 }, line: 0 };
    })();
    thread.result = { ret: 0 };
    this.nextReq(thread);
  }

  private endThread(thread: Thread): void {
    if (thread.state === 'exited') return;
    const proc = this.procs.get(thread.pid)!;
    if (thread.state === 'blocked') {
      for (const target of thread.waits) {
        const list = this.waitList(target);
        const i = list.indexOf(thread.tid);
        if (i >= 0) list.splice(i, 1);
      }
      thread.waits = [];
    }
    const rq = this.runQueue.indexOf(thread.tid);
    if (rq >= 0) this.runQueue.splice(rq, 1);
    this.dropGil(thread);
    thread.state = 'exited';
    thread.token++;
    proc.live--;
    this.liveThreads--;
    if (proc.threads.length > 1 && thread.tid !== proc.pid) { proc.memoryBytes -= this.costs.threadResidentBytes; this.addMemory(-this.costs.threadResidentBytes); }
    if (this.tracing) this.emit({ t: this.now, type: 'thread.exit', tid: thread.tid }); else this.events++;
    this.releaseCore(thread);
  }

  private exitProcess(proc: Process, code: number): void {
    if (proc.exited) return;
    proc.exited = true;
    proc.exitCode = code;
    for (const tid of proc.threads) this.endThread(this.threads.get(tid)!);
    proc.fds.forEach((file, fd) => { if (file !== undefined) this.closeFd(proc, fd); });
    this.addMemory(-proc.memoryBytes);
    if (this.tracing) this.emit({ t: this.now, type: 'proc.exit', pid: proc.pid, code }); else this.events++;
    if (proc.parent === null) this.stop('exited');
    this.dispatchIdleCores();
  }

  /* ── system calls ── */

  private done(res: SysResult, ns: Ns, head: string, tail: string, copy?: Done['copy']): Done {
    return copy ? { res, ns, strace: { head, tail }, copy } : { res, ns, strace: { head, tail } };
  }

  private fail(errno: Errno, ns: Ns, head: string, tail: string): Done {
    return { res: { ret: -1, errno }, ns, strace: { head, tail: `${tail} = ${result(-1, errno)}` } };
  }

  /** Tries the call now: it completes (with a result and its CPU cost) or says what to sleep on. */
  private attempt(thread: Thread, op: SysOp): Attempt {
    const c = this.costs;
    const proc = this.procs.get(thread.pid)!;
    const call = op.call;
    const badf = (fd: number, head: string, tail: string): Done => this.fail('EBADF', c.syscallNs, head, tail.replace('%FD%', String(fd)));
    switch (call.name) {
      case 'socket': {
        const fd = this.lowestFreeFd(proc);
        const head = 'socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP)';
        if (fd < 0) return this.fail('EMFILE', c.socketNs, head, '');
        const sock = this.newSock('new');
        this.installFd(proc, fd, this.newFile({ kind: 'sock', sock: sock.id }));
        return this.done({ ret: fd }, c.socketNs, head, ` = ${fd}`);
      }
      case 'socketpair': {
        // Two connected AF_UNIX sockets (asyncio's self-pipe): nothing is ever written to them here.
        const head = 'socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, ';
        const a = this.lowestFreeFd(proc);
        if (a < 0) return this.fail('EMFILE', c.socketNs, head, `${USER_PTR})`);
        this.installFd(proc, a, this.newFile({ kind: 'sock', sock: this.newSock('new').id }));
        const b = this.lowestFreeFd(proc);
        if (b < 0) { this.closeFd(proc, a); return this.fail('EMFILE', c.socketNs, head, `${USER_PTR})`); }
        this.installFd(proc, b, this.newFile({ kind: 'sock', sock: this.newSock('new').id }));
        return this.done({ ret: 0, ready: [{ fd: a, events: 0 }, { fd: b, events: 0 }] }, 2 * c.socketNs, head, `[${a}, ${b}]) = 0`);
      }
      case 'setsockopt':
        return this.done({ ret: 0 }, c.setsockoptNs, `setsockopt(${call.fd}, SOL_SOCKET, SO_REUSEADDR, [1], 4)`, ' = 0');
      case 'bind': {
        const sock = this.sockOf(proc, call.fd);
        if (!sock) return badf(call.fd, `bind(${call.fd}, ...)`, '');
        sock.port = call.port;
        return this.done({ ret: 0 }, c.bindNs, `bind(${call.fd}, ${ADDR_FAMILY_LOCAL(call.port)}, 16)`, ' = 0');
      }
      case 'listen': {
        const sock = this.sockOf(proc, call.fd);
        if (!sock) return badf(call.fd, `listen(${call.fd}, ${call.backlog})`, '');
        sock.kind = 'listen';
        sock.backlog = Math.min(Math.max(call.backlog, 0), SOMAXCONN);
        this.listenSock = sock.id;
        if (this.tracing) this.emit({ t: this.now, type: 'sock.listen', sock: sock.id, backlog: sock.backlog }); else this.events++;
        if (this.tracing) this.emit({ t: this.now, type: 'fd.open', pid: proc.pid, fd: call.fd, what: this.fdWhat(proc.fds[call.fd]!) }); else this.events++;
        return this.done({ ret: 0 }, c.listenNs, `listen(${call.fd}, ${call.backlog})`, ' = 0');
      }
      case 'accept4': {
        const file = this.fileOf(proc, call.fd);
        const sock = this.sockOf(proc, call.fd);
        const head = `accept4(${call.fd}, `;
        if (!file || !sock || sock.kind !== 'listen') return this.fail('EINVAL', c.syscallNs, head, `${USER_PTR}, [16], SOCK_CLOEXEC)`);
        const connId = sock.acceptQueue[0];
        if (connId === undefined) {
          if (file.nonblock) return this.fail('EAGAIN', c.acceptEagainNs, head, `${USER_PTR}, [16], SOCK_CLOEXEC)`);
          return { block: { kind: 'accept', fd: call.fd, sock: sock.id }, targets: [{ kind: 'sock', sock: sock.id }], head };
        }
        const fd = this.lowestFreeFd(proc);
        // With no free descriptor the connection stays queued: the listening socket stays readable.
        if (fd < 0) return this.fail('EMFILE', c.acceptNs, head, `${USER_PTR}, [16], SOCK_CLOEXEC)`);
        sock.acceptQueue.shift();
        if (this.tracing) this.emit({ t: this.now, type: 'sock.accept-queue', sock: sock.id, conn: connId, op: 'pop' }); else this.events++;
        // accept() never passes O_NONBLOCK or O_ASYNC on to the new socket (Linux, unlike BSD).
        this.installFd(proc, fd, this.newFile({ kind: 'sock', sock: connId }));
        const port = this.clients[this.socks.get(connId)!.client]!.port;
        return this.done({ ret: fd }, c.acceptNs, head, `${ADDR_FAMILY_LOCAL(port)}, [16], SOCK_CLOEXEC) = ${fd}`);
      }
      case 'getsockname': {
        const kind = this.sockOf(proc, call.fd)?.kind;
        const addr = kind === 'new' ? '{sa_family=AF_UNIX}, [128 => 2]' : `${ADDR_FAMILY_LOCAL(this.config.serverPort)}, [128 => 16]`;
        return this.done({ ret: 0 }, c.syscallNs, `getsockname(${call.fd}, ${addr})`, ' = 0');
      }
      case 'recvfrom': return this.recvfrom(proc, call.fd, call.size);
      case 'sendto': return this.sendto(proc, call.fd, call.data);
      case 'close': {
        if (proc.fds[call.fd] === undefined) return badf(call.fd, `close(${call.fd})`, '');
        this.closeFd(proc, call.fd);
        return this.done({ ret: 0 }, c.closeNs, `close(${call.fd})`, ' = 0');
      }
      case 'ioctl': {
        const file = this.fileOf(proc, call.fd);
        const head = `ioctl(${call.fd}, FIONBIO, [${call.nonblock ? 1 : 0}])`;
        if (!file) return badf(call.fd, head, '');
        file.nonblock = call.nonblock;
        if (this.tracing) this.emit({ t: this.now, type: 'fd.flags', pid: proc.pid, fd: call.fd, nonblock: file.nonblock, async: file.async }); else this.events++;
        return this.done({ ret: 0 }, c.ioctlNs, head, ' = 0');
      }
      case 'fcntl': return this.fcntl(proc, call.fd, call.cmd, call.arg);
      case 'clone3': {
        const tid = this.newThread(proc.pid, call.threadName, call.program);
        return this.done({ ret: tid }, c.threadCreateNs,
          'clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f5a1c9ff990, parent_tid=0x7f5a1c9ff990, exit_signal=0, stack=0x7f5a1c1ff000, stack_size=0x7fff80, tls=0x7f5a1c9ff6c0}',
          ` => {parent_tid=[${tid}]}, 88) = ${tid}`);
      }
      case 'clone': {
        const pid = this.fork(proc, call.program);
        return this.done({ ret: pid }, c.forkNs, 'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD', `, child_tidptr=0x7f5a1d2b4e50) = ${pid}`);
      }
      case 'exit': return this.done({ ret: 0 }, c.syscallNs, `exit(${call.code})`, ' = ?');
      case 'exit_group': return this.done({ ret: 0 }, c.syscallNs, `exit_group(${call.code})`, ' = ?');
      case 'clock_nanosleep': {
        if (op.deadline === null) op.deadline = op.enterT + call.ns;
        const head = `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ${timespec(op.deadline)}, NULL`;
        if (this.now >= op.deadline) return this.done({ ret: 0 }, c.syscallNs, head, ') = 0');
        return { block: { kind: 'sleep', untilNs: op.deadline }, targets: [], head };
      }
      case 'getpid':
        return this.done({ ret: proc.pid }, c.syscallNs, 'getpid()', ` = ${proc.pid}`);
      case 'read': return this.readStdin(proc, call.fd, call.size);
      case 'write': {
        if (call.fd === 1) { this.stdout += call.data; this.lastStdoutWrite = call.data; }
        return this.done({ ret: call.data.length }, c.syscallNs + Math.round(call.data.length * c.copyNsPerByte), `write(${call.fd}, ${quoted(call.data)}, ${call.data.length})`, ` = ${call.data.length}`);
      }
      case 'rt_sigaction': {
        if (call.signal === 'SIGIO') proc.sigioHandler = call.handler === 'handler' ? (call.onSignal ?? (() => undefined)) : null;
        if (call.signal === 'SIGCHLD') proc.sigchldIgnored = call.handler === 'SIG_IGN';
        const handler = call.handler === 'SIG_IGN' ? 'SIG_IGN' : '0x55d0c8a1e2b0';
        const flags = call.handler === 'SIG_IGN' ? 'SA_RESTORER|SA_ONSTACK' : 'SA_RESTORER|SA_ONSTACK';
        return this.done({ ret: 0 }, c.syscallNs, `rt_sigaction(${call.signal}, {sa_handler=${handler}, sa_mask=[], sa_flags=${flags}, sa_restorer=0x7f5a1d25a050}, `, '{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0');
      }
      case 'pause': {
        if (proc.pendingSigio) {
          // The signal interrupts pause(); the handler runs, then rt_sigreturn ends it with EINTR.
          return this.done({ ret: -1, errno: 'EINTR' }, c.syscallNs + c.signalDeliveryNs, 'pause(', ') = ? ERESTARTNOHAND (To be restarted if no handler)');
        }
        return { block: { kind: 'signal' }, targets: [], head: 'pause(' };
      }
      case 'rt_sigreturn': {
        proc.pendingSigio = false;
        if (this.tracing) this.emit({ t: this.now, type: 'signal.handle', tid: thread.tid, signal: 'SIGIO' }); else this.events++;
        proc.sigioHandler?.();
        return this.done({ ret: -1, errno: 'EINTR' }, c.signalDeliveryNs, 'rt_sigreturn({mask=[]})', ` = ${result(-1, 'EINTR')}`);
      }
      case 'pselect6': return this.pselect(thread, proc, op, call.nfds, call.readFds, call.timeoutNs);
      case 'poll': return this.poll(thread, proc, op, call.fds, call.timeoutMs);
      case 'epoll_create1': {
        const fd = this.lowestFreeFd(proc);
        if (fd < 0) return this.fail('EMFILE', c.epollCreateNs, 'epoll_create1(EPOLL_CLOEXEC)', '');
        const ep: Epoll = { id: this.nextObj++, items: new Map(), ready: [], waiters: [] };
        this.epolls.set(ep.id, ep);
        this.installFd(proc, fd, this.newFile({ kind: 'epoll', ep: ep.id }));
        return this.done({ ret: fd }, c.epollCreateNs, 'epoll_create1(EPOLL_CLOEXEC)', ` = ${fd}`);
      }
      case 'epoll_ctl': return this.epollCtl(proc, call.epfd, call.op, call.fd, call.events);
      case 'epoll_wait': return this.epollWait(proc, op, call.epfd, call.maxEvents, call.timeoutMs);
      case 'io_uring_setup': {
        const fd = this.lowestFreeFd(proc);
        if (fd < 0) return this.fail('EMFILE', c.syscallNs, `io_uring_setup(${call.entries}, `, '{flags=0, sq_thread_cpu=0, sq_thread_idle=0})');
        const ring: Ring = { id: this.nextObj++, pid: proc.pid, pending: [], bySock: new Map(), cq: [], waiters: [] };
        this.rings.set(ring.id, ring);
        this.installFd(proc, fd, this.newFile({ kind: 'uring', ring: ring.id }));
        return this.done({ ret: fd }, c.syscallNs, `io_uring_setup(${call.entries}, `, `{flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=${call.entries}, cq_entries=${call.entries * 2}, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|IORING_FEAT_CUR_PERSONALITY|IORING_FEAT_FAST_POLL|IORING_FEAT_POLL_32BITS, sq_off={head=0, tail=64, ring_mask=256, ring_entries=264, flags=276, dropped=272, array=4416}, cq_off={head=128, tail=192, ring_mask=260, ring_entries=268, overflow=284, cqes=320, flags=280}}) = ${fd}`);
      }
      case 'io_uring_enter': return this.uringEnter(proc, op, call.ring, call.submit, call.minComplete);
    }
  }

  private recvfrom(proc: Process, fd: number, size: number): Attempt {
    const c = this.costs;
    const file = this.fileOf(proc, fd);
    const sock = this.sockOf(proc, fd);
    const head = `recvfrom(${fd}, `;
    if (!file || !sock) return this.fail('EBADF', c.syscallNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
    if (sock.kind !== 'conn') return this.fail('ENOTCONN', c.syscallNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
    if (sock.rx.length > 0) {
      const n = Math.min(size, sock.rx.length);
      const data = sock.rx.slice(0, n);
      sock.rx = sock.rx.slice(n);
      if (this.tracing) this.emit({ t: this.now, type: 'sock.take', sock: sock.id, bytes: n, total: sock.rx.length }); else this.events++;
      return this.done({ ret: n, data }, c.recvNs + Math.round(n * c.copyNsPerByte), head, `${quoted(data)}, ${size}, 0, NULL, NULL) = ${n}`, { fd, dir: 'to-user', data });
    }
    const end = this.recvEnd(sock);
    if (end === 'eof') return this.done({ ret: 0, data: '' }, c.recvNs, head, `"", ${size}, 0, NULL, NULL) = 0`);
    if (end !== null) return this.fail(end, c.recvNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
    if (file.nonblock) return this.fail('EAGAIN', c.eagainNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
    return { block: { kind: 'recv', fd, sock: sock.id }, targets: [{ kind: 'sock', sock: sock.id }], head };
  }

  /**
   * What a read of an empty receive buffer ends with, in tcp_recvmsg's order: a FIN already seen
   * (SOCK_DONE) wins over a pending error, which is reported once; then a shut-down side reads
   * as end of file. null: nothing yet (the read would block).
   */
  private recvEnd(sock: Sock): 'eof' | Errno | null {
    if (sock.rxFin) return 'eof';
    if (sock.err) {
      const err = sock.err;
      sock.err = null;
      return err;
    }
    return sock.rcvShutdown ? 'eof' : null;
  }

  private sendto(proc: Process, fd: number, data: Bytes): Attempt {
    const c = this.costs;
    const sock = this.sockOf(proc, fd);
    const head = `sendto(${fd}, `;
    const args = `${quoted(data)}, ${data.length}, 0, NULL, 0)`;
    if (!sock) return this.fail('EBADF', c.syscallNs, head, args);
    if (sock.kind !== 'conn') return this.fail('ENOTCONN', c.syscallNs, head, args);
    if (sock.err || sock.sndShutdown) {
      const err = sock.err ?? 'EPIPE';
      sock.err = null;
      sock.sndShutdown = true;
      return this.fail(err, c.sendNs, head, args);
    }
    if (data.length > 0) {
      const client = this.clients[sock.client]!;
      this.sendToClient(client, 'DATA', data);
    }
    return this.done({ ret: data.length }, c.sendNs + Math.round(data.length * c.copyNsPerByte), head, `${args} = ${data.length}`, data.length > 0 ? { fd, dir: 'from-user', data } : undefined);
  }

  private fcntl(proc: Process, fd: number, cmd: 'F_GETFL' | 'F_SETFL' | 'F_SETOWN', arg: number): Attempt {
    const c = this.costs;
    const file = this.fileOf(proc, fd);
    if (!file) return this.fail('EBADF', c.fcntlNs, `fcntl(${fd}, ${cmd})`, '');
    if (cmd === 'F_GETFL') {
      const flags = 0x2 | (file.nonblock ? 0x800 : 0) | (file.async ? 0x2000 : 0);
      const names = ['O_RDWR', ...(file.nonblock ? ['O_NONBLOCK'] : []), ...(file.async ? ['O_ASYNC'] : [])].join('|');
      return this.done({ ret: flags }, c.fcntlNs, `fcntl(${fd}, F_GETFL)`, ` = 0x${flags.toString(16)} (flags ${names})`);
    }
    if (cmd === 'F_SETOWN') {
      file.owner = arg;
      return this.done({ ret: 0 }, c.fcntlNs, `fcntl(${fd}, F_SETOWN, ${arg})`, ' = 0');
    }
    file.nonblock = (arg & 0x800) !== 0;
    file.async = (arg & 0x2000) !== 0;
    if (this.tracing) this.emit({ t: this.now, type: 'fd.flags', pid: proc.pid, fd, nonblock: file.nonblock, async: file.async }); else this.events++;
    const names = [(arg & 3) === 2 ? 'O_RDWR' : 'O_RDONLY', ...(file.nonblock ? ['O_NONBLOCK'] : []), ...(file.async ? ['FASYNC'] : [])].join('|');
    return this.done({ ret: 0 }, c.fcntlNs, `fcntl(${fd}, F_SETFL, ${names})`, ' = 0');
  }

  private fork(parent: Process, program: Program): number {
    const fds = [...parent.fds];
    const pid = this.newProcess(parent.name, parent.pid, fds);
    for (const file of fds) if (file !== undefined) this.files.get(file)!.refs++;
    this.newThread(pid, 'MainThread', program, pid);
    return pid;
  }

  /** Removes fd from the table; the socket closes when its last descriptor goes. */
  private closeFd(proc: Process, fd: number): void {
    const fileId = proc.fds[fd];
    if (fileId === undefined) return;
    proc.fds[fd] = undefined;
    if (this.tracing) this.emit({ t: this.now, type: 'fd.close', pid: proc.pid, fd }); else this.events++;
    const file = this.files.get(fileId)!;
    file.refs--;
    // epoll forgets a registration when the file behind it is closed (its last reference).
    if (file.refs > 0) return;
    this.files.delete(fileId);
    const w = file.what;
    if (w.kind === 'epoll') { this.epolls.delete(w.ep); return; }
    if (w.kind !== 'sock') return;
    const sock = this.socks.get(w.sock)!;
    for (const watcher of [...sock.watchers]) {
      const ep = this.epolls.get(watcher.ep);
      if (!ep) continue;
      ep.items.delete(watcher.fd);
      const r = ep.ready.indexOf(watcher.fd);
      if (r >= 0) ep.ready.splice(r, 1);
    }
    sock.watchers = [];
    sock.closed = true;
    this.addMemory(-this.costs.socketKernelBytes);
    if (this.tracing) this.emit({ t: this.now, type: 'sock.closed', sock: sock.id }); else this.events++;
    if (sock.kind === 'listen') {
      if (this.listenSock === sock.id) this.listenSock = null;
      for (const connId of sock.acceptQueue) {
        const conn = this.socks.get(connId)!;
        conn.closed = true;
        this.sendToClient(this.clients[conn.client]!, 'RST');
      }
      sock.acceptQueue = [];
      return;
    }
    if (sock.kind === 'conn') {
      const client = this.clients[sock.client]!;
      // Closing with unread data aborts the connection (RST) instead of a FIN.
      if (sock.rx.length > 0) this.sendToClient(client, 'RST');
      else if (!sock.rcvShutdown || sock.rxFin) this.sendToClient(client, 'FIN');
    }
  }

  /* ── readiness ── */

  /** Whether a read would not block: what select, poll and epoll test. */
  readable(sock: Sock): boolean {
    if (sock.kind === 'listen') return sock.acceptQueue.length > 0;
    if (sock.kind === 'conn') return sock.rx.length > 0 || sock.rxFin || sock.err !== null || sock.rcvShutdown;
    return false;
  }

  private pollMask(sock: Sock): number {
    let mask = this.readable(sock) ? POLLIN : 0;
    if (sock.err !== null) mask |= POLLERR; // reported until a call consumes the error
    if (sock.kind === 'conn' && (sock.rcvShutdown && sock.sndShutdown)) mask |= POLLHUP;
    if (sock.kind === 'conn' && sock.rxFin) mask |= EPOLLRDHUP;
    return mask;
  }

  /** Called whenever a socket may have become readable: wakes sleepers, fills epoll ready lists, raises SIGIO. */
  private notify(sock: Sock, reason: string): void {
    this.wakeAll(sock.waiters, reason);
    for (const w of sock.watchers) {
      const ep = this.epolls.get(w.ep);
      const item = ep?.items.get(w.fd);
      if (!ep || !item || item.disabled) continue;
      // ep_poll_callback: the item joins the ready list the moment the socket wakes it.
      if ((this.pollMask(sock) & item.events & ~(EPOLLET | EPOLLONESHOT)) === 0) continue;
      if (!ep.ready.includes(w.fd)) {
        ep.ready.push(w.fd);
        if (this.tracing) this.emit({ t: this.now, type: 'epoll.ready', ep: ep.id, fd: w.fd, op: 'add' }); else this.events++;
      }
      this.wakeAll(ep.waiters, 'epoll');
    }
    for (const fileId of sock.files) {
      const file = this.files.get(fileId);
      if (!file || !file.async || file.owner === null) continue;
      this.raiseSigio(file.owner);
    }
    // io_uring arms an internal poll on the socket: a pending operation completes now.
    for (const ring of this.rings.values()) if (ring.pending.length > 0) this.uringProgress(ring, sock.id);
  }

  private raiseSigio(pid: number): void {
    const proc = this.procs.get(pid);
    if (!proc || proc.exited || !proc.sigioHandler) return;
    // Standard signals do not queue: a second SIGIO while one is pending merges into it.
    const merged = proc.pendingSigio;
    if (this.tracing) this.emit({ t: this.now, type: 'signal.send', pid, signal: 'SIGIO', merged }); else this.events++;
    if (merged) return;
    const sleeper = proc.threads.map((tid) => this.threads.get(tid)!).find((t) => t.state === 'blocked' && t.on?.kind === 'signal');
    if (sleeper) {
      proc.pendingSigio = true;
      this.wake(sleeper, 'SIGIO');
      return;
    }
    // Not sleeping in pause(): delivered on the next return to user space; the handler runs then.
    const main = this.threads.get(proc.pid);
    if (main && main.state !== 'exited') {
      if (this.tracing) this.emit({ t: this.now, type: 'signal.handle', tid: main.tid, signal: 'SIGIO' }); else this.events++;
      proc.sigioHandler();
    }
  }

  /**
   * Whether this look at the fds is one of the kernel's scans. Linux scans once on entry (and
   * hooks the caller onto every wait queue as it goes) and once after each wake-up. The model
   * first looks without charging, to learn the cost of that entry scan, then charges it and looks
   * again: the two are one scan, drawn once, at the end of its cost.
   */
  private scanCounts(op: SysOp, returns: boolean): boolean {
    return returns || op.entryCharged;
  }

  private pselect(thread: Thread, proc: Process, op: SysOp, nfds: number, fds: number[], timeoutNs: Ns | null): Attempt {
    const c = this.costs;
    if (op.deadline === null) op.deadline = timeoutNs === null ? Infinity : op.enterT + timeoutNs;
    const timeout = timeoutNs === null ? 'NULL' : timespec(timeoutNs);
    // The strace text is O(fds) to build: only when the trace is kept (large sweeps run without it).
    const head = this.tracing ? `pselect6(${nfds}, ${fdSet(fds)}, NULL, NULL, ${timeout}, NULL` : '';
    const ready: number[] = [];
    for (const fd of fds) {
      const sock = this.sockOf(proc, fd);
      if (!sock) return this.fail('EBADF', c.selectBaseNs, head, ')');
      if (this.readable(sock)) ready.push(fd);
    }
    const sleeping = op.blocked ? c.selectPerFdSleepNs * fds.length : 0;
    const ns = c.selectBaseNs + c.selectPerFdNs * nfds + sleeping;
    if (this.tracing && this.scanCounts(op, ready.length > 0 || timeoutNs === 0 || op.timedOut || this.now >= op.deadline)) {
      this.emit({ t: this.now, type: 'select.scan', tid: thread.tid, nfds, watched: fds, ready });
    } else this.events++;
    if (ready.length > 0) {
      return this.done({ ret: ready.length, ready: ready.map((fd) => ({ fd, events: POLLIN })) }, ns, head, this.tracing ? `) = ${ready.length} (in ${fdSet(ready)}${timeoutNs === null ? '' : `, left ${timespec(Math.max(0, op.deadline - this.now))}`})` : '');
    }
    if (op.timedOut || timeoutNs === 0 || this.now >= op.deadline) return this.done({ ret: 0, ready: [] }, ns, head, ') = 0 (Timeout)');
    return { block: { kind: 'select', fds }, targets: fds.map((fd) => ({ kind: 'sock' as const, sock: this.sockOf(proc, fd)!.id })), head, ns };
  }

  private poll(thread: Thread, proc: Process, op: SysOp, fds: PollFd[], timeoutMs: number): Attempt {
    const c = this.costs;
    if (op.deadline === null) op.deadline = timeoutMs < 0 ? Infinity : op.enterT + timeoutMs * MS;
    const head = this.tracing ? `poll([${fds.map((p) => `{fd=${p.fd}, events=POLLIN}`).join(', ')}], ${fds.length}, ${timeoutMs}` : '';
    const ready: PollFd[] = [];
    for (const p of fds) {
      const sock = this.sockOf(proc, p.fd);
      if (!sock) { ready.push({ fd: p.fd, events: 0x20 }); continue; } // POLLNVAL
      const mask = this.pollMask(sock) & (p.events | POLLHUP | POLLERR);
      if (mask) ready.push({ fd: p.fd, events: mask & (POLLIN | POLLERR | POLLHUP) });
    }
    const sleeping = op.blocked ? c.pollPerFdSleepNs * fds.length : 0;
    const ns = c.pollBaseNs + c.pollPerFdNs * fds.length + sleeping;
    if (this.tracing && this.scanCounts(op, ready.length > 0 || timeoutMs === 0 || op.timedOut || this.now >= op.deadline)) {
      this.emit({ t: this.now, type: 'poll.scan', tid: thread.tid, watched: fds.map((p) => p.fd), ready: ready.map((p) => p.fd) });
    } else this.events++;
    if (ready.length > 0) {
      const revents = this.tracing ? ready.map((p) => `{fd=${p.fd}, revents=${pollEventsText(p.events)}}`).join(', ') : '';
      return this.done({ ret: ready.length, ready }, ns, head, `) = ${ready.length} ([${revents}])`);
    }
    if (op.timedOut || timeoutMs === 0 || this.now >= op.deadline) return this.done({ ret: 0, ready: [] }, ns, head, ') = 0 (Timeout)');
    return { block: { kind: 'poll', fds: fds.map((p) => p.fd) }, targets: fds.map((p) => ({ kind: 'sock' as const, sock: this.sockOf(proc, p.fd)!.id })), head, ns };
  }

  private epollCtl(proc: Process, epfd: number, opName: 'EPOLL_CTL_ADD' | 'EPOLL_CTL_MOD' | 'EPOLL_CTL_DEL', fd: number, events: number): Attempt {
    const c = this.costs;
    const epFile = this.fileOf(proc, epfd);
    const ep = epFile && epFile.what.kind === 'epoll' ? this.epolls.get(epFile.what.ep) : undefined;
    const evText = epollEventsText(events);
    const head = opName === 'EPOLL_CTL_DEL' ? `epoll_ctl(${epfd}, ${opName}, ${fd}, ${USER_PTR})` : `epoll_ctl(${epfd}, ${opName}, ${fd}, {events=${evText}, data={u32=${fd}, u64=${fd}}})`;
    const sockFile = this.fileOf(proc, fd);
    const sock = this.sockOf(proc, fd);
    if (!ep || !sockFile || !sock) return this.fail('EBADF', c.epollCtlNs, head, '');
    const existing = ep.items.get(fd);
    if (opName === 'EPOLL_CTL_ADD') {
      if (existing) return this.fail('EEXIST' as Errno, c.epollCtlNs, head, '');
      ep.items.set(fd, { fd, file: sockFile.id, sock: sock.id, events, disabled: false });
      sock.watchers.push({ ep: ep.id, fd });
      this.addMemory(c.epollItemBytes);
      if (this.tracing) this.emit({ t: this.now, type: 'epoll.interest', ep: ep.id, fd, events, op: 'add' }); else this.events++;
    } else if (opName === 'EPOLL_CTL_MOD') {
      if (!existing) return this.fail('ENOENT' as Errno, c.epollCtlNs, head, '');
      existing.events = events;
      existing.disabled = false;
      if (this.tracing) this.emit({ t: this.now, type: 'epoll.interest', ep: ep.id, fd, events, op: 'mod' }); else this.events++;
    } else {
      if (!existing) return this.fail('ENOENT' as Errno, c.epollCtlNs, head, '');
      ep.items.delete(fd);
      sock.watchers = sock.watchers.filter((w) => !(w.ep === ep.id && w.fd === fd));
      const r = ep.ready.indexOf(fd);
      if (r >= 0) { ep.ready.splice(r, 1); this.emit({ t: this.now, type: 'epoll.ready', ep: ep.id, fd, op: 'remove' }); }
      this.addMemory(-c.epollItemBytes);
      if (this.tracing) this.emit({ t: this.now, type: 'epoll.interest', ep: ep.id, fd, events: 0, op: 'del' }); else this.events++;
      return this.done({ ret: 0 }, c.epollCtlNs, head, ' = 0');
    }
    // Adding or re-arming an fd that is already readable puts it on the ready list at once.
    if ((this.pollMask(sock) & events) !== 0 && !ep.ready.includes(fd)) {
      ep.ready.push(fd);
      if (this.tracing) this.emit({ t: this.now, type: 'epoll.ready', ep: ep.id, fd, op: 'add' }); else this.events++;
      this.wakeAll(ep.waiters, 'epoll');
    }
    return this.done({ ret: 0 }, c.epollCtlNs, head, ' = 0');
  }

  private epollWait(proc: Process, op: SysOp, epfd: number, maxEvents: number, timeoutMs: number): Attempt {
    const c = this.costs;
    if (op.deadline === null) op.deadline = timeoutMs < 0 ? Infinity : op.enterT + timeoutMs * MS;
    const epFile = this.fileOf(proc, epfd);
    const ep = epFile && epFile.what.kind === 'epoll' ? this.epolls.get(epFile.what.ep) : undefined;
    const head = `epoll_wait(${epfd}, `;
    const tailArgs = `${maxEvents}, ${timeoutMs})`;
    if (!ep) return this.fail('EBADF', c.epollWaitBaseNs, head, `${USER_PTR}, ${tailArgs}`);
    const reported: PollFd[] = [];
    const requeue: number[] = [];
    // ep_send_events: walk the ready list in arrival order, re-check each item, report it;
    // level-triggered items go back on the list, edge-triggered ones wait for the next wake-up.
    while (ep.ready.length > 0 && reported.length < maxEvents) {
      const fd = ep.ready.shift()!;
      const item = ep.items.get(fd);
      if (this.tracing) this.emit({ t: this.now, type: 'epoll.ready', ep: ep.id, fd, op: 'remove' }); else this.events++;
      if (!item || item.disabled) continue;
      const sock = this.socks.get(item.sock)!;
      const mask = this.pollMask(sock) & (item.events | EPOLLHUP | EPOLLERR);
      if (mask === 0) continue;
      reported.push({ fd, events: mask });
      if (item.events & EPOLLONESHOT) item.disabled = true;
      else if (!(item.events & EPOLLET)) requeue.push(fd);
    }
    for (const fd of requeue) {
      ep.ready.push(fd);
      if (this.tracing) this.emit({ t: this.now, type: 'epoll.ready', ep: ep.id, fd, op: 'add' }); else this.events++;
    }
    const ns = c.epollWaitBaseNs + c.epollWaitPerReadyNs * reported.length;
    if (reported.length > 0) {
      const list = reported.map((r) => `{events=${epollEventsText(r.events)}, data={u32=${r.fd}, u64=${r.fd}}}`).join(', ');
      return this.done({ ret: reported.length, ready: reported }, ns, head, `[${list}], ${tailArgs} = ${reported.length}`);
    }
    if (op.timedOut || timeoutMs === 0 || this.now >= op.deadline) return this.done({ ret: 0, ready: [] }, ns, head, `[], ${tailArgs} = 0`);
    return { block: { kind: 'epoll', epfd, ep: ep.id }, targets: [{ kind: 'epoll', ep: ep.id }], head };
  }

  private readStdin(proc: Process, fd: number, size: number): Attempt {
    const c = this.costs;
    const head = `read(${fd}, `;
    if (fd !== 0 || !this.fileOf(proc, fd)) return this.fail('EBADF', c.syscallNs, head, `${USER_PTR}, ${size})`);
    if (this.stdinBuffer.length > 0) {
      const data = this.stdinBuffer.slice(0, size);
      this.stdinBuffer = this.stdinBuffer.slice(data.length);
      return this.done({ ret: data.length, data }, c.syscallNs + Math.round(data.length * c.copyNsPerByte), head, `${quoted(data)}, ${size}) = ${data.length}`, { fd, dir: 'to-user', data });
    }
    if (!this.config.stdin) return this.done({ ret: 0, data: '' }, c.syscallNs, head, `"", ${size}) = 0`);
    // The operator starts typing when the prompt appears (the program wrote it just before).
    if (!this.stdinAnswerPending) {
      this.stdinAnswerPending = true;
      const prompt = this.lastStdoutWrite;
      const answer = this.config.stdin.answer(prompt, this.stdinPrompts++);
      this.schedule(this.now + this.config.stdin.answerDelayNs, { e: 'stdin', data: `${answer}\n` });
    }
    return { block: { kind: 'stdin' }, targets: [{ kind: 'stdin' }], head };
  }

  /* ── io_uring: the kernel waits and copies; the program only submits and reaps ── */

  private uringEnter(proc: Process, op: SysOp, ringFd: number, submit: UringSqe[], minComplete: number): Attempt {
    const c = this.costs;
    const file = this.fileOf(proc, ringFd);
    const ring = file && file.what.kind === 'uring' ? this.rings.get(file.what.ring) : undefined;
    const head = `io_uring_enter(${ringFd}, ${submit.length}, ${minComplete}, ${minComplete > 0 ? 'IORING_ENTER_GETEVENTS' : '0'}, NULL, 8`;
    if (!ring) return this.fail('EBADF', c.syscallNs, head, ')');
    if (!op.submitted && submit.length > 0) {
      op.submitted = true;
      const fresh: UringOp[] = [];
      for (const sqe of submit) {
        const fileId = proc.fds[sqe.fd];
        if (fileId === undefined) { ring.cq.push({ userData: sqe.userData, res: -9, errno: 'EBADF' }); continue; }
        const what = this.files.get(fileId)?.what;
        const entry = { sqe, file: fileId, sock: what?.kind === 'sock' ? what.sock : -1 };
        ring.pending.push(entry);
        const mine = ring.bySock.get(entry.sock);
        if (mine) mine.push(entry); else ring.bySock.set(entry.sock, [entry]);
        fresh.push(entry);
        if (this.tracing) this.emit({ t: this.now, type: 'uring.sqe', ring: ring.id, op: sqe.op, fd: sqe.fd, userData: sqe.userData }); else this.events++;
      }
      // Operations already pending were found not ready when their socket last changed: only the new ones can complete now.
      this.uringProgress(ring, fresh);
    }
    if (ring.cq.length >= minComplete) {
      const cqes = ring.cq.splice(0, ring.cq.length);
      const ns = c.ioUringSubmitNs * submit.length + c.ioUringCompleteNs * cqes.length;
      return this.done({ ret: submit.length, cqes }, ns, head, `) = ${submit.length}`);
    }
    return { block: { kind: 'uring', ring: ring.id }, targets: [], head };
  }

  /**
   * Completes whatever submitted operations can complete now; data is copied by the kernel.
   * `only`: the operations to look at: the socket whose state just changed, or the operations just
   * submitted (the others cannot have become ready).
   */
  private uringProgress(ring: Ring, only: number | UringOp[]): void {
    const proc = this.procs.get(ring.pid)!;
    let progressed = false;
    const entries = typeof only === 'number' ? [...(ring.bySock.get(only) ?? [])] : only;
    const remove = (entry: UringOp): void => {
      ring.pending.splice(ring.pending.lastIndexOf(entry), 1);
      const mine = ring.bySock.get(entry.sock)!;
      mine.splice(mine.indexOf(entry), 1);
      if (mine.length === 0) ring.bySock.delete(entry.sock);
    };
    for (const entry of entries) {
      const file = this.files.get(entry.file);
      const sock = file && file.what.kind === 'sock' ? this.socks.get(file.what.sock) : undefined;
      if (!sock) { remove(entry); ring.cq.push({ userData: entry.sqe.userData, res: -9, errno: 'EBADF' }); progressed = true; continue; }
      const { sqe } = entry;
      let cqe: UringCqe | null = null;
      if (sqe.op === 'accept' && sock.acceptQueue.length > 0) {
        const fd = this.lowestFreeFd(proc);
        if (fd < 0) cqe = { userData: sqe.userData, res: -24, errno: 'EMFILE' };
        else {
          const connId = sock.acceptQueue.shift()!;
          if (this.tracing) this.emit({ t: this.now, type: 'sock.accept-queue', sock: sock.id, conn: connId, op: 'pop' }); else this.events++;
          this.installFd(proc, fd, this.newFile({ kind: 'sock', sock: connId }));
          cqe = { userData: sqe.userData, res: fd };
        }
      } else if (sqe.op === 'recv' && this.readable(sock)) {
        if (sock.rx.length > 0) {
          const n = Math.min(sqe.size, sock.rx.length);
          const data = sock.rx.slice(0, n);
          sock.rx = sock.rx.slice(n);
          if (this.tracing) this.emit({ t: this.now, type: 'sock.take', sock: sock.id, bytes: n, total: sock.rx.length }); else this.events++;
          this.bytesCopied += n;
          this.systemNs += Math.round(n * this.costs.copyNsPerByte);
          if (this.tracing) this.emit({ t: this.now, type: 'copy', tid: proc.pid, fd: sqe.fd, dir: 'to-user', bytes: n, data, ns: Math.round(n * this.costs.copyNsPerByte), byKernel: true }); else this.events++;
          cqe = { userData: sqe.userData, res: n, data };
        } else {
          // readable with nothing buffered: the same end as recvfrom's (tcp_recvmsg serves both).
          const end = this.recvEnd(sock);
          cqe = end === 'eof' || end === null ? { userData: sqe.userData, res: 0, data: '' } : { userData: sqe.userData, res: end === 'ECONNRESET' ? -104 : -32, errno: end };
        }
      } else if (sqe.op === 'close') {
        const fd = proc.fds.indexOf(entry.file);
        if (fd >= 0) this.closeFd(proc, fd);
        cqe = { userData: sqe.userData, res: 0 };
      } else if (sqe.op === 'send') {
        if (sock.err || sock.sndShutdown) {
          const err = sock.err ?? 'EPIPE'; sock.err = null; sock.sndShutdown = true;
          cqe = { userData: sqe.userData, res: err === 'ECONNRESET' ? -104 : -32, errno: err };
        } else {
          if (sqe.data.length > 0) this.sendToClient(this.clients[sock.client]!, 'DATA', sqe.data);
          cqe = { userData: sqe.userData, res: sqe.data.length };
        }
      }
      if (!cqe) {
        // Not ready yet: the kernel arms a wake-up on the socket (io_uring's internal poll).
        continue;
      }
      remove(entry);
      ring.cq.push(cqe);
      if (this.tracing) this.emit({ t: this.now, type: 'uring.cqe', ring: ring.id, userData: cqe.userData, res: cqe.res }); else this.events++;
      progressed = true;
    }
    if (progressed) {
      for (const tid of proc.threads) {
        const t = this.threads.get(tid)!;
        if (t.state === 'blocked' && t.on?.kind === 'uring' && t.on.ring === ring.id) this.wake(t, 'completion');
      }
    }
  }

  /* ── the network and the client hosts ── */

  private jitter(): Ns {
    const base = this.config.latencyNs;
    return base + nextInt(this.rng, Math.floor(base / 10) + 1);
  }

  private sendToServer(c: ClientHost, kind: PacketKind, data?: Bytes): void {
    // TCP delivers in order: a packet never overtakes the one sent before it.
    const arrive = Math.max(this.now + this.jitter(), c.lastToServer);
    c.lastToServer = arrive;
    if (this.tracing) this.emit({ t: this.now, type: 'net.packet', from: c.name, to: 'server', kind, bytes: data?.length ?? 0, ...(data !== undefined ? { data } : {}), arriveNs: arrive }); else this.events++;
    this.schedule(arrive, data !== undefined ? { e: 'toServer', c: c.index, kind, data } : { e: 'toServer', c: c.index, kind });
  }

  private sendToClient(c: ClientHost, kind: PacketKind, data?: Bytes): void {
    const arrive = Math.max(this.now + this.jitter(), c.lastToClient);
    c.lastToClient = arrive;
    if (this.tracing) this.emit({ t: this.now, type: 'net.packet', from: 'server', to: c.name, kind, bytes: data?.length ?? 0, ...(data !== undefined ? { data } : {}), arriveNs: arrive }); else this.events++;
    this.schedule(arrive, data !== undefined ? { e: 'toClient', c: c.index, kind, data } : { e: 'toClient', c: c.index, kind });
  }

  private scheduleNextAction(c: ClientHost, notBefore: Ns): void {
    const action = c.script.actions[c.next];
    if (!action) return;
    this.schedule(Math.max(action.atNs, notBefore), { e: 'action', c: c.index });
  }

  private clientAction(c: ClientHost): void {
    const action = c.script.actions[c.next++];
    if (!action) return;
    switch (action.do) {
      case 'connect':
        c.state = 'connecting';
        c.synAttempt = 0;
        c.synToken++;
        this.sendToServer(c, 'SYN');
        this.schedule(this.now + SYN_RTO_NS, { e: 'synTimer', c: c.index, token: c.synToken });
        return; // the next action waits until the handshake completes
      case 'send':
        if (c.state === 'connected' && action.data) this.sendToServer(c, 'DATA', action.data);
        break;
      case 'close':
        if (c.state === 'connected') { this.sendToServer(c, 'FIN'); c.state = 'closed'; }
        break;
      case 'reset':
        if (c.state === 'connected' || c.state === 'closed') { this.sendToServer(c, 'RST'); c.state = 'reset'; }
        break;
    }
    this.scheduleNextAction(c, this.now);
  }

  private packetAtServer(c: ClientHost, kind: PacketKind, data?: Bytes): void {
    if (kind === 'SYN') {
      const listener = this.listenSock === null ? undefined : this.socks.get(this.listenSock);
      if (!listener || listener.closed) {
        if (this.tracing) this.emit({ t: this.now, type: 'sock.syn', sock: -1, client: c.name, outcome: 'dropped' }); else this.events++;
        this.sendToClient(c, 'RST');
        return;
      }
      // The accept queue holds backlog + 1 connections (sk_acceptq_is_full tests ">"): later SYNs are dropped.
      if (listener.acceptQueue.length + listener.handshaking > listener.backlog) {
        if (this.tracing) this.emit({ t: this.now, type: 'sock.syn', sock: listener.id, client: c.name, outcome: 'dropped' }); else this.events++;
        return;
      }
      listener.handshaking++;
      if (this.tracing) this.emit({ t: this.now, type: 'sock.syn', sock: listener.id, client: c.name, outcome: 'queued' }); else this.events++;
      this.sendToClient(c, 'SYN-ACK');
      return;
    }
    if (kind === 'ACK') {
      const listener = this.listenSock === null ? undefined : this.socks.get(this.listenSock);
      if (!listener) return;
      listener.handshaking = Math.max(0, listener.handshaking - 1);
      // The kernel finished the handshake on its own: the connection waits in the accept queue.
      const conn = this.newSock('conn');
      conn.client = c.index;
      conn.port = listener.port;
      c.sock = conn.id;
      listener.acceptQueue.push(conn.id);
      if (this.tracing) this.emit({ t: this.now, type: 'sock.accept-queue', sock: listener.id, conn: conn.id, op: 'push' }); else this.events++;
      this.notify(listener, 'connection');
      return;
    }
    const sock = c.sock === null ? undefined : this.socks.get(c.sock);
    if (!sock) return;
    if (sock.closed) {
      // Nobody holds this socket any more: the server's kernel answers with a reset.
      if (kind !== 'RST' && !c.serverGone) this.sendToClient(c, 'RST');
      return;
    }
    switch (kind) {
      case 'DATA':
        if (sock.rcvShutdown && !sock.rxFin) return;
        sock.rx += data ?? '';
        if (this.tracing) this.emit({ t: this.now, type: 'sock.rx', sock: sock.id, data: data ?? '', total: sock.rx.length }); else this.events++;
        this.notify(sock, 'data');
        return;
      case 'FIN':
        sock.rxFin = true;
        if (this.tracing) this.emit({ t: this.now, type: 'sock.fin', sock: sock.id }); else this.events++;
        this.notify(sock, 'FIN');
        return;
      case 'RST': {
        // tcp_reset: after our FIN-less peer vanished mid-conversation the error is EPIPE in
        // CLOSE_WAIT (a FIN was already seen), ECONNRESET otherwise.
        const err: Errno = sock.rxFin ? 'EPIPE' : 'ECONNRESET';
        sock.err = err;
        sock.rcvShutdown = true;
        sock.sndShutdown = true;
        if (this.tracing) this.emit({ t: this.now, type: 'sock.rst', sock: sock.id, err }); else this.events++;
        this.notify(sock, 'RST');
        return;
      }
      default:
        return;
    }
  }

  private packetAtClient(c: ClientHost, kind: PacketKind, data?: Bytes): void {
    switch (kind) {
      case 'SYN-ACK':
        if (c.state !== 'connecting') return;
        c.state = 'connected';
        c.synToken++;
        if (this.tracing) this.emit({ t: this.now, type: 'client.connected', client: c.name, port: c.port }); else this.events++;
        this.sendToServer(c, 'ACK');
        this.scheduleNextAction(c, this.now);
        return;
      case 'DATA':
        if (c.state === 'closed' || c.state === 'reset') {
          // Data for a socket the client already closed: its kernel answers with RST.
          if (c.state === 'closed') this.sendToServer(c, 'RST');
          return;
        }
        c.rx += data ?? '';
        if (!c.readPending) {
          c.readPending = true;
          this.schedule(this.now + this.costs.wakeupNs + this.costs.contextSwitchNs, { e: 'clientRead', c: c.index });
        }
        return;
      case 'FIN':
        c.serverGone = true;
        if (this.tracing) this.emit({ t: this.now, type: 'client.eof', client: c.name, reset: false }); else this.events++;
        return;
      case 'RST':
        if (c.state === 'connecting') {
          c.state = 'refused';
          c.synToken++;
          if (this.tracing) this.emit({ t: this.now, type: 'client.eof', client: c.name, reset: true }); else this.events++;
          this.scheduleNextAction(c, this.now);
          return;
        }
        c.serverGone = true;
        if (this.tracing) this.emit({ t: this.now, type: 'client.eof', client: c.name, reset: true }); else this.events++;
        return;
      default:
        return;
    }
  }
}

export function pollEventsText(events: number): string {
  return [[POLLIN, 'POLLIN'], [POLLERR, 'POLLERR'], [POLLHUP, 'POLLHUP']].filter(([bit]) => events & (bit as number)).map(([, n]) => n).join('|') || '0';
}

export function epollEventsText(events: number): string {
  const names: string[] = [];
  if (events & EPOLLIN) names.push('EPOLLIN');
  if (events & 0x4) names.push('EPOLLOUT');
  if (events & 0x8) names.push('EPOLLERR');
  if (events & EPOLLHUP) names.push('EPOLLHUP');
  if (events & EPOLLRDHUP) names.push('EPOLLRDHUP');
  if (events & EPOLLONESHOT) names.push('EPOLLONESHOT');
  if (events & EPOLLET) names.push('EPOLLET');
  return names.join('|') || '0';
}
