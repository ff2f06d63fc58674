/**
 * Coroutines on an event loop: a small, faithful model of CPython 3.11's asyncio selector loop
 * on Linux (EpollSelector). A coroutine runs until it awaits a future that is not done; the
 * loop then waits in epoll_wait and runs the callbacks of whatever became ready. `await` on a
 * read that would block is exactly: try recv, get EAGAIN, register the fd, suspend.
 */
import { upperBytes, type Bytes } from '../kernel/bytes.ts';
import { isPyException, type PyException } from '../kernel/errors.ts';
import type { Program, Req, SysResult } from '../kernel/types.ts';
import {
  accept,
  close,
  epollCreate,
  epollPoll,
  epollRegister,
  epollUnregister,
  getpid,
  openServer,
  pyLine,
  recv,
  send,
  setblocking,
  socketpair,
  EPOLLIN,
  type Gen,
  type PyEpoll,
  type PySocket,
} from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';

interface Future<T> {
  done: boolean;
  result?: T;
  error?: unknown;
  callbacks: (() => Gen<void>)[];
}
interface Await {
  kind: 'await';
  fut: Future<unknown>;
}
/** A coroutine: yields system calls (answered with their results) and awaits (answered with the future's result). */
type Coro<T> = Generator<Req | Await, T, SysResult>;
const awaited = <T>(value: SysResult): T => value as unknown as T;

const L = {
  ...serverLines('asyncio_echo'),
  ...lineMap('asyncio_echo', {
    run: 'asyncio.run(main())',
    handleLoop: ['loop = asyncio.get_running_loop()', 1],
    mainLoop: ['loop = asyncio.get_running_loop()', 2],
    recv: 'await loop.sock_recv(conn, RECV_SIZE)',
    ifNotData: 'if not data:',
    sendall: 'await loop.sock_sendall(',
    reset: 'except (ConnectionResetError, BrokenPipeError)',
    close: 'conn.close()',
    nonblock: 'server.setblocking(False)',
    accept: 'await loop.sock_accept(server)',
    createTask: 'loop.create_task(handle(conn))',
  }),
};

class EventLoop {
  readonly ready: (() => Gen<void>)[] = [];
  readonly readers = new Map<number, () => Gen<void>>();
  constructor(readonly ep: PyEpoll) {}

  callSoon(cb: () => Gen<void>): void {
    this.ready.push(cb);
  }

  future<T>(): Future<T> {
    return { done: false, callbacks: [] };
  }

  /** Future.set_result / set_exception: done callbacks are scheduled, in the order they were added. */
  settle<T>(fut: Future<T>, outcome: { result: T } | { error: unknown }): void {
    if (fut.done) return;
    fut.done = true;
    if ('error' in outcome) fut.error = outcome.error;
    else fut.result = outcome.result;
    for (const cb of fut.callbacks) this.callSoon(cb);
    fut.callbacks = [];
  }

  /** _add_reader: a new registration is EPOLL_CTL_ADD (asyncio removes readers when done with them). */
  *addReader(fd: number, cb: () => Gen<void>, line: number): Gen<void> {
    if (!this.readers.has(fd)) yield* epollRegister(this.ep, fd, EPOLLIN, line);
    this.readers.set(fd, cb);
  }

  *removeReader(fd: number, line: number): Gen<void> {
    if (!this.readers.delete(fd)) return;
    yield* epollUnregister(this.ep, fd, line);
  }

  /** Task.__step: drive the coroutine until it awaits an unfinished future (or ends). */
  createTask(coro: Coro<void>): void {
    const step = (input: { value?: unknown; error?: unknown }) => {
      return function* (): Gen<void> {
        let next = input;
        for (;;) {
          let r: IteratorResult<Req | Await, void>;
          try {
            r = next.error !== undefined ? coro.throw(next.error) : coro.next(next.value as SysResult);
          } catch (e) {
            if (isPyException(e)) return; // "Task exception was never retrieved": the task just ends
            throw e;
          }
          if (r.done) return;
          const v = r.value;
          if (v.kind === 'await') {
            const fut = v.fut;
            if (fut.done) {
              next = fut.error !== undefined ? { error: fut.error } : { value: fut.result };
              continue;
            }
            fut.callbacks.push(() =>
              step(fut.error !== undefined ? { error: fut.error } : { value: fut.result })(),
            );
            return;
          }
          const res: SysResult = yield v;
          next = { value: res };
        }
      };
    };
    this.callSoon(step({}));
  }

