/**
 * io_uring — Linux's io_uring/ (io_uring.c, net.c, poll.c): a ring of submissions and one of
 * completions; a socket operation that cannot complete at once arms an internal poll on the
 * socket and completes when the socket wakes it. The completion (a recv's copy) runs as task
 * work in the submitting thread's context, in kernel mode — not on a kernel thread of its own
 * (only SQPOLL or the io-wq fallback would do that) — so its CPU is that thread's.
 */
import type { SysCall, UringCqe } from './types.ts';
import {
  done,
  fail,
  type Attempt,
  type KernelContext,
  type Process,
  type Ring,
  type SysOp,
  type UringOp,
} from './state.ts';
import { closeFd, fileOf, installFd, lowestFreeFd, newFile } from './fdtable.ts';
import { readable, recvEnd } from './net/tcp.ts';
import { sendToClient } from './net/hosts.ts';
import { wake } from './sched.ts';

export function sysIoUringSetup(k: KernelContext, proc: Process, entries: number): Attempt {
  const fd = lowestFreeFd(k, proc);
  if (fd < 0)
    return fail(
      'EMFILE',
      k.costs.syscallNs,
      `io_uring_setup(${entries}, `,
      '{flags=0, sq_thread_cpu=0, sq_thread_idle=0})',
    );
  const ring: Ring = {
    id: k.nextObj++,
    pid: proc.pid,
    pending: [],
    bySock: new Map(),
    cq: [],
    waiters: [],
    taskWorkNs: 0,
  };
  k.rings.set(ring.id, ring);
  installFd(k, proc, fd, newFile(k, { kind: 'uring', ring: ring.id }));
  return done(
    { ret: fd },
    k.costs.syscallNs,
    `io_uring_setup(${entries}, `,
    `{flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=${entries}, cq_entries=${entries * 2}, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|IORING_FEAT_CUR_PERSONALITY|IORING_FEAT_FAST_POLL|IORING_FEAT_POLL_32BITS, sq_off={head=0, tail=64, ring_mask=256, ring_entries=264, flags=276, dropped=272, array=4416}, cq_off={head=128, tail=192, ring_mask=260, ring_entries=268, overflow=284, cqes=320, flags=280}}) = ${fd}`,
  );
}

export function sysIoUringEnter(
  k: KernelContext,
  proc: Process,
  op: SysOp,
  call: Extract<SysCall, { name: 'io_uring_enter' }>,
): Attempt {
  const c = k.costs;
  const { ring: ringFd, submit, minComplete } = call;
  const file = fileOf(k, proc, ringFd);
  const ring = file && file.what.kind === 'uring' ? k.rings.get(file.what.ring) : undefined;
  const head = `io_uring_enter(${ringFd}, ${submit.length}, ${minComplete}, ${minComplete > 0 ? 'IORING_ENTER_GETEVENTS' : '0'}, NULL, 8`;
  if (!ring) return fail('EBADF', c.syscallNs, head, ')');
  if (!op.submitted && submit.length > 0) {
    op.submitted = true;
    const fresh: UringOp[] = [];
    for (const sqe of submit) {
      const fileId = proc.fds[sqe.fd];
      if (fileId === undefined) {
        ring.cq.push({ userData: sqe.userData, res: -9, errno: 'EBADF' });
        continue;
      }
      const what = k.files.get(fileId)?.what;
      const entry = { sqe, file: fileId, sock: what?.kind === 'sock' ? what.sock : -1 };
      ring.pending.push(entry);
      const mine = ring.bySock.get(entry.sock);
      if (mine) mine.push(entry);
      else ring.bySock.set(entry.sock, [entry]);
      fresh.push(entry);
      if (k.tracing)
        k.emit({
          t: k.now,
          type: 'uring.sqe',
          ring: ring.id,
          op: sqe.op,
          fd: sqe.fd,
          userData: sqe.userData,
        });
      else k.events++;
    }
    // Operations already pending were found not ready when their socket last changed: only the new ones can complete now.
    uringProgress(k, ring, fresh);
  }
  if (ring.cq.length >= minComplete) {
    const cqes = ring.cq.splice(0, ring.cq.length);
    // The completions' work (a recv's copy into the program's buffer) ran as task work in this
    // thread's context, in kernel mode: it is the submitting thread's CPU, charged as it reaps.
    const ns = c.ioUringSubmitNs * submit.length + c.ioUringCompleteNs * cqes.length + ring.taskWorkNs;
    ring.taskWorkNs = 0;
    return done({ ret: submit.length, cqes }, ns, head, `) = ${submit.length}`);
  }
  return { block: { kind: 'uring', ring: ring.id }, targets: [], head };
}

/** The internal poll a pending operation armed on a socket fires: those operations may complete now. */
export function uringPollWake(k: KernelContext, sockId: number): void {
  for (const ring of k.rings.values()) if (ring.pending.length > 0) uringProgress(k, ring, sockId);
}

