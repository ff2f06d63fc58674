/** Lesson 13 (English; src/i18n/zh/pages/lesson-13.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.13.title': 'Asynchronous I/O: the kernel does both phases',
  'lesson.13.summary':
    'With io_uring the program asks for a read and is told when the bytes are already in its buffer. What nginx or Tornado call “async” is multiplexing.',
  'lesson.13.idea.title': 'Hand over the whole read',
  'lesson.13.idea.b1':
    'In every model so far the program made the recv call that copies the data, at least for phase 2. In asynchronous I/O it hands the kernel a request (read from this socket into this buffer) and goes on. The kernel waits for the data, copies it, and only then tells the program: done.',
  'lesson.13.idea.b2':
    'On Linux this is io_uring: two queues in memory shared with the kernel, a submission queue for requests and a completion queue for results.',
  'lesson.13.submit.title': 'Requests go in',
  'lesson.13.submit.b1':
    'The program writes requests (accept, recv) into the submission queue and one io_uring_enter call hands them all to the kernel. It does not wait for them.',
  'lesson.13.copy.title': 'Data arrives',
  'lesson.13.copy.b1':
    'A client has just sent its bytes; they are about to land in the socket’s receive buffer. A recv request is pending for that socket.',
  'lesson.13.copy.q': 'Who copies the bytes into the program’s buffer?',
  'lesson.13.c.program': 'The program, in a recv call',
  'lesson.13.c.kernel':
    'No recv call: io_uring’s completion copies, in kernel mode, in the program’s own thread',
  'lesson.13.copy.explain':
    'No recv call is made at all. When the bytes land, io_uring’s completion copies them as task work in the context of the thread that submitted the request, in kernel mode: it interrupts that thread if it is running in user space, or, with IORING_SETUP_DEFER_TASKRUN, waits until the thread calls io_uring_enter(GETEVENTS) (here it is asleep in {call}). Only IORING_SETUP_SQPOLL or the io-wq fallback run it on another kernel thread.',
  'lesson.13.cqe.title': 'The notification comes at the end',
  'lesson.13.cqe.b1':
    'A completion lands in the completion queue: the read is finished and the bytes are already in the buffer. That is the difference from signal-driven I/O, which is told “you can read now”, not “it has been read”.',
  'lesson.13.industry.title': 'What the industry calls “async”',
  'lesson.13.industry.b1':
    'nginx, Node.js, Tornado and Python’s asyncio are called asynchronous, but by this definition they are not: they wait with epoll and then make the read themselves. That is I/O multiplexing with non-blocking sockets.',
  'lesson.13.industry.b2':
    'Counted in the runs: this io_uring server made {recvs} recv calls; the asyncio server, on the same clients, made {asyncioRecvs} recv calls and {asyncioWaits} epoll_wait calls.',
  'lesson.13.industry.b3':
    'Both feel asynchronous to the programmer; only one is asynchronous in the kernel. It matters when reading a disk file, where epoll cannot help and io_uring can.',
  'lesson.13.fig.title': 'Who does what in a read',
  'lesson.13.fig.phase1': 'Phase 1: wait for data',
  'lesson.13.fig.phase2': 'Phase 2: copy to the program',
  'lesson.13.fig.tells': 'The program is told',
  'lesson.13.fig.mux': 'epoll + non-blocking (nginx, asyncio)',
  'lesson.13.fig.aio': 'Asynchronous I/O (io_uring)',
  'lesson.13.fig.mux.p1': 'epoll_wait sleeps for it',
  'lesson.13.fig.mux.p2': 'the program calls recv',
  'lesson.13.fig.mux.tells': '“you can read now”',
  'lesson.13.fig.aio.p1': 'the kernel waits',
  'lesson.13.fig.aio.p2': 'the kernel copies',
  'lesson.13.fig.aio.tells': '“it has been read”',
  'lesson.13.link.compare': 'All the models side by side',
} satisfies Messages;
