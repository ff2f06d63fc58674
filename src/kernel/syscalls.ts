/**
 * The system call table — Linux's arch/x86/entry/syscalls/syscall_64.tbl: each call the
 * simulated programs make, and the subsystem that implements it. Trying a call either completes
 * it (a result, its CPU cost, its strace text) or says what the caller must sleep on.
 */
import type { SysName } from './types.ts';
import type { Attempt, KernelContext, SysOp, SyscallFacts, Thread } from './state.ts';
import { FDTABLE_CALLS, sysClose, sysFcntl, sysIoctlFionbio } from './fdtable.ts';
import {
  TCP_CALLS,
  sysAccept4,
  sysBind,
  sysGetpeername,
  sysGetsockname,
  sysListen,
  sysRecvfrom,
  sysSendto,
  sysSetsockopt,
  sysSocket,
  sysSocketpair,
} from './net/tcp.ts';
import { SELECT_CALLS, sysPoll, sysPselect6 } from './fs/select.ts';
import { EVENTPOLL_CALLS, sysEpollCreate1, sysEpollCtl, sysEpollWait } from './fs/eventpoll.ts';
import { SIGNAL_CALLS, sysPause, sysRtSigaction, sysRtSigreturn } from './signal.ts';
import { IO_URING_CALLS, sysIoUringEnter, sysIoUringSetup } from './io_uring.ts';
import { STDIO_CALLS, sysReadStdin, sysWrite } from './stdio.ts';
import { PROCESS_CALLS, sysClone, sysClone3, sysExit, sysGetpid } from './process.ts';
import { TIME_CALLS, sysClockNanosleep } from './time.ts';

/**
 * Every system call and what it is (its kind, whether it can sleep, whether it copies), each
 * defined beside the subsystem that implements it. Views, lessons, the exam hall and the
 * narration ask this table, never a list of their own.
 */
export const SYSCALLS: Readonly<Record<SysName, SyscallFacts>> = {
  ...TCP_CALLS,
  ...FDTABLE_CALLS,
  ...SELECT_CALLS,
  ...EVENTPOLL_CALLS,
  ...SIGNAL_CALLS,
  ...IO_URING_CALLS,
  ...STDIO_CALLS,
  ...PROCESS_CALLS,
  ...TIME_CALLS,
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

/** Tries the call now: it completes (with a result and its CPU cost) or says what to sleep on. */
export function attempt(k: KernelContext, thread: Thread, op: SysOp): Attempt {
  const proc = k.procs.get(thread.pid)!;
  const call = op.call;
  switch (call.name) {
    case 'socket':
      return sysSocket(k, proc);
    case 'socketpair':
      return sysSocketpair(k, proc);
    case 'setsockopt':
      return sysSetsockopt(k, call.fd);
    case 'bind':
      return sysBind(k, proc, call.fd, call.port);
    case 'listen':
      return sysListen(k, proc, call.fd, call.backlog);
    case 'accept4':
      return sysAccept4(k, proc, call.fd, op);
    case 'getsockname':
      return sysGetsockname(k, proc, call.fd, call.addrlen);
    case 'getpeername':
      return sysGetpeername(k, proc, call.fd, call.addrlen);
    case 'recvfrom':
      return sysRecvfrom(k, proc, call.fd, call.size);
    case 'sendto':
      return sysSendto(k, proc, call.fd, call.data);
    case 'close':
      return sysClose(k, proc, call.fd);
    case 'ioctl':
      return sysIoctlFionbio(k, proc, call.fd, call.nonblock);
    case 'fcntl':
      return sysFcntl(k, proc, call.fd, call.cmd, call.arg);
    case 'clone3':
      return sysClone3(k, proc, call);
    case 'clone':
      return sysClone(k, proc, call.program);
    case 'exit':
      return sysExit(k, 'exit', call.code);
    case 'exit_group':
      return sysExit(k, 'exit_group', call.code);
    case 'clock_nanosleep':
      return sysClockNanosleep(k, op, call.ns);
    case 'getpid':
      return sysGetpid(k, proc);
    case 'read':
      return sysReadStdin(k, proc, call.fd, call.size);
    case 'write':
      return sysWrite(k, call.fd, call.data);
    case 'rt_sigaction':
      return sysRtSigaction(k, proc, call);
    case 'pause':
      return sysPause(k, proc);
    case 'rt_sigreturn':
      return sysRtSigreturn(k, proc);
    case 'pselect6':
      k.fdsLooked += call.readFds.length;
      return sysPselect6(k, thread, proc, op, call.nfds, call.readFds, call.timeoutNs);
    case 'poll':
      k.fdsLooked += call.fds.length;
      return sysPoll(k, thread, proc, op, call.fds, call.timeoutMs);
    case 'epoll_create1':
      return sysEpollCreate1(k, proc);
    case 'epoll_ctl':
      return sysEpollCtl(k, proc, call.epfd, call.op, call.fd, call.events);
    case 'epoll_wait':
      return sysEpollWait(k, proc, op, call.epfd, call.maxEvents, call.timeoutMs);
    case 'io_uring_setup':
      return sysIoUringSetup(k, proc, call.entries);
    case 'io_uring_enter':
      return sysIoUringEnter(k, proc, op, call);
  }
}
