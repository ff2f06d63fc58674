import type { Program } from '../kernel/types.ts';
import {
  accept,
  acceptNext,
  close,
  epollCreate,
  epollPoll,
  epollRegister,
  epollUnregister,
  openServer,
  poll,
  Poller,
  pollRegister,
  pollUnregister,
  pyLine,
  select,
  setblocking,
  EPOLLIN,
  type Gen,
  type PySocket,
  timeoutSeconds,
} from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';
import type { ListingName } from './listings.generated.ts';
import { EPOLLET } from '../kernel/types.ts';
import { serveOnce } from './blocking.ts';

const S = {
  ...serverLines('select_echo'),
  ...lineMap('select_echo', {
    select: 'select.select(inputs',
    isServer: 'if sock is server:',
    accept: 'conn, addr = server.accept()',
    append: 'inputs.append(conn)',
    recv: 'data = sock.recv(RECV_SIZE)',
    gone: 'except (ConnectionResetError, BrokenPipeError)',
    remove: 'inputs.remove(sock)',
    close: 'sock.close()',
    send: 'sock.send(data.upper())',
  }),
};

/** select(): one thread sleeps on every socket at once; the kernel scans them all on each call. */
export const selectServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, S);
    const inputs: PySocket[] = [server];
    for (;;) {
      const readable = yield* select(inputs, timeoutSeconds(p.options.timeoutMs), S.select);
      for (const sock of readable) {
        if (sock === server) {
          const conn = yield* accept(server, S.accept);
          inputs.push(conn);
          continue;
        }
        if ((yield* serveOnce(sock, p.options.recvSize, S)) !== 'gone') continue;
        yield* pyLine(S.remove, 'narr.note.left');
        inputs.splice(inputs.indexOf(sock), 1);
        yield* close(sock, S.close);
      }
    }
  };

const P = {
  ...serverLines('poll_echo'),
  ...lineMap('poll_echo', {
    poller: 'poller = select.poll()',
    register: 'poller.register(server, select.POLLIN)',
    poll: 'poller.poll(',
    accept: 'conn, addr = server.accept()',
    registerConn: 'poller.register(conn, select.POLLIN)',
    recv: 'data = sock.recv(RECV_SIZE)',
    gone: 'except (ConnectionResetError, BrokenPipeError)',
    unregister: 'poller.unregister(sock)',
    close: 'sock.close()',
    send: 'sock.send(data.upper())',
  }),
};

/** poll(): like select without the 1024 limit, still a scan of every fd on every call. */
export const pollServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, P);
    const poller = new Poller();
    yield* pyLine(P.poller);
    pollRegister(poller, server);
    yield* pyLine(P.register);
    const sockets = new Map<number, PySocket>([[server.fd, server]]);
    for (;;) {
      const events = yield* poll(poller, p.options.timeoutMs, P.poll);
      for (const { fd } of events) {
        const sock = sockets.get(fd)!;
        if (sock === server) {
          const conn = yield* accept(server, P.accept);
          pollRegister(poller, conn);
          yield* pyLine(P.registerConn);
          sockets.set(conn.fd, conn);
          continue;
        }
        if ((yield* serveOnce(sock, p.options.recvSize, P)) !== 'gone') continue;
        pollUnregister(poller, sock);
        yield* pyLine(P.unregister, 'narr.note.left');
        sockets.delete(fd);
        yield* close(sock, P.close);
      }
    }
  };

function epollLines(name: ListingName) {
  return {
    ...serverLines(name),
    ...lineMap(name, {
      ep: 'ep = select.epoll()',
      register: 'ep.register(server.fileno()',
      poll: 'ep.poll(',
      accept: 'conn, addr = server.accept()',
      registerConn: 'ep.register(conn.fileno()',
      recv: 'data = sock.recv(RECV_SIZE)',
      gone: 'except (ConnectionResetError, BrokenPipeError)',
      unregister: 'ep.unregister(fd)',
      close: 'sock.close()',
      send: 'sock.send(data.upper())',
    }),
  };
}

const LT = epollLines('epoll_echo');

/** Level-triggered epoll: register once; epoll_wait returns only the fds on the ready list. */
export const epollLevelServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, LT);
    const ep = yield* epollCreate(LT.ep);
    yield* epollRegister(ep, server.fd, EPOLLIN, LT.register);
    const sockets = new Map<number, PySocket>([[server.fd, server]]);
    for (;;) {
      const events = yield* epollPoll(ep, timeoutSeconds(p.options.timeoutMs), LT.poll);
      for (const { fd } of events) {
        const sock = sockets.get(fd)!;
        if (sock === server) {
          const conn = yield* accept(server, LT.accept);
          yield* epollRegister(ep, conn.fd, EPOLLIN, LT.registerConn);
          sockets.set(conn.fd, conn);
          continue;
        }
        if ((yield* serveOnce(sock, p.options.recvSize, LT)) !== 'gone') continue;
        yield* epollUnregister(ep, fd, LT.unregister);
        sockets.delete(fd);
        yield* close(sock, LT.close);
      }
    }
  };

