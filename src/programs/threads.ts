import type { Program } from '../kernel/types.ts';
import { isPyException } from '../kernel/errors.ts';
import {
  accept,
  openServer,
  PyQueue,
  pyLine,
  queueGet,
  queuePut,
  startThread,
  type PySocket,
} from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import { echoLoopLines, echoUntilClosed } from './blocking.ts';
import type { ServerParams } from './params.ts';

const T = {
  ...serverLines('thread_per_connection'),
  ...lineMap('thread_per_connection', { accept: 'conn, addr = server.accept()', start: 'threading.Thread(' }),
  loop: echoLoopLines('thread_per_connection'),
};

/** One thread per connection: the main thread only accepts; each thread blocks in its own recv. */
export const threadPerConnectionServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, T);
    let n = 0;
    for (;;) {
      const conn = yield* accept(server, T.accept);
      const handle: Program = function* () {
        yield* echoUntilClosed(conn, p.options.recvSize, T.loop);
      };
      yield* startThread(handle, `Thread-${++n} (handle)`, T.start);
    }
  };

const P = {
  ...serverLines('thread_pool'),
  ...lineMap('thread_pool', {
    pool: 'pool = ThreadPoolExecutor(',
    accept: 'conn, addr = server.accept()',
    submit: 'pool.submit(handle, conn)',
    def: 'def handle(conn):',
  }),
  loop: echoLoopLines('thread_pool'),
};

/**
 * ThreadPoolExecutor: submit() puts the work item on a queue and starts a worker only while
 * fewer than max_workers exist and none is idle; workers block on the queue (a futex) between jobs.
 */
export const threadPoolServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, P);
    yield* pyLine(P.pool, 'narr.note.pool', { n: p.options.poolSize });
    const work = new PyQueue<PySocket>('pool work queue');
    let workers = 0;
    let idleSemaphore = 0; // released by a worker each time it finishes a job
    const worker: Program = function* () {
      for (;;) {
        const conn = yield* queueGet(work, P.def);
        try {
          yield* echoUntilClosed(conn, p.options.recvSize, P.loop);
        } catch (e) {
          // _WorkItem.run(): an exception is stored in the job's Future; the worker carries on.
          if (!isPyException(e)) throw e;
        }
        idleSemaphore++;
      }
    };
    for (;;) {
      const conn = yield* accept(server, P.accept);
      yield* queuePut(work, conn, P.submit);
      // _adjust_thread_count: reuse an idle worker if the semaphore says one exists, else start
      // a new one while the pool is not full; otherwise the job waits in the queue.
      if (idleSemaphore > 0) idleSemaphore--;
      else if (workers < p.options.poolSize) {
        workers++;
        yield* startThread(worker, `ThreadPoolExecutor-0_${workers - 1}`, P.submit);
      }
    }
  };

const W = {
  ...serverLines('prethreaded_accept'),
  ...lineMap('prethreaded_accept', { accept: 'conn, addr = server.accept()', start: 'threading.Thread(' }),
  loop: echoLoopLines('prethreaded_accept'),
};

/**
 * Pre-threaded: poolSize threads started up front (the main thread is one of them), each
 * looping on accept() on the shared listening socket. accept() sleeps exclusively, so a new
 * connection wakes one sleeper, not every idle worker (no thundering herd).
 */
export const prethreadedServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, W);
    const worker: Program = function* () {
      for (;;) {
        const conn = yield* accept(server, W.accept);
        yield* echoUntilClosed(conn, p.options.recvSize, W.loop);
      }
    };
    for (let i = 1; i < p.options.poolSize; i++) yield* startThread(worker, `Thread-${i} (worker)`, W.start);
    yield* worker();
  };
