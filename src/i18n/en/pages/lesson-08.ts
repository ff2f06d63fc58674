/** Lesson 8 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.08.title': 'select(): one thread, many clients',
  'lesson.08.summary':
    'Hand the kernel the whole list of sockets and sleep until any of them is ready. One thread, no busy loop, no client holding the others up; but every call copies the list in and scans it all.',
  'lesson.08.idea.title': 'Sleep on all the sockets at once',
  'lesson.08.idea.b1':
    '`select.select(read_list, [], [])` takes the sockets you want to read from. The kernel checks each one; if none is ready, the thread sleeps on all of their wait queues at once. The first socket to get data (or a connection, or a close) wakes it, and `select` returns the list of those that are ready.',
  'lesson.08.idea.b2':
    'Then the program calls `accept()` or `recv()` on exactly those, knowing they will not block. The process still sleeps, but inside `select`, not inside one client’s `recv`.',
  'lesson.08.idea.b3': 'Three clients, ann, ben and cat, will connect to this select server.',
  'lesson.08.first.title': 'The first select: one fd',
  'lesson.08.first.b1':
    'At first the list holds only the listening socket, fd 3. Python builds an fd_set (a bitmap) with bit 3 set and calls `pselect6(4, [3], …)`: 4 is the highest fd + 1, how far the kernel must look.',
  'lesson.08.first.b2':
    'The kernel copies the bitmap in, finds nothing ready, and the thread falls asleep inside `select`.',
  'lesson.08.scan.title': 'Four fds, copied and scanned every time',
  'lesson.08.scan.b1':
    'All three clients are connected: the list is now fds 3, 4, 5 and 6. Each `select` call copies the whole bitmap into the kernel, walks it up to nfds a 64-bit word at a time, checks each fd in the set, and, to sleep, adds the thread to the wait queue of every one of them.',
  'lesson.08.scan.b2':
    'When one wakes it, the kernel scans all of them again, removes the thread from every queue, and copies the bitmap back out with only the ready bits left on.',
  'lesson.08.scan.b3':
    'That is the price of select: work proportional to all the fds watched, on every call, even if only one is active.',
  'lesson.08.predict.title': 'Busy with ben, while others speak',
  'lesson.08.predict.b1':
    'ben’s `hi` woke select; the server is now copying it out with `recv()` and will answer. Meanwhile ann’s `hello` and cat’s `hey` are on the wire (look at the network row): they will land in their socket buffers while the server is busy with ben.',
  'lesson.08.predict.b2': 'When the server has answered ben, it goes back to `select` with all four fds.',
  'lesson.08.predict.q': 'Which fds will the next `select` return? (Pick every one.)',
  'lesson.08.predict.q.explain':
    'fds {ready}: {n} of the {watched} watched fds had data when the kernel scanned them, so select returns at once without sleeping, with both. The server then reads each in turn: one select, several recv calls.',
  'lesson.08.copy.title': 'The second system call',
  'lesson.08.copy.b1':
    'select only said “fd 4 is readable”. The bytes are still in the kernel: the program needs a second system call, `recv()`, for phase 2, the copy. It cannot block, since the data is there.',
  'lesson.08.copy.b2':
    'So for one message select costs two system calls where blocking I/O needed one. With a single connection select is no faster, even slower; its point is to serve many connections with one thread.',
  'lesson.08.limits.title': 'FD_SETSIZE and the cost of scanning',
  'lesson.08.limits.b1':
    'The fd_set is a fixed bitmap of `FD_SETSIZE` = 1024 bits. An fd of 1024 or more cannot be put in it: CPython refuses with `ValueError: filedescriptor out of range in select()` before calling the kernel.',
  'lesson.08.limits.b2':
    'And every call costs time for every watched fd. Measured on the project’s machine (a 2-vCPU AMD EPYC KVM guest, Linux 6.18; docs/calibration.md), a `select` that sleeps until one message arrives costs about 5 µs of kernel time with 10 idle connections, 32 µs with 100, 306 µs with 1000: each call pays for all the connections that said nothing.',
  'lesson.08.limits.b3':
    '`poll` removes the 1024 limit but keeps the scan; `epoll` keeps the list inside the kernel and is told which fds became ready. The exam hall shows the three side by side.',
  'lesson.08.fd.conn': 'fd {fd} ({client})',
  'lesson.08.fd.listen': 'fd {fd} (the listening socket)',
} satisfies Messages;
