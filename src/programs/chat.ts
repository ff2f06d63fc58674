import { decodeUtf8, encodeUtf8 } from '../kernel/bytes.ts';
import { isPyException } from '../kernel/errors.ts';
import type { Program } from '../kernel/types.ts';
import {
  accept,
  close,
  epollCreate,
  epollPoll,
  epollRegister,
  epollUnregister,
  input,
  openServer,
  poll,
  Poller,
  pollRegister,
  pollUnregister,
  pyLine,
  pyRepr,
  recv,
  select,
  sendall,
  EPOLLIN,
  type Gen,
  type PySocket,
  timeoutSeconds,
} from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';
import type { ListingName } from './listings.generated.ts';

const prompt = (index: number, data: string): string => `client ${index} says ${pyRepr(decodeUtf8(data))}> `;

function chatLines(name: ListingName) {
  return {
    ...serverLines(name),
    ...lineMap(name, {
      accept: 'conn, addr = server.accept()',
      recv: 'data = sock.recv(RECV_SIZE)',
      input: 'input(f"client',
      sendall: 'sock.sendall(answer.encode())',
    }),
  };
}

type Wait = (members: PySocket[]) => Gen<PySocket[]>;

/**
 * The chat room: one thread multiplexes every client, and answers each message with input()
 * from the operator at the console; while the operator types, nobody else is served.
 * Fixed version: b'', ConnectionResetError and BrokenPipeError mean "this client is gone".
 */
function* chatRoom(
  p: ServerParams,
  name: ListingName,
  setup: (
    server: PySocket,
  ) => Gen<{ wait: Wait; add: (s: PySocket) => Gen<void>; drop: (s: PySocket) => Gen<void> }>,
): Gen<void> {
  const L = {
    ...chatLines(name),
    ...lineMap(name, {
      reset: 'except ConnectionResetError:',
      ifNotData: 'if not data:',
      brokenPipe: 'except (ConnectionResetError, BrokenPipeError):',
      dropGone: ['drop(sock)', 2],
      dropBroken: ['drop(sock)', 3],
      close: 'sock.close()',
    }),
  };
  const server = yield* openServer(p.port, p.options.backlog, L);
  const inputs: PySocket[] = [server];
  const mux = yield* setup(server);
  for (;;) {
    const readable = yield* mux.wait(inputs);
    for (const sock of readable) {
      if (sock.fd < 0) continue;
      if (sock === server) {
        const conn = yield* accept(server, L.accept);
        yield* mux.add(conn);
        inputs.push(conn);
        continue;
      }
      let data: string;
      try {
        data = yield* recv(sock, p.options.recvSize, L.recv);
      } catch (e) {
        if (!(isPyException(e) && e.is('ConnectionResetError'))) throw e;
        yield* pyLine(L.reset);
        data = '';
      }
      if (data.length === 0) {
        yield* pyLine(L.dropGone, 'narr.note.left');
        yield* mux.drop(sock);
        inputs.splice(inputs.indexOf(sock), 1);
        yield* close(sock, L.close);
        continue;
      }
      const answer = yield* input(prompt(inputs.indexOf(sock), data), L.input);
      try {
        yield* sendall(sock, encodeUtf8(answer), L.sendall);
      } catch (e) {
        if (!(isPyException(e) && (e.is('ConnectionResetError') || e.is('BrokenPipeError')))) throw e;
        yield* pyLine(L.dropBroken, 'narr.note.leftWhileTyping');
        yield* mux.drop(sock);
        inputs.splice(inputs.indexOf(sock), 1);
        yield* close(sock, L.close);
      }
    }
  }
}

export const chatSelectServer = (p: ServerParams): Program =>
  function* () {
    const L = lineMap('select_chat', {
      inputs: 'inputs = [server]',
      select: 'select.select(inputs',
      append: 'inputs.append(conn)',
      remove: 'inputs.remove(sock)',
    });
    yield* chatRoom(p, 'select_chat', function* () {
      yield* pyLine(L.inputs);
      return {
        // select() takes the whole list on every call: joining or leaving is just a list change.
        wait: (inputs) => select(inputs, timeoutSeconds(p.options.timeoutMs), L.select),
        add: () => pyLine(L.append),
        drop: () => pyLine(L.remove),
      };
    });
  };

export const chatPollServer = (p: ServerParams): Program =>
  function* () {
    const L = lineMap('select_chat_poll', {
      poll: 'poller.poll(',
      register: 'poller.register(server',
      registerConn: 'poller.register(conn',
      unregister: 'poller.unregister(sock)',
    });
    yield* chatRoom(p, 'select_chat_poll', function* (server) {
      const poller = new Poller();
      pollRegister(poller, server);
      yield* pyLine(L.register);
      const byFd = new Map<number, PySocket>([[server.fd, server]]);
      return {
        wait: function* () {
          const events = yield* poll(poller, p.options.timeoutMs, L.poll);
          return events.map((e) => byFd.get(e.fd)!).filter(Boolean);
        },
        add: function* (s) {
          pollRegister(poller, s);
          byFd.set(s.fd, s);
          yield* pyLine(L.registerConn);
        },
        drop: function* (s) {
          pollUnregister(poller, s);
          byFd.delete(s.fd);
          yield* pyLine(L.unregister);
        },
      };
    });
  };

export const chatEpollServer = (p: ServerParams): Program =>
  function* () {
    const L = lineMap('select_chat_epoll', {
      ep: 'ep = select.epoll()',
      register: 'ep.register(server',
      poll: 'ep.poll(',
      registerConn: 'ep.register(conn',
      unregister: 'ep.unregister(sock.fileno())',
    });
    yield* chatRoom(p, 'select_chat_epoll', function* (server) {
      const ep = yield* epollCreate(L.ep);
      yield* epollRegister(ep, server.fd, EPOLLIN, L.register);
      const byFd = new Map<number, PySocket>([[server.fd, server]]);
      return {
        wait: function* () {
          const events = yield* epollPoll(ep, timeoutSeconds(p.options.timeoutMs), L.poll);
          return events.map((e) => byFd.get(e.fd)!).filter(Boolean);
        },
        add: function* (s) {
          yield* epollRegister(ep, s.fd, EPOLLIN, L.registerConn);
          byFd.set(s.fd, s);
        },
        drop: function* (s) {
          yield* epollUnregister(ep, s.fd, L.unregister);
          byFd.delete(s.fd);
        },
      };
    });
  };

const T = {
  ...chatLines('select_chat_pitfall'),
  ...lineMap('select_chat_pitfall', { select: 'select.select(inputs' }),
};

/**
 * The article's chat room: no check for b'' and no exception handling. After a client closes,
 * select keeps reporting its socket; the server answers b'' once (the peer's kernel replies RST)
 * and the next answer raises BrokenPipeError, which ends the server for every client.
 */
export const chatPitfallServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, T);
    const inputs: PySocket[] = [server];
    for (;;) {
      const readable = yield* select(inputs, timeoutSeconds(p.options.timeoutMs), T.select);
      for (const sock of readable) {
        if (sock === server) {
          inputs.push(yield* accept(server, T.accept));
          continue;
        }
        const data = yield* recv(sock, p.options.recvSize, T.recv);
        const answer = yield* input(prompt(inputs.indexOf(sock), data), T.input);
        yield* sendall(sock, encodeUtf8(answer), T.sendall);
      }
    }
  };
