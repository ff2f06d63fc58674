import type { Program } from '../kernel/types.ts';
import {
  acceptNext,
  close,
  FASYNC,
  fcntl,
  getpid,
  installSigioHandler,
  O_NONBLOCK,
  openServer,
  pause,
  pyLine,
  type Gen,
  type PySocket,
} from './runtime.ts';
import { serveOnce } from './blocking.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';

const L = {
  ...serverLines('signal_driven'),
  ...lineMap('signal_driven', {
    handler: 'ready = True',
    setown: 'fcntl.F_SETOWN',
    setfl: 'fcntl.F_SETFL',
    signal: 'signal.signal(signal.SIGIO',
    makeAsync: 'make_async(server)',
    ifNotReady: 'if not ready:',
    pause: 'signal.pause()',
    clear: ['ready = False', 1],
    accept: 'conn, addr = server.accept()',
    makeAsyncConn: 'make_async(conn)',
    recv: 'data = conn.recv(RECV_SIZE)',
    gone: 'except (ConnectionResetError, BrokenPipeError)',
    remove: 'conns.remove(conn)',
    close: 'conn.close()',
    send: 'conn.send(data.upper())',
  }),
};

/**
 * Signal-driven I/O: the kernel sends SIGIO when a socket with O_ASYNC becomes readable. The
 * signal does not say which socket, and SIGIOs that arrive while one is pending merge, so the
 * handler only sets a flag and the loop tries every socket until each says EAGAIN.
 */
export const signalDrivenServer = (p: ServerParams): Program =>
  function* () {
    let ready = false;
    const makeAsync = function* (sock: PySocket): Gen<void> {
      const pid = yield* getpid(L.setown);
      yield* fcntl(sock, 'F_SETOWN', pid, L.setown);
      yield* fcntl(sock, 'F_SETFL', FASYNC | O_NONBLOCK, L.setfl);
    };
    yield* installSigioHandler(
      () => {
        ready = true;
      },
      L.signal,
      L.handler,
    );
    const server = yield* openServer(p.port, p.options.backlog, L);
    yield* makeAsync(server);
    const conns: PySocket[] = [];
    for (;;) {
      if (!ready) yield* pause(L.pause);
      else yield* pyLine(L.ifNotReady, 'narr.note.sigioBusy');
      ready = false;
      for (let conn = yield* acceptNext(server, L.accept); conn; conn = yield* acceptNext(server, L.accept)) {
        yield* makeAsync(conn);
        conns.push(conn);
      }
      for (const conn of [...conns]) {
        for (;;) {
          const outcome = yield* serveOnce(conn, p.options.recvSize, L);
          if (outcome === 'served') continue;
          if (outcome === 'gone') {
            yield* pyLine(L.remove, 'narr.note.drop');
            conns.splice(conns.indexOf(conn), 1);
            yield* close(conn, L.close);
          }
          break;
        }
      }
    }
  };
