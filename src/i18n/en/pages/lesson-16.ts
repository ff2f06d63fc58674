/** Lesson 16 (English; src/i18n/zh/pages/lesson-16.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.16.title': 'The select chat room and its two questions',
  'lesson.16.summary':
    'Five clients speak in the order 5, 4, 3, 2, 1: in what order are they answered? And how does the server survive a client that leaves?',
  'lesson.16.room.title': 'The room',
  'lesson.16.room.b1':
    'The article’s chat room waits in select; for each readable client it reads the message and answers with input(), which waits for the operator to type a line. Here the operator takes 1 s per answer, and the whole server waits with them.',
  'lesson.16.room.b2':
    'The article asks: (1) five clients send in the order 5, 4, 3, 2, 1; in what order does the server answer? (2) How can one client leave without hurting the others? This run plays both with the five clients c1–c5, plus a sixth, zoe, who speaks first in round 3 to keep the operator busy: three rounds of messages, then c{who} leaves.',
  'lesson.16.r1.title': 'Round 1: far apart',
  'lesson.16.r1.b1':
    'c5 spoke and has had its answer. Now c4 speaks, {gap} ms after c5; c3, c2 and c1 will follow at the same pace. The server is idle in select each time.',
  'lesson.16.r1.q': 'Which client is answered next?',
  'lesson.16.r1.explain':
    'Each message arrives while the server waits in select, so select returns just that one: answers go in the order of speaking, {order}.',
  'lesson.16.r2.title': 'Round 2: while the operator types',
  'lesson.16.r2.b1':
    'Now all five speak {gap} ms apart. c5’s message woke select first, and the server is asleep inside input() (a `read(0)`) while the operator types c5’s answer. c4, c3, c2 and c1 arrive meanwhile and wait in their receive buffers.',
  'lesson.16.r2.q': 'c5 gets its answer first. Which client is answered after c5?',
  'lesson.16.r2.explain':
    'The order is {order}. The next select finds four sockets readable at once and returns them in the order of the list the program passed in, which is the order the clients connected, not the order they spoke.',
  'lesson.16.r3.title': 'Round 3: all while busy',
  'lesson.16.r3.b1':
    'This time zoe spoke first, so the operator is busy with zoe while c5, c4, c3, c2 and c1 all speak.',
  'lesson.16.r3.q': 'After zoe, which of the five is answered first?',
  'lesson.16.r3.explain':
    'The order is {order}: all five were ready when select was next called, so they come back in list order. The honest answer to the article’s question is: it depends on timing.',
  'lesson.16.mechanism.title': 'It also depends on the mechanism',
  'lesson.16.mechanism.b1':
    'The round-2 timing, run with each mechanism: select answers {select}; poll {poll}; epoll {epoll}. select and poll report in the order of the list they were given; epoll reports in the order the sockets became ready (its ready list).',
  'lesson.16.mechanism.b2':
    'Try it in the lab:\n• [[chat-order-burst]]\n• [[chat-order-burst-poll]]\n• [[chat-order-burst-epoll]]\n• round 1: [[chat-order-far]]',
  'lesson.16.leave.title': 'c{who} leaves',
  'lesson.16.leave.b1':
    "c{who} closed its socket normally (a FIN). select reports it readable and recv returns b'', zero bytes. The article’s server does not check for that: it treats b'' as a message and asks the operator to answer it.",
  'lesson.16.leave.q': 'What happens to the server?',
  'lesson.16.c.survives': 'Nothing bad: it carries on',
  'lesson.16.c.first': 'It crashes on its first answer to the client that left',
  'lesson.16.c.second': 'The first answer goes through; the second one crashes it',
  'lesson.16.leave.explain':
    "The first send succeeds: the bytes leave, and the departed client’s kernel answers with an RST. The socket is still readable (b'' again), so the server answers again, and that send fails with {error}. Nothing catches it.",
  'lesson.16.dead.title': 'Everyone loses the server',
  'lesson.16.dead.b1':
    'The uncaught {error} ends the process: Python prints a traceback and the kernel closes every socket. c{asker} asked “still there?” and will never get an answer. One client leaving took down the room.',
  'lesson.16.fix.title': 'The fix: treat “gone” as gone',
  'lesson.16.fix.b1':
    "Treat three things as “this client has left”: recv returning b'', ConnectionResetError (the client reset), and BrokenPipeError (writing to a client that is gone). For each: remove the socket from the select list (or unregister it), close it, and carry on with the others.",
  'lesson.16.fix.b2':
    'The same run with the fixed server: c{asker} gets {answers} reply to “still there?”, and the room goes on. Step through the fixed server in the lab: [[select-chat]].',
} satisfies Messages;
