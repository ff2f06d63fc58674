#!/usr/bin/env bash
# run.sh [RUNS] - build and run every calibration program RUNS times (default 5),
# then print one table (median over runs) and write results.json beside this
# script. Needs gcc and python3; root for kmem (slabinfo) and futex_wake_waiter_extra
# (SCHED_FIFO); perf (optional) for packet_rx_share. About 2-3 minutes per run.
# Binaries and raw output go to $BUILD (default: a fresh temporary directory).
# On a shared machine other work inflates every figure (it preempts the pinned
# benchmark and evicts its caches), so each program waits, up to $QUIET_WAIT
# seconds (default 120), until the machine has been nearly idle for a second.
# Runs from several sessions can be pooled afterwards:
#   python3 aggregate.py RAW1 RAW2 ... results.json
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-5}
py=${PYTHON:-python3}
build=${BUILD:-$(mktemp -d /tmp/iolab-calibrate.XXXXXX)}
progs="syscall recv send sockops multiplex block ctxsw proc signal uring"
quiet_wait=${QUIET_WAIT:-120}

# Percentage of all CPU time that was busy during the last second.
busy_pct() {
    local u n s i w q sq st b0 t0
    read -r _ u n s i w q sq st _ </proc/stat
    b0=$((u + n + s + q + sq + st)) t0=$((u + n + s + i + w + q + sq + st))
    sleep 1
    read -r _ u n s i w q sq st _ </proc/stat
    echo $(((u + n + s + q + sq + st - b0) * 100 / (u + n + s + i + w + q + sq + st - t0)))
}
# Wait until under 10% of the machine (a fifth of a core on 2 cores) was busy.
wait_quiet() {
    local b=unknown
    for _ in $(seq "$quiet_wait"); do
        b=$(busy_pct)
        [ "$b" -lt 10 ] && { echo "# busy $b% before $1" >>"$raw"; return; }
    done
    echo "# busy $b% before $1 (gave up waiting)" >>"$raw"
    echo "machine still busy ($b%): running $1 anyway" >&2
}

for p in $progs kmem; do
    gcc -O2 -Wall -Wextra -pthread -o "$build/$p" "$here/$p.c"
done

raw=$build/raw.txt
: >"$raw"
for r in $(seq "$runs"); do
    echo "# run $r" >>"$raw"
    echo "# loadavg $(cat /proc/loadavg)" >>"$raw"
    for p in $progs; do
        echo "run $r/$runs: $p" >&2
        wait_quiet "$p"
        "$build/$p" | sed "s/^/$p.c /" >>"$raw"
    done
    echo "run $r/$runs: py_costs.py, py_memory.py" >&2
    wait_quiet py_costs.py
    "$py" "$here/py_costs.py" | sed "s/^/py_costs.py /" >>"$raw"
    "$py" "$here/py_memory.py" | sed "s/^/py_memory.py /" >>"$raw"
done
echo "# loadavg $(cat /proc/loadavg)" >>"$raw"

echo "kmem (slabinfo, repeats internally)" >&2
"$build/kmem" 2>"$build/kmem.txt" | sed "s/^/kmem.c /" >>"$raw" || true

# Share of a loopback TCP send spent receiving the segment (net_rx_action
# below sendto: IP + TCP input + queueing to the peer), from a cpu-clock
# call-graph profile of `send loop` (perf is optional).
if command -v perf >/dev/null; then
    wait_quiet perf
    perf record -q -e cpu-clock -F 10000 -g -o "$build/send.perf" -- timeout 4 "$build/send" loop \
        >/dev/null 2>&1 || true # timeout ends it: exit status 124
    perf script -i "$build/send.perf" -F comm,ip,sym 2>/dev/null |
        awk 'BEGIN { RS = "" } /__x64_sys_sendto/ { s++; if (/net_rx_action/) r++ }
             END { if (s > 1000) printf "send.c+perf packet_rx_share %.4f\n", r / s }' >>"$raw"
fi
grep -q packet_rx_share "$raw" || echo "perf unavailable: packet_rx_share not measured" >&2

"$py" "$here/aggregate.py" "$raw" "$here/results.json"
echo "raw output: $raw; results: $here/results.json" >&2
