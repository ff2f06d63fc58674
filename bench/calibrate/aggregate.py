"""aggregate.py RAW [RAW...] OUT_JSON - combine the runs of run.sh.

Each RAW holds lines "PROGRAM KEY VALUE" (one line per figure per run, plus
"# run N", "# loadavg ..." and "# busy ..." markers); several RAW files (from
several sessions of run.sh) are pooled. For every key: the median over runs
(each run's value is already the median of several samples), min and max.
Then the figures the cost model uses are derived, printed as tables and
written, with the machine description, to OUT_JSON (results.json).
"""
import json
import os
import platform
import statistics
import sys
import time

raw_paths, out_path = sys.argv[1:-1], sys.argv[-1]
values, program, loads, runs, busy = {}, {}, [], 0, []
lines = [line for path in raw_paths for line in open(path)]
for line in lines:
    parts = line.split()
    if line.startswith("# run"):
        runs += 1
    elif line.startswith("# loadavg"):
        loads.append(" ".join(parts[2:5]))
    elif line.startswith("# busy"):
        busy.append(line[2:].strip())
    elif len(parts) == 3:
        prog, key, val = parts
        values.setdefault(key, []).append(float(val))
        program[key] = prog

metrics = {}
for key, vals in values.items():
    metrics[key] = {
        "median": round(statistics.median(vals), 2),
        "min": round(min(vals), 2),
        "max": round(max(vals), 2),
        "runs": len(vals),
        "values": [round(v, 2) for v in vals],
        "unit": "bytes" if key.endswith("_bytes") else ("ratio" if key.endswith("_share") else "ns"),
        "program": program[key],
    }


def m(key):
    return metrics[key]["median"] if key in metrics else None


derived = {}


def derive(name, formula, fn):
    try:
        v = fn()
    except (TypeError, ZeroDivisionError):
        return  # an input is missing (e.g. no perf, not root)
    derived[name] = {"value": round(v, 4 if abs(v) < 1 else 1), "formula": formula}


def d(name):
    return derived[name]["value"] if name in derived else None


