import { upperBytes } from '../kernel/bytes.ts';
import { isPyException } from '../kernel/errors.ts';
import type { Program } from '../kernel/types.ts';
import { accept, close, openServer, pyLine, recv, send, type Gen, type PySocket } from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';
import type { ListingName } from './listings.generated.ts';

/** Line numbers of the shared recv/send loop, in whichever listing holds it. */
export function echoLoopLines(name: ListingName) {
  return lineMap(name, {
    recv: 'data = conn.recv(RECV_SIZE)', ifNotData: 'if not data:', send: 'conn.send(data.upper())',
    except: 'except ConnectionResetError:', close: 'conn.close()',
  });
}

/** Serves one connection until the client leaves: recv, reply upper-cased, repeat; then close. */
export function* echoUntilClosed(conn: PySocket, recvSize: number, L: ReturnType<typeof echoLoopLines>): Gen<void> {
  for (;;) {
    try {
      const data = yield* recv(conn, recvSize, L.recv);
      if (data.length === 0) { yield* pyLine(L.ifNotData, 'b\'\': the client closed'); break; }
      yield* send(conn, upperBytes(data), L.send);
    } catch (e) {
      if (isPyException(e) && e.is('ConnectionResetError')) { yield* pyLine(L.except); break; }
      throw e;
    }
  }
  yield* close(conn, L.close);
}

const L = { ...serverLines('blocking'), ...lineMap('blocking', { accept: 'conn, addr = server.accept()' }), loop: echoLoopLines('blocking') };

export const blockingServer = (p: ServerParams): Program => function* () {
  const server = yield* openServer(p.port, p.options.backlog, L);
  for (;;) {
    const conn = yield* accept(server, L.accept);
    yield* echoUntilClosed(conn, p.options.recvSize, L.loop);
  }
};
