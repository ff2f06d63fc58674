import type { Bytes } from './bytes.ts';
import type { Errno } from './errors.ts';

/** Virtual time, integer nanoseconds since the run started. */
export type Ns = number;
export const MS = 1_000_000;
export const US = 1_000;

/** What a blocked thread waits for: the UI draws it on that object's wait queue. */
export type WaitOn =
  | { kind: 'accept'; fd: number; sock: number }
  | { kind: 'recv'; fd: number; sock: number }
  | { kind: 'select'; fds: number[] }
  | { kind: 'poll'; fds: number[] }
  | { kind: 'epoll'; epfd: number; ep: number }
  | { kind: 'stdin' }
  | { kind: 'sleep'; untilNs: Ns }
  | { kind: 'pool'; queue: string }
  /** Thread.start() waiting for the new thread's signal that it has started (a futex). */
  | { kind: 'started'; thread: string }
  | { kind: 'gil' }
  | { kind: 'signal' }
  | { kind: 'uring'; ring: number }
  | { kind: 'child' };

export type ThreadState = 'running' | 'ready' | 'blocked' | 'exited';

/** One poll/epoll event set. */
export interface PollFd {
  fd: number;
  events: number;
}
export const POLLIN = 0x1;
export const POLLOUT = 0x4;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;
export const EPOLLIN = 0x1;
export const EPOLLOUT = 0x4;
export const EPOLLERR = 0x8;
export const EPOLLHUP = 0x10;
export const EPOLLRDHUP = 0x2000;
export const EPOLLONESHOT = 1 << 30;
export const EPOLLET = 1 << 31;

/** The system calls a program can make; names are those real strace prints. */
export type SysCall =
  | { name: 'socket' }
  | { name: 'socketpair' }
  | { name: 'setsockopt'; fd: number }
  | { name: 'bind'; fd: number; port: number }
  | { name: 'listen'; fd: number; backlog: number }
  | { name: 'accept4'; fd: number }
  /** `addrlen`: the buffer the caller passes (CPython: 128 when it asks a new socket its family, else the family's size). */
  | { name: 'getsockname'; fd: number; addrlen?: number }
  | { name: 'getpeername'; fd: number; addrlen?: number }
  | { name: 'getpid' }
  | { name: 'recvfrom'; fd: number; size: number }
  | { name: 'sendto'; fd: number; data: Bytes }
  | { name: 'close'; fd: number }
  | { name: 'ioctl'; fd: number; nonblock: boolean }
  | { name: 'fcntl'; fd: number; cmd: 'F_GETFL' | 'F_SETFL' | 'F_SETOWN'; arg: number }
  | { name: 'clone3'; program: Program; threadName: string }
  | { name: 'clone'; program: Program }
  | { name: 'exit'; code: number }
  | { name: 'exit_group'; code: number }
  | { name: 'clock_nanosleep'; ns: Ns }
  | { name: 'read'; fd: number; size: number }
  | { name: 'write'; fd: number; data: Bytes }
  | { name: 'pselect6'; nfds: number; readFds: number[]; timeoutNs: Ns | null }
  | { name: 'poll'; fds: PollFd[]; timeoutMs: number }
  | { name: 'epoll_create1' }
  | {
      name: 'epoll_ctl';
      epfd: number;
      op: 'EPOLL_CTL_ADD' | 'EPOLL_CTL_MOD' | 'EPOLL_CTL_DEL';
      fd: number;
      events: number;
    }
  | { name: 'epoll_wait'; epfd: number; maxEvents: number; timeoutMs: number }
  /**
   * `onSignal` is the Python handler's effect and `handlerLine` its line: the kernel runs CPython's
   * C-level handler, which only sets a flag; the Python handler runs later, in the main thread.
   */
  | {
      name: 'rt_sigaction';
      signal: 'SIGIO' | 'SIGCHLD';
      handler: 'handler' | 'SIG_IGN';
      onSignal?: () => void;
      handlerLine?: number;
    }
  | { name: 'pause' }
  | { name: 'rt_sigreturn' }
  | { name: 'io_uring_setup'; entries: number }
  | { name: 'io_uring_enter'; ring: number; submit: UringSqe[]; minComplete: number };

export type SysName = SysCall['name'];

/** An io_uring submission queue entry (the subset IO Lab models). */
export type UringSqe =
  | { op: 'accept'; fd: number; userData: number }
  | { op: 'recv'; fd: number; size: number; userData: number }
  | { op: 'send'; fd: number; data: Bytes; userData: number }
  | { op: 'close'; fd: number; userData: number };
