/**
 * TCP sockets on the server — Linux's net/socket.c (`socket`, `socketpair`, `bind`, `listen`,
 * `accept4`, `getsockname`, `getpeername`, `setsockopt`), net/ipv4/inet_connection_sock.c (the accept queue and
 * its backlog), net/ipv4/tcp_input.c and tcp_ipv4.c (what an arriving SYN, ACK, data, FIN or RST
 * does), net/ipv4/tcp.c (`tcp_recvmsg`, `tcp_sendmsg`, `tcp_poll`, `tcp_close`).
 */
import type { Bytes } from '../bytes.ts';
import type { Errno } from '../errors.ts';
import { ADDR_FAMILY_LOCAL, USER_PTR, quoted } from '../strace-format.ts';
import { EPOLLRDHUP, POLLERR, POLLHUP, POLLIN, type PacketKind } from '../types.ts';
import {
  done,
  fail,
  type Attempt,
  type ClientHost,
  type KernelContext,
  type Process,
  type Sock,
  type SysOp,
} from '../state.ts';
import { closeFd, fdWhat, fileOf, installFd, lowestFreeFd, newFile, sockOf } from '../fdtable.ts';
import { LOOPBACK_LATENCY_NS, sendToClient } from './hosts.ts';

/** Linux's net.core.somaxconn default since 5.4: listen() silently caps its backlog here. */
export const SOMAXCONN = 4096;

export function newSock(k: KernelContext, kind: Sock['kind']): Sock {
  const sock: Sock = {
    id: k.nextObj++,
    kind,
    port: 0,
    backlog: 0,
    acceptQueue: [],
    handshaking: 0,
    client: -1,
    rx: '',
    rxFin: false,
    err: null,
    rcvShutdown: false,
    sndShutdown: false,
    closed: false,
    waiters: [],
    watchers: [],
    files: [],
  };
  k.socks.set(sock.id, sock);
  k.addMemory(k.costs.socketKernelBytes);
  return sock;
}

/* ── readiness (tcp_poll) ── */

/** Whether a read would not block: what select, poll and epoll test. */
export function readable(sock: Sock): boolean {
  if (sock.kind === 'listen') return sock.acceptQueue.length > 0;
  if (sock.kind === 'conn') return sock.rx.length > 0 || sock.rxFin || sock.err !== null || sock.rcvShutdown;
  return false;
}

export function pollMask(sock: Sock): number {
  let mask = readable(sock) ? POLLIN : 0;
  if (sock.err !== null) mask |= POLLERR; // reported until a call consumes the error
  if (sock.kind === 'conn' && sock.rcvShutdown && sock.sndShutdown) mask |= POLLHUP;
  if (sock.kind === 'conn' && sock.rxFin) mask |= EPOLLRDHUP;
  return mask;
}

/**
 * What a read of an empty receive buffer ends with, in tcp_recvmsg's order: a FIN already seen
 * (SOCK_DONE) wins over a pending error, which is reported once; then a shut-down side reads
 * as end of file. null: nothing yet (the read would block).
 */
export function recvEnd(sock: Sock): 'eof' | Errno | null {
  if (sock.rxFin) return 'eof';
  if (sock.err) {
    const err = sock.err;
    sock.err = null;
    return err;
  }
  return sock.rcvShutdown ? 'eof' : null;
}

/* ── the system calls ── */

export function sysSocket(k: KernelContext, proc: Process): Attempt {
  const fd = lowestFreeFd(k, proc);
  const head = 'socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP)';
  if (fd < 0) return fail('EMFILE', k.costs.socketNs, head, '');
  const sock = newSock(k, 'new');
  installFd(k, proc, fd, newFile(k, { kind: 'sock', sock: sock.id }));
  return done({ ret: fd }, k.costs.socketNs, head, ` = ${fd}`);
}

