/** Lesson 1 words (English). */
import type { Messages } from '../../core.ts';

export default {
  'lesson.01.title': 'Foundations: the kernel, blocking, file descriptors, buffers',
  'lesson.01.summary':
    'Why a program must ask the kernel for every byte, what it costs to switch between processes, what “blocked” really means, and what an fd is.',
  'lesson.01.spaces.title': 'User space and kernel space',
  'lesson.01.spaces.b1':
    'Every process sees its own virtual address space. On a 32-bit Linux machine that space is 4 GiB (2³² addresses), and it is cut in two: the low 3 GiB (`0x00000000`–`0xBFFFFFFF`) belong to the process, the top 1 GiB (`0xC0000000`–`0xFFFFFFFF`) to the kernel.',
  'lesson.01.spaces.b2':
    'The kernel’s gigabyte is mapped into every process, but its pages are marked “supervisor only”. When Python code touches such an address, the CPU refuses and the kernel kills the process with a segmentation fault. The only door into the kernel is a system call: a special instruction that switches the CPU into kernel mode at an entry point the kernel chose.',
  'lesson.01.spaces.b3':
    'So the network card, the socket buffers and the list of connections live where your program cannot reach. Every `recv` is a request: “kernel, copy me some bytes”. On 64-bit machines the halves are far larger (128 TiB each), but the wall is the same.',
  'lesson.01.switch.title': 'A process switch, step by step',
  'lesson.01.switch.b1':
    'One CPU core runs one thread at a time. To run another, the kernel saves everything the CPU was doing for the first (program counter, registers), files it in that process’s control block, moves it to a queue, picks the next, switches the memory map, and restores the next one’s registers. Step through the figure.',
  'lesson.01.switch.b2':
    'Each switch costs time spent on pure bookkeeping (just under a microsecond, measured on the project’s machine: a 2-vCPU AMD EPYC (Zen 4) KVM guest running Linux 6.18, see docs/calibration.md), and worse, the caches are colder afterwards, since the other thread used them meanwhile. A server that needs a switch for every message pays this again and again: remember it when we count context switches in lesson 5.',
  'lesson.01.blocked.title': 'Blocking: the server puts itself to sleep',
  'lesson.01.blocked.b1':
    'Here is the real echo server, just after `listen()`. It calls `accept()`, but no client has connected yet. There is nothing to return.',
  'lesson.01.blocked.b2':
    'So the thread blocks itself: inside the system call it marks itself “blocked”, adds itself to the wait queue of the listening socket, and gives the CPU away. Blocking is something a running process does to itself; only a running process can do it.',
  'lesson.01.blocked.b3':
    'Look at the thread on the stage (asleep, dashed) and at the wait queue of the listening socket. The thread will stay there until the kernel wakes it: when a connection arrives.',
  'lesson.01.blocked.q': 'While the server waits in `accept()`, what is the CPU doing for it?',
  'lesson.01.blocked.q.idle': 'Nothing: the core is idle (or free for other work)',
  'lesson.01.blocked.q.asking': 'Asking the socket again and again whether a client has come',
  'lesson.01.blocked.q.server': 'Running `accept()` until the client arrives',
  'lesson.01.blocked.q.explain':
    'A thread asleep inside a call is not on any CPU: the simulation shows the core idle. The thread sits on the listening socket’s wait queue and costs no CPU time until the kernel wakes it. Asking again and again is what a non-blocking loop does (lesson 7).',
  'lesson.01.fds.title': 'File descriptors: small numbers, big tables',
  'lesson.01.fds.b1':
    'The kernel keeps, for each process, a table of what it has open. A file descriptor is simply an index into that table: `0` is stdin, `1` stdout, `2` stderr, and the next `open()`, `socket()` or `accept()` gets the lowest free number.',
  'lesson.01.fds.b2':
    'The entry points to a kernel object (an open file, a socket) that your program never sees. When Python prints `<socket fd=4 …>`, the 4 is this index: every system call names its socket by it.',
  'lesson.01.accept.title': 'A client arrives: which fd will it get?',
  'lesson.01.accept.b1':
    'ann has connected. The kernel did the TCP handshake on its own, and has just put the new connection in the listening socket’s accept queue; next it wakes the server’s `accept()`.',
  'lesson.01.accept.b2':
    'When `accept()` returns, the kernel must give the new connection a number in the server’s fd table. The listening socket is fd 3.',
  'lesson.01.accept.q': 'Which fd number will `accept()` return for ann’s connection?',
  'lesson.01.accept.q.explain':
    'fds 0, 1 and 2 are taken by stdin, stdout and stderr, and 3 by the listening socket. The kernel hands out the lowest free number: {fd}. Look at the fd table on the stage.',
  'lesson.01.buffer.title': 'Buffered I/O: the bytes land in the kernel first',
  'lesson.01.buffer.b1':
    'ann just sent `hello`. The network card handed the packet to the kernel, and the kernel put the bytes in ann’s socket receive buffer: kernel memory, which the server cannot read.',
  'lesson.01.buffer.b2':
    'To get them, the server’s `recv()` asks the kernel to copy them into a buffer inside the process. Data is copied twice: device → kernel buffer, kernel buffer → process. That second copy will matter in every lesson that follows.',
  'lesson.01.buffer.q': 'At this moment, where is `hello`?',
  'lesson.01.buffer.q.kernel': 'Only in the kernel’s socket buffer',
  'lesson.01.buffer.q.python': 'Already in Python’s `data` variable',
  'lesson.01.buffer.q.both': 'In both places',
  'lesson.01.buffer.q.explain':
    'Only the kernel has it: the bytes sit in the socket’s receive buffer until the kernel copies them out. The simulation moved on to that copy: {bytes} bytes from the kernel buffer into the process’s buffer, the second phase of the read.',
} satisfies Messages;
