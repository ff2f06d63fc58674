/**
 * The system call dispatch (Linux: arch/x86/entry/syscalls/syscall_64.tbl) — each call the simulated programs make, and the subsystem that
 * implements it (what each call is: syscall-table.ts). Trying a call either completes
 * it (a result, its CPU cost, its strace text) or says what the caller must sleep on.
 */
import type { Attempt, KernelContext, SysOp, Thread } from './state.ts';
import { sysClose, sysFcntl, sysIoctlFionbio } from './fdtable.ts';
import {
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
import { sysPoll, sysPselect6 } from './fs/select.ts';
import { sysEpollCreate1, sysEpollCtl, sysEpollWait } from './fs/eventpoll.ts';
import { sysPause, sysRtSigaction, sysRtSigreturn } from './signal.ts';
import { sysIoUringEnter, sysIoUringSetup } from './io_uring.ts';
import { sysReadStdin, sysWrite } from './stdio.ts';
import { sysClone, sysClone3, sysExit, sysGetpid } from './process.ts';
import { sysClockNanosleep } from './time.ts';

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