export interface UringCqe {
  userData: number;
  res: number;
  data?: Bytes;
  errno?: Errno;
}

/** What the kernel hands back to a program when a syscall returns. */
export interface SysResult {
  ret: number;
  errno?: Errno;
  data?: Bytes;
  /** select: the ready fds in fd order. poll and epoll: fd with revents. */
  ready?: PollFd[];
  cqes?: UringCqe[];
  /** recvEach: the position in `fds` of the call that returned (the last one made). */
  index?: number;
}

/** A program step: Python code between calls, a system call, or a user-space wait (futex). */
export type Req =
  /** `note` names what the line does (a message key; `noteParams` fill it), for the narration. */
  | { kind: 'py'; line: number; ns?: Ns; note?: string; noteParams?: Record<string, string | number> }
  | { kind: 'sys'; call: SysCall; line: number }
  /**
   * `for fd in fds[from:]: recv(fd, size)` until one does not fail with EAGAIN: the same calls,
   * one by one, as that many `sys` steps; the program resumes with the last call's result and its
   * `index`. A metrics-only run may fast-forward the EAGAINs (src/kernel/fast-forward.ts).
   */
  | {
      kind: 'recvEach';
      fds: readonly number[];
      from: number;
      size: number;
      line: number;
      /**
       * The program's loop head: its state here is what it was at its previous `round` step
       * whenever every call between failed the same way (the kernel may then skip whole rounds).
       */
      round?: true;
    }
  /** `started`: Thread.start()'s wait for (or the new thread's signal of) its start, not a pool queue. */
  | { kind: 'futexWait'; key: object; label: string; line: number; started?: true }
  | { kind: 'futexWake'; key: object; label: string; line: number; started?: true }
  /**
   * The next step is computed outside the simulation (a real interpreter runs the user's code):
   * the thread keeps its core, and nothing happens for it until `Kernel.resume(tid)`.
   */
  | { kind: 'park' };

export type ProgramGen = Generator<Req, void, SysResult>;
export type Program = () => ProgramGen;

/**
 * The trace: everything that happens, in order. The UI and the CLI only read this; each event
 * carries what changed so a view of the machine can be rebuilt from the trace alone.
 */
