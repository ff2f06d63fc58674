/**
 * The kernel's objects and the context every subsystem works on: what Linux keeps in
 * `struct task_struct`, `struct files_struct`, `struct file`, `struct sock`, `struct eventpoll`
 * and `struct io_ring_ctx`, reduced to what IO Lab shows. Types only (and the `done`/`fail`
 * helpers that every system call ends with): each subsystem imports this file and nothing of
 * the others above it, so the subsystems form no import cycle.
 */
import type { CostModel } from './costs.ts';
import type { RngState } from './rng.ts';
import type { Bytes } from './bytes.ts';
import type { Errno } from './errors.ts';
import { result, type StraceText } from './strace-format.ts';
import type {
  Ns,
  PacketKind,
  ProgramGen,
  SysCall,
  SysResult,
  ThreadState,
  TraceEvent,
  UringCqe,
  UringSqe,
  WaitOn,
  WaitTarget,
} from './types.ts';

/* ───────────────────────── configuration ───────────────────────── */

export interface ClientAction {
  atNs: Ns;
  do: 'connect' | 'send' | 'close' | 'reset';
  data?: Bytes;
}
export interface ClientScript {
  name: string;
  actions: ClientAction[];
}

/** The operator at the server's console: answers each prompt after a delay (the chat room). */
export interface StdinOperator {
  answerDelayNs: Ns;
  answer: (prompt: Bytes, index: number) => Bytes;
}

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
  /** false: a metrics-only run makes every failed recv one by one too (fast-forward.ts; default true). */
  fastForward?: boolean;
  serverPort: number;
  stdin?: StdinOperator;
}

/* ───────────────────────── kernel objects ───────────────────────── */

export interface Core {
  id: number;
  tid: number | null;
  last: number | null;
  sliceStart: Ns;
}

/** What a thread does when it next gets its core: ask its program, try its call, or return from it. */
export type Cont = 'next' | 'attempt' | 'deliver';

export interface SysOp {
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
  /** accept4's descriptor, taken when it went to sleep. */
  reservedFd?: number;
  /** Filled when the call completes; delivered at the end of its burst. */
  done: Done | null;
}

export interface Done {
  res: SysResult;
  ns: Ns;
  strace: StraceText;
  copy?: { fd: number; dir: 'to-user' | 'from-user'; data: Bytes };
}
/** A call that must sleep; `ns` is the kernel work done before it does (select's first scan), if more than the trap. */
export type Attempt = Done | { block: WaitOn; targets: WaitTarget[]; head: string; ns?: Ns };

export interface Thread {
  tid: number;
  pid: number;
  name: string;
  state: ThreadState;
  on: WaitOn | null;
  core: number | null;
  gen: ProgramGen;
  cont: Cont;
  result: SysResult;
  op: SysOp | null;
  userNs: Ns;
  systemNs: Ns;
  waits: WaitTarget[];
  token: number;
  wakeReason: string;
  /** Waiting on its core for `resume` (a program whose steps come from outside). */
  parked: boolean;
  /** A `recvEach` step under way: its fds and the position of the call being made. */
  each?: RecvEach;
}

export interface RecvEach {
  fds: readonly number[];
  size: number;
  line: number;
  i: number;
  /** The kernel's counters when call `i` started (fast-forward.ts measures one call with them). */
  mark?: unknown;
}

export interface Process {
  pid: number;
  parent: number | null;
  name: string;
  fds: (number | undefined)[];
  /** Descriptors taken by a sleeping accept4 at its entry (get_unused_fd_flags), installed when it returns. */
  reservedFds: Set<number>;
  threads: number[];
  live: number;
  gil: number | null;
  gilWaiters: number[];
  exited: boolean;
  exitCode: number;
  sigioHandler: (() => void) | null;
  pendingSigio: boolean;
  sigchldIgnored: boolean;
  /** CPython's C-level handler has run and set its flag: the Python handler (on its line) is still to run. */
  sigioTripped: boolean;
  sigioHandlerLine: number;
  memoryBytes: number;
}

