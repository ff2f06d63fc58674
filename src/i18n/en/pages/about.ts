/** The about page (English; src/i18n/zh/pages/about.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'about.title': 'About the simulation',
  'about.intro':
    'IO Lab runs a small, deterministic model of a Linux machine: the same scenario and seed always give the same trace.',
  'about.intro2':
    'The machine runs one CPython 3.11 server program (one of the Python listings you see in the code panel) and talks to scripted client hosts. A discrete-event kernel, written in TypeScript and run in your browser, moves virtual time forward in nanoseconds and writes down everything that happens: that trace is what you step through. This page says what the model gets right, what it leaves out and why, and how it was checked.',
  'about.toc': 'On this page',

  'about.faithful.title': 'What is modelled faithfully',
  'about.faithful.intro':
    'These are the behaviours a student sees, and they match what Linux and CPython really do:',
  'about.faithful.syscalls':
    'The system calls each server makes, with their arguments, results and errors, in the order the real program makes them (select is pselect6 in strace, setblocking(False) is ioctl(FIONBIO), CPython calls getsockname after every accept…).',
  'about.faithful.accept':
    'accept() does not pass O_NONBLOCK (or O_ASYNC) on to the new socket on Linux. That is why the article’s “non-blocking” server, which only sets the listening socket non-blocking, still blocks in recv.',
  'about.faithful.backlog':
    'listen(n) lets n + 1 connections complete with nobody calling accept; a later SYN is dropped and resent. This kernel (Linux 6.7+, net.ipv4.tcp_syn_linear_timeouts = 4) waits 1 s five times, then doubles: SYNs at 0, 1, 2, 3, 4, 5, 7, 11 s; kernels before 6.7 back off from the first retry (1, 2, 4 s…).',
  'about.faithful.tcp':
    "TCP is a byte stream: two quick sends can arrive as one recv, and recv(n) returns at most n bytes. A normal close (FIN) makes recv return b'' again and again; the first send to such a client still succeeds, its kernel answers with RST, and the next send fails with EPIPE (BrokenPipeError). An abortive close gives ECONNRESET once.",
  'about.faithful.select':
    'select walks the fd bitmaps up to nfds a 64-bit word at a time on every call, and polls (and hooks a wait-queue entry on) only the fds in the set: it costs per watched fd, plus a small per-word walk; CPython refuses any fd ≥ 1024 (FD_SETSIZE) before calling the kernel. select returns fds in the order of the list it was given, poll in registration order, epoll in the order they became ready: the chat room answers differently over epoll because of it.',
  'about.faithful.epoll':
    'epoll: one registration per socket, a callback that fills the ready list when data lands, level-triggered entries that go back on the list while readable, edge-triggered ones only on the next change, EPOLLONESHOT, and an fd that leaves every interest list when it is closed for the last time.',
  'about.faithful.signals':
    'Signal-driven I/O: F_SETOWN and O_ASYNC; SIGIO does not say which fd; a second SIGIO while one is pending merges into it. The kernel runs CPython’s C handler, which only sets a flag (and writes the wakeup fd if one is set); pause() returns -1 EINTR, and only then does the Python handler run, in the main thread.',
  'about.faithful.asyncio':
    'asyncio’s selector loop: sock_recv first tries recv, on EAGAIN registers the fd with epoll and suspends the coroutine, and removes it again when the read succeeds; epoll_wait’s timeout is 0 while callbacks are ready.',
  'about.faithful.errors':
    'Errors reach the program as the exact Python exceptions (BlockingIOError: [Errno 11] Resource temporarily unavailable, ConnectionResetError, BrokenPipeError, OSError: [Errno 24] Too many open files). An uncaught one prints a traceback and ends the process; the kernel closes its sockets.',
  'about.faithful.fds':
    'File descriptors are the lowest free number, with 0–2 taken by stdin, stdout and stderr; the open-file limit makes accept fail with EMFILE and leaves the connection queued.',

  'about.checked.title': 'How it was checked',
  'about.checked.strace':
    'Real traces. Every Python listing was run under strace -f on this project’s machine (Linux 6.18, CPython 3.11.7, ulimit -n 1024), driven by the same client script as its scenario: {recordings} recordings, kept in fixtures/strace/ with what they showed in fixtures/strace/FINDINGS.md. A test compares the simulator’s strace output with them call for call: the same system calls, in the same order, with the same fds, sizes, data, results and errors, per thread, and the same bytes received by every client. Times, ports and pointer values are not compared.',
  'about.checked.kernel':
    'Kernel facts are unit tests, each on a small scenario (src/fidelity/kernel-facts.test.ts).',
  'about.checked.properties':
    'Invariants are property tests over random client schedules for every model: every byte comes back upper-cased exactly once, no fd leaks, time never goes back, the same seed gives the same trace, and select, poll and epoll never report an fd that is not ready (checked from the trace, not from the kernel’s own state).',
  'about.checked.costs':
    'Costs were measured on the same machine by small C and Python programs (bench/calibrate/, docs/calibration.md): for example a plain system call 219 ns, a context switch 640 ns, select 77 ns per watched fd, and epoll_wait about 450 ns whether 1 or 1,000 fds are registered.',
  'about.checked.view':
    'The machine you see is rebuilt from the trace alone; a test checks that at the end of every shipped scenario it equals the kernel’s own state, and that jumping to a step gives the same picture as replaying up to it.',

  'about.simplified.title': 'What is simplified, and why',
  'about.simplified.intro':
    'A model leaves things out on purpose. None of these changes what happens in the shipped scenarios, only how long it takes by a few microseconds, or things the lessons do not need:',
  'about.simplified.costs':
    'Time costs are averages. Each call costs a fixed time measured on this machine, plus per-byte and per-fd parts; real calls vary with caches, contention and CPU frequency.',
  'about.simplified.scheduling':
    'Scheduling is first come, first served, with a 3 ms time slice checked at system-call boundaries. Linux’s scheduler weighs each thread’s past CPU use; for servers that spend their time blocked, the difference does not show.',
  'about.simplified.gil':
    'The GIL: CPython releases it only around the blocking calls it wraps in Py_BEGIN_ALLOW_THREADS (accept, recv, send, connect, select, poll, epoll_wait, sleep…); a thread’s start (clone3 under pthread_create), the getsockname that follows each accept4, os.getpid and signal.signal run with it held. Releasing it does not hand it to a waiter: the releasing thread unlocks and signals, often takes it back after a quick call, and a waiting thread forces a switch only after the 5 ms switch interval. No shipped program computes that long.',
  'about.simplified.tcp':
    'TCP is modelled as a server sees it: handshake, ordered delivery with a fixed latency plus a little seeded jitter, FIN, RST and receive buffers. There is no packet loss, no congestion or flow control, no window, no Nagle, no delayed ACK; send buffers never fill (the messages are small). One network interface, loopback-like by default.',
  'about.simplified.clients':
    'A client host is not a simulated process: it sends what its script says, when it says, and reads whatever arrives a few microseconds later, so replies that arrive together are read together.',
  'about.simplified.wakeups':
    'When a socket wakes a thread asleep in select or poll, the lab takes the thread off all its wait queues at once. Linux leaves it on them until it has run and scanned its fds again; then poll_freewait takes it off. What the program sees is the same: the rescan finds every ready fd.',
  'about.simplified.irq':
    'Interrupt work (the kernel processing arriving packets) is not charged to any core.',
  'about.simplified.futex':
    'Futexes (the thread pool’s queue, the GIL) are modelled as waits but not printed as strace lines; real traces show futex() calls there, and the comparison ignores them.',
  'about.simplified.memory':
    'Memory figures are approximate: they count what grows with the model (a CPython process at start-up, each thread’s resident stack, a forked child’s private pages, the kernel’s per-socket and per-epoll-item objects) and leave out page cache, shared libraries and allocator slack. A thread’s 8 MiB of reserved stack is shown apart, not counted as used.',
  'about.simplified.uring':
    'io_uring has no binding in Python’s standard library, so its listing is illustrative and its strace is not compared with a recording (the only model without one). On the kernel side there is no recv call: io_uring arms a poll on the socket, and when data arrives the completion copies it as task work in the submitting thread’s context, in kernel mode (with IORING_SETUP_DEFER_TASKRUN, only when the thread calls io_uring_enter(GETEVENTS); only SQPOLL or io-wq use another kernel thread). Costs were measured by a C program.',
  'about.simplified.console':
    'The chat room’s operator is a pipe fed after a set delay: CPython reads it with read(0, …, 8192), as it does when stdin is not a terminal.',

  'about.article.title': 'Where the source article is loose',
  'about.article.intro':
    'IO Lab teaches the material of the article “Python并发编程之IO模型” (Python concurrency: I/O models). Where it is loose or wrong, IO Lab says so:',
  'about.article.five':
    'It announces five I/O models and lists four; the fifth, signal-driven I/O, is lesson 12.',
  'about.article.signal':
    'select returns when a watched fd is ready; it is not woken by a “signal”. Only signal-driven and asynchronous I/O notify the process.',
  'about.article.chat':
    'Its chat room answers with input(), so a slow operator stalls every client, and it dies when a client leaves (BrokenPipeError): lesson 16 shows both and the fix.',
  'about.article.nonblocking':
    'Its non-blocking server sets only the listening socket non-blocking, so it blocks in recv on Linux (the nonblocking-pitfall scenario).',

  'about.linux.title': 'Where this lives in Linux',
  'about.linux.intro':
    'The simulated kernel is laid out like Linux: one file per subsystem, each starting with the Linux source it follows, so you can go on reading the real kernel (elixir.bootlin.com shows it with links).',
  'about.linux.col.part': 'Part',
  'about.linux.col.file': 'In IO Lab',
  'about.linux.col.linux': 'In Linux',
  'about.linux.core':
    'The machine: virtual time, the event queue, a socket waking everything that waits on it',
  'about.linux.sched': 'Scheduler, run queue, time slices, wait queues, and CPython’s GIL',
  'about.linux.process': 'Processes and threads: clone, clone3, exit',
  'about.linux.entry': 'Entering and leaving a system call; the program between calls',
  'about.linux.syscalls': 'The system call table: what each call is and who implements it',
  'about.linux.fdtable': 'File descriptor tables, close, fcntl, ioctl(FIONBIO)',
  'about.linux.tcp': 'TCP sockets: listen, the accept queue, receive buffers, FIN and RST',
  'about.linux.hosts': 'The client hosts and the wire: latency, SYN retries',
  'about.linux.select': 'select and poll',
  'about.linux.eventpoll': 'epoll: interest list, ready list, level and edge triggering',
  'about.linux.signal': 'Signals: SIGIO, F_SETOWN and O_ASYNC, pause',
  'about.linux.uring': 'io_uring: submission and completion rings',
  'about.linux.stdio': 'The console: stdin and stdout',
  'about.linux.time': 'Timers: clock_nanosleep and call timeouts',

  'about.sources.title': 'Sources',
  'about.sources.article':
    'The source article: https://www.cnblogs.com/sunlong88/p/9485926.html (IO Lab’s text and programs are its own).',
  'about.sources.stevens':
    'W. Richard Stevens et al., UNIX Network Programming, Volume 1, chapter 6: the five I/O models and the two phases of a read.',
  'about.sources.man':
    'Linux manual pages: select(2), poll(2), epoll(7), epoll_ctl(2), accept(2), listen(2), tcp(7), fcntl(2) (F_SETOWN, O_ASYNC), signal(7), io_uring(7).',
  'about.sources.python':
    'The Python documentation: socket, select, selectors and asyncio; CPython 3.11’s source for what each call does in the kernel.',
  'about.sources.c10k': 'Dan Kegel, “The C10K problem” (1999).',
  'about.sources.repo':
    'In this project: docs/simulation.md (this page, in more detail), docs/calibration.md (every cost and how it was measured), fixtures/strace/FINDINGS.md (what the recordings showed), docs/scenario-format.md (write your own scenarios).',
  'about.glossary': 'Unsure of a word? See the glossary.',
} satisfies Messages;
