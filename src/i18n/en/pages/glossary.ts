/** The glossary (English; src/i18n/zh/pages/glossary.ts has the same keys in Chinese). Terms: src/i18n/glossary-terms.ts. */
import type { Messages } from '../../core.ts';

export default {
  'glossary.title': 'Glossary',
  'glossary.intro': 'The words IO Lab uses, each in a few sentences. Words in the narration link here.',
  'glossary.filter': 'Find a term',
  'glossary.count': '{n} of {total} terms',
  'glossary.none': 'No term matches “{q}”.',
  'glossary.notice.unknown': 'The glossary has no term "{term}"; here is the whole list.',
  'glossary.group.files': 'Files, sockets and connections',
  'glossary.group.kernel': 'The kernel: calls, waiting and scheduling',
  'glossary.group.errors': 'Errors a server meets',
  'glossary.group.readiness': 'Readiness and completion',
  'glossary.group.python': 'Python and servers',
  'glossary.link': 'Link to this term',

  'glossary.term.fd': 'File descriptor (fd)',
  'glossary.def.fd':
    'A small non-negative integer that names an open file, socket, pipe or epoll instance inside one process. The kernel hands out the lowest free number; 0, 1 and 2 are stdin, stdout and stderr. Every I/O system call takes one.',
  'glossary.term.file-description': 'Open file description',
  'glossary.def.file-description':
    'The kernel object an fd points to: the socket or file itself, with its flags (O_NONBLOCK, O_ASYNC) and position. fork() copies the fds but both processes then point to the same description, so a socket stays open until the last fd pointing at it is closed.',
  'glossary.term.socket': 'Socket',
  'glossary.def.socket':
    'One end of a network connection, as a kernel object the program reaches through an fd. A TCP socket has a receive buffer and a send buffer; the kernel runs the protocol, the program only reads and writes bytes.',
  'glossary.term.listening-socket': 'Listening socket',
  'glossary.def.listening-socket':
    'A socket after listen(): it never carries data. The kernel completes clients’ handshakes on it and queues the finished connections; accept() takes one and returns a new socket for that client.',
  'glossary.term.handshake': 'Three-way handshake',
  'glossary.def.handshake':
    'How TCP opens a connection: the client sends SYN, the server’s kernel answers SYN-ACK, the client answers ACK. The server program is not involved: it only ever sees finished connections.',
  'glossary.term.accept-queue': 'Accept queue',
  'glossary.def.accept-queue':
    'The list of finished connections waiting on a listening socket for the program to call accept(). A listening socket is readable (for select, poll and epoll) when this queue is not empty.',
  'glossary.term.backlog': 'Backlog',
  'glossary.def.backlog':
    'The argument of listen(n): how many finished connections may wait in the accept queue. Linux lets n + 1 wait; a later SYN is dropped and the client sends it again. Linux 6.7+ (net.ipv4.tcp_syn_linear_timeouts = 4) waits 1 s five times, then doubles: SYNs at 0, 1, 2, 3, 4, 5, 7, 11 s…; older kernels double from the first retry (0, 1, 3, 7 s…).',
  'glossary.term.receive-buffer': 'Receive buffer',
  'glossary.def.receive-buffer':
    'Kernel memory of a socket where arriving bytes wait until the program calls recv(). A socket is readable when this buffer holds data (or the peer has closed). TCP keeps no message boundaries in it.',
  'glossary.term.send-buffer': 'Send buffer',
  'glossary.def.send-buffer':
    'Kernel memory of a socket that holds bytes the program sent until TCP has delivered them. send() returns once the bytes are copied in, not when the client has them.',
  'glossary.term.fin-rst': 'FIN and RST',
  'glossary.def.fin-rst':
    "FIN closes a direction politely: “no more data from me”; after the buffered bytes, recv returns b''. RST aborts the connection at once: recv fails with ECONNRESET. After an RST on an open (ESTABLISHED) connection, the first send fails with ECONNRESET ([Errno 104]) and later ones with EPIPE.",
  'glossary.term.syscall': 'System call',
  'glossary.def.syscall':
    'A request from a program to the kernel (recv, accept, select, epoll_wait…): the CPU switches into kernel mode, the kernel does the work or puts the thread to sleep, and returns a result or an error number. strace prints each one.',
  'glossary.term.user-kernel-space': 'User space and kernel space',
  'glossary.def.user-kernel-space':
    'Two protection levels of the same machine. The program’s code and buffers live in user space; sockets, buffers, queues and the scheduler live in kernel space. Data moves between them only by copying, in kernel mode: inside a system call, or (io_uring) in a completion that runs in the program’s own thread.',
  'glossary.term.two-phases': 'The two phases of a read',
  'glossary.def.two-phases':
    'Phase 1: wait until data is in the kernel (the receive buffer). Phase 2: copy it from the kernel into the program’s buffer. The I/O models differ in who waits for phase 1 and who does phase 2.',
  'glossary.term.blocking': 'Blocking',
  'glossary.def.blocking':
    'A call blocks when it cannot finish yet and the kernel puts the calling thread to sleep on a wait queue until it can. IO Lab keeps two words apart: *asleep* (off the CPU, on a wait queue) and *inside the call* (the program cannot go on until the call returns). A blocking recv is inside the call through both phases, asleep only while it waits for data; while it copies, the thread runs in kernel mode.',
  'glossary.term.nonblocking': 'Non-blocking',
  'glossary.def.nonblocking':
    'A socket marked O_NONBLOCK (Python: setblocking(False)): a call that would have to wait fails at once with EAGAIN instead. On Linux an accepted socket does not inherit the flag from the listening socket.',
  'glossary.term.wait-queue': 'Wait queue',
  'glossary.def.wait-queue':
    'A list, kept by each socket (and each epoll instance), of the threads asleep until it changes. When data arrives the kernel wakes them, or, for epoll, runs a callback that puts the socket on the ready list. select and poll put one thread on many wait queues.',
  'glossary.term.run-queue': 'Run queue',
  'glossary.def.run-queue':
    'The threads that are runnable but waiting for a CPU core. A woken thread joins it; the scheduler picks from it whenever a core is free.',
  'glossary.term.context-switch': 'Context switch',
  'glossary.def.context-switch':
    'The kernel saving one thread’s registers and loading another’s so the core runs the other thread. It costs about a microsecond here, plus colder caches; thousands of threads mean many of them.',
  'glossary.term.time-slice': 'Time slice and preemption',
  'glossary.def.time-slice':
    'How long a thread may keep a core while others are waiting for it. When the slice is over the scheduler preempts it: it goes back to the run queue and another thread runs.',
  'glossary.term.futex': 'futex',
  'glossary.def.futex':
    'A “fast user-space mutex”: locks and queues are handled in memory, and the kernel is asked only to put a thread to sleep or wake it. Python’s locks, queues and the GIL rest on futexes.',
  'glossary.term.eagain': 'EAGAIN / EWOULDBLOCK',
  'glossary.def.eagain':
    'The error number (11 on Linux; both names are the same value) a non-blocking call returns when it would have to wait: “try again later”. Nothing went wrong; there is simply nothing to do yet.',
  'glossary.term.blockingioerror': 'BlockingIOError',
  'glossary.def.blockingioerror':
    'The Python exception for EAGAIN: `[Errno 11] Resource temporarily unavailable`. A non-blocking loop catches it; an edge-triggered epoll server reads until it appears.',
  'glossary.term.econnreset': 'ECONNRESET / ConnectionResetError',
  'glossary.def.econnreset':
    'The peer aborted the connection with an RST. recv reports it once; the program should close the socket.',
  'glossary.term.epipe': 'EPIPE / BrokenPipeError',
  'glossary.def.epipe':
    'Writing to a connection that can no longer send: after the peer closed (FIN) and its kernel answered our first send with RST, the next send fails with EPIPE; after an RST on an open connection, the first send fails with ECONNRESET ([Errno 104]) and only later ones with EPIPE. The kernel also raises SIGPIPE; Python ignores that signal, so the program gets BrokenPipeError, which kills it if nothing catches it.',
  'glossary.term.select': 'select, fd_set, FD_SETSIZE',
  'glossary.def.select':
    'select() takes sets of fd numbers (fd_set bitmaps) and returns those that are ready, sleeping until one is or the timeout ends. On each call the kernel walks the bitmaps up to nfds (the highest fd + 1) a 64-bit word at a time, skipping empty words, and polls only the fds in the set: the cost is per watched fd, plus a small walk per 64 fd numbers; an fd_set holds FD_SETSIZE = 1024 numbers, so larger fds cannot be watched.',
  'glossary.term.poll': 'poll',
  'glossary.def.poll':
    'Like select, but with an array of `(fd, events)` pairs and an `revents` answer in each: no 1024 limit. The kernel still walks the whole array on every call.',
  'glossary.term.epoll': 'epoll',
  'glossary.def.epoll':
    'Linux’s scalable readiness API: an epoll instance (epoll_create1) keeps an interest list (epoll_ctl) and a ready list that callbacks fill; epoll_wait returns what is ready without scanning the rest.',
  'glossary.term.epoll-interest-list': 'Interest list (epoll)',
  'glossary.def.epoll-interest-list':
    'The fds an epoll instance watches, with the events wanted and flags (EPOLLET, EPOLLONESHOT). Kept in the kernel: registered once with epoll_ctl, not passed in on every wait.',
  'glossary.term.epoll-ready-list': 'Ready list (epoll)',
  'glossary.def.epoll-ready-list':
    'The fds of an epoll instance that are ready now. A socket’s wait-queue callback adds it when data, a connection, a FIN or an error arrives; epoll_wait takes entries from it, in the order they arrived.',
  'glossary.term.level-triggered': 'Level-triggered',
  'glossary.def.level-triggered':
    'epoll’s default: an fd is reported on every epoll_wait as long as it is ready (data left in the buffer puts it straight back on the ready list). Forgiving: reading only part is fine.',
  'glossary.term.edge-triggered': 'Edge-triggered (EPOLLET)',
  'glossary.def.edge-triggered':
    'An fd is reported once per change (new data, a FIN), not for as long as it stays ready. The program must read until EAGAIN, or leftover bytes wait unreported until something new arrives.',
  'glossary.term.epolloneshot': 'EPOLLONESHOT',
  'glossary.def.epolloneshot':
    'An epoll flag: after one report the fd is disabled until the program re-arms it with EPOLL_CTL_MOD, so that only one thread handles it at a time.',
  'glossary.term.sigio': 'SIGIO and signal-driven I/O',
  'glossary.def.sigio':
    'With F_SETOWN and O_ASYNC set on a socket, the kernel sends the process SIGIO when it becomes ready. The signal does not say which fd, and signals that arrive while one is pending merge, so the program must check every socket.',
  'glossary.term.io-uring': 'io_uring: submission and completion queues',
  'glossary.def.io-uring':
    'Linux’s asynchronous I/O interface: the program writes requests into a submission queue (SQ) shared with the kernel and reads results from a completion queue (CQ). There is no read call: for a socket, io_uring arms a poll, and when data arrives the completion copies it as task work in the submitting thread’s context, in kernel mode (with IORING_SETUP_DEFER_TASKRUN, when the thread calls io_uring_enter(GETEVENTS)); only SQPOLL or io-wq use another kernel thread. io_uring_enter submits and can wait for completions.',
  'glossary.term.async-io': 'Asynchronous I/O',
  'glossary.def.async-io':
    'The model where the kernel does both phases of a read and notifies the program when the data is already in its buffer. In this strict sense io_uring is asynchronous; epoll-based “async” frameworks are not.',
  'glossary.term.gil': 'GIL (global interpreter lock)',
  'glossary.def.gil':
    'CPython’s lock: only the thread that holds it runs Python code. CPython releases it only around the blocking calls it wraps in Py_BEGIN_ALLOW_THREADS (accept, recv, send, select, epoll_wait, sleep…), so threads that mostly wait for I/O still overlap; other calls, such as getsockname or a new thread’s clone3, run with it held. A thread waiting for it forces a switch only after the 5 ms switch interval.',
  'glossary.term.event-loop': 'Event loop',
  'glossary.def.event-loop':
    'A loop that waits for events (select, poll or epoll_wait), then runs the callback or resumes the coroutine waiting for each, and waits again. Everything runs on one thread; one slow callback delays all the others.',
  'glossary.term.coroutine': 'Coroutine',
  'glossary.def.coroutine':
    'A function that can pause (await) and be resumed later. asyncio pauses a coroutine when its socket has nothing to read, registers the socket with epoll, and resumes it when epoll reports the socket ready.',
  'glossary.term.selectors': 'selectors',
  'glossary.def.selectors':
    'Python’s module that wraps select, poll, epoll and kqueue in one interface; DefaultSelector picks the best one for the platform (epoll on Linux) and stores a piece of data, such as a callback, with each registration.',
  'glossary.term.c10k': 'C10K',
  'glossary.def.c10k':
    'The problem of serving ten thousand connections at once on one machine (Dan Kegel, 1999). Thread per connection and select/poll scans stop scaling there; epoll-style readiness lists were the answer.',
} satisfies Messages;