export type TraceEvent =
  | { t: Ns; type: 'proc.start'; pid: number; parent: number | null; name: string }
  | { t: Ns; type: 'proc.exit'; pid: number; code: number }
  | { t: Ns; type: 'thread.start'; tid: number; pid: number; name: string }
  | {
      t: Ns;
      type: 'thread.state';
      tid: number;
      state: ThreadState;
      on?: WaitOn;
      core?: number;
      preempted?: boolean;
    }
  /** `code`: the non-zero status of the exit_group that ended it (strace: `+++ exited with N +++`); else 0. */
  | { t: Ns; type: 'thread.exit'; tid: number; code?: number }
  | { t: Ns; type: 'gil'; pid: number; holder: number | null }
  /** `costNs`: CPU the switch itself burns (saving and restoring a context), charged as system time. */
  | { t: Ns; type: 'cpu.switch'; core: number; from: number | null; to: number | null; costNs: Ns }
  /** Resident memory the machine counts (processes, thread stacks in use, socket and epoll objects). */
  | { t: Ns; type: 'mem'; bytes: number }
  /** `ns` of Python on the CPU; `sysNs` of kernel work the line caused outside a system call (waking a thread). */
  | {
      t: Ns;
      type: 'py';
      tid: number;
      line: number;
      ns: Ns;
      sysNs?: Ns;
      note?: string;
      noteParams?: Record<string, string | number>;
    }
  | { t: Ns; type: 'sys.enter'; tid: number; name: SysName; line: number }
  /** `head` is the call's entry text, what strace prints before `<unfinished ...>`. */
  /** `kernelNs`: kernel time the call has used so far (its entry scan), counted by the meters before the call returns. */
  | {
      t: Ns;
      type: 'sys.block';
      tid: number;
      name: SysName;
      on: WaitOn;
      head: string;
      enterT: Ns;
      kernelNs: Ns;
    }
  | { t: Ns; type: 'sys.wake'; tid: number; name: SysName; reason: string }
  /** `strace` is the call as strace prints it, result included; `head` is how many of its characters strace prints before `<unfinished ...>`. */
  | {
      t: Ns;
      type: 'sys.exit';
      tid: number;
      name: SysName;
      ret: number;
      errno?: Errno;
      strace: string;
      head: number;
      enterT: Ns;
      kernelNs: Ns;
      unwindNs?: Ns;
    }
  /** `byKernel`: the kernel copied on its own (io_uring), outside any system call of the thread: its cost is not in a sys.exit. */
  | {
      t: Ns;
      type: 'copy';
      tid: number;
      fd: number;
      dir: 'to-user' | 'from-user';
      bytes: number;
      data: Bytes;
      ns: Ns;
      byKernel?: true;
    }
  | { t: Ns; type: 'fd.open'; pid: number; fd: number; what: FdWhat }
  | { t: Ns; type: 'fd.close'; pid: number; fd: number }
  | { t: Ns; type: 'fd.flags'; pid: number; fd: number; nonblock: boolean; async: boolean }
  | { t: Ns; type: 'sock.listen'; sock: number; backlog: number }
  | { t: Ns; type: 'sock.syn'; sock: number; client: string; outcome: 'queued' | 'dropped' }
  | { t: Ns; type: 'sock.accept-queue'; sock: number; conn: number; op: 'push' | 'pop' }
  | { t: Ns; type: 'sock.rx'; sock: number; data: Bytes; total: number }
  | { t: Ns; type: 'sock.take'; sock: number; bytes: number; total: number }
  | { t: Ns; type: 'sock.fin'; sock: number }
  | { t: Ns; type: 'sock.rst'; sock: number; err: Errno }
  | { t: Ns; type: 'sock.closed'; sock: number }
  | { t: Ns; type: 'wait.add'; tid: number; target: WaitTarget }
  | { t: Ns; type: 'wait.remove'; tid: number; target: WaitTarget }
  | { t: Ns; type: 'select.scan'; tid: number; nfds: number; watched: number[]; ready: number[] }
  | { t: Ns; type: 'poll.scan'; tid: number; watched: number[]; ready: number[] }
  | { t: Ns; type: 'epoll.interest'; ep: number; fd: number; events: number; op: 'add' | 'mod' | 'del' }
  | { t: Ns; type: 'epoll.ready'; ep: number; fd: number; op: 'add' | 'remove' }
  | {
      t: Ns;
      type: 'signal.send';
      pid: number;
      signal: string;
      merged: boolean;
      /** A thread-directed signal (SIGPIPE): its thread. */ tid?: number;
    }
  | { t: Ns; type: 'signal.handle'; tid: number; signal: string }
  | { t: Ns; type: 'uring.sqe'; ring: number; op: UringSqe['op']; fd: number; userData: number }
  | { t: Ns; type: 'uring.cqe'; ring: number; userData: number; res: number }
  | {
      t: Ns;
      type: 'net.packet';
      from: string;
      to: string;
      kind: PacketKind;
      bytes: number;
      data?: Bytes;
      arriveNs: Ns;
    }
  | { t: Ns; type: 'client.connected'; client: string; port: number }
  | { t: Ns; type: 'client.retry'; client: string; attempt: number; nextNs: Ns }
  | { t: Ns; type: 'client.reply'; client: string; data: Bytes }
  | { t: Ns; type: 'client.eof'; client: string; reset: boolean }
  | { t: Ns; type: 'stdin.line'; data: Bytes }
  | { t: Ns; type: 'error'; tid: number; syscall: string; python: string; fatal: boolean }
  | { t: Ns; type: 'stop'; reason: 'until' | 'idle' | 'maxEvents' | 'exited' | 'budget' };

export type TraceType = TraceEvent['type'];
export type PacketKind = 'SYN' | 'SYN-ACK' | 'ACK' | 'DATA' | 'FIN' | 'RST';
export type WaitTarget =
  | { kind: 'sock'; sock: number }
  | { kind: 'epoll'; ep: number }
  | { kind: 'stdin' }
  | { kind: 'pool'; queue: string }
  | { kind: 'gil'; pid: number };
export type FdWhat =
  | { kind: 'stdio'; name: 'stdin' | 'stdout' | 'stderr' }
  | { kind: 'listen'; sock: number; port: number }
  | { kind: 'conn'; sock: number; client: string }
  | { kind: 'socket'; sock: number }
  | { kind: 'epoll'; ep: number }
  | { kind: 'uring'; ring: number };
