/**
 * The cost model: what each kernel operation and each piece of CPython work costs, measured on
 * this project's machine (a 2-vCPU AMD EPYC Zen 4 KVM guest, Linux 6.18, CPython 3.11.7) by the
 * programs in bench/calibrate/ (run.sh). Every figure is a median over 15 runs, each run itself
 * the median of 31 short samples (Python: 21); the raw figures are in
 * bench/calibrate/results.json and the method, the spread and published reference points are in
 * docs/calibration.md. A VM with Spectre/SRSO mitigations on a shared host is slower than bare
 * metal for kernel entry and for deep kernel paths (see the doc); the figures are this
 * machine's, not a typical server's.
 */

/** All costs in integer nanoseconds, bytes in bytes. Each field says where its number comes from. */
export interface CostModel {
  syscallNs: number; // trap into the kernel and back (trivial syscall)
  copyNsPerByte: number; // copying between kernel and user space, per byte (may be fractional)
  recvNs: number; // recvfrom with data ready, excluding the per-byte copy
  eagainNs: number; // recvfrom that fails with EAGAIN
  acceptEagainNs: number; // accept4 that fails with EAGAIN (it allocates, then frees, a socket)
  sendNs: number; // sendto on loopback TCP, excluding the per-byte copy
  acceptNs: number;
  socketNs: number;
  bindNs: number;
  listenNs: number;
  setsockoptNs: number;
  closeNs: number;
  ioctlNs: number;
  fcntlNs: number;
  // select walks its bitmaps up to nfds a 64-bit word at a time and polls only the fds in the set:
  // a cost per word, one per watched fd, and one more per watched fd when it sleeps (wait-queue add/remove).
  selectBaseNs: number;
  selectPerWordNs: number;
  selectPerFdNs: number;
  selectPerFdSleepNs: number;
  pollBaseNs: number;
  pollPerFdNs: number;
  pollPerFdSleepNs: number;
  epollCreateNs: number;
  epollCtlNs: number;
  epollWaitBaseNs: number;
  epollWaitPerReadyNs: number;
  contextSwitchNs: number; // direct cost of switching a core to another thread
  wakeupNs: number; // kernel work to wake a sleeping thread (try_to_wake_up)
  threadCreateNs: number;
  forkNs: number;
  signalDeliveryNs: number;
  ioUringSubmitNs: number;
  ioUringCompleteNs: number;
  packetRxNs: number; // softirq work to receive one segment into a socket (charged as system time)
  pythonLineNs: number; // CPython: the Python side of a line that calls a socket method
  pythonStatementNs: number; // CPython: a plain statement that makes no call into the kernel
  pythonExceptionNs: number; // CPython: raising and catching an OSError subclass
  pythonThreadStartNs: number; // CPython threading.Thread start, user part
  processBaseBytes: number; // resident memory of a CPython server process
  threadStackReservedBytes: number;
  threadResidentBytes: number; // per Python thread
  forkChildResidentBytes: number; // private (USS) pages of a forked CPython child
  socketKernelBytes: number;
  epollItemBytes: number;
}

