/** Lesson 10 (English; src/i18n/zh/pages/lesson-10.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.10.title': 'epoll: register once, wake on what is ready',
  'lesson.10.summary':
    'An interest list kept in the kernel, a ready list filled by callbacks, level- vs edge-triggered, and the edge-triggered partial-read bug.',
  'lesson.10.idea.title': 'Three calls instead of one',
  'lesson.10.idea.b1':
    'epoll splits select’s one call into three. epoll_create1 makes an epoll instance with an interest list and a ready list. epoll_ctl registers a socket once. epoll_wait hands back only what is on the ready list.',
  'lesson.10.idea.b2':
    'The trick is a callback: when a socket is registered, the kernel hooks it onto that socket’s wait queue. When data lands, the callback puts the socket on the ready list. No scan is needed later.',
  'lesson.10.register.title': 'Registered once',
  'lesson.10.register.b1':
    'This epoll_ctl adds the new connection to the interest list. The whole run makes {calls} epoll_ctl calls and {waits} epoll_wait calls: the sockets are not handed over again on every wait, as select and poll must do.',
  'lesson.10.callback.title': 'The callback fills the ready list',
  'lesson.10.callback.b1':
    'The client’s bytes have just landed in the receive buffer. Right then, in the same kernel path, the socket’s callback puts it on the epoll ready list.',
  'lesson.10.callback.b2':
    'epoll_wait only has to look at this list, so its cost depends on how many sockets are ready, not on how many are registered.',
  'lesson.10.partial.title': 'But this server is edge-triggered',
  'lesson.10.partial.b1':
    'The server you are watching registered its sockets with EPOLLET: edge-triggered. Same partial read to come, same bytes left over.',
  'lesson.10.partial.q':
    'The client sends nothing new for a while. Will epoll_wait report this socket again because of the bytes left over?',
  'lesson.10.c.yes': 'Yes, at once: there is still data to read',
  'lesson.10.c.no': 'No: not until something new arrives',
  'lesson.10.partial.explain':
    'Edge-triggered epoll reports a change, not a state. The {left} bytes sit there unreported for {ms} ms, until the client sends something new and the callback fires again.',
  'lesson.10.level.title': 'A partial read',
  'lesson.10.level.b1':
    'epoll_wait is about to return this socket, and the server makes one recv({size}) per event. The client’s {sent} bytes are in the buffer, so {left} bytes will be left over. First, suppose the server were level-triggered (epoll’s default, without EPOLLET): IO Lab ran that version too, on the side, with the same clients.',
  'lesson.10.level.q':
    'With level-triggered epoll, will epoll_wait report this socket again because of the bytes left over?',
  'lesson.10.level.explain':
    'Level-triggered epoll puts a socket that is still readable straight back on the ready list after reporting it. In that run the next epoll_wait reported it again {us} µs later, with no new data.',
  'lesson.10.stale.title': 'The price of the bug',
  'lesson.10.stale.b1':
    'At {ms} ms {client} sends one more byte. That new edge finally wakes the server, which reads the oldest bytes first: {client} gets {data}, an answer to its first message, and the new byte is stranded in turn.',
  'lesson.10.fix.title': 'The fix: read until BlockingIOError',
  'lesson.10.fix.b1':
    'With edge triggering, every event means “something changed, go and take everything”. The socket must be non-blocking, and the program calls recv in a loop until it raises BlockingIOError (EAGAIN): only then is the buffer known to be empty.',
  'lesson.10.fix.b2':
    'The fixed server, [[epoll-edge]], does exactly that: on its first event for a client it calls recv {calls} times, answers {replies} chunks, and stops at the BlockingIOError.',
  'lesson.10.fix.b3':
    'Level-triggered is simpler and forgiving; edge-triggered saves wake-ups when a program drains every socket anyway. Either way the exam-hall picture holds: the proctor only walks to the students who raised a hand.',
  'lesson.10.link.hall': 'The exam hall: select vs epoll',
  'lesson.10.link.scaling': 'epoll in the C10K lab',
} satisfies Messages;
