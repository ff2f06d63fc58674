/**
 * The socket calls a server makes (net/socket.c, net/ipv4/tcp.c): socket, bind, listen, accept,
 * recv and send, as the program sees them start and return. What the network does meanwhile is
 * in network.ts.
 */
import { showBytes } from './format.ts';
import {
  okReturn,
  type CallReturn,
  type Narration,
  type Narrator,
  type ReturnSentences,
  type StartSentences,
} from './narrator.ts';

export const socketStarts: StartSentences = {
  socket: (n, { p }) => n.t('narr.call.socket', p),
  socketpair: (n, { p }) => n.t('narr.call.socketpair', p),
  setsockopt: (n, { p, fd }) =>
    n.t('narr.call.setsockopt', { ...p, fd: fd ?? '?', port: n.run.constants.PORT ?? '' }),
  bind: (n, { p, fd }) => n.t('narr.call.bind', { ...p, fd: fd ?? '?', port: n.run.constants.PORT ?? '' }),
  listen: (n, { p, fd, num }) => {
    const backlog = num(1) ?? n.run.options.backlog;
    return n.t('narr.call.listen', { ...p, fd: fd ?? '?', backlog, queue: backlog + 1 });
  },
  accept4: (n, { p, fd, pid, nonblock }) => {
    const lw = fd !== null ? n.fdKind(pid, fd) : undefined;
    const sock = lw?.kind === 'listen' ? n.before?.socks[lw.sock] : undefined;
    const waiting = sock?.acceptQueue.length ?? 0;
    const queued =
      waiting === 0
        ? n.t(nonblock ? 'narr.queue.emptyNb' : 'narr.queue.empty')
        : n.t('narr.queue.n', { n: waiting });
    return n.t(nonblock ? 'narr.call.accept.nb' : 'narr.call.accept', { ...p, fd: fd ?? '?', queued });
  },
  recvfrom: (n, { p, fd, pid, nonblock, num, exitEv }) => {
    const size = num(2) ?? n.run.options.recvSize;
    const w = fd !== null ? n.fdKind(pid, fd) : undefined;
    const sock = w && w.kind === 'conn' ? n.before?.socks[w.sock] : undefined;
    let buffer = '';
    if (sock) {
      if (sock.rx.length > 0) buffer = n.t('narr.buf.n', { bytes: n.bytes(sock.rx.length) });
      // After a FIN, a later RST (answering our send) does not make recv fail: it returns b''.
      else if (sock.err && !(sock.fin && exitEv && !exitEv.errno)) buffer = n.t('narr.buf.err');
      else if (sock.fin) buffer = n.t('narr.buf.fin');
      else buffer = n.t(nonblock ? 'narr.buf.emptyNb' : 'narr.buf.empty');
    }
    return n.t(nonblock ? 'narr.call.recv.nb' : 'narr.call.recv', {
      ...p,
      fd: fd ?? '?',
      size,
      owner: fd !== null ? n.fdWhat(pid, fd) : '?',
      buffer,
    });
  },
  sendto: (n, { p, fd, pid, tid, at, exit, args, num }) => {
    const copy = n.findFrom('copy', at, (e) => e.tid === tid && e.dir === 'from-user', exit);
    const count = copy?.bytes ?? num(2) ?? 0;
    const client = fd !== null ? n.clientOfFd(pid, fd) : null;
    return n.t('narr.call.send', {
      ...p,
      fd: fd ?? '?',
      bytes: n.bytes(count),
      data: copy ? showBytes(copy.data) : (args[1] ?? ''),
      client: client ?? n.fdWhat(pid, fd ?? -1),
    });
  },
  getsockname: (n, { p, fd }) => n.t('narr.call.getsockname', { ...p, fd: fd ?? '?' }),
  getpeername: (n, { p, fd }) => n.t('narr.call.getpeername', { ...p, fd: fd ?? '?' }),
};

/** A recv's return (and a read's on a socket): the bytes it copied, or the end of the stream. */
export function recvReturn(n: Narrator, { ev, p, pid, fd, args, client }: CallReturn): Narration {
  if (ev.ret === 0)
    return {
      text: n.t('narr.exit.recv.eof', { ...p, client: client ?? n.fdWhat(pid, fd) }),
      detail: n.t('narr.exit.recv.eof.detail'),
    };
  const copy = n.findBack('copy', (e) => e.tid === ev.tid && e.dir === 'to-user', 10);
  return {
    text: n.t('narr.exit.recv', {
      ...p,
      bytes: n.bytes(ev.ret),
      data: copy ? showBytes(copy.data) : (args[1] ?? ''),
      client: client ?? n.fdWhat(pid, fd),
    }),
  };
}

export const socketReturns: ReturnSentences = {
  recvfrom: recvReturn,
  sendto: (n, { ev, p, pid, fd, client }) => ({
    text: n.t('narr.exit.send', { ...p, bytes: n.bytes(ev.ret), client: client ?? n.fdWhat(pid, fd) }),
  }),
  accept4: (n, { ev, p, pid, fd }) => {
    const lw = n.fdKind(pid, fd);
    const left = lw?.kind === 'listen' ? (n.view.socks[lw.sock]?.acceptQueue.length ?? 0) : 0;
    return {
      text: n.t(left === 0 ? 'narr.exit.accept.last' : 'narr.exit.accept', {
        ...p,
        fd: ev.ret,
        client: n.clientOfFd(pid, ev.ret) ?? '?',
        left,
        lfd: Number.isFinite(fd) ? fd : '?',
      }),
    };
  },
  socket: (n, { ev, p }) => ({ text: n.t('narr.exit.socket', { ...p, fd: ev.ret }) }),
  listen: (n, { p, args }) => {
    const backlog = Number(args[1]);
    return {
      text: n.t('narr.exit.listen', {
        ...p,
        port: n.run.constants.PORT ?? '',
        queue: Number.isFinite(backlog) ? backlog + 1 : '?',
      }),
    };
  },
  setsockopt: okReturn,
  bind: okReturn,
  getsockname: okReturn,
  getpeername: okReturn,
  socketpair: okReturn,
};