def lsq(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    return slope, my - slope * mx


sizes = [16, 1024, 4096, 16384, 65536]
derive("copy_ns_per_byte", "least-squares slope of recv_ready_{16B,1K,4K,16K,64KiB} against size",
       lambda: lsq([(s, m(f"recv_ready_{s}B")) for s in sizes])[0])
derive("recv_base_ns", "recv_ready_16B - 16 * copy_ns_per_byte",
       lambda: m("recv_ready_16B") - 16 * d("copy_ns_per_byte"))
derive("send_base_ns", "send_16B - 16 * copy_ns_per_byte",
       lambda: m("send_16B") - 16 * d("copy_ns_per_byte"))
for api in ("select", "poll"):
    # N idle + 1 ready: 1, 11, 101 and 1001 watched fds
    derive(f"{api}_per_fd_ns", f"({api}_1000 - {api}_10) / 990, timeout 0",
           lambda api=api: (m(f"{api}_1000_idle_1_ready") - m(f"{api}_10_idle_1_ready")) / 990)
    derive(f"{api}_base_ns", f"{api}_0 - {api}_per_fd_ns (the call with its one ready fd, less that fd)",
           lambda api=api: m(f"{api}_0_idle_1_ready") - d(f"{api}_per_fd_ns"))
    derive(f"{api}_blocking_per_fd_ns", f"(block_{api}_1000 - block_{api}_10) / 990: a sleeping call, all its per-fd work",
           lambda api=api: (m(f"block_{api}_1000_roundtrip") - m(f"block_{api}_10_roundtrip")) / 990)
    derive(f"{api}_per_fd_sleep_ns", f"{api}_blocking_per_fd_ns - 2 * {api}_per_fd_ns (two scans: before sleeping and after the wake-up)",
           lambda api=api: d(f"{api}_blocking_per_fd_ns") - 2 * d(f"{api}_per_fd_ns"))
derive("epoll_wait_per_ready_ns", "(epoll_wait_100_registered_100_ready - ..._1_ready) / 99",
       lambda: (m("epoll_wait_100_registered_100_ready") - m("epoll_wait_100_registered_1_ready")) / 99)
derive("epoll_wait_1_ready_ns", "median of epoll_wait_{0,10,100,1000}_idle_1_ready (flat in N)",
       lambda: statistics.median([m(f"epoll_wait_{n}_idle_1_ready") for n in (0, 10, 100, 1000)]))
derive("epoll_wait_base_ns", "epoll_wait_1_ready_ns - epoll_wait_per_ready_ns (the call, less its one reported fd)",
       lambda: d("epoll_wait_1_ready_ns") - d("epoll_wait_per_ready_ns"))
derive("epoll_blocking_extra_ns", "block_epoll_wait_N (median over N) - block_recv_roundtrip",
       lambda: statistics.median([m(f"block_epoll_wait_{n}_roundtrip") for n in (0, 10, 100, 1000)]) - m("block_recv_roundtrip"))
derive("select_blocking_base_extra_ns", "block_select_0 - block_recv_roundtrip: a sleeping select on 1 fd, beyond a blocking recv",
       lambda: m("block_select_0_roundtrip") - m("block_recv_roundtrip"))
derive("poll_blocking_base_extra_ns", "block_poll_0 - block_recv_roundtrip",
       lambda: m("block_poll_0_roundtrip") - m("block_recv_roundtrip"))
derive("wakeup_ns", "futex_wake_waiter_extra: try_to_wake_up on the waker's core",
       lambda: m("futex_wake_waiter_extra"))
derive("context_switch_futex_ns", "futex_pingpong_threads_per_hop - futex_self_wake_wait - wakeup_ns",
       lambda: m("futex_pingpong_threads_per_hop") - m("futex_self_wake_wait") - d("wakeup_ns"))
derive("context_switch_pipe_ns", "pipe_pingpong_threads_per_hop - pipe_self_write_read - wakeup_ns",
       lambda: m("pipe_pingpong_threads_per_hop") - m("pipe_self_write_read") - d("wakeup_ns"))
derive("context_switch_process_pipe_ns", "pipe_pingpong_processes_per_hop - pipe_self_write_read - wakeup_ns",
       lambda: m("pipe_pingpong_processes_per_hop") - m("pipe_self_write_read") - d("wakeup_ns"))
derive("signal_delivery_ns", "kill_self_sigusr1 - kill_self_sig0 (frame, handler, rt_sigreturn)",
       lambda: m("kill_self_sigusr1") - m("kill_self_sig0"))
derive("uring_complete_ns", "(32 * uring_recv_ready_32 - uring_recv_ready_1) / 31: each further RECV+CQE in one enter",
       lambda: (32 * m("uring_recv_ready_32") - m("uring_recv_ready_1")) / 31)
derive("uring_submit_ns", "uring_recv_ready_1 - uring_complete_ns: io_uring_enter itself",
       lambda: m("uring_recv_ready_1") - d("uring_complete_ns"))
derive("packet_rx_ns", "send_16B * packet_rx_share (perf: samples in net_rx_action under sendto / samples in sendto)",
       lambda: m("send_16B") * m("packet_rx_share"))
py_stmts = ["py_stmt_add", "py_stmt_dict_get", "py_stmt_attr", "py_stmt_method_call"]
derive("python_simple_stmt_ns", "median of py_stmt_{add,dict_get,attr,method_call} - py_loop_empty",
       lambda: statistics.median([m(k) for k in py_stmts]) - m("py_loop_empty"))
derive("python_line_ns", "py_recv_peek_user: user time of a loop iteration whose line makes a socket call that succeeds",
       lambda: m("py_recv_peek_user"))
derive("python_exception_ns", "py_recv_eagain_user - py_recv_peek_user: the same line when the call fails with EAGAIN (BlockingIOError raised by C, caught)",
       lambda: m("py_recv_eagain_user") - m("py_recv_peek_user"))
derive("python_raise_catch_ns", "py_raise_catch - py_try_pass (raise BlockingIOError(...) in Python, caught)",
       lambda: m("py_raise_catch") - m("py_try_pass"))
derive("python_upper_1k_ns", "py_stmt_upper_1k - py_loop_empty",
       lambda: m("py_stmt_upper_1k") - m("py_loop_empty"))
derive("python_recv_eagain_user_ns", "py_recv_eagain_user (getrusage; tick-sampled)",
       lambda: m("py_recv_eagain_user"))


def series(api, fmt):
    pts = [{"idle": n, "watched": n + 1, "ns": m(fmt.format(n))} for n in (0, 10, 100, 1000)]
    return [p for p in pts if p["ns"] is not None]


def cpu_model():
    info = {}
    for line in open("/proc/cpuinfo"):
        k, _, v = line.partition(":")
        info.setdefault(k.strip(), v.strip())
    return info


def mitigations():
    base = "/sys/devices/system/cpu/vulnerabilities"
    out = {}
    for name in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        state = open(os.path.join(base, name)).read().strip()
        if state != "Not affected":
            out[name] = state
    return out


cpu = cpu_model()
result = {
    "description": "IO Lab cost-model calibration: raw figures from bench/calibrate/run.sh",
    "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    "machine": {
        "cpu": f"{cpu.get('model name')} (family {cpu.get('cpu family')}, model {cpu.get('model')})",
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "virtualised": "hypervisor" in cpu.get("flags", "").split(),
        "cpu_vulnerabilities_not_unaffected": mitigations(),
        "python": platform.python_version(),
        "loadavg_before_after_each_run": loads,
        "machine_busy_before_each_program": busy,
    },
    "runs": runs,
    "method": "each C figure is the median of 31 samples (each ~0.1-2 ms of many iterations) within "
              "one run (Python: 21 samples); 'median' here is the median over runs; CPU 0 pinned",
    "metrics": dict(sorted(metrics.items())),
    "derived": derived,
    "series": {
        "select_timeout0": series("select", "select_{}_idle_1_ready"),
        "poll_timeout0": series("poll", "poll_{}_idle_1_ready"),
        "epoll_wait_timeout0": series("epoll", "epoll_wait_{}_idle_1_ready"),
        "select_blocking_roundtrip": series("select", "block_select_{}_roundtrip"),
        "poll_blocking_roundtrip": series("poll", "block_poll_{}_roundtrip"),
        "epoll_wait_blocking_roundtrip": series("epoll", "block_epoll_wait_{}_roundtrip"),
        "epoll_wait_k_ready_of_100": [
            {"ready": k, "ns": m(f"epoll_wait_100_registered_{k}_ready")} for k in (1, 10, 100)
            if m(f"epoll_wait_100_registered_{k}_ready") is not None],
    },
}
with open(out_path, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")

print(f"{'figure':44} {'median':>12} {'min':>12} {'max':>12}  unit   program   ({runs} runs)")
for key, v in sorted(metrics.items(), key=lambda kv: (kv[1]["program"], kv[0])):
    print(f"{key:44} {v['median']:12.2f} {v['min']:12.2f} {v['max']:12.2f}  {v['unit']:5}  {v['program']}")
print()
print(f"{'derived':34} {'value':>12}  formula")
for key, v in derived.items():
    print(f"{key:34} {v['value']:12}  {v['formula']}")
