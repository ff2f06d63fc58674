/** Lesson 11 (English; src/i18n/zh/pages/lesson-11.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.11.title': 'The selectors module: the best mechanism, with callbacks',
  'lesson.11.summary':
    'DefaultSelector picks epoll on Linux, stores a callback with each registration, and a small loop dispatches them.',
  'lesson.11.why.title': 'One interface for every platform',
  'lesson.11.why.b1':
    'select exists everywhere, poll on Unix, epoll only on Linux, kqueue on BSD and macOS. A program written against one of them does not run everywhere.',
  'lesson.11.why.b2':
    'selectors.DefaultSelector() picks the best one the platform has: epoll here, kqueue on a Mac, select on Windows. The program only says register, unregister and select.',
  'lesson.11.default.title': 'DefaultSelector is epoll here',
  'lesson.11.default.b1':
    'Look at the system call: creating the selector made an epoll instance (epoll_create1). On this Linux machine DefaultSelector is EpollSelector.',
  'lesson.11.register.title': 'A callback travels with each registration',
  'lesson.11.register.b1':
    'sel.register(sock, EVENT_READ, accept) becomes one epoll_ctl(ADD) in the kernel. The kernel only learns the fd and the events.',
  'lesson.11.register.b2':
    'The third argument, data=accept, never reaches the kernel: the selector keeps it in a dictionary in user space, keyed by fd, and hands it back with each event.',
  'lesson.11.dispatch.title': 'The loop dispatches',
  'lesson.11.dispatch.b1':
    'sel.select() returned: fd {fd} is ready. The loop takes key.data, the function stored with that fd, and calls it.',
  'lesson.11.dispatch.q': 'Which function will the loop call now?',
  'lesson.11.dispatch.explain':
    'The ready fd is a client connection, registered with read as its data, so the loop calls read(conn, mask). Only the listening socket carries accept.',
  'lesson.11.loop.title': 'This is an event loop',
  'lesson.11.loop.b1':
    'Wait for events, look up the callback of each, call it, repeat: that is all an event loop is. Each callback must be quick and must never block, or every other client waits.',
  'lesson.11.loop.b2':
    'asyncio’s loop is this same loop, with coroutines instead of hand-written callbacks (lesson 14).',
} satisfies Messages;