  /** BaseEventLoop._run_once: poll (without blocking if callbacks are ready), then run what is ready. */
  *runOnce(): Gen<void> {
    const timeout = this.ready.length > 0 ? 0 : null;
    const events = yield* epollPoll(this.ep, timeout, L.run, Math.max(this.readers.size + 1, 1));
    for (const { fd } of events) {
      const reader = this.readers.get(fd);
      if (reader) this.callSoon(reader);
    }
    const ntodo = this.ready.length;
    for (let i = 0; i < ntodo; i++) yield* this.ready.shift()!();
  }

  /** loop.sock_recv(): try at once; on EAGAIN register a reader and suspend until it fires. */
  *sockRecv(conn: PySocket, size: number): Coro<Bytes> {
    try {
      return yield* recv(conn, size, L.recv);
    } catch (e) {
      if (!(isPyException(e) && e.is('BlockingIOError'))) throw e;
    }
    const fut = this.future<Bytes>();
    const fd = conn.fd;
    const settle = (outcome: { result: Bytes } | { error: unknown }): void => this.settle(fut, outcome);
    yield* this.addReader(
      fd,
      function* () {
        if (fut.done) return;
        try {
          settle({ result: yield* recv(conn, size, L.recv) });
        } catch (e) {
          if (isPyException(e) && e.is('BlockingIOError')) return;
          settle({ error: e });
        }
      },
      L.recv,
    );
    fut.callbacks.push(() => this.removeReader(fd, L.recv)); // _sock_read_done
    return awaited<Bytes>(yield { kind: 'await', fut });
  }

  /** loop.sock_accept(): the same pattern; the new socket is made non-blocking. */
  *sockAccept(server: PySocket): Coro<PySocket> {
    const fut = this.future<PySocket>();
    const fd = server.fd;
    const settle = (outcome: { result: PySocket } | { error: unknown }): void => this.settle(fut, outcome);
    const tryAccept = function* (): Gen<boolean> {
      try {
        const conn = yield* accept(server, L.accept);
        yield* setblocking(conn, false, L.accept);
        settle({ result: conn });
      } catch (e) {
        if (isPyException(e) && e.is('BlockingIOError')) return false;
        settle({ error: e });
      }
      return true;
    };
    if (!(yield* tryAccept())) {
      yield* this.addReader(
        fd,
        function* () {
          if (!fut.done) yield* tryAccept();
        },
        L.accept,
      );
      fut.callbacks.push(() => this.removeReader(fd, L.accept));
    }
    return awaited<PySocket>(yield { kind: 'await', fut });
  }
}

/** asyncio on epoll: every coroutine shares one thread; `await` is where they take turns. */
export const asyncioServer = (p: ServerParams): Program =>
  function* () {
    // asyncio.run(): new_event_loop() opens the epoll instance and the self-pipe first.
    const ep = yield* epollCreate(L.run);
    const [selfRead, selfWrite] = yield* socketpair(L.run);
    yield* setblocking(selfRead, false, L.run);
    yield* setblocking(selfWrite, false, L.run);
    yield* epollRegister(ep, selfRead.fd, EPOLLIN, L.run);
    const loop = new EventLoop(ep);
    yield* getpid(L.run);

    const handle = function* (conn: PySocket): Coro<void> {
      yield* getpid(L.handleLoop); // get_running_loop() checks the pid
      for (;;) {
        try {
          const data = yield* loop.sockRecv(conn, p.options.recvSize);
          if (data.length === 0) {
            yield* pyLine(L.ifNotData, 'narr.note.closed');
            break;
          }
          // sock_sendall(): a send that takes everything returns at once, without suspending.
          yield* send(conn, upperBytes(data), L.sendall);
        } catch (e) {
          if (
            isPyException(e) &&
            ((e as PyException).is('ConnectionResetError') || (e as PyException).is('BrokenPipeError'))
          ) {
            yield* pyLine(L.reset);
            break;
          }
          throw e;
        }
      }
      yield* close(conn, L.close);
    };

    const main = function* (): Coro<void> {
      yield* getpid(L.mainLoop);
      const server = yield* openServer(p.port, p.options.backlog, L);
      yield* setblocking(server, false, L.nonblock);
      for (;;) {
        const conn = yield* loop.sockAccept(server);
        yield* pyLine(L.createTask, 'narr.note.coroutine');
        loop.createTask(handle(conn));
      }
    };

    loop.createTask(main());
    for (;;) yield* loop.runOnce();
  };
