/** Lesson 6 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.06.title': 'Thread pools and connection pools',
  'lesson.06.summary':
    'Keep a fixed number of worker threads and queue the work: the cost stops growing with the clients. The price: the client beyond the pool’s limit waits.',
  'lesson.06.idea.title': 'Reuse threads instead of making them',
  'lesson.06.idea.b1':
    'Creating a thread per client and throwing it away afterwards is wasteful. A thread pool starts a fixed number of workers once (`ThreadPoolExecutor(max_workers=2)`), and the main thread hands each accepted connection to the pool: `pool.submit(handle, conn)`.',
  'lesson.06.idea.b2':
    'A free worker takes the job at once; when all workers are busy, the job waits in the pool’s queue. A connection pool applies the same idea the other way round: a client program keeps a few open connections to a database and reuses them.',
  'lesson.06.idea.b3': 'This pool has 2 workers. Three clients are coming.',
  'lesson.06.busy.title': 'Two clients, two workers',
  'lesson.06.busy.b1':
    'ann and ben are connected, and each has a worker: both workers are asleep inside `recv()`, one on each socket. The main thread waits in `accept()`.',
  'lesson.06.busy.b2':
    'As long as the clients are no more than the workers, this looks exactly like lesson 5.',
  'lesson.06.third.title': 'A third client arrives',
  'lesson.06.third.b1':
    'cat connected; the main thread accepted him and submitted his job. But both workers are busy, each asleep in `recv()` for a client that may talk again at any time.',
  'lesson.06.third.b2': 'cat has no idea: his connection is established, and he sends `my turn?` at 500 ms.',
  'lesson.06.third.q': 'When cat’s message arrives, whose bytes sit in the kernel with nobody to read them?',
  'lesson.06.third.q.explain':
    'cat’s: his job waits in the pool’s queue because all {pool} workers are held by clients that have not left. A worker asleep inside `recv()` is taken even when its client says nothing.',
  'lesson.06.freed.title': 'A worker is freed',
  'lesson.06.freed.b1':
    'At last a worker finished with its client, took cat’s job from the queue, and its `recv()` found `my turn?` waiting.',
  'lesson.06.freed.b2': 'Look at which worker thread serves cat now.',
  'lesson.06.freed.q': 'Whose departure let cat be served?',
  'lesson.06.freed.q.explain':
    "ann’s: she closed first, her worker’s `recv()` returned `b''`, the worker returned to the pool and took cat’s job. cat’s message waited {waited} ms for a free worker.",
  'lesson.06.herd.title': 'Every worker in accept(): one connection wakes one',
  'lesson.06.herd.b1':
    'A pool can also be built the other way round: start the threads up front and let every one of them call accept() on the same listening socket (a pre-threaded server; open it in the lab: [[prethreaded-accept]]).',
  'lesson.06.herd.b2':
    'When a connection arrives, Linux wakes only one of them: accept() sleeps exclusively (WQ_FLAG_EXCLUSIVE), so the first thread on the listening socket’s wait queue wakes and takes it, and the others sleep on. There is no thundering herd here.',
  'lesson.06.herd.b3':
    'There is one where many epoll instances (one per process or thread) watch the same listening socket without EPOLLEXCLUSIVE: one connection wakes every one of them, and all but one find the accept queue empty (EAGAIN). EPOLLEXCLUSIVE (Linux 4.5) or one socket per worker with SO_REUSEPORT avoids it.',
  'lesson.06.limits.title': 'A pool bounds the cost, not the waiting',
  'lesson.06.limits.b1':
    'A pool keeps the threads, the memory and the switching fixed however many clients come. That is why servers and databases use them everywhere.',
  'lesson.06.limits.b2':
    'But a pool has a limit. When the clients that hold a worker exceed it, the rest wait, however idle the held workers are. A pool must be sized for the load it will meet, and a slow or silent client still costs a whole worker.',
  'lesson.06.limits.b3':
    'To serve many mostly idle connections we need a thread that is never stuck on one client. That is where non-blocking I/O comes in.',
} satisfies Messages;