export function sysSocketpair(k: KernelContext, proc: Process): Attempt {
  const c = k.costs;
  // Two connected AF_UNIX sockets (asyncio's self-pipe): nothing is ever written to them here.
  const head = 'socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, ';
  const a = lowestFreeFd(k, proc);
  if (a < 0) return fail('EMFILE', c.socketNs, head, `${USER_PTR})`);
  installFd(k, proc, a, newFile(k, { kind: 'sock', sock: newSock(k, 'new').id }));
  const b = lowestFreeFd(k, proc);
  if (b < 0) {
    closeFd(k, proc, a);
    return fail('EMFILE', c.socketNs, head, `${USER_PTR})`);
  }
  installFd(k, proc, b, newFile(k, { kind: 'sock', sock: newSock(k, 'new').id }));
  return done(
    {
      ret: 0,
      ready: [
        { fd: a, events: 0 },
        { fd: b, events: 0 },
      ],
    },
    2 * c.socketNs,
    head,
    `[${a}, ${b}]) = 0`,
  );
}

export function sysSetsockopt(k: KernelContext, fd: number): Attempt {
  return done(
    { ret: 0 },
    k.costs.setsockoptNs,
    `setsockopt(${fd}, SOL_SOCKET, SO_REUSEADDR, [1], 4)`,
    ' = 0',
  );
}

export function sysBind(k: KernelContext, proc: Process, fd: number, port: number): Attempt {
  const sock = sockOf(k, proc, fd);
  if (!sock) return fail('EBADF', k.costs.syscallNs, `bind(${fd}, ...)`, '');
  sock.port = port;
  return done({ ret: 0 }, k.costs.bindNs, `bind(${fd}, ${ADDR_FAMILY_LOCAL(port)}, 16)`, ' = 0');
}

export function sysListen(k: KernelContext, proc: Process, fd: number, backlog: number): Attempt {
  const sock = sockOf(k, proc, fd);
  if (!sock) return fail('EBADF', k.costs.syscallNs, `listen(${fd}, ${backlog})`, '');
  sock.kind = 'listen';
  sock.backlog = Math.min(Math.max(backlog, 0), SOMAXCONN);
  k.listenSock = sock.id;
  if (k.tracing) k.emit({ t: k.now, type: 'sock.listen', sock: sock.id, backlog: sock.backlog });
  else k.events++;
  if (k.tracing) k.emit({ t: k.now, type: 'fd.open', pid: proc.pid, fd, what: fdWhat(k, proc.fds[fd]!) });
  else k.events++;
  return done({ ret: 0 }, k.costs.listenNs, `listen(${fd}, ${backlog})`, ' = 0');
}

export function sysAccept4(k: KernelContext, proc: Process, lfd: number, op?: SysOp): Attempt {
  const c = k.costs;
  const file = fileOf(k, proc, lfd);
  const sock = sockOf(k, proc, lfd);
  const head = `accept4(${lfd}, `;
  if (!file || !sock) return fail('EINVAL', c.syscallNs, head, `${USER_PTR}, [16], SOCK_CLOEXEC)`);
  // Linux takes the new descriptor on entry (__sys_accept4_file), before it looks at the queue: with
  // none free it fails with EMFILE at once, blocking or not (found by `npm run fidelity`). A queued
  // connection stays queued: the listening socket stays readable. Only then does the socket say it
  // is not listening (inet_csk_accept): EMFILE before EINVAL, as strace shows on Linux 6.
  if (op?.reservedFd === undefined && lowestFreeFd(k, proc) < 0)
    return fail('EMFILE', c.acceptNs, head, `${USER_PTR}, [16], SOCK_CLOEXEC)`);
  if (sock.kind !== 'listen') return fail('EINVAL', c.syscallNs, head, `${USER_PTR}, [16], SOCK_CLOEXEC)`);
  const connId = sock.acceptQueue[0];
  if (connId === undefined) {
    if (file.nonblock) return fail('EAGAIN', c.acceptEagainNs, head, `${USER_PTR}, [16], SOCK_CLOEXEC)`);
    // The descriptor taken on entry is kept while it sleeps: one closed meanwhile is not reused by
    // this call (fixtures/fidelity).
    if (op && op.reservedFd === undefined) proc.reservedFds.add((op.reservedFd = lowestFreeFd(k, proc)));
    return {
      block: { kind: 'accept', fd: lfd, sock: sock.id },
      targets: [{ kind: 'sock', sock: sock.id }],
      head,
    };
  }
  if (op?.reservedFd !== undefined) proc.reservedFds.delete(op.reservedFd);
  const fd = op?.reservedFd ?? lowestFreeFd(k, proc);
  sock.acceptQueue.shift();
  if (k.tracing) k.emit({ t: k.now, type: 'sock.accept-queue', sock: sock.id, conn: connId, op: 'pop' });
  else k.events++;
  // accept() never passes O_NONBLOCK or O_ASYNC on to the new socket (Linux, unlike BSD).
  installFd(k, proc, fd, newFile(k, { kind: 'sock', sock: connId }));
  const port = k.clients[k.socks.get(connId)!.client]!.port;
  return done({ ret: fd }, c.acceptNs, head, `${ADDR_FAMILY_LOCAL(port)}, [16], SOCK_CLOEXEC) = ${fd}`);
}

