import { upperBytes, type Bytes } from '../kernel/bytes.ts';
import { isPyException, type PyException } from '../kernel/errors.ts';
import type { Program } from '../kernel/types.ts';
import {
  accept,
  close,
  openServer,
  pyLine,
  recv,
  recvOrError,
  send,
  type Gen,
  type PySocket,
} from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';
import type { ListingName } from './listings.generated.ts';

/** Line numbers of the shared recv/send loop, in whichever listing holds it. */
export function echoLoopLines(name: ListingName) {
  return lineMap(name, {
    recv: 'data = conn.recv(RECV_SIZE)',
    ifNotData: 'if not data:',
    send: 'conn.send(data.upper())',
    except: 'except (ConnectionResetError, BrokenPipeError)',
    close: 'conn.close()',
  });
}

/** Serves one connection until the client leaves: recv, reply upper-cased, repeat; then close. */
export function* echoUntilClosed(
  conn: PySocket,
  recvSize: number,
  L: ReturnType<typeof echoLoopLines>,
): Gen<void> {
  for (;;) {
    try {
      const data = yield* recv(conn, recvSize, L.recv);
      if (data.length === 0) {
        yield* pyLine(L.ifNotData, 'narr.note.closed');
        break;
      }
      yield* send(conn, upperBytes(data), L.send);
    } catch (e) {
      if (isPyException(e) && (e.is('ConnectionResetError') || e.is('BrokenPipeError'))) {
        yield* pyLine(L.except);
        break;
      }
      throw e;
    }
  }
  yield* close(conn, L.close);
}

export type Served = 'served' | 'gone' | 'again';

/**
 * The shape every multiplexed echo server shares: `try: data = recv(); if data: send(upper);
 * continue` / `except BlockingIOError` (again) / `except (ConnectionResetError, BrokenPipeError)`
 * (gone); b'' is gone too. The caller then drops a gone client.
 */
export function* serveOnce(
  sock: PySocket,
  recvSize: number,
  L: { recv: number; send: number; gone: number },
): Gen<Served> {
  return yield* serveReceived(sock, yield* recvOrError(sock, recvSize, L.recv), L);
}

/** serveOnce after its recv: what the call returned (bytes, or the exception it raised). */
export function* serveReceived(
  sock: PySocket,
  data: Bytes | PyException,
  L: { send: number; gone: number },
): Gen<Served> {
  if (typeof data === 'string') {
    if (data.length === 0) return 'gone';
    try {
      yield* send(sock, upperBytes(data), L.send);
      return 'served';
    } catch (e) {
      if (!isGone(e)) throw e;
    }
  } else if (data.is('BlockingIOError')) return 'again';
  else if (!isGone(data)) throw data;
  yield* pyLine(L.gone, 'narr.note.gone');
  return 'gone';
}

/** `except (ConnectionResetError, BrokenPipeError)`: the client left. */
export function isGone(e: unknown): boolean {
  return isPyException(e) && (e.is('ConnectionResetError') || e.is('BrokenPipeError'));
}

const L = {
  ...serverLines('blocking'),
  ...lineMap('blocking', { accept: 'conn, addr = server.accept()' }),
  loop: echoLoopLines('blocking'),
};

export const blockingServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, L);
    for (;;) {
      const conn = yield* accept(server, L.accept);
      yield* echoUntilClosed(conn, p.options.recvSize, L.loop);
    }
  };