/**
 * Completes whatever submitted operations can complete now; data is copied by the kernel.
 * `only`: the operations to look at: the socket whose state just changed, or the operations just
 * submitted (the others cannot have become ready).
 */
function uringProgress(k: KernelContext, ring: Ring, only: number | UringOp[]): void {
  const proc = k.procs.get(ring.pid)!;
  let progressed = false;
  const entries = typeof only === 'number' ? [...(ring.bySock.get(only) ?? [])] : only;
  const remove = (entry: UringOp): void => {
    ring.pending.splice(ring.pending.lastIndexOf(entry), 1);
    const mine = ring.bySock.get(entry.sock)!;
    mine.splice(mine.indexOf(entry), 1);
    if (mine.length === 0) ring.bySock.delete(entry.sock);
  };
  for (const entry of entries) {
    const file = k.files.get(entry.file);
    const sock = file && file.what.kind === 'sock' ? k.socks.get(file.what.sock) : undefined;
    if (!sock) {
      remove(entry);
      ring.cq.push({ userData: entry.sqe.userData, res: -9, errno: 'EBADF' });
      progressed = true;
      continue;
    }
    const { sqe } = entry;
    let cqe: UringCqe | null = null;
    // An accept takes its descriptor first (io_accept), so with none free it completes with EMFILE
    // at once, queue empty or not (checked on Linux 6: the CQE is there before any connection).
    const fd = sqe.op === 'accept' ? lowestFreeFd(k, proc) : -1;
    if (sqe.op === 'accept' && (sock.acceptQueue.length > 0 || fd < 0)) {
      if (fd < 0) cqe = { userData: sqe.userData, res: -24, errno: 'EMFILE' };
      else {
        const connId = sock.acceptQueue.shift()!;
        if (k.tracing)
          k.emit({ t: k.now, type: 'sock.accept-queue', sock: sock.id, conn: connId, op: 'pop' });
        else k.events++;
        installFd(k, proc, fd, newFile(k, { kind: 'sock', sock: connId }));
        cqe = { userData: sqe.userData, res: fd };
      }
    } else if (sqe.op === 'recv' && readable(sock)) {
      if (sock.rx.length > 0) {
        const n = Math.min(sqe.size, sock.rx.length);
        const data = sock.rx.slice(0, n);
        sock.rx = sock.rx.slice(n);
        if (k.tracing)
          k.emit({ t: k.now, type: 'sock.take', sock: sock.id, bytes: n, total: sock.rx.length });
        else k.events++;
        k.bytesCopied += n;
        ring.taskWorkNs += Math.round(n * k.costs.copyNsPerByte);
        if (k.tracing)
          k.emit({
            t: k.now,
            type: 'copy',
            tid: proc.pid,
            fd: sqe.fd,
            dir: 'to-user',
            bytes: n,
            data,
            ns: Math.round(n * k.costs.copyNsPerByte),
            byKernel: true,
          });
        else k.events++;
        cqe = { userData: sqe.userData, res: n, data };
      } else {
        // readable with nothing buffered: the same end as recvfrom's (tcp_recvmsg serves both).
        const end = recvEnd(sock);
        cqe =
          end === 'eof' || end === null
            ? { userData: sqe.userData, res: 0, data: '' }
            : { userData: sqe.userData, res: end === 'ECONNRESET' ? -104 : -32, errno: end };
      }
    } else if (sqe.op === 'close') {
      const fd = proc.fds.indexOf(entry.file);
      if (fd >= 0) closeFd(k, proc, fd);
      cqe = { userData: sqe.userData, res: 0 };
    } else if (sqe.op === 'send') {
      if (sock.err || sock.sndShutdown) {
        const err = sock.err ?? 'EPIPE';
        sock.err = null;
        sock.sndShutdown = true;
        cqe = { userData: sqe.userData, res: err === 'ECONNRESET' ? -104 : -32, errno: err };
      } else {
        if (sqe.data.length > 0) sendToClient(k, k.clients[sock.client]!, 'DATA', sqe.data);
        cqe = { userData: sqe.userData, res: sqe.data.length };
      }
    }
    if (!cqe) {
      // Not ready yet: the kernel arms a wake-up on the socket (io_uring's internal poll).
      continue;
    }
    remove(entry);
    ring.cq.push(cqe);
    if (k.tracing)
      k.emit({ t: k.now, type: 'uring.cqe', ring: ring.id, userData: cqe.userData, res: cqe.res });
    else k.events++;
    progressed = true;
  }
  if (progressed) {
    for (const tid of proc.threads) {
      const t = k.threads.get(tid)!;
      if (t.state === 'blocked' && t.on?.kind === 'uring' && t.on.ring === ring.id) wake(k, t, 'completion');
    }
  }
}
