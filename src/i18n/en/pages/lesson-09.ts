/** Lesson 9 (English; src/i18n/zh/pages/lesson-09.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.09.title': 'poll(): no 1024 limit, the same scan',
  'lesson.09.summary':
    'poll drops select’s fd-number ceiling, but the kernel still walks the whole list on every call.',
  'lesson.09.limit.title': 'What poll changes',
  'lesson.09.limit.b1':
    'select takes a bitmap of fd numbers (an fd_set) whose size is fixed at compile time: FD_SETSIZE = 1024. An fd numbered 1024 or more cannot be watched at all; CPython refuses before it even calls the kernel.',
  'lesson.09.limit.b2':
    'poll takes an array of `(fd, events)` pairs instead, as long as you like, and the kernel writes the answer into each pair’s `revents`. No ceiling on fd numbers, and the input is not destroyed by the call.',
  'lesson.09.list.title': 'poll sleeps on every socket it watches',
  'lesson.09.list.b1':
    'The program hands poll a list of {n} fds: the listening socket, ann’s connection and {idle} idle connections that never send anything. Nothing is readable, so the kernel puts the thread on the wait queue of every one of them.',
  'lesson.09.list.b2':
    'Each time it is called, poll copies the whole list into the kernel and walks it; when it returns, the program walks the list again to find the fds with `revents` set.',
  'lesson.09.list.q': 'ann is about to send “hello”. Which fds will poll report as readable?',
  'lesson.09.fd.conn': 'fd {fd} ({client})',
  'lesson.09.fd.listen': 'fd {fd} (the listening socket)',
  'lesson.09.list.explain':
    'Only {ready}: the others have nothing to read. To find that one, the kernel still checked all {n} entries.',
  'lesson.09.scan.title': 'The scan: one ready, all checked',
  'lesson.09.scan.b1':
    'ann’s bytes wake the thread, and poll scans its list again: {n} fds checked to report {ready}. The idle connections cost a check on every call even though they never do anything.',
  'lesson.09.total.title': 'What the whole run cost',
  'lesson.09.total.b1':
    'Over the run, {calls} poll calls checked {checked} list entries to report {ready} ready fds.',
  'lesson.09.total.b2':
    'The work grows with the number of connections watched, not with the number that are busy. With ten thousand mostly idle clients, that is ten thousand checks per call.',
  'lesson.09.next.title': 'Better, but not enough',
  'lesson.09.next.b1':
    'poll fixes select’s hard limit and its awkward bitmap; it does not fix the linear scan. select and poll are stateless: the kernel forgets the list after each call, so the program must hand it over again, and the kernel must check it again.',
  'lesson.09.next.b2':
    'epoll (next lesson) keeps the list in the kernel and lets each socket report itself when data lands. Try both in the C10K lab to see the difference grow.',
  'lesson.09.link.scaling': 'Watch the cost grow in the C10K lab',
} satisfies Messages;