/** strace's `[in => out]` for a socket address length, or `[n]` when the kernel wrote as much as it was given. */
const addrLen = (given: number, written: number): string =>
  given === written ? `[${given}]` : `[${given} => ${written}]`;

// IO Lab's only sockets without a TCP connection or a port are socketpair()'s: AF_UNIX, unnamed.
const UNNAMED_UNIX = '{sa_family=AF_UNIX}';
const UNIX_ADDR_BYTES = 2;
const INET_ADDR_BYTES = 16;

export function sysGetsockname(k: KernelContext, proc: Process, fd: number, addrlen = 128): Attempt {
  const kind = sockOf(k, proc, fd)?.kind;
  const addr =
    kind === 'new'
      ? `${UNNAMED_UNIX}, ${addrLen(addrlen, UNIX_ADDR_BYTES)}`
      : `${ADDR_FAMILY_LOCAL(k.config.serverPort)}, ${addrLen(addrlen, INET_ADDR_BYTES)}`;
  return done({ ret: 0 }, k.costs.syscallNs, `getsockname(${fd}, ${addr})`, ' = 0');
}

/**
 * inet_getname(peer=1): a connected socket's client address; ENOTCONN for a listening socket and
 * for a connection a reset has closed (TCP_CLOSE). CPython's `repr(sock)` asks for it (`raddr=`).
 */
export function sysGetpeername(
  k: KernelContext,
  proc: Process,
  fd: number,
  addrlen = INET_ADDR_BYTES,
): Attempt {
  const c = k.costs;
  const head = `getpeername(${fd}, `;
  const failArgs = `${USER_PTR}, [${addrlen}])`;
  if (!fileOf(k, proc, fd)) return fail('EBADF', c.syscallNs, head, failArgs);
  const sock = sockOf(k, proc, fd);
  if (!sock) return fail('ENOTSOCK', c.syscallNs, head, failArgs);
  if (sock.kind === 'new')
    return done({ ret: 0 }, c.syscallNs, head, `${UNNAMED_UNIX}, ${addrLen(addrlen, UNIX_ADDR_BYTES)}) = 0`);
  // rcvShutdown is set only by an arriving RST: the connection is closed.
  if (sock.kind !== 'conn' || sock.rcvShutdown) return fail('ENOTCONN', c.syscallNs, head, failArgs);
  const port = k.clients[sock.client]!.port;
  return done(
    { ret: 0 },
    c.syscallNs,
    head,
    `${ADDR_FAMILY_LOCAL(port)}, ${addrLen(addrlen, INET_ADDR_BYTES)}) = 0`,
  );
}

