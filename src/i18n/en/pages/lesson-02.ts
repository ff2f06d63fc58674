/** Lesson 2 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.02.title': 'Synchronous or asynchronous, blocking or non-blocking',
  'lesson.02.summary':
    'Two questions that are often mixed up: does the caller wait for the result, and does its thread sleep while it waits? A 2×2 to click through, then the same recv() on a blocking and a non-blocking socket.',
  'lesson.02.two.title': 'Two questions, not one',
  'lesson.02.two.b1':
    '**Synchronous or asynchronous** is about the call: does the caller get the result when the call returns (synchronous), or does the call return at once and the result arrive later, by a state to check, a notification or a callback (asynchronous)?',
  'lesson.02.two.b2':
    '**Blocking or non-blocking** is about the thread while the result is not ready: is it put to sleep by the kernel, off the CPU, until something happens (blocking), or does the call come straight back, result or not (non-blocking)? IO Lab keeps two words apart: a thread is *asleep* when it is off the CPU, on a wait queue; it is *inside the call* when the program cannot go on until the call returns. A blocking `recv()` is inside the call through both phases of a read, and asleep only in the first.',
  'lesson.02.two.b3':
    'The two answers are independent. People mix them up because the most common case, a plain `recv()` on a socket, is both synchronous and blocking.',
  'lesson.02.grid.title': 'The 2×2, with Python',
  'lesson.02.grid.b1':
    'Click each square. The timelines show the caller’s thread (and the worker or the kernel doing the job): solid when it runs on a CPU, hatched when it sleeps, a dot where the result reaches the caller.',
  'lesson.02.grid.b2':
    'The examples are the article’s: `Pool.apply` against `Pool.apply_async`, and `executor.submit(f).result()` against `executor.submit(f)`, plus the socket calls the rest of the course is about.',
  'lesson.02.article.title': 'Where the usual explanation slips',
  'lesson.02.article.b1':
    'A common claim: “`Pool.apply` of a long computation is synchronous but not blocking, because the caller stays active.” Look closer: `apply` sends the job to a worker process and then waits on a lock for the answer. The caller’s thread is asleep, off the CPU: synchronous **and** blocking. It is the worker that computes.',
  'lesson.02.article.b2':
    'A synchronous call that never blocks does exist: calling `sum(range(10**8))` yourself. The thread waits for the result, yet it is running (or ready, when another thread holds the CPU) the whole time, never asleep.',
  'lesson.02.article.b3':
    'And asynchronous does not mean “no waiting”: `fut = executor.submit(f)` returns at once, but a later `fut.result()` blocks until the worker is done. Now let us watch the same `recv()` both ways on the simulated machine.',
  'lesson.02.recv.slept': 'The thread went to sleep until data arrives',
  'lesson.02.recv.eagain': 'It came back at once with an error: `BlockingIOError` (EAGAIN)',
  'lesson.02.recv.callback': 'It came back at once, and the kernel will call Python back when data arrives',
  'lesson.02.blocking.title': 'recv() on a blocking socket',
  'lesson.02.blocking.b1':
    'The blocking echo server is about to call `conn.recv(1024)` on ann’s connection. ann has connected but has not sent anything yet: the socket’s receive buffer is empty.',
  'lesson.02.blocking.b2': 'Sockets are blocking unless you say otherwise.',
  'lesson.02.blocking.q': 'The buffer is empty. What will this `recv()` do?',
  'lesson.02.blocking.q.explain':
    'It blocks: the kernel puts the thread on the socket’s wait queue and runs something else (here: nothing, the core is idle). The call is synchronous (the result comes when it returns) and blocking (the thread sleeps until then).',
  'lesson.02.nonblocking.title': 'The same recv() on a non-blocking socket',
  'lesson.02.nonblocking.b1':
    'This server called `setblocking(False)` on its sockets. It is about to call `recv(1024)` on ann’s connection, and again nothing has arrived.',
  'lesson.02.nonblocking.b2':
    'Same call, same empty buffer, one flag different (`O_NONBLOCK`, set by `ioctl(fd, FIONBIO, [1])` in the strace).',
  'lesson.02.nonblocking.q': 'The buffer is empty. What will this `recv()` do?',
  'lesson.02.nonblocking.q.explain':
    'It returns at once (after {us} µs in the kernel) with `-1 EAGAIN`, which Python raises as `BlockingIOError`. Still synchronous: there is no later notification, no callback. If the program wants the data, it must ask again: that is polling, lesson 7.',
  'lesson.02.sleep.title': 'Non-blocking sockets, and yet the thread sleeps',
  'lesson.02.sleep.b1':
    'After one round over its sockets this server calls `time.sleep(0.1)`: `clock_nanosleep` in the strace. The thread is asleep again, inside `clock_nanosleep`: on a timer, not on a socket.',
  'lesson.02.sleep.b2':
    'Non-blocking describes one call on one socket, not a whole program. Whether the program wastes CPU or wastes time depends on what it does between calls, which is the trade-off of lesson 7.',
} satisfies Messages;
