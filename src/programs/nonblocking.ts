import { upperBytes } from '../kernel/bytes.ts';
import { isPyException } from '../kernel/errors.ts';
import type { Program } from '../kernel/types.ts';
import {
  accept,
  acceptOrError,
  close,
  openServer,
  pyLine,
  PySocket,
  recv,
  recvNextOrError,
  send,
  setblocking,
  sleep,
} from './runtime.ts';
import { serveReceived } from './blocking.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';

const F = {
  ...serverLines('nonblocking'),
  ...lineMap('nonblocking', {
    nonblock: 'server.setblocking(False)',
    accept: 'conn, addr = server.accept()',
    connNonblock: 'conn.setblocking(False)',
    append: 'conns.append(conn)',
    acceptEagain: 'except BlockingIOError:  # nobody',
    recv: 'data = conn.recv(RECV_SIZE)',
    gone: 'except (ConnectionResetError, BrokenPipeError)',
    remove: 'conns.remove(conn)',
    close: 'conn.close()',
    send: 'conn.send(data.upper())',
    sleep: 'time.sleep(POLL_SLEEP)',
  }),
};

/** Non-blocking polling, done right: every socket non-blocking, one loop asks each in turn. */
export const nonblockingServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, F);
    yield* setblocking(server, false, F.nonblock);
    const conns: PySocket[] = [];
    for (;;) {
      const conn = yield* acceptOrError(server, F.accept);
      if (conn instanceof PySocket) {
        yield* setblocking(conn, false, F.connNonblock);
        conns.push(conn);
      } else if (!conn.is('BlockingIOError')) throw conn;
      // `for conn in list(conns)`: the sockets that fail with EAGAIN pass in one recvEach step.
      const round = [...conns];
      for (let i = 0; ;) {
        // At i = 0 the loop's state is `conns` alone: the same after a pass where every call failed.
        const next = yield* recvNextOrError(round, i, p.options.recvSize, F.recv, i === 0);
        if (next === null) break;
        i = next.index + 1;
        const conn = round[next.index]!;
        const outcome = yield* serveReceived(conn, next.data, F);
        if (outcome !== 'gone') continue;
        yield* pyLine(F.remove, 'narr.note.drop');
        conns.splice(conns.indexOf(conn), 1);
        yield* close(conn, F.close);
      }
      if (p.options.pollSleepMs > 0) yield* sleep(p.options.pollSleepMs / 1000, F.sleep);
    }
  };

const T = {
  ...serverLines('nonblocking_pitfall'),
  ...lineMap('nonblocking_pitfall', {
    nonblock: 'server.setblocking(False)',
    accept: 'conn, addr = server.accept()',
    append: 'conns.append(conn)',
    recv: 'data = conn.recv(RECV_SIZE)',
    send: 'conn.send(data.upper())',
    gone: 'gone.append(conn)',
    close: 'conn.close()',
    sleep: 'time.sleep(POLL_SLEEP)',
  }),
};

/**
 * The classic mistake: only the listening socket is non-blocking. On Linux accept() does not
 * pass O_NONBLOCK on, so recv() on each connection blocks the whole loop until that client speaks.
 */
export const nonblockingPitfallServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, T);
    yield* setblocking(server, false, T.nonblock);
    const conns: PySocket[] = [];
    for (;;) {
      try {
        const conn = yield* accept(server, T.accept);
        conns.push(conn);
      } catch (e) {
        if (!(isPyException(e) && e.is('BlockingIOError'))) throw e;
        const gone: PySocket[] = [];
        for (const conn of conns) {
          try {
            const data = yield* recv(conn, p.options.recvSize, T.recv);
            yield* send(conn, upperBytes(data), T.send);
          } catch (e2) {
            if (isPyException(e2) && e2.is('BlockingIOError')) continue;
            if (isPyException(e2) && e2.is('ConnectionResetError')) {
              gone.push(conn);
              continue;
            }
            throw e2;
          }
        }
        for (const conn of gone) {
          conns.splice(conns.indexOf(conn), 1);
          yield* close(conn, T.close);
        }
      }
      if (p.options.pollSleepMs > 0) yield* sleep(p.options.pollSleepMs / 1000, T.sleep);
    }
  };
