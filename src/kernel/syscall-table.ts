/**
 * What each system call is — its kind, whether it can sleep, whether it copies — one row per call,
 * grouped by the subsystem that implements it (syscalls.ts dispatches to those). Views, lessons,
 * the exam hall and the narration ask this table, never a list of their own. It imports no
 * subsystem, so what only reads a trace (the machine view, the stage) does not load the kernel's
 * system calls at work: the first download draws without them.
 */
import type { SysName } from './types.ts';
import type { SyscallFacts } from './state.ts';

export const SYSCALLS: Readonly<Record<SysName, SyscallFacts>> = {
  // net/tcp.ts: sockets
  socket: { kind: 'socket', sleeps: false, copies: null },
  socketpair: { kind: 'socket', sleeps: false, copies: null },
  setsockopt: { kind: 'socket', sleeps: false, copies: null },
  bind: { kind: 'socket', sleeps: false, copies: null },
  listen: { kind: 'socket', sleeps: false, copies: null },
  getsockname: { kind: 'socket', sleeps: false, copies: null },
  getpeername: { kind: 'socket', sleeps: false, copies: null },
  accept4: { kind: 'accept', sleeps: true, copies: null },
  recvfrom: { kind: 'read', sleeps: true, copies: 'to-user' },
  // The send buffer never fills in IO Lab's conversations: sendto copies and returns.
  sendto: { kind: 'write', sleeps: false, copies: 'from-user' },
  // fdtable.ts: descriptors
  close: { kind: 'fd', sleeps: false, copies: null },
  ioctl: { kind: 'fd', sleeps: false, copies: null },
  fcntl: { kind: 'fd', sleeps: false, copies: null },
  // fs/select.ts
  pselect6: { kind: 'multiplex', sleeps: true, copies: null, mechanism: 'select' },
  poll: { kind: 'multiplex', sleeps: true, copies: null, mechanism: 'poll' },
  // fs/eventpoll.ts
  epoll_create1: { kind: 'multiplex-setup', sleeps: false, copies: null },
  epoll_ctl: { kind: 'multiplex-setup', sleeps: false, copies: null },
  epoll_wait: { kind: 'multiplex', sleeps: true, copies: null, mechanism: 'epoll' },
  // signal.ts
  rt_sigaction: { kind: 'signal', sleeps: false, copies: null },
  pause: { kind: 'wait', sleeps: true, copies: null },
  rt_sigreturn: { kind: 'signal', sleeps: false, copies: null },
  // io_uring.ts
  io_uring_setup: { kind: 'ring', sleeps: false, copies: null },
  // The copy of a completed recv happens in the kernel's completion, not in this call.
  io_uring_enter: { kind: 'ring', sleeps: true, copies: null },
  // stdio.ts
  read: { kind: 'read', sleeps: true, copies: 'to-user' },
  write: { kind: 'write', sleeps: false, copies: 'from-user' },
  // process.ts
  clone3: { kind: 'process', sleeps: false, copies: null },
  clone: { kind: 'process', sleeps: false, copies: null },
  exit: { kind: 'process', sleeps: false, copies: null },
  exit_group: { kind: 'process', sleeps: false, copies: null },
  getpid: { kind: 'process', sleeps: false, copies: null },
  // time.ts
  clock_nanosleep: { kind: 'wait', sleeps: true, copies: null },
};

const factsOf = (name: string): SyscallFacts | undefined =>
  (SYSCALLS as Record<string, SyscallFacts | undefined>)[name];

/** A call that waits for data to read, or for a connection to take (phase 1 happens inside it). */
export function waitsForInput(name: string): boolean {
  const kind = factsOf(name)?.kind;
  return kind === 'read' || kind === 'accept';
}

/** A read that copies what it got into the program's buffer (phase 2 happens inside it). */
export function readsData(name: string): boolean {
  const f = factsOf(name);
  return f?.kind === 'read' && f.copies === 'to-user';
}

/** select, poll or epoll_wait: which mechanism, or null for any other call. */
export function multiplexerOf(name: string): 'select' | 'poll' | 'epoll' | null {
  const f = factsOf(name);
  return f?.kind === 'multiplex' ? (f.mechanism ?? null) : null;
}
