/** Lesson 3 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.03.title': 'The two phases of a read',
  'lesson.03.summary':
    'Every read from the network has two phases: waiting for the data to arrive, then copying it from the kernel into the process. Every I/O model is a different answer to “who waits, and who copies?”.',
  'lesson.03.phases.title': 'Phase 1: wait for the data. Phase 2: copy it.',
  'lesson.03.phases.b1':
    'When a server calls `recv()`, two different things must happen. First the data must exist: a packet has to cross the network and land in the socket’s buffer in the kernel. That can take microseconds or hours. Then the kernel copies the bytes into the process’s memory, which takes microseconds.',
  'lesson.03.phases.b2':
    'Keep the two phases apart in your head: the models in the rest of the course differ exactly in how the process spends phase 1 (sleeping, asking, or doing something else) and in who performs phase 2.',
  'lesson.03.waiting.title': 'Phase 1: waiting',
  'lesson.03.waiting.b1':
    'The server has accepted ann and called `recv(1024)`. ann has sent nothing yet, so the kernel finds the buffer empty and puts the thread to sleep: this is phase 1.',
  'lesson.03.waiting.b2':
    'The phase indicator on the stage says “waiting for data” and “inside recvfrom · asleep”. In a blocking model the process spends phase 1 asleep inside `recv()`: no CPU, no progress, no other client served.',
  'lesson.03.arrives.title': 'The data arrives: phase 1 ends',
  'lesson.03.arrives.b1':
    'ann’s `hello` has arrived. The kernel put the 5 bytes in the socket’s receive buffer and is about to wake the sleeping thread.',
  'lesson.03.arrives.b2':
    'Note who did the work: the kernel, on its own, while the process slept. The process has not seen a byte yet.',
  'lesson.03.copy.title': 'Phase 2: the copy',
  'lesson.03.copy.b1':
    'The bytes have woken the thread. Still inside `recv()`, it will now run in kernel mode and copy the bytes from the socket’s buffer into Python’s buffer. That is phase 2: the thread is not asleep, but it is still inside the call. Only when the copy is done does `recv()` return.',
  'lesson.03.copy.b2': 'The call asked for up to 1024 bytes.',
  'lesson.03.copy.q': 'How many bytes will this `recv(1024)` return?',
  'lesson.03.copy.q.explain':
    '`recv(n)` returns what is in the buffer, up to n bytes: here the 5 bytes of `hello`. The 1024 is a limit, not a promise; and 0 would mean the client closed its side.',
  'lesson.03.nowait.title': 'When the data is already there',
  'lesson.03.nowait.b1':
    'Much later the server calls `recv()` on ben’s connection. ben sent `anyone?` long ago, while the server was busy with ann: the bytes have been waiting in ben’s socket buffer all that time.',
  'lesson.03.nowait.b2': 'Watch what this call does.',
  'lesson.03.nowait.q': 'Which phases does this `recv()` go through?',
  'lesson.03.nowait.q.both': 'Both: it waits for data, then copies',
  'lesson.03.nowait.q.copy': 'Only the copy: phase 1 is already over',
  'lesson.03.nowait.q.wait': 'Only the wait',
  'lesson.03.nowait.q.explain':
    'Only the copy: the data was there, so the kernel copies it at once and the thread never sleeps. The data, though, waited {waited} ms in the kernel for a server stuck with another client. Phase 1 was not avoided, only paid by ben instead of the server.',
  'lesson.03.models.title': 'The thread through the whole course',
  'lesson.03.models.b1':
    'Here is where each model will spend the two phases. Blocking I/O is inside `recv()` through both, asleep in the first only. Non-blocking I/O asks again and again in phase 1, never asleep, and is inside `recv()` for the copy. Multiplexing (select, poll, epoll) sleeps in phase 1 on many sockets at once, then copies inside a second call. Signal-driven I/O sleeps in `pause()` until SIGIO says phase 1 is over, then copies inside `recv()`. Asynchronous I/O (io_uring) sleeps in `io_uring_enter` and makes no read call: the completion copies.',
  'lesson.03.models.b2': 'Come back to this table after each lesson.',
} satisfies Messages;
