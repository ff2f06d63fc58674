/** Lesson 4 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.04.title': 'Blocking I/O: one client at a time',
  'lesson.04.summary':
    'The plain echo server: accept, then read and answer until the client leaves. A second client connects fine, and then waits for the first to go.',
  'lesson.04.server.title': 'The echo server',
  'lesson.04.server.b1':
    "The program on the right of the lab is the simplest server there is: make a listening socket, then loop for ever: `accept()` a connection, and while that client is there, `recv()` its bytes and `send()` them back upper-cased. When `recv()` returns `b''` the client has closed: `close()` and go back to `accept()`.",
  'lesson.04.server.b2':
    'Every one of those calls may block: `accept()` until a client connects, `recv()` until the client sends something.',
  'lesson.04.server.b3': 'Two clients, ann and ben, will talk to it. ann connects first.',
  'lesson.04.accept.title': 'Waiting for a client',
  'lesson.04.accept.b1': 'The server blocks in `accept()`: it sleeps on the listening socket’s wait queue.',
  'lesson.04.accept.b2':
    'Step forward (→) to watch ann’s handshake: SYN, SYN-ACK, ACK. The kernel does the handshake; only then does `accept()` wake up.',
  'lesson.04.recv.title': 'Now stuck in recv()',
  'lesson.04.recv.b1':
    '`accept()` returned ann’s connection, and the server immediately calls `recv()` on it. ann has not said anything yet, so the thread blocks again, this time on ann’s socket.',
  'lesson.04.recv.b2':
    'Here is the problem in one picture: the thread sleeps on ann’s socket, so nobody is calling `accept()` any more.',
  'lesson.04.ben.title': 'ben connects, and the kernel accepts him',
  'lesson.04.ben.b1':
    'ben connects while the server is asleep in `recv()` on ann. The connection still succeeds: the kernel does the handshake on its own and queues the finished connection on the listening socket (look at its accept queue on the stage).',
  'lesson.04.ben.b2': 'From ben’s side everything looks fine: `connect()` has returned, he can send.',
  'lesson.04.ben.b3':
    'But no program has picked the connection up. It waits in the queue until the server calls `accept()` again. (The queue is not endless: `listen(5)` lets 6 wait; the scenario “full listen queue” shows what happens after.)',
  'lesson.04.next.title': 'Who gets an answer next?',
  'lesson.04.next.b1':
    'ben has just sent `anyone?`. The bytes are in his socket’s buffer in the kernel. The server is still asleep in `recv()` on ann’s socket.',
  'lesson.04.next.b2': 'ann will send `still here` 200 ms from now, and will leave later.',
  'lesson.04.next.q': 'Which client will receive a reply next?',
  'lesson.04.next.q.explain':
    'ann: the only thread sleeps on ann’s socket, so only ann’s data can wake it. ben’s question sits unanswered in the kernel until ann leaves and the server gets back to `accept()`: ben waits {waited} ms for his first reply.',
  'lesson.04.leaves.title': 'ann leaves, ben is served at once',
  'lesson.04.leaves.b1':
    "ann closed her connection, so `recv()` returned `b''`, the server closed fd 4 and went back to `accept()`. ben was already in the queue: `accept()` returns immediately, with the same number 4 (the lowest free fd).",
  'lesson.04.leaves.b2':
    'The next `recv()` does not even sleep: ben’s bytes have been waiting in the buffer for half a second.',
  'lesson.04.verdict.title': 'The verdict on blocking I/O',
  'lesson.04.verdict.b1': 'Simple and cheap: one thread, no wasted CPU (the thread sleeps while it waits).',
  'lesson.04.verdict.b2':
    'But one client at a time. A client that says nothing, or thinks for an hour, holds everybody else in the queue. Every read keeps the one thread inside `recv()` through both phases, asleep through the first, and there is no other thread to serve anyone else.',
  'lesson.04.verdict.b3': 'The obvious fix is more threads. That is the next lesson.',
} satisfies Messages;