export interface OpenFile {
  id: number;
  refs: number;
  nonblock: boolean;
  async: boolean;
  owner: number | null;
  what:
    | { kind: 'sock'; sock: number }
    | { kind: 'epoll'; ep: number }
    | { kind: 'stdio'; name: 'stdin' | 'stdout' | 'stderr' }
    | { kind: 'uring'; ring: number };
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

export interface EpItem {
  fd: number;
  file: number;
  sock: number;
  events: number;
  disabled: boolean;
}
export interface Epoll {
  id: number;
  items: Map<number, EpItem>;
  ready: number[];
  waiters: number[];
}

export interface UringOp {
  sqe: UringSqe;
  file: number;
  sock: number;
}
/** `bySock`: the pending operations of each socket, in submission order (a socket that changes looks only at its own). */
export interface Ring {
  id: number;
  pid: number;
  pending: UringOp[];
  bySock: Map<number, UringOp[]>;
  cq: UringCqe[];
  waiters: number[];
  /** Completion work done for the submitting thread (the copies), charged to it when it reaps. */
  taskWorkNs: number;
}

export interface ClientHost {
  index: number;
  name: string;
  script: ClientScript;
  next: number;
  state: 'idle' | 'connecting' | 'connected' | 'closed' | 'reset' | 'refused';
  port: number;
  sock: number | null;
  busy: boolean;
  synAttempt: number;
  synToken: number;
  lastToServer: Ns;
  lastToClient: Ns;
  rx: Bytes;
  readPending: boolean;
  serverGone: boolean;
}

/** The kernel's timed events, ordered by (t, seq). */
export type KEvent = { t: Ns; seq: number } & (
  | { e: 'burst'; tid: number; token: number }
  | { e: 'timeout'; tid: number; token: number }
  | { e: 'action'; c: number }
  | { e: 'synTimer'; c: number; token: number }
  | { e: 'toServer'; c: number; kind: PacketKind; data?: Bytes }
  | { e: 'toClient'; c: number; kind: PacketKind; data?: Bytes }
  | { e: 'clientRead'; c: number }
  | { e: 'stdin'; data: Bytes }
);
export type KEventBody = KEvent extends infer E ? (E extends KEvent ? Omit<E, 't' | 'seq'> : never) : never;

export interface SyscallStat {
  count: number;
  kernelNs: Ns;
}
export interface PyErrorRecord {
  thread: number;
  syscall: string;
  python: string;
  atNs: Ns;
}
export interface Reply {
  client: string;
  data: Bytes;
  atNs: Ns;
}

export interface RunResult {
  trace: TraceEvent[];
  events: number;
  endNs: Ns;
  stopReason: 'until' | 'idle' | 'maxEvents' | 'exited' | 'budget';
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
  /** Work the server had not done when the run stopped (a run that ends early leaves some). */
  pending: PendingWork;
}

/** What was left undone at the end of a run: the run's summary warns of it. */
export interface PendingWork {
  /** Bytes in receive buffers of connections the server holds but has not read. */
  unreadBytes: number;
  /** Connections the kernel completed that wait in an accept queue, not yet accepted. */
  waitingConnections: number;
  /** Answers the console operator was asked for and has not typed yet. */
  operatorAnswers: number;
}

/* ───────────────────────── what each system call is ───────────────────────── */

/**
 * What kind of thing a system call does, as the views and lessons group them: set up a socket,
 * take a connection, read, write, manage a descriptor, wait for readiness on many fds
 * (multiplex) or set that up, wait for time or a signal, handle a signal, use a ring, or
 * start and end tasks.
 */
export type SyscallKind =
  | 'socket'
  | 'accept'
  | 'read'
  | 'write'
  | 'fd'
  | 'multiplex'
  | 'multiplex-setup'
  | 'wait'
  | 'signal'
  | 'ring'
  | 'process';

export interface SyscallFacts {
  kind: SyscallKind;
  /** Whether the call can put its caller to sleep (on a wait queue, a timer, or for a signal). */
  sleeps: boolean;
  /** Whether the call copies data between kernel and user space, and which way. */
  copies: 'to-user' | 'from-user' | null;
  /** The multiplexers: which mechanism the call is. */
  mechanism?: 'select' | 'poll' | 'epoll';
}

/* ───────────────────────── the context the subsystems share ───────────────────────── */

/**
 * The machine as every subsystem sees it: its state, the core's bookkeeping (`emit`, `schedule`,
 * `stop`, `addMemory`), and the few calls that go back up to the core, as Linux goes through
 * function pointers: a file's release (`f_op->release`), a socket's wake-up (`sk_data_ready`,
 * which runs every wait-queue callback: sleepers, epoll, SIGIO, io_uring's poll) and a thread's
 * next step once it has its core.
 */
export interface KernelContext {
  now: Ns;
  readonly config: MachineConfig;
  readonly costs: CostModel;
  /** The seeded generator (the network's jitter): part of the state, so a run is a function of its seed. */
  readonly rng: RngState;
  /** Whether events are kept; hot paths test it first so that metrics-only runs allocate nothing. */
  readonly tracing: boolean;
  readonly cores: Core[];
  readonly runQueue: number[];
  readonly procs: Map<number, Process>;
  readonly threads: Map<number, Thread>;
  readonly files: Map<number, OpenFile>;
  readonly socks: Map<number, Sock>;
  readonly epolls: Map<number, Epoll>;
  readonly rings: Map<number, Ring>;
  readonly clients: ClientHost[];
  readonly futexWaiters: Map<object, number[]>;
  readonly futexLabels: Map<object, string>;
  nextId: number;
  nextObj: number;
  liveThreads: number;

