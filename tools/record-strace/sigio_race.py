#!/usr/bin/env python3
"""Catches the signal-driven listing's lost wakeup on the real kernel and CPython.

    python3 tools/record-strace/sigio_race.py [--trials N] [--want K] [--strace FILE]

src/programs/python/signal_driven.py tests its `ready` flag and then calls signal.pause(). A
SIGIO that lands after the test and before pause() is handled by CPython's C handler (it only
sets a flag); the Python handler that would set `ready` runs after pause() returns, and pause()
waits for the next signal. Data that arrived in that window stays unread until something else
raises SIGIO. The soak found it in the simulator (docs/fidelity.md); this shows Linux does the
same with the unmodified listing, where a scripted recording (record.py --serial, which waits for
the server to fall asleep before each action) never lands in the window.

Two clients, A and B. Each trial: A sends a byte (the server wakes, echoes it, finds B empty and
goes back to pause()), B sends a byte a random few microseconds later, then waits for its echo.
No echo within --wait seconds is a lost wakeup only if the kernel confirms it: the server's main
thread is asleep in pause() (/proc/PID/syscall: 34) while the byte sits in the server-side
socket's receive queue (/proc/net/tcp rx_queue). Then the other client sends: its SIGIO wakes the
server, which finally echoes the byte. (A's byte can be the lost one too: the next trial starts as
soon as both echoes are back, sometimes while the server is still on its way to pause().) With --strace the server runs under `strace -f -ttt -o FILE`.
Prints one line per confirmed lost wakeup and the totals; exit status 0 when at least K were found.
"""
import argparse
import random
import re
import select
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LISTING = ROOT / 'src' / 'programs' / 'python' / 'signal_driven.py'
NR_PAUSE = 34  # x86_64


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def server_pid(proc, traced):
    if not traced:
        return proc.pid
    for _ in range(200):  # strace's child: the python process
        try:
            kids = Path(f'/proc/{proc.pid}/task/{proc.pid}/children').read_text().split()
            if kids:
                return int(kids[0])
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit('strace started no child')


def rx_queue(server_port, client_port):
    """Bytes waiting in the server-side socket of the connection from client_port."""
    for line in Path('/proc/net/tcp').read_text().splitlines()[1:]:
        f = line.split()
        local, remote = f[1], f[2]
        if int(local.split(':')[1], 16) == server_port and int(remote.split(':')[1], 16) == client_port:
            return int(f[4].split(':')[1], 16)
    return None


def in_pause(pid):
    try:
        return Path(f'/proc/{pid}/syscall').read_text().split()[0] == str(NR_PAUSE)
    except OSError:
        return False


def read_exactly(sock, n, timeout):
    got = b''
    end = time.monotonic() + timeout
    while len(got) < n:
        left = end - time.monotonic()
        if left <= 0 or not select.select([sock], [], [], left)[0]:
            break
        chunk = sock.recv(n - len(got))
        if not chunk:
            break
        got += chunk
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--trials', type=int, default=20000)
    ap.add_argument('--want', type=int, default=3, help='stop after this many confirmed lost wakeups')
    ap.add_argument('--wait', type=float, default=0.2, help='seconds without an echo before checking')
    ap.add_argument('--strace', help='run the server under strace -f -ttt -o FILE')
    args = ap.parse_args()

    port = free_port()
    work = Path(tempfile.mkdtemp(prefix='sigio-race-'))
    program = work / 'signal_driven.py'
    source, n = re.subn(r'^PORT = .*$', f'PORT = {port}', LISTING.read_text(), count=1, flags=re.M)
    assert n == 1
    program.write_text(source)
    cmd = [sys.executable, str(program)]
    if args.strace:
        cmd = ['strace', '-f', '-ttt', '-o', args.strace] + cmd
    proc = subprocess.Popen(cmd, env={'PYTHONUNBUFFERED': '1', 'PATH': '/usr/bin:/bin'})
    try:
        pid = server_pid(proc, bool(args.strace))
        for _ in range(500):
            try:
                a = socket.create_connection(('127.0.0.1', port))
                break
            except ConnectionRefusedError:
                time.sleep(0.01)
        else:
            raise SystemExit('the server never listened')
        b = socket.create_connection(('127.0.0.1', port))
        b_port = b.getsockname()[1]
        # Round trip of one echo to A: how long the server's loop takes, the range B's delay covers.
        rtts = []
        for _ in range(50):
            t0 = time.perf_counter()
            a.send(b'a')
            assert read_exactly(a, 1, 5) == b'A', 'no echo to A'
            rtts.append(time.perf_counter() - t0)
        span = sorted(rtts)[len(rtts) // 2] * 1.5
        print(f'median echo round trip {span / 1.5 * 1e6:.0f} us; B sends 0..{span * 1e6:.0f} us after A')
        lost = 0
        trial = 0
        for trial in range(1, args.trials + 1):
            delay = random.uniform(0, span)
            a.send(b'a')
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < delay:
                pass
            b.send(b'b')
            for name, sock, other, other_echo in (('B', b, a, b'A'), ('A', a, b, b'B')):
                if read_exactly(sock, 1, args.wait) == name.encode():
                    continue
                queued = rx_queue(port, sock.getsockname()[1])
                paused = in_pause(pid)
                if paused and queued:
                    lost += 1
                    print(
                        f'trial {trial}: lost wakeup: no echo to {name} after {args.wait} s; the server sleeps in '
                        f'pause() with {queued} byte(s) unread on {name}\'s connection (B sent {delay * 1e6:.0f} us after A)'
                    )
                else:
                    print(f'trial {trial}: {name} waited {args.wait} s, unconfirmed (in pause: {paused}, queued: {queued})')
                other.send(other_echo.lower())  # a new SIGIO: the server wakes and reads the byte at last
                assert read_exactly(sock, 1, 5) == name.encode(), f'{name} never got its echo'
                assert read_exactly(other, 1, 5) == other_echo
            if lost >= args.want:
                break
        print(f'sigio_race: {lost} confirmed lost wakeups in {trial} trials')
        a.close()
        b.close()
        return 0 if lost >= args.want else 1
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    sys.exit(main())
