"""py_costs.py - CPython 3.11 costs, timed with time.perf_counter_ns.

Prints "key value" lines like the C programs (ns per operation). Keys:
  py_loop_empty          one iteration of `for _ in r: pass` (loop overhead)
  py_stmt_*              one iteration of a loop whose body is that statement
                         (loop overhead included; run.sh also reports it without)
  py_raise_catch         try: raise BlockingIOError(...) / except BlockingIOError
  py_recv_eagain_wall    `try: c.recv(1024) except BlockingIOError: pass` on an
                         empty non-blocking TCP socket, wall time per call
  py_recv_eagain_user/_sys  the same split into user and system CPU time with
                         resource.getrusage (the kernel samples user/system at
                         each tick, so these come from runs of about 1 s)
  py_recv_peek_user/_sys the same loop, but each socket holds 1 byte and the
                         call is c.recv(1024, MSG_PEEK): a recv that succeeds
                         (and leaves the byte queued), so no exception; its user
                         time is the Python side of a line that makes a call
  py_thread_start_join_wall/_user/_sys  threading.Thread(target=f).start(); join()
  py_fork_wait_wall      os.fork(); child os._exit(0); parent os.waitpid()
  py_fork_parent_wall    just os.fork() as seen by the parent (until it returns
                         there; the child runs after, on the same core): the
                         fork syscall for a CPython-sized process plus
                         CPython's before/after-fork hooks
The process is pinned to CPU 0 (os.sched_setaffinity), like the C programs.
Wall figures are the median of SAMPLES short samples (a few ms each, so that
most are not preempted on a shared machine).
"""
import errno
import os
import resource
import socket
import statistics
import threading
import time

SAMPLES = 21


def per_iter(fn, n):
    """Median over SAMPLES of the wall ns per iteration of fn(n)."""
    fn(n)  # warm-up
    out = []
    for _ in range(SAMPLES):
        t0 = time.perf_counter_ns()
        fn(n)
        out.append((time.perf_counter_ns() - t0) / n)
    return statistics.median(out)


def cpu_split(fn, n, repeats=3):
    """Median user and system CPU ns per iteration of fn(n) (getrusage)."""
    user, system = [], []
    for _ in range(repeats):
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        fn(n)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        user.append((r1.ru_utime - r0.ru_utime) * 1e9 / n)
        system.append((r1.ru_stime - r0.ru_stime) * 1e9 / n)
    return statistics.median(user), statistics.median(system)


def report(key, value):
    print(f"{key} {value:.2f}", flush=True)


# --- simple statements ------------------------------------------------------
data = bytes(range(256)) * 4  # 1 KiB
d = {"fd": 7, "state": "reading"}
a, b = 12345, 678


class Conn:
    def __init__(self):
        self.buf = b""

    def handle(self):
        return None


conn = Conn()


def loop_empty(n):
    for _ in range(n):
        pass


def stmt_add(n):
    for _ in range(n):
        x = a + b


def stmt_dict_get(n):
    for _ in range(n):
        x = d["state"]


def stmt_attr(n):
    for _ in range(n):
        x = conn.buf


def stmt_method_call(n):
    for _ in range(n):
        conn.handle()


def stmt_upper_1k(n):
    for _ in range(n):
        x = data.upper()


def stmt_concat_1k(n):
    for _ in range(n):
        x = conn.buf + data


def try_pass(n):
    for _ in range(n):
        try:
            pass
        except BlockingIOError:
            pass


def raise_catch(n):
    for _ in range(n):
        try:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        except BlockingIOError:
            pass


def main():
    os.sched_setaffinity(0, {0})
    N = 100_000  # a few ms per sample for the simple statements
    report("py_loop_empty", per_iter(loop_empty, N))
    report("py_stmt_add", per_iter(stmt_add, N))
    report("py_stmt_dict_get", per_iter(stmt_dict_get, N))
    report("py_stmt_attr", per_iter(stmt_attr, N))
    report("py_stmt_method_call", per_iter(stmt_method_call, N))
    report("py_stmt_upper_1k", per_iter(stmt_upper_1k, N // 20))
    report("py_stmt_concat_1k", per_iter(stmt_concat_1k, N))
    report("py_try_pass", per_iter(try_pass, N))
    report("py_raise_catch", per_iter(raise_catch, N // 10))

    # --- recv on 100 empty non-blocking sockets -----------------------------
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    clients, conns = [], []
    for _ in range(100):
        clients.append(socket.create_connection(listener.getsockname()))
        c, _ = listener.accept()
        c.setblocking(False)
        conns.append(c)

    def eagain_loop(n):
        for _ in range(n // 100):
            for c in conns:
                try:
                    c.recv(1024)
                except BlockingIOError:
                    pass

    report("py_recv_eagain_wall", per_iter(eagain_loop, 2000))
    user, system = cpu_split(eagain_loop, 800_000)
    report("py_recv_eagain_user", user)
    report("py_recv_eagain_sys", system)

    for c in clients:
        c.send(b"x")
    time.sleep(0.1)  # every accepted socket now has 1 byte queued

    def peek_loop(n):
        for _ in range(n // 100):
            for c in conns:
                try:
                    c.recv(1024, socket.MSG_PEEK)
                except BlockingIOError:
                    pass

    report("py_recv_peek_wall", per_iter(peek_loop, 2000))
    user, system = cpu_split(peek_loop, 800_000)
    report("py_recv_peek_user", user)
    report("py_recv_peek_sys", system)

    # --- threads and processes ------------------------------------------------
    def nothing():
        pass

    def thread_loop(n):
        for _ in range(n):
            t = threading.Thread(target=nothing)
            t.start()
            t.join()

    report("py_thread_start_join_wall", per_iter(thread_loop, 40))
    user, system = cpu_split(thread_loop, 10_000)
    report("py_thread_start_join_user", user)
    report("py_thread_start_join_sys", system)

    def fork_loop(n):
        for _ in range(n):
            pid = os.fork()
            if pid == 0:
                os._exit(0)
            os.waitpid(pid, 0)

    report("py_fork_wait_wall", per_iter(fork_loop, 5))

    samples = []
    for _ in range(SAMPLES * 5):
        t0 = time.perf_counter_ns()
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        samples.append(time.perf_counter_ns() - t0)
        os.waitpid(pid, 0)
    report("py_fork_parent_wall", statistics.median(samples))


if __name__ == "__main__":
    main()