/** Whether recvfrom(fd) would now fail with EAGAIN, changing nothing (sysRecvfrom's last branch). */
export function recvWouldEagain(k: KernelContext, proc: Process, fd: number): boolean {
  const file = fileOf(k, proc, fd);
  if (!file || !file.nonblock || file.what.kind !== 'sock') return false;
  const sock = k.socks.get(file.what.sock);
  if (!sock || sock.kind !== 'conn' || sock.rx.length > 0) return false;
  return !sock.rxFin && !sock.err && !sock.rcvShutdown;
}

export function sysRecvfrom(k: KernelContext, proc: Process, fd: number, size: number): Attempt {
  const c = k.costs;
  const file = fileOf(k, proc, fd);
  const sock = sockOf(k, proc, fd);
  const head = `recvfrom(${fd}, `;
  if (!file || !sock) return fail('EBADF', c.syscallNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
  if (sock.kind !== 'conn')
    return fail('ENOTCONN', c.syscallNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
  if (sock.rx.length > 0) {
    const n = Math.min(size, sock.rx.length);
    const data = sock.rx.slice(0, n);
    sock.rx = sock.rx.slice(n);
    if (k.tracing) k.emit({ t: k.now, type: 'sock.take', sock: sock.id, bytes: n, total: sock.rx.length });
    else k.events++;
    return done(
      { ret: n, data },
      c.recvNs + Math.round(n * c.copyNsPerByte),
      head,
      `${quoted(data)}, ${size}, 0, NULL, NULL) = ${n}`,
      { fd, dir: 'to-user', data },
    );
  }
  const end = recvEnd(sock);
  if (end === 'eof') return done({ ret: 0, data: '' }, c.recvNs, head, `"", ${size}, 0, NULL, NULL) = 0`);
  if (end !== null) return fail(end, c.recvNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
  if (file.nonblock) return fail('EAGAIN', c.eagainNs, head, `${USER_PTR}, ${size}, 0, NULL, NULL)`);
  return { block: { kind: 'recv', fd, sock: sock.id }, targets: [{ kind: 'sock', sock: sock.id }], head };
}

export function sysSendto(k: KernelContext, proc: Process, fd: number, data: Bytes): Attempt {
  const c = k.costs;
  const sock = sockOf(k, proc, fd);
  const head = `sendto(${fd}, `;
  const args = `${quoted(data)}, ${data.length}, 0, NULL, 0)`;
  if (!sock) return fail('EBADF', c.syscallNs, head, args);
  if (sock.kind !== 'conn') return fail('ENOTCONN', c.syscallNs, head, args);
  if (sock.err || sock.sndShutdown) {
    const err = sock.err ?? 'EPIPE';
    sock.err = null;
    sock.sndShutdown = true;
    return fail(err, c.sendNs, head, args);
  }
  if (data.length > 0) {
    const client = k.clients[sock.client]!;
    sendToClient(k, client, 'DATA', data);
    // Over loopback the receiving stack runs before sendto returns, and so does the RST a closed
    // peer answers with: the next send already fails (found by `npm run fidelity`, fixtures/fidelity).
    if (client.state === 'closed' && k.config.latencyNs <= LOOPBACK_LATENCY_NS) {
      client.state = 'reset'; // its kernel has answered: the data arriving later gets no second RST
      packetAtServer(k, client, 'RST');
    }
  }
  return done(
    { ret: data.length },
    c.sendNs + Math.round(data.length * c.copyNsPerByte),
    head,
    `${args} = ${data.length}`,
    data.length > 0 ? { fd, dir: 'from-user', data } : undefined,
  );
}

/** tcp_close: the socket's last descriptor went. Unread data aborts the connection (RST). */
export function tcpClose(k: KernelContext, sock: Sock): void {
  sock.closed = true;
  k.addMemory(-k.costs.socketKernelBytes);
  if (k.tracing) k.emit({ t: k.now, type: 'sock.closed', sock: sock.id });
  else k.events++;
  if (sock.kind === 'listen') {
    if (k.listenSock === sock.id) k.listenSock = null;
    for (const connId of sock.acceptQueue) {
      const conn = k.socks.get(connId)!;
      conn.closed = true;
      sendToClient(k, k.clients[conn.client]!, 'RST');
    }
    sock.acceptQueue = [];
    return;
  }
  if (sock.kind === 'conn') {
    const client = k.clients[sock.client]!;
    // Closing with unread data aborts the connection (RST) instead of a FIN.
    if (sock.rx.length > 0) sendToClient(k, client, 'RST');
    else if (!sock.rcvShutdown || sock.rxFin) sendToClient(k, client, 'FIN');
  }
}

/* ── packets arriving at the server ── */

export function packetAtServer(k: KernelContext, c: ClientHost, kind: PacketKind, data?: Bytes): void {
  if (kind === 'SYN') {
    const listener = k.listenSock === null ? undefined : k.socks.get(k.listenSock);
    if (!listener || listener.closed) {
      if (k.tracing) k.emit({ t: k.now, type: 'sock.syn', sock: -1, client: c.name, outcome: 'dropped' });
      else k.events++;
      sendToClient(k, c, 'RST');
      return;
    }
    // The accept queue holds backlog + 1 connections (sk_acceptq_is_full tests ">"): later SYNs are dropped.
    if (listener.acceptQueue.length + listener.handshaking > listener.backlog) {
      if (k.tracing)
        k.emit({ t: k.now, type: 'sock.syn', sock: listener.id, client: c.name, outcome: 'dropped' });
      else k.events++;
      return;
    }
    listener.handshaking++;
    if (k.tracing)
      k.emit({ t: k.now, type: 'sock.syn', sock: listener.id, client: c.name, outcome: 'queued' });
    else k.events++;
    sendToClient(k, c, 'SYN-ACK');
    return;
  }
  if (kind === 'ACK') {
    const listener = k.listenSock === null ? undefined : k.socks.get(k.listenSock);
    if (!listener) return;
    listener.handshaking = Math.max(0, listener.handshaking - 1);
    // The kernel finished the handshake on its own: the connection waits in the accept queue.
    const conn = newSock(k, 'conn');
    conn.client = c.index;
    conn.port = listener.port;
    c.sock = conn.id;
    listener.acceptQueue.push(conn.id);
    if (k.tracing)
      k.emit({ t: k.now, type: 'sock.accept-queue', sock: listener.id, conn: conn.id, op: 'push' });
    else k.events++;
    k.notify(listener, 'connection');
    return;
  }
  const sock = c.sock === null ? undefined : k.socks.get(c.sock);
  if (!sock) return;
  if (sock.closed) {
    // Nobody holds this socket any more: the server's kernel answers with a reset.
    if (kind !== 'RST' && !c.serverGone) sendToClient(k, c, 'RST');
    return;
  }
  switch (kind) {
    case 'DATA':
      if (sock.rcvShutdown && !sock.rxFin) return;
      sock.rx += data ?? '';
      if (k.tracing)
        k.emit({ t: k.now, type: 'sock.rx', sock: sock.id, data: data ?? '', total: sock.rx.length });
      else k.events++;
      k.notify(sock, 'data');
      return;
    case 'FIN':
      sock.rxFin = true;
      if (k.tracing) k.emit({ t: k.now, type: 'sock.fin', sock: sock.id });
      else k.events++;
      k.notify(sock, 'FIN');
      return;
    case 'RST': {
      // tcp_reset: after our FIN-less peer vanished mid-conversation the error is EPIPE in
      // CLOSE_WAIT (a FIN was already seen), ECONNRESET otherwise.
      const err: Errno = sock.rxFin ? 'EPIPE' : 'ECONNRESET';
      sock.err = err;
      sock.rcvShutdown = true;
      sock.sndShutdown = true;
      if (k.tracing) k.emit({ t: k.now, type: 'sock.rst', sock: sock.id, err });
      else k.events++;
      k.notify(sock, 'RST');
      return;
    }
    default:
      return;
  }
}
