import type { Program } from '../kernel/types.ts';
import { accept, close, exitNow, fork, ignoreSigchld, openServer, PySocket } from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import { echoLoopLines, echoUntilClosed } from './blocking.ts';
import type { ServerParams } from './params.ts';

const L = {
  ...serverLines('process_per_connection'),
  ...lineMap('process_per_connection', {
    sigchld: 'signal.signal(signal.SIGCHLD',
    accept: 'conn, addr = server.accept()',
    fork: 'os.fork()',
    childClose: 'server.close()',
    exit: 'os._exit(0)',
    parentClose: ['conn.close()', 2],
  }),
  loop: echoLoopLines('process_per_connection'),
};

/** fork() per connection: the child gets a copy of the fd table, serves, and exits. */
export const processPerConnectionServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, L);
    yield* ignoreSigchld(L.sigchld);
    for (;;) {
      const conn = yield* accept(server, L.accept);
      // The child starts with a copy of the parent's memory: its own socket objects, same fds.
      const childServer = new PySocket(server.fd, server.label);
      const childConn = new PySocket(conn.fd, conn.label);
      const child: Program = function* () {
        yield* close(childServer, L.childClose);
        yield* echoUntilClosed(childConn, p.options.recvSize, L.loop);
        yield* exitNow(0, L.exit);
      };
      yield* fork(child, L.fork);
      yield* close(conn, L.parentClose); // the parent's descriptor; the child's keeps the socket open
    }
  };