/**
 * Edge-triggered epoll. Fixed: accept and read until EAGAIN after each event. Pitfall: one
 * recv per event, so bytes beyond recvSize stay in the buffer until the next edge.
 */
export const epollEdgeServer =
  (pitfall: boolean) =>
  (p: ServerParams): Program =>
    function* () {
      const name: ListingName = pitfall ? 'epoll_edge_pitfall' : 'epoll_edge';
      const L = {
        ...epollLines(name),
        ...lineMap(name, { nonblock: 'server.setblocking(False)', connNonblock: 'conn.setblocking(False)' }),
      };
      const server = yield* openServer(p.port, p.options.backlog, L);
      yield* setblocking(server, false, L.nonblock);
      const ep = yield* epollCreate(L.ep);
      yield* epollRegister(ep, server.fd, EPOLLIN | EPOLLET, L.register);
      const sockets = new Map<number, PySocket>([[server.fd, server]]);
      for (;;) {
        const events = yield* epollPoll(ep, timeoutSeconds(p.options.timeoutMs), L.poll);
        for (const { fd } of events) {
          const sock = sockets.get(fd)!;
          if (sock === server) {
            for (
              let conn = yield* acceptNext(server, L.accept);
              conn;
              conn = yield* acceptNext(server, L.accept)
            ) {
              yield* setblocking(conn, false, L.connNonblock);
              yield* epollRegister(ep, conn.fd, EPOLLIN | EPOLLET, L.registerConn);
              sockets.set(conn.fd, conn);
            }
            continue;
          }
          for (;;) {
            const outcome = yield* serveOnce(sock, p.options.recvSize, L);
            if (outcome === 'again') break; // drained: wait for the next edge
            if (outcome === 'gone') {
              yield* epollUnregister(ep, fd, L.unregister);
              sockets.delete(fd);
              yield* close(sock, L.close);
              break;
            }
            if (pitfall) break; // the bug: one read per edge
          }
        }
      }
    };

const SEL = {
  ...serverLines('selectors_echo'),
  ...lineMap('selectors_echo', {
    sel: 'sel = selectors.DefaultSelector()',
    accept: 'conn, addr = server.accept()',
    connNonblock: 'conn.setblocking(False)',
    registerConn: 'sel.register(conn, selectors.EVENT_READ, read)',
    recv: 'data = conn.recv(RECV_SIZE)',
    gone: 'except (ConnectionResetError, BrokenPipeError)',
    unregister: 'sel.unregister(conn)',
    close: 'conn.close()',
    send: 'conn.send(data.upper())',
    nonblock: 'server.setblocking(False)',
    register: 'sel.register(server, selectors.EVENT_READ, accept)',
    select: 'sel.select(TIMEOUT)',
    dispatch: 'key.data(key.fileobj, mask)',
  }),
};

/**
 * selectors.DefaultSelector is EpollSelector on Linux (level-triggered). It keeps each
 * registration's callback in key.data; the loop dispatches whatever select() reports.
 */
export const selectorsServer = (p: ServerParams): Program =>
  function* () {
    const ep = yield* epollCreate(SEL.sel);
    type Callback = (sock: PySocket) => Gen<void>;
    const keys = new Map<number, { sock: PySocket; data: Callback }>();
    const register = function* (sock: PySocket, data: Callback, line: number): Gen<void> {
      yield* epollRegister(ep, sock.fd, EPOLLIN, line);
      keys.set(sock.fd, { sock, data });
    };
    const read: Callback = function* (conn) {
      if ((yield* serveOnce(conn, p.options.recvSize, SEL)) !== 'gone') return;
      keys.delete(conn.fd);
      yield* epollUnregister(ep, conn.fd, SEL.unregister);
      yield* close(conn, SEL.close);
    };
    const acceptCb: Callback = function* (server) {
      const conn = yield* accept(server, SEL.accept);
      yield* setblocking(conn, false, SEL.connNonblock);
      yield* register(conn, read, SEL.registerConn);
    };
    const server = yield* openServer(p.port, p.options.backlog, SEL);
    yield* setblocking(server, false, SEL.nonblock);
    yield* register(server, acceptCb, SEL.register);
    for (;;) {
      // EpollSelector.select: maxevents = the number of registered fds.
      const events = yield* epollPoll(
        ep,
        timeoutSeconds(p.options.timeoutMs),
        SEL.select,
        Math.max(keys.size, 1),
      );
      for (const { fd } of events) {
        const key = keys.get(fd);
        if (!key) continue;
        yield* pyLine(SEL.dispatch, key.data === acceptCb ? 'narr.note.cbAccept' : 'narr.note.cbRead');
        yield* key.data(key.sock);
      }
    }
  };
