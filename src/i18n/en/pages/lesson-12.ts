/** Lesson 12 (English; src/i18n/zh/pages/lesson-12.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.12.title': 'Signal-driven I/O: the fifth model',
  'lesson.12.summary':
    'The kernel sends SIGIO when a socket becomes ready; the program still does the copy itself. The model the article announces but never shows.',
  'lesson.12.fifth.title': 'The model the article skipped',
  'lesson.12.fifth.b1':
    'The classic list (Stevens, UNIX Network Programming) has five I/O models: blocking, non-blocking, multiplexing, signal-driven and asynchronous. The article says five and shows four; this is the missing one.',
  'lesson.12.fifth.b2':
    'Instead of asking, the program asks to be told: the kernel sends it the signal SIGIO when one of its sockets becomes ready. The program no longer waits for data inside a read: it sleeps in pause() (or does other work) until the signal comes, then calls recv.',
  'lesson.12.setup.title': 'Asking for SIGIO',
  'lesson.12.setup.b1':
    'Two fcntl calls per socket: F_SETOWN names the process that gets the signal, and F_SETFL sets O_ASYNC (signal me) and O_NONBLOCK. A handler for SIGIO was installed first with signal.signal. The kernel runs CPython’s C-level handler, which only sets a flag; the Python function runs later, in the main thread, after the interrupted call has returned (pause() → -1 EINTR, then the handler).',
  'lesson.12.pause.title': 'Free to do anything, here: nothing',
  'lesson.12.pause.b1':
    'This program has no other work, so it calls signal.pause() and sleeps until any signal comes. It is not waiting on a socket: a real program could compute here and be interrupted.',
  'lesson.12.copy.title': 'Phase 2 is still the program’s',
  'lesson.12.copy.b1':
    'After the signal, the program calls recv itself, and the copy from the kernel into its buffer happens inside that call. Signal-driven I/O takes away the wait, not the copy.',
  'lesson.12.sigio.title': 'A second client speaks',
  'lesson.12.sigio.b1':
    'Two clients are connected now, and a SIGIO has just been sent. The signal carries no fd and no reason: only “something is ready”.',
  'lesson.12.sigio.q': 'After this SIGIO, which sockets does the program try?',
  'lesson.12.c.one': 'Only the socket that became ready',
  'lesson.12.c.every': 'Every socket it has, because it cannot know which one',
  'lesson.12.sigio.explain':
    'It makes {calls} calls on {fds} sockets before it pauses again; {eagain} of them end in BlockingIOError because that socket had nothing. SIGIO also merges: two readinesses while one signal is pending arrive as one.',
  'lesson.12.rare.title': 'Why hardly anyone uses it for TCP',
  'lesson.12.rare.b1':
    'For a TCP socket SIGIO fires for many reasons (data, a connection, a close, an error) and says nothing about which socket or which reason. Signals merge, so the program must always check everything, which is the scan epoll avoids.',
  'lesson.12.rare.b2':
    'Handlers interrupt the program at any point, and little is safe to do inside them. It survives for UDP and for terminals; servers use epoll.',
  'lesson.12.link.compare': 'All the models side by side',
} satisfies Messages;
