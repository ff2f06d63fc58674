/** Lesson 17 (English; src/i18n/zh/pages/lesson-17.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.17.title': 'The comparison: where the thread sleeps, who copies',
  'lesson.17.summary':
    'Every model side by side, by the two phases of a read: where the thread is asleep, whether it then needs a read, and who copies, measured from each model’s own run.',
  'lesson.17.phases.title': 'Two phases',
  'lesson.17.phases.b1':
    'Every read has two phases. Phase 1: wait until data is in the kernel’s receive buffer. Phase 2: copy it from the kernel into the program’s buffer.',
  'lesson.17.phases.b2':
    'Two words, used the same way everywhere in IO Lab: a thread is *asleep* when it is off the CPU, on a wait queue; it is *inside a call* when the program cannot go on until that call returns. The I/O models differ in what the thread sleeps in during phase 1, whether it then needs a read call, and who does phase 2.',
  'lesson.17.wait.title': 'Blocking: asleep inside recv (phase 1)',
  'lesson.17.wait.b1':
    'The blocking server calls recv with nothing to read: it is inside recv, and asleep on the socket’s wait queue. This is phase 1, and the program can do nothing else meanwhile.',
  'lesson.17.copy.title': 'Phase 2: the copy, still inside recv',
  'lesson.17.copy.b1':
    'The data arrived; the thread is awake again but still inside the same recv call: running in kernel mode, it copies the data into the program’s buffer. Only then does recv return. Inside the call through both phases, asleep only in the first. In all but one model, phase 2 happens inside a read call the program makes.',
  'lesson.17.table.title': 'All the models',
  'lesson.17.table.b1':
    'Each row comes from the run of that model’s scenario: IO Lab looks in the trace for the call the thread slept in and the call (if any) in which the copy happened.',
  'lesson.17.quiz.title': 'Check yourself',
  'lesson.17.quiz.b1':
    'Sleeping in select, poll, epoll_wait, pause() or io_uring_enter is still sleeping: the thread is off the CPU until the kernel wakes it.',
  'lesson.17.quiz.q': 'In which models is the thread never asleep waiting for data?',
  'lesson.17.quiz.explain':
    'Only non-blocking polling: it asks, gets EAGAIN and asks again, using the CPU all the while. Signal-driven I/O sleeps in pause() until SIGIO and then still needs a recv, inside which the thread copies. Asynchronous I/O sleeps in io_uring_enter(GETEVENTS) until a completion and needs no read: io_uring’s completion copied the data, in kernel mode, in the thread’s own context. Only {kernel} model makes no read call: asynchronous I/O.',
  'lesson.17.sum.title': 'In one sentence each',
  'lesson.17.sum.b1':
    'Blocking and threads: asleep inside recv, then copy inside it. Non-blocking: never asleep, ask again and again. select, poll, epoll, selectors, asyncio: asleep for many at once, then recv. Signal-driven: asleep in pause() until told, then recv. Asynchronous: asleep in io_uring_enter until told it is done; no recv.',
  'lesson.17.sum.b2':
    'Synchronous I/O means the program calls a read and the copy happens inside it; that makes every model but the last one synchronous, however “async” its name.',
  'lesson.17.model.blocking': 'Blocking',
  'lesson.17.model.threads': 'Thread per connection',
  'lesson.17.model.nonblocking': 'Non-blocking polling',
  'lesson.17.model.select': 'select',
  'lesson.17.model.poll': 'poll',
  'lesson.17.model.epoll': 'epoll',
  'lesson.17.model.signal': 'Signal-driven (SIGIO)',
  'lesson.17.model.asyncio': 'asyncio (coroutines)',
  'lesson.17.model.async-io': 'Asynchronous I/O (io_uring)',
  'lesson.17.fig.caption':
    'Where the thread is asleep while it waits, and who copies, measured from each model’s run',
  'lesson.17.fig.model': 'Model',
  'lesson.17.fig.phase1': 'Phase 1: waiting for data',
  'lesson.17.fig.phase2': 'Phase 2: copying it',
  'lesson.17.fig.wait.read': 'Asleep, inside recv',
  'lesson.17.fig.wait.multiplexer': 'Asleep in select / poll / epoll_wait, for many sockets',
  'lesson.17.fig.wait.no.asks': 'Never asleep: asks, gets EAGAIN',
  'lesson.17.link.compare': 'Run the models side by side',
  'lesson.17.fig.wait.pause': 'Asleep in pause(), until SIGIO',
  'lesson.17.fig.wait.uring': 'Asleep in io_uring_enter(GETEVENTS), until a completion',
  'lesson.17.fig.copy.in-read': 'Then a recv: inside it, the thread copies (kernel mode)',
  'lesson.17.fig.copy.completion': 'No read call: the completion copies, in the thread’s context',
} satisfies Messages;
