/**
 * Strings of the narration concern (English; src/i18n/zh/narration.ts has the same keys in Chinese). Templates for src/narration:
 * `{placeholders}` are filled there; text between backticks is shown as code.
 */
import type { Messages } from '../core.ts';

export default {
  'narr.empty': 'This run has no steps.',
  'narr.generic': 'Something happened: {what}.',

  'narr.bytes.one': '1 byte',
  'narr.bytes.many': '{n} bytes',

  'narr.who.main': 'the main thread',
  'narr.who.thread': 'thread {name}',
  'narr.who.child': 'child process {pid}',

  'narr.client.you': 'your client',
  'narr.client.youN': 'your client {n}',
  'narr.fd.conn': '{client}’s connection',
  'narr.fd.pending': '{client}’s connection (not accepted yet)',
  'narr.fd.listen': 'the listening socket',
  'narr.fd.epoll': 'the epoll instance',
  'narr.fd.uring': 'the io_uring',
  'narr.fd.socket': 'a socket',
  'narr.fd.stdin': 'stdin (the operator’s keyboard)',
  'narr.fd.stdout': 'stdout (the operator’s screen)',
  'narr.fd.stderr': 'stderr',
  'narr.fd.unknown': 'fd {fd}',
  'narr.fd.sock': 'socket #{sock}',
  'narr.fd.full': '{what} (fd {fd})',
  'narr.ready.fd': 'fd {fd} ({who})',
  'narr.fds.one': 'fd {fd}',
  'narr.fds.many': 'fds {list}',
  'narr.ready.fdExtra': 'fd {fd} ({extra})',
  'narr.ready.listen': 'the listening socket: a new connection',

  'narr.at.line': '{Who}, line {line}: `{code}`',
  'narr.at.interp':
    'This call comes from the Python interpreter itself ({who}), not from a line of the listing.',

  'narr.cons.gil': '{Who} must now wait for the GIL: only one thread runs Python at a time.',
  'narr.cons.pool': '{Who} waits for a job in the pool’s queue: it sleeps in the kernel and uses no CPU.',
  'narr.cons.preempt': '{Who} is preempted: its time slice is over and another thread gets the CPU.',

  'narr.start.one':
    'The server starts: the kernel creates process {pid} (python3) with stdin, stdout and stderr already open as fd 0, 1 and 2. The machine has 1 CPU core.',
  'narr.start.many':
    'The server starts: the kernel creates process {pid} (python3) with stdin, stdout and stderr already open as fd 0, 1 and 2. The machine has {cores} CPU cores.',
  'narr.start.detail':
    'Step forward to see every system call the program makes, and everything the kernel does on its own.',

  'narr.py': 'Line {line} runs in Python: `{code}`',
  'narr.py.wait': 'Line {line}: `{code}`',
  'narr.py.userspace': 'Plain Python in user space: no system call, the kernel is not involved.',
  'narr.py.prep':
    'It only writes a request into the submission queue, which is shared memory: no system call yet.',
  'narr.py.beforeCall': 'Line {line}: `{code}` is about to make a system call, `{name}`.',
  'narr.py.gilDrop':
    'This call is wrapped in `Py_BEGIN_ALLOW_THREADS`: Python releases the GIL first, so another thread may run Python while this one is in the kernel.',
  'narr.py.poolwait':
    '{Who} has no job yet: on line {line} (`{code}`) it waits on the pool’s queue, asleep in the kernel (a futex), using no CPU.',
  'narr.py.interp': 'The Python interpreter runs its own code ({who}), not a line of the listing.',

  'narr.note.accepted': 'The accept has already completed: the new connection is fd {fd}.',
  'narr.note.error': 'The request failed with {err}.',
  'narr.note.pool': 'A pool of at most {n} worker threads; each starts when a job first needs it.',
  'narr.note.inBuffer': 'The data is already in our buffer: the kernel copied it, no recv() call needed.',
  'narr.note.cqeReady': 'A completion is already waiting in the queue: no system call is needed to get it.',
  'narr.note.closed': "The client has closed its end (b''): time to close our socket too.",
  'narr.note.left': "b'': this client has left, so the server drops it.",
  'narr.note.drop': "b'' or a reset: the server drops this client.",
  'narr.note.coroutine':
    'A new coroutine for this client: it runs on the same thread, taking turns with the others.',
  'narr.note.cbAccept': 'selectors calls the callback registered for this fd: accept().',
  'narr.note.cbRead': 'selectors calls the callback registered for this fd: read().',
  'narr.note.leftWhileTyping': 'The client left while the operator was typing: the server drops it.',
  'narr.note.pyHandler':
    'Now, in the main thread and between two bytecodes, Python’s handler `on_sigio` runs and sets `ready = True`. The signal did not say which socket is ready, so the program will try every one.',
  'narr.note.startWait':
    '`Thread.start()` now waits until {thread} signals that it has started: a futex wait, with the GIL released, so the new thread can run Python.',
  'narr.note.started':
    'The new thread’s bootstrap signals `Thread.start()` that it has started (`_started.set()`): a futex wake for the thread waiting in `start()`.',
  'narr.note.sigioBusy': 'A SIGIO came while the program was busy, so it does not go to sleep.',
  'narr.note.gone':
    'The client is gone (it reset the connection, or left while we answered): the server drops it.',
  'narr.note.jobTaken': 'A worker thread was waiting on the {queue}: the job wakes it at once.',
  'narr.note.jobQueued':
    'Every worker is busy: the job waits in the {queue} until one is free (the client is connected, but nobody serves it yet).',
  'narr.note.other': '({note})',

  'narr.call.socket':
    '`socket()` asks the kernel for a new TCP socket. The answer is a file descriptor: a small number that names the socket from now on.',
  'narr.call.socketpair':
    '`socketpair()` creates two connected sockets. asyncio uses them to wake up its own event loop.',
  'narr.call.setsockopt':
    '`setsockopt(fd {fd}, SO_REUSEADDR)` lets the server bind port {port} again right after a restart.',
  'narr.call.bind': '`bind(fd {fd})` gives the socket its address: 127.0.0.1, port {port}.',
  'narr.call.listen':
    '`listen(fd {fd}, {backlog})` makes it a listening socket. From now on the kernel itself answers the clients’ handshakes and queues up to backlog + 1 = {queue} finished connections.',
  'narr.queue.empty': 'The queue is empty, so the call will have to wait.',
  'narr.queue.emptyNb': 'The queue is empty.',
  'narr.queue.n': 'Connections waiting in the queue: {n}.',
  'narr.call.accept':
    '`accept(fd {fd})` asks for the next finished connection from the listening socket’s accept queue. {queued}',
  'narr.call.accept.nb':
    '`accept(fd {fd})` on a non-blocking listening socket: take a finished connection if there is one; if not, the kernel answers EAGAIN at once instead of waiting. {queued}',
  'narr.buf.n': '{bytes} are waiting in its receive buffer.',
  'narr.buf.empty': 'Its receive buffer is empty.',
  'narr.buf.emptyNb': 'Its receive buffer is empty, and the socket is non-blocking.',
  'narr.buf.fin': 'The client has already closed its end.',
  'narr.buf.err': 'The connection has been reset.',
  'narr.call.recv': '`recv({fd}, {size})`: read up to {size} bytes from {owner}. {buffer}',
  'narr.call.recv.nb':
    '`recv({fd}, {size})` on a non-blocking socket: read up to {size} bytes from {owner}, but never wait. {buffer}',
  'narr.call.send':
    '`send({fd}, {data})`: hand {bytes} to the kernel for {client}. The kernel copies them into the socket’s send buffer and TCP delivers them.',
  'narr.call.close.conn':
    '`close({fd})`: the program is done with {client}’s connection. The kernel will send {client} a FIN.',
  'narr.call.close': '`close({fd})`: the program lets go of {what}.',
  'narr.call.close.shared':
    '`close({fd})`: this process lets go of its copy of {what}. Another process still holds it, so the socket stays open (no FIN).',
  'narr.call.ioctl':
    '`setblocking(False)` → `ioctl(fd {fd}, FIONBIO)`: marks {what} non-blocking. From now on a call that would have to wait fails at once with EAGAIN (BlockingIOError).',
  'narr.call.fcntl.setown':
    '`fcntl(fd {fd}, F_SETOWN, {pid})` tells the kernel which process gets SIGIO when this socket becomes ready.',
  'narr.call.fcntl.async':
    '`fcntl(fd {fd}, F_SETFL, O_ASYNC | O_NONBLOCK)` turns on signal-driven I/O for {what} (a SIGIO whenever it becomes ready) and makes it non-blocking.',
  'narr.call.fcntl': '`fcntl(fd {fd})` changes the flags of {what}.',
  'narr.call.getpeername':
    '`getpeername(fd {fd})`: Python asks whom the socket is connected to (printing a socket shows it as `raddr`). A quick call that never waits; a listening socket has no peer (ENOTCONN).',
  'narr.call.getsockname':
    '`getsockname(fd {fd})`: Python’s socket object asks for its local address. A quick call that never waits.',
  'narr.call.getpid': '`getpid()`: the program asks for its own process id.',
  'narr.call.clone3':
    'Starting a thread: `clone3()` asks the kernel for a new thread in this process. It shares the process’s memory and open fds, but gets its own stack.',
  'narr.call.clone':
    '`os.fork()` → `clone()`: the kernel copies the whole process. The child gets its own copy of every open fd, the new connection included.',
  'narr.call.exit': 'The thread’s function has returned: `exit()` ends this thread; the process goes on.',
  'narr.call.exit_group': 'The program has reached its end: `exit_group({code})` ends the whole process.',
  'narr.call.exit_group.child':
    'Child process {pid} is done with its client: `os._exit({code})` → `exit_group` ends that process.',
  'narr.call.exit_group.err':
    '`exit_group({code})`: after the uncaught exception the interpreter exits with status {code}. Every client loses the server.',
  'narr.call.sleep':
    '`time.sleep()` → `clock_nanosleep`: the thread asks to sleep for {ms} ms. Sleeping uses no CPU.',
  'narr.call.select':
    '`select()` hands the kernel a set of fds ({fds}) and asks which of them can be read without waiting. On every call the kernel walks the bitmap up to nfds = {nfds}, a 64-bit word at a time, and checks only the fds in the set.',
  'narr.call.poll':
    '`poll()` hands the kernel a list ({fds}) and asks which can be read. No limit on fd numbers as with select, but the kernel still walks the whole list on every call.',
  'narr.call.epoll_create1':
    '`select.epoll()` → `epoll_create1()` creates an epoll instance in the kernel: an interest list (what to watch) and a ready list (what is ready now).',
  'narr.call.epoll_ctl.add':
    '`epoll_ctl(ADD)` registers {what} in the interest list, once (EPOLLIN, level-triggered). From now on the kernel itself notes when it becomes readable.',
  'narr.call.epoll_ctl.addEt':
    '`epoll_ctl(ADD)` registers {what} in the interest list, once, edge-triggered (EPOLLIN | EPOLLET): it will be reported only when something new arrives.',
  'narr.call.epoll_ctl.del': '`epoll_ctl(DEL)` removes {what} from the interest list.',
  'narr.call.epoll_ctl.mod': '`epoll_ctl(MOD)` changes what is watched on {what}.',
  'narr.call.epoll_wait':
    '`epoll_wait()` asks for what is on the ready list. The kernel does not scan the registered fds ({count} of them): it just looks at the list ({ready} on it now).',
  'narr.call.epoll_wait.poll':
    '`epoll_wait(timeout 0)`: a quick look at the ready list ({ready} on it) without waiting.',
  'narr.call.read.stdin':
    '`input()` → `read(0)`: Python reads the operator’s answer from stdin. Until a line is typed, there is nothing to read.',
  'narr.call.read': '`read(fd {fd})`: read from {what}.',
  'narr.call.write.stdout':
    '`input()` first prints its prompt: `write(1, {data})` sends it to stdout, the operator’s terminal.',
  'narr.call.write.stderr': 'Python writes the traceback to stderr (fd 2).',
  'narr.call.write': '`write(fd {fd})`: write to {what}.',
  'narr.call.sigaction':
    '`signal.signal({signal}, handler)` → `rt_sigaction`: installs CPython’s C-level handler for {signal}. That is the one the kernel runs, and it only notes that the signal came; Python’s own function runs later, in the main thread.',
  'narr.call.sigaction.sigchld':
    '`signal.signal(SIGCHLD, SIG_IGN)`: the kernel reaps children as soon as they exit, so no zombie processes are left.',
  'narr.call.pause':
    '`signal.pause()`: sleep until a signal arrives. The program is not waiting on any particular socket.',
  'narr.call.rt_sigreturn':
    'CPython’s C handler has set its flag and returns through `rt_sigreturn()`: the kernel restores what the thread was doing when the signal came.',
  'narr.call.io_uring_setup':
    '`uring.Ring(entries={entries})` → `io_uring_setup()` creates an io_uring: a submission queue and a completion queue in memory shared by the program and the kernel.',
  'narr.call.uring.submit':
    '`ring.submit()` → `io_uring_enter()` hands the kernel {n} requests in one call: {ops}. A request whose socket is not ready yet waits on an internal poll; when it fires, the work runs as task work in this thread’s context, in kernel mode.',
  'narr.call.uring.submit.one':
    '`ring.submit()` → `io_uring_enter()` hands the kernel one request ({n}): {ops}. If its socket is not ready yet, it waits on an internal poll; when that fires, the work runs as task work in this thread’s context, in kernel mode.',
  'narr.call.uring.wait':
    '`ring.wait_cqe()` → `io_uring_enter(GETEVENTS)`: wait until at least one completion is in the completion queue.',
  'narr.call.generic': '`{name}()`: a system call into the kernel.',

  'narr.uring.op.accept': 'accept on fd {fd}',
  'narr.uring.op.recv': 'recv on fd {fd}',
  'narr.uring.op.recv.client': 'recv on fd {fd} ({client})',
  'narr.uring.op.send': 'send on fd {fd}',
  'narr.uring.op.send.client': 'send on fd {fd} ({client})',
  'narr.uring.op.close': 'close fd {fd}',
  'narr.uring.op.other': '{op} on fd {fd}',
  'narr.uring.op.request': 'request {id}',

  'narr.block.recv':
    'No data yet: the kernel puts {who} to sleep on the wait queue of {owner} (fd {fd}). This is phase 1 of a read, waiting for data. A sleeping thread uses no CPU.',
  'narr.block.accept':
    'Nobody is in the accept queue: the kernel puts {who} to sleep on the listening socket’s wait queue (fd {fd}) until a client completes its handshake. A sleeping thread uses no CPU.',
  'narr.block.select':
    'Nothing is readable: the kernel puts {who} on the wait queue of every socket it watches ({fds}) and lets it sleep. Whichever socket becomes ready first wakes it.',
  'narr.block.poll':
    'Nothing is readable: the kernel puts {who} on the wait queue of every socket it watches ({fds}) and lets it sleep. Whichever socket becomes ready first wakes it.',
  'narr.block.epoll':
    'The ready list is empty: the kernel puts {who} to sleep on the epoll instance’s one wait queue. It does not matter how many sockets are registered (now {count}).',
  'narr.block.epoll.recheck':
    'Before reporting an entry, the kernel checks it again: {fds} can no longer be read, so it is dropped from the ready list (a level-triggered entry goes back on the list after each report, and stays only while the recheck finds it readable). The ready list is now empty: the kernel puts {who} to sleep on the epoll instance’s one wait queue. It does not matter how many sockets are registered (now {count}).',
  'narr.block.stdin':
    '`input()` waits for the operator: the kernel puts {who} to sleep until a line is typed. The server has only this thread, so every client now waits for the operator too.',
  'narr.block.sleep':
    '{Who} sleeps for {ms} ms. Whatever arrives meanwhile waits in the kernel’s buffers until the next round.',
  'narr.block.signal':
    '`pause()`: {who} sleeps, waiting for any signal. The kernel will send SIGIO when any O_ASYNC socket becomes ready.',
  'narr.block.uring':
    'Nothing has completed yet: {who} sleeps in `io_uring_enter` until a completion is posted. The requests ({ops}) wait on their sockets’ internal polls; when one fires, its work is task work for {who}, run in kernel mode.',
  'narr.block.uring.none': 'Nothing has completed yet: {who} sleeps until the kernel posts a completion.',
  'narr.block.other': 'The kernel puts {who} to sleep.',

  'narr.wake.data':
    '{client}’s bytes woke {who}: the kernel took it off the socket’s wait queue and made it runnable again.',
  'narr.wake.data.many':
    '{client}’s bytes woke {who}: the kernel made it runnable again, and the lab takes it off all {count} wait queues at once. Linux does that a little later: the thread stays on them until it has run and scanned its fds again, then takes itself off every one (poll_freewait).',
  'narr.wake.connection': 'A finished connection is in the accept queue, so the kernel wakes {who}.',
  'narr.wake.connection.many':
    'A finished connection is in the accept queue, so the kernel wakes {who}, and the lab takes it off all {count} wait queues at once. Linux does that a little later: the thread stays on them until it has run and scanned its fds again, then takes itself off every one (poll_freewait).',
  'narr.wake.fin': "{client} closed its end (FIN), so the kernel wakes {who}: a read will now return b''.",
  'narr.wake.rst':
    '{client} reset the connection (RST), so the kernel wakes {who}: a read will now fail with ECONNRESET.',
  'narr.wake.stdin': 'The operator pressed Enter: the kernel wakes {who}.',
  'narr.wake.sleep': 'The sleep is over: the kernel wakes {who}.',
  'narr.wake.timeout':
    'Time is up: the kernel wakes {who} because the timeout of `{name}` ran out, not because anything happened.',
  'narr.wake.epoll': 'fd {fd} is on the ready list, so the kernel wakes {who}, asleep in `epoll_wait`.',
  'narr.wake.epoll.any': 'Something is on the ready list, so the kernel wakes {who}, asleep in `epoll_wait`.',
  'narr.wake.sigio':
    'SIGIO interrupts `pause()`: the kernel wakes {who} so that the signal can be delivered on its way back to user space.',
  'narr.wake.completion': 'A completion has been posted, so the kernel wakes {who} from `wait_cqe()`.',
  'narr.wake.gil': '{Who} gets the GIL and may run Python again.',
  'narr.wake.queue': 'A job is in the pool’s queue: the kernel wakes {who}.',
  'narr.wake.other': 'The kernel wakes {who} ({reason}).',
  'narr.wake.runs': 'A core is free, so it runs right away.',
  'narr.wake.readyOnly': 'It is runnable now, but it has to wait for a CPU core.',

  'narr.copy.in':
    'Phase 2: the kernel copies {bytes} ({data}) from the receive buffer of {owner} into the program’s buffer.',
  'narr.copy.in.detail': 'Only now is the data in user space, where Python can use it.',
  'narr.copy.out':
    'The kernel copies {bytes} ({data}) from the program’s buffer into the send buffer of {owner}; TCP takes it from there.',
  'narr.copy.stdin': 'The kernel copies the operator’s line, {bytes} ({data}), into Python’s buffer.',
  'narr.copy.uring.in':
    'Task work for {who}, in kernel mode: io_uring copies {bytes} ({data}) from {client}’s receive buffer into the buffer the program handed over with its recv request, and the CPU time is charged to {who}. No `recv` call and no readiness step: one request, one completion.',
  'narr.copy.uring.out':
    'Task work for {who}, in kernel mode: io_uring carries out the queued send and copies {bytes} ({data}) for {client}, with no `send` call from the program.',

  'narr.exit.eagain.recv':
    'BlockingIOError: no data yet on {owner}, so the call returned at once with EAGAIN instead of waiting.',
  'narr.exit.eagain.accept':
    'BlockingIOError: the accept queue is empty, so `accept` returned at once with EAGAIN instead of waiting.',
  'narr.exit.eagain.recv.drained':
    'BlockingIOError: nothing is left to read on {owner}, so the call returned at once with EAGAIN.',
  'narr.exit.eagain.detail':
    'The program has to come back and ask again later. Each such question is a system call that costs CPU.',
  'narr.exit.eagain.drained':
    'Here EAGAIN is good news: the socket is drained, so the loop stops and the program goes back to waiting.',
  'narr.exit.eagain.asyncio':
    'asyncio tries the call first; on EAGAIN it registers the socket with epoll and parks the coroutine until the socket is ready.',
  'narr.exit.eagain':
    '`{name}` returned EAGAIN (BlockingIOError): it would have had to wait, and the fd is non-blocking.',
  'narr.exit.econnreset':
    'ConnectionResetError: {client} reset the connection (RST), so `recv` fails with ECONNRESET.',
  'narr.exit.epipe':
    'BrokenPipeError: {client} is gone (its kernel answered with an RST), so `send` fails with EPIPE. The bytes go nowhere.',
  'narr.exit.eintr.pause':
    '`pause()` is interrupted (strace prints ERESTARTNOHAND: it is not restarted, because a handler is installed). On its way back to user space the kernel delivers SIGIO.',
  'narr.exit.eintr.sigreturn':
    '`rt_sigreturn` ends the interrupted `pause()` with -1 EINTR. CPython’s `signal.pause()` sees EINTR and checks its flags: the Python handler runs now, before `signal.pause()` returns.',
  'narr.exit.emfile': 'OSError: too many open files. The process has reached its limit of file descriptors.',
  'narr.exit.errno': '`{name}` failed with {errno} ({text}): Python raises {exc}.',
  'narr.exit.read.stdin': '`input()` returns {data}: the operator’s answer.',
  'narr.exit.recv.eof': "`recv` returned b'' (0 bytes): {client} has closed its end.",
  'narr.exit.recv.eof.detail':
    'No more data will come on this connection: the program should close its socket.',
  'narr.exit.recv': '`recv` returned {bytes} from {client}: {data}.',
  'narr.exit.send': '`send` returned: the kernel has taken all {bytes} for {client}; they are on their way.',
  'narr.exit.accept':
    '`accept` returned fd {fd}: a new socket just for {client}’s connection, taken from the accept queue ({left} still waiting). The listening socket (fd {lfd}) stays open for the next client.',
  'narr.exit.accept.last':
    '`accept` returned fd {fd}: a new socket just for {client}’s connection, taken from the accept queue, which is empty again. The listening socket (fd {lfd}) stays open for the next client.',
  'narr.exit.select':
    '`select` returned {n}: {ready} can be read now. To find out, the kernel walked the bitmap up to fd {max} and checked each fd in the set.',
  'narr.exit.select.detail':
    'Now the program has to loop over its sockets to see which of them are in the returned set.',
  'narr.exit.select.timeout':
    '`select` returned 0: the timeout passed and nothing became ready. The program gets control back.',
  'narr.exit.poll':
    '`poll` returned {n}: {ready}. To find them the kernel checked every fd in the list ({count} of them).',
  'narr.exit.poll.timeout':
    '`poll` returned 0: the timeout passed and nothing became ready. The program gets control back.',
  'narr.exit.epoll':
    '`epoll_wait` returned {n}: {ready}, taken straight from the ready list, without scanning the registered fds ({count} of them).',
  'narr.exit.epoll.detail': 'The cost depends on how many fds are ready, not on how many are watched.',
  'narr.exit.epoll.timeout': '`epoll_wait` returned 0: the timeout passed with the ready list still empty.',
  'narr.exit.epoll.empty':
    '`epoll_wait` returned 0: the ready list is empty (it was asked with timeout 0, so it did not wait).',
  'narr.exit.socket':
    '`socket` returned fd {fd}: the lowest free number (0, 1 and 2 are already stdin, stdout and stderr).',
  'narr.exit.listen':
    'The server now listens on port {port}. From here on clients can connect even before anyone calls accept: the kernel completes their handshakes and queues them, at most backlog + 1 = {queue}.',
  'narr.exit.close': '`close` returned 0: fd {fd} is free, and the next new socket may get the same number.',
  'narr.exit.epoll_create1':
    '`epoll_create1` returned fd {fd}: the epoll instance. Sockets are registered with it once, instead of being passed in on every wait.',
  'narr.exit.epoll_ctl.add':
    'fd {fd} is in the interest list now: the kernel will note by itself when it becomes ready.',
  'narr.exit.epoll_ctl.del': 'fd {fd} is no longer watched.',
  'narr.exit.ok': '`{name}` returned {ret}: done, without waiting.',
  'narr.exit.generic': '`{name}` returned {ret}.',
  'narr.exit.clone3':
    'The kernel created thread {tid} ({name}). It is ready to run, but to run Python it needs a core and the GIL, which the main thread still holds: CPython starts a thread without releasing it.',
  'narr.exit.clone':
    '`fork` returned {pid} in the parent: child process {pid} now exists, a copy of the server with its own copies of the fds (the connection included).',
  'narr.exit.write.stdout': 'The prompt {data} appears on the operator’s terminal.',
  'narr.exit.write.stderr': 'The traceback is on stderr.',
  'narr.exit.uring.wait':
    '`wait_cqe()` returns: a completion is in the completion queue, and the program reads it from shared memory.',
  'narr.exit.uring.submit':
    '`io_uring_enter` returned {n}: the kernel has accepted the requests. The program goes on without waiting for them.',
  'narr.exit.uring.setup':
    '`io_uring_setup` returned fd {fd}: the ring. The program maps its two queues into its own memory.',
  'narr.exit.sleep': 'The sleep is over and the loop goes round again.',
  'narr.exit.getpid': '`getpid` returned {ret}.',
  'narr.exit.exit_group':
    'The process ends with status {code}. The kernel closes every fd it still had open.',
  'narr.exit.exit': 'The thread has ended.',

  'narr.pkt.syn': '{client}’s kernel sends a SYN: {client} asks to connect to port {port}.',
  'narr.pkt.syn.again': '{client} sends its SYN again (retry {attempt}).',
  'narr.pkt.synack':
    'The server’s kernel answers {client} with a SYN-ACK all by itself: no Python code runs for a TCP handshake.',
  'narr.pkt.ack': '{client} completes the three-way handshake with an ACK.',
  'narr.pkt.data.in': '{client} sends {bytes}: {data}.',
  'narr.pkt.data.out': 'The reply {data} ({bytes}) leaves the server for {client}.',
  'narr.pkt.fin.in': '{client} closes its socket: a FIN (no more data) is on its way to the server.',
  'narr.pkt.fin.out': 'The server closed the connection: its kernel sends {client} a FIN.',
  'narr.pkt.rst.in': '{client} aborts the connection: an RST is on its way (not a polite close).',
  'narr.pkt.rst.in.closed':
    '{client} had already closed its socket, so its kernel answers the server’s data with an RST: nobody is reading there any more.',
  'narr.pkt.rst.out': 'The server’s kernel sends {client} an RST: the connection is torn down at once.',
  'narr.pkt.rst.out.unread':
    'The socket was closed with unread data in it, so the server’s kernel sends {client} an RST instead of a FIN: the connection is torn down at once.',

  'narr.syn.queued':
    '{client}’s SYN reaches the listening socket. The kernel handles the handshake on its own and will queue the connection, even though nobody has called accept.',
  'narr.syn.queued.detail':
    'Connecting is the kernel’s job; the program only ever sees finished connections.',
  'narr.syn.dropped':
    'The accept queue is full ({queued} of backlog + 1 = {max}): the kernel silently drops {client}’s SYN.',
  'narr.syn.dropped.detail':
    '{client} gets no answer and will send the SYN again after a timeout: on this kernel (Linux 6.7+, `tcp_syn_linear_timeouts` = 4) five waits of 1 s, then doubling (2 s, 4 s, …).',

  'narr.aq.push':
    'Handshake complete: {client}’s connection is now in the listening socket’s accept queue ({n} waiting).',
  'narr.aq.nobody': 'Nobody has called accept: it simply waits in the queue.',
  'narr.aq.wakes': 'This wakes {who}, asleep on the listening socket.',
  'narr.aq.uring':
    'A pending io_uring accept takes it (task work for the thread that submitted it): the connection becomes fd {fd} with no `accept` call from the program.',

  'narr.rx':
    '{bytes} from {client} ({data}) land in the receive buffer of {owner}: {total} waiting there now.',
  'narr.rx.nobody': 'The kernel did this on its own; the program has not asked for the data yet.',
  'narr.rx.wakes': 'The kernel wakes {who}, who was sleeping on this socket.',
  'narr.rx.uring':
    'A recv request is waiting in io_uring: its internal poll fires, and the bytes are taken by task work queued for the thread that submitted it.',

  'narr.fin':
    "{client}’s FIN arrives: the kernel marks the end of the stream on {owner}. Once the buffered bytes are read, recv returns b''.",
  'narr.rst.reset':
    '{client}’s RST arrives: the connection is dead. The next recv on {owner} fails with ECONNRESET (ConnectionResetError).',
  'narr.rst.epipe':
    '{client}’s RST arrives: nobody reads on the other side any more. The next send on {owner} fails with EPIPE (BrokenPipeError).',

  'narr.epoll.callback':
    'The socket’s wait-queue callback puts {what} on the epoll ready list ({n} on it now).',
  'narr.epoll.callback.detail':
    'The kernel does this bookkeeping at the moment the data arrives, so `epoll_wait` never has to scan the sockets.',
  'narr.epoll.level':
    'Level-triggered: {what} is still readable, so `epoll_wait` puts it straight back on the ready list. It will be reported again until it is drained.',
  'narr.epoll.ctl': '{what} is already readable, so registering it puts it on the ready list at once.',

  'narr.signal.sigio': 'The kernel sends SIGIO to process {pid}.',
  'narr.signal.sigio.detail':
    'The signal says only that something is ready, not which socket or what happened.',
  'narr.signal.sigio.merged':
    'Another SIGIO while one is still pending: standard signals do not queue, so the two merge into one. The program must check every socket to find all the work.',
  'narr.signal.sigpipe':
    'The kernel also raises SIGPIPE for writing to a broken connection. Python ignores SIGPIPE, so instead of dying the process gets the error as BrokenPipeError.',
  'narr.signal.other': 'The kernel sends {signal} to process {pid}.',
  'narr.signal.handle.sigio':
    'The kernel delivers SIGIO to {who} by running CPython’s C-level handler, which only sets a flag saying SIGIO came. Python’s `on_sigio` has not run yet: it runs later, in the main thread, between two bytecodes.',
  'narr.signal.handle': 'The {signal} handler runs ({who}).',

  'narr.cqe': 'The kernel posts a completion: {op} is done, {result}.',
  'narr.cqe.detail':
    'It lands in the completion queue, shared memory that the program reads without a system call.',
  'narr.cqe.accept': 'the new connection is fd {res} ({client})',
  'narr.cqe.recv': '{bytes} are already in the program’s buffer',
  'narr.cqe.recv.eof': 'with 0 bytes: the client has closed',
  'narr.cqe.send': '{bytes} sent',
  'narr.cqe.err': 'with error {res}',
  'narr.cqe.res': 'result {res}',

  'narr.client.reply': '{client} receives {data}. Replies so far: {n}.',
  'narr.client.connected':
    'For {client} the connection is open now: its connect() returns. On the server it still has to be accepted.',
  'narr.client.retry':
    '{client} had no answer to its SYN: its kernel’s timer runs out and it will try again (retry {attempt}).',

  'narr.stdin': 'The operator types {data} and presses Enter.',
  'narr.stdin.waited': 'The operator types {data} and presses Enter, {ms} ms after the prompt appeared.',
  'narr.stdin.detail':
    'All that time the server did nothing else: the messages that arrived meanwhile waited in the kernel.',

  'narr.error.fatal':
    'Uncaught exception: {python}. Nothing catches it, so Python prints a traceback and the whole server exits: every client loses it.',
  'narr.error.thread': 'Uncaught exception in {who}: {python}. That thread dies; the others go on.',
  'narr.error.detail': 'That is the last line of the traceback a student would see in the terminal.',

  'narr.scan.select.none':
    '`select` walks the bitmap up to fd {max} and checks each fd in the set ({watched}): none can be read yet.',
  'narr.scan.select.cost':
    'This scan is done again on every call, however few sockets are busy: with thousands of fds it becomes slow.',
  'narr.scan.select.again':
    'The kernel checks once more while it puts the thread on the wait queues, so that nothing arriving in between is missed: still nothing.',
  'narr.scan.select.ready':
    '`select` walks the bitmap up to fd {max} and checks each fd in the set: {ready} can be read.',
  'narr.scan.poll.none': '`poll` checks every fd in its list ({watched}): none can be read yet.',
  'narr.scan.poll.cost':
    'This walk over the whole list is done again on every call, however few sockets are busy.',
  'narr.scan.poll.again':
    'The kernel checks once more while it puts the thread on the wait queues, so that nothing arriving in between is missed: still nothing.',
  'narr.scan.poll.ready': '`poll` checks every fd in its list ({watched}): {ready} can be read.',

  'narr.stop.until': 'The scenario’s time is up at {ms} ms: the run stops here.',
  'narr.stop.idle':
    'Nothing more will happen: the clients are done and the server sleeps. The run ends at {ms} ms.',
  'narr.stop.exited': 'The server process has exited: the run ends at {ms} ms.',
  'narr.stop.maxEvents': 'The run reached its event limit at {ms} ms and stops here.',
  'narr.stop.budget':
    'The run reached its work budget at {ms} ms and stops here: the lab says which budget, and how to raise it.',
  'narr.stop.detail': 'Replies the clients received in all: {replies}.',
} satisfies Messages;
