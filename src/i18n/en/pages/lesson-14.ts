/** Lesson 14 (English; src/i18n/zh/pages/lesson-14.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.14.title': 'Coroutines on an event loop',
  'lesson.14.summary':
    'How do coroutines “switch automatically when they hit blocking I/O”? They never block: asyncio tries, parks the coroutine, and waits in epoll.',
  'lesson.14.question.title': 'The article’s opening question',
  'lesson.14.question.b1':
    'The article begins by asking how coroutines can switch by themselves when one of them meets blocking I/O. A coroutine is just a function that can pause: nothing in it knows about the kernel.',
  'lesson.14.question.b2':
    'The answer is in the system calls of asyncio’s loop. Watch what happens when a coroutine says await loop.sock_recv(conn, 1024).',
  'lesson.14.try.title': 'First, just try',
  'lesson.14.try.b1':
    'The socket is non-blocking, so asyncio simply calls recv. Nothing has arrived yet: BlockingIOError (EAGAIN) comes back at once. The thread has not waited at all.',
  'lesson.14.park.title': 'Then register and park',
  'lesson.14.park.b1':
    'asyncio registers the socket with epoll (EPOLL_CTL_ADD) with a callback that will resume this coroutine, and suspends the coroutine. Control returns to the loop, which runs the next coroutine that is ready.',
  'lesson.14.sleep.title': 'Everyone is parked',
  'lesson.14.sleep.b1':
    'No coroutine can go on: each is parked on its socket. The loop calls epoll_wait and the thread sleeps in the kernel until one of the sockets is ready.',
  'lesson.14.sleep.q': 'How many threads does this server use to serve its clients?',
  'lesson.14.c.one': 'One',
  'lesson.14.c.perClient': 'One per client',
  'lesson.14.c.pool': 'A small pool',
  'lesson.14.sleep.explain':
    'The run started {threads} thread for {clients} clients. The coroutines take turns on it; only the loop ever sleeps, and only in epoll_wait.',
  'lesson.14.resume.title': 'Resumed',
  'lesson.14.resume.b1':
    'epoll_wait reported the socket; the loop ran its callback: recv now succeeds, asyncio removes the socket from epoll (EPOLL_CTL_DEL) and resumes the coroutine, which carries on after its await with the data.',
  'lesson.14.answer.title': 'So: how do they switch?',
  'lesson.14.answer.b1':
    'Every await on I/O is a point where the coroutine hands control back to the loop. The “blocking” call never blocks: it is a non-blocking try plus a registration with epoll. The switch is the loop choosing the next ready coroutine, in user space, with no context switch in the kernel.',
  'lesson.14.answer.b2':
    'The catch: it only works for calls that go through the loop. A coroutine that calls time.sleep() or a blocking library makes the one thread sleep, and every other coroutine with it.',
} satisfies Messages;