export const LINUX_CPYTHON_COSTS: CostModel = {
  // bench/calibrate/syscall.c: syscall(SYS_getppid) 219 ns (15-run median; quiet runs 166-175 ns).
  syscallNs: 219,
  // recv.c: least-squares slope of recvfrom 16 B..64 KiB (0.62 us at 16 B, 3.67 us at 64 KiB): 0.047 ns/B, ~21 GB/s.
  copyNsPerByte: 0.047,
  // recv.c: recvfrom of 16 B with data queued 619 ns, less 16 B of copy.
  recvNs: 618,
  // recv.c: recvfrom on an empty non-blocking socket 372 ns. (accept4 with an empty queue costs 3.5 us:
  // Linux allocates the new socket file before it looks at the queue and frees it on EAGAIN.)
  eagainNs: 372,
  // docs/calibration.md: accept4 on an empty non-blocking listener, 3 525 ns (3 164–4 363), recv.c
  acceptEagainNs: 3525,
  // send.c: sendto of 16 B on loopback TCP, TCP_NODELAY, 3.70 us; includes the receive path that
  // loopback runs in the sender's context (packetRxNs, about 1.78 us of it).
  sendNs: 3703,
  // sockops.c: accept4 with the connection already in the accept queue, 2.42 us.
  acceptNs: 2419,
  // sockops.c: socket(AF_INET, SOCK_STREAM) 2.83 us.
  socketNs: 2831,
  // sockops.c: bind to 127.0.0.1:fixed port, 1.16 us.
  bindNs: 1162,
  // sockops.c: listen(128), 735 ns.
  listenNs: 735,
  // sockops.c: setsockopt(SO_REUSEADDR), 354 ns.
  setsockoptNs: 354,
  // sockops.c: close() of an accepted, established connection (sends FIN over loopback) 7.45 us;
  // close() of a socket that never connected or a listening one: 2.8-3.0 us.
  closeNs: 7454,
  // sockops.c: ioctl(FIONBIO) 257 ns (what socket.setblocking uses).
  ioctlNs: 257,
  // sockops.c: fcntl(F_SETFL, O_NONBLOCK) 205 ns (F_GETFL 180 ns).
  fcntlNs: 205,
  // multiplex.c: select (glibc -> pselect6), timeout 0, on 1 ready socket: 555 ns, less one fd.
  selectBaseNs: 478,
  // multiplex.c: select over N idle TCP sockets + 1 ready, timeout 0: 1.04 us at 11 fds, 77.2 us at 1001 -> 77 ns/fd.
  selectPerFdNs: 77,
  // One watched fd at nfds = 1007 (16 words, all but one empty): 2.5 us, less the base and one fd, over 16 words.
  selectPerWordNs: 122,
  // block.c: a select that sleeps and is woken: 304 ns/fd in all (16.5 us at 11 fds, 317 us at 1001),
  // less two scans (before sleeping and after the wake-up) = 150 ns/fd to add and remove the wait-queue entries.
  selectPerFdSleepNs: 150,
  // multiplex.c: poll, timeout 0, on 1 ready socket: 322 ns, less one fd.
  pollBaseNs: 255,
  // multiplex.c: poll over N idle + 1 ready, timeout 0: 816 ns at 11 fds, 67.3 us at 1001 -> 67 ns/fd.
  pollPerFdNs: 67,
  // block.c: a poll that sleeps: 294 ns/fd in all, less two scans = 160 ns/fd for the wait-queue entries.
  pollPerFdSleepNs: 160,
  // multiplex.c: epoll_create1(0) 1.12 us.
  epollCreateNs: 1117,
  // multiplex.c: epoll_ctl(EPOLL_CTL_ADD) 1.11 us (MOD 532 ns, DEL 869 ns).
  epollCtlNs: 1113,
  // multiplex.c: epoll_wait returning 1 ready fd, timeout 0: 453 ns (446-460 ns with 1 to 1001 fds
  // registered: flat), less the one reported fd below.
  epollWaitBaseNs: 329,
  // multiplex.c: epoll_wait reporting k ready of 100 (level-triggered): 462 ns at k=1, 12.7 us at k=100 -> 124 ns each.
  epollWaitPerReadyNs: 124,
  // ctxsw.c: two threads on one core ping-pong with futexes, 2.17 us per hop, less the futex calls
  // without a switch (571 ns) and the wake-up (959 ns). Via pipes: 0.90 us; between processes: 0.87 us.
  contextSwitchNs: 640,
  // ctxsw.c: extra cost of FUTEX_WAKE when a thread sleeps on the futex (waker on the same core,
  // SCHED_FIFO so it is not preempted), over FUTEX_WAKE with no waiter: 959 ns.
  wakeupNs: 959,
  // proc.c: pthread_create + pthread_join of an empty thread, 21.5 us (one core, so thread exit included).
  threadCreateNs: 21503,
  // py_costs.py: os.fork() in a 15.8 MB CPython process, until it returns in the parent: 277 us.
  // (fork+_exit+waitpid: 1.23 ms for CPython, 156 us for a 1 MB C program, proc.c.)
  forkNs: 277241,
  // signal.c: kill(getpid(), SIGUSR1) with a handler 2.55 us, less kill(getpid(), 0) 482 ns:
  // signal frame (with AVX-512 state), handler, rt_sigreturn. SIGIO from an O_ASYNC socket adds 2.32 us to a send.
  signalDeliveryNs: 2070,
  // uring.c (raw syscalls): one IORING_OP_RECV of 16 B with data ready per io_uring_enter 1.08 us,
  // less the per-operation part below = the enter itself.
  ioUringSubmitNs: 697,
  // uring.c: 32 RECVs per io_uring_enter: 407 ns each -> each further RECV + CQE costs 385 ns.
  ioUringCompleteNs: 385,
  // send.c + perf: 48% of a loopback send's samples are net_rx_action under sendto (IP, TCP input,
  // queueing to the peer): 0.48 x 3.70 us.
  packetRxNs: 1778,
  // py_costs.py: user CPU time (getrusage) of `try: c.recv(1024, MSG_PEEK) except BlockingIOError: pass`
  // on a socket with data, 380 ns: the Python side of a line that makes a socket call. (A pure-Python
  // statement such as `x = d["k"]` costs only 15-30 ns.)
  pythonLineNs: 380,
  // docs/calibration.md: a plain statement (no call into the kernel) is 15–30 ns of user time
  pythonStatementNs: 25,
  // py_costs.py: the same loop when recv fails with EAGAIN: 961 ns user, 581 ns more than a
  // successful call (errno -> BlockingIOError, traceback, except). `raise BlockingIOError(...)` in Python: 164 ns.
  pythonExceptionNs: 581,
  // py_costs.py: threading.Thread(target=f).start(); join(): 24.1 us of user CPU (40.2 us system, 64 us wall).
  pythonThreadStartNs: 24081,
  // py_memory.py: Rss of python3.11 with socket and select imported and a listening socket: 15.8 MB
  // (Pss 11.2 MB, private 8.5 MB).
  processBaseBytes: 15_835_136,
  // py_memory.py: RLIMIT_STACK (ulimit -s) 8 MiB, glibc's default thread stack. VmSize grows 23.3 MB
  // per thread in all, the rest being malloc arenas (64 MiB each, up to 8 per core).
  threadStackReservedBytes: 8_388_608,
  // py_memory.py: Rss growth per threading.Thread blocked in recv, 63 threads: 16.1 kB.
  threadResidentBytes: 16_059,
  // py_memory.py: private (USS) pages of a forked child after a 10-message echo exchange, 1.00 MB
  // (idle right after fork: 0.95 MB; Pss 1.6 MB).
  forkChildResidentBytes: 1_001_472,
  // kmem.c: /proc/slabinfo growth per idle connected TCP socket: TCP 2368 + sock_inode 832 + filp 192
  // + dentry 192 + a 128 B object + LSM 56 = 3768 B (no buffered data).
  socketKernelBytes: 3_768,
  // kmem.c: per EPOLL_CTL_ADD: epitem 128 B (fs/eventpoll.c: BUILD_BUG_ON sizeof(struct epitem) > 128)
  // + eppoll_entry 64 B + epitems_head 16 B.
  epollItemBytes: 208,
};