  events: number;
  /** File descriptors select and poll have looked at, every look counted: a run's work budget (src/scenarios/budget.ts) reads it. */
  fdsLooked: number;
  /**
   * Moves whenever a connected socket may have turned readable (data, FIN, reset: every notify of
   * one) or a descriptor turned blocking: a proof that some fds would fail recv with EAGAIN holds
   * while it and the process's closes (fdtable.ts closesOf) stay put (src/kernel/fast-forward.ts).
   */
  readyEpoch: number;
  readonly replies: Reply[];
  readonly syscalls: Record<string, SyscallStat>;
  readonly errors: PyErrorRecord[];
  contextSwitches: number;
  threadsPeak: number;
  eagain: number;
  bytesCopied: number;
  userNs: number;
  systemNs: number;
  stdout: Bytes;
  /** What the program last wrote to stdout: input()'s prompt, which the operator answers. */
  lastStdoutWrite: Bytes;
  stdinBuffer: Bytes;
  readonly stdinWaiters: number[];
  stdinPrompts: number;
  stdinAnswerPending: boolean;
  listenSock: number | null;
  /** Queue events handled so far, and a time fast-forward never reaches (fast-forward.ts). */
  pops: number;
  horizonNs: Ns;

  emit(ev: TraceEvent): void;
  schedule(t: Ns, body: KEventBody): void;
  stop(reason: RunResult['stopReason']): void;
  addMemory(bytes: number): void;
  /** When the next queued event happens (undefined: none). */
  nextEventNs(): Ns | undefined;
  /** Runs the thread's continuation once it has its core. */
  continueThread(thread: Thread): void;
  /** The last reference to an open file went: the file's own release. */
  releaseFile(file: OpenFile): void;
  /** A socket may have become readable: every wait-queue callback on it runs. */
  notify(sock: Sock, reason: string): void;
}

/* ───────────────────────── how a system call ends ───────────────────────── */

export function done(res: SysResult, ns: Ns, head: string, tail: string, copy?: Done['copy']): Done {
  return copy ? { res, ns, strace: { head, tail }, copy } : { res, ns, strace: { head, tail } };
}

export function fail(errno: Errno, ns: Ns, head: string, tail: string): Done {
  return { res: { ret: -1, errno }, ns, strace: { head, tail: `${tail} = ${result(-1, errno)}` } };
}
