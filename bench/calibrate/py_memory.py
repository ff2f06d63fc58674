"""py_memory.py - memory of CPython 3.11 server-like processes, in bytes.

Each measurement runs in a fresh interpreter (python3 py_memory.py PART):
  bare     a process that imported socket and select and holds a listening
           socket: Rss, Pss and USS (Private_Clean + Private_Dirty) from
           /proc/self/smaps_rollup.
  threads  the same process starts NTHREADS threading.Threads, each blocked in
           sock.recv(); growth of RSS and of VmSize (reserved virtual memory,
           mostly the thread stacks: `ulimit -s`) per thread.
  fork     the same process forks NCHILD children; each serves a short echo
           exchange (10 x recv 1 KiB / upper() / sendall) on a socketpair and
           then blocks; the parent reads each child's smaps_rollup: USS is the
           copy-on-write pages the child made its own (plus its new objects).
           Also reported: a child that blocks right after fork (idle).
Prints "key value" lines (keys end in _bytes).
"""
import os
import resource
import select  # noqa: F401  (part of the measured footprint)
import socket
import statistics
import subprocess
import sys
import threading
import time

NTHREADS = 64
NCHILD = 16


def rollup(pid="self"):
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                out[parts[0].rstrip(":")] = int(parts[1]) * 1024
    out["Uss"] = out["Private_Clean"] + out["Private_Dirty"]
    return out


def status(pid="self"):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if v.strip().endswith("kB"):
                out[k] = int(v.split()[0]) * 1024
    return out


def report(key, value):
    print(f"{key} {value:.0f}", flush=True)


def listener():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(128)
    return s


def part_bare():
    _ = listener()
    r = rollup()
    report("py_bare_rss_bytes", r["Rss"])
    report("py_bare_pss_bytes", r["Pss"])
    report("py_bare_uss_bytes", r["Uss"])


def part_threads():
    _ = listener()
    pairs = [socket.socketpair() for _ in range(NTHREADS)]
    # one warm-up thread first, so one-off costs (thread machinery, the first
    # malloc arena) are not charged to every thread
    warm = threading.Thread(target=pairs[0][0].recv, args=(16,))
    warm.start()
    time.sleep(0.2)
    r0, s0 = rollup(), status()
    threads = [threading.Thread(target=a.recv, args=(16,)) for a, _ in pairs[1:]]
    for t in threads:
        t.start()
    time.sleep(0.5)  # all blocked in recv
    r1, s1 = rollup(), status()
    n = len(threads)
    report("py_thread_rss_bytes", (r1["Rss"] - r0["Rss"]) / n)
    report("py_thread_vmsize_bytes", (s1["VmSize"] - s0["VmSize"]) / n)
    report("py_stack_rlimit_bytes", resource.getrlimit(resource.RLIMIT_STACK)[0])
    for _, b in pairs:
        b.send(b"x")
    for t in threads + [warm]:
        t.join()


def serve(sock):
    for _ in range(10):
        data = sock.recv(1024)
        sock.sendall(data.upper())


def part_fork():
    _ = listener()
    for mode in ("idle", "served"):
        kids, gates = [], []
        for _ in range(NCHILD):
            a, b = socket.socketpair()
            ready_r, ready_w = os.pipe()
            gate_r, gate_w = os.pipe()
            pid = os.fork()
            if pid == 0:
                if mode == "served":
                    serve(a)
                os.write(ready_w, b"r")  # ready to be measured
                os.read(gate_r, 1)       # block until the parent is done
                os._exit(0)
            if mode == "served":
                for _ in range(10):
                    b.sendall(b"q" * 1024)
                    got = 0
                    while got < 1024:
                        got += len(b.recv(4096))
            os.read(ready_r, 1)
            kids.append(pid)
            gates.append(gate_w)
        uss = [rollup(p)["Uss"] for p in kids]
        pss = [rollup(p)["Pss"] for p in kids]
        rss = [rollup(p)["Rss"] for p in kids]
        report(f"py_fork_child_{mode}_uss_bytes", statistics.median(uss))
        report(f"py_fork_child_{mode}_pss_bytes", statistics.median(pss))
        report(f"py_fork_child_{mode}_rss_bytes", statistics.median(rss))
        for g in gates:
            os.write(g, b"x")
        for p in kids:
            os.waitpid(p, 0)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        {"bare": part_bare, "threads": part_threads, "fork": part_fork}[sys.argv[1]]()
    else:
        for part in ("bare", "threads", "fork"):
            subprocess.run([sys.executable, __file__, part], check=True)
