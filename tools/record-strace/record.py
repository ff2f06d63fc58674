#!/usr/bin/env python3
"""Records what a real Linux kernel and CPython do for a scenario.

    python3 tools/record-strace/record.py                 # every scenario with a listing
    python3 tools/record-strace/record.py src/scenarios/files/select.json ...

For each scenario: copy the model's listing from src/programs/python with its constants set
from the scenario's options, run it under `strace -f -ttt`, wait until it listens, drive the
scripted clients with real sockets, stop the server at untilMs, and write
fixtures/strace/<id>.strace and fixtures/strace/<id>.replies.json.
"""
import argparse
import ast
import json
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from clients import start_clients

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / 'src' / 'programs' / 'python'
SCENARIOS = ROOT / 'src' / 'scenarios' / 'files'
OUT = ROOT / 'fixtures' / 'strace'

# model (+ epoll trigger or chat mechanism) [/ variant] -> listing in src/programs/python
LISTINGS = {
    'blocking': 'blocking.py',
    'thread-per-connection': 'thread_per_connection.py',
    'process-per-connection': 'process_per_connection.py',
    'thread-pool': 'thread_pool.py',
    'thread-pool-workers': 'prethreaded_accept.py',  # acceptIn "workers": every thread accepts
    'nonblocking': 'nonblocking.py',
    'nonblocking/pitfall': 'nonblocking_pitfall.py',
    'select': 'select_echo.py',
    'poll': 'poll_echo.py',
    'epoll-level': 'epoll_echo.py',
    'epoll-edge': 'epoll_edge.py',
    'epoll-edge/pitfall': 'epoll_edge_pitfall.py',
    'selectors': 'selectors_echo.py',
    'signal-driven': 'signal_driven.py',
    'asyncio': 'asyncio_echo.py',
    'async-io': None,  # async_io.py is illustrative: the stdlib has no io_uring
    'select-chat-select': 'select_chat.py',
    'select-chat-select/pitfall': 'select_chat_pitfall.py',
    'select-chat-poll': 'select_chat_poll.py',
    'select-chat-epoll': 'select_chat_epoll.py',
}


def listing_for(model, options):
    """The listing a model + trigger + mechanism + variant stands for (None: not runnable)."""
    if model == 'epoll':
        model += '-' + options.get('trigger', 'level')
    elif model == 'select-chat':
        model += '-' + options.get('mechanism', 'select')
    elif model == 'thread-pool' and options.get('acceptIn', 'main') == 'workers':
        model += '-workers'
    variant = options.get('variant', 'fixed')
    key = model if variant == 'fixed' else f'{model}/{variant}'
    if key not in LISTINGS:
        raise SystemExit(f'no listing for {key!r}')
    return LISTINGS[key]


def constants(options, port):
    """Listing constants to set, as Python source text."""
    values = {'PORT': repr(port)}
    if 'recvSize' in options:
        values['RECV_SIZE'] = repr(options['recvSize'])
    if 'backlog' in options:
        values['BACKLOG'] = repr(options['backlog'])
    if 'poolSize' in options:
        values['POOL_SIZE'] = repr(options['poolSize'])
    if 'pollSleepMs' in options:
        values['POLL_SLEEP'] = repr(options['pollSleepMs'] / 1000)
    if 'timeoutMs' in options:
        t = options['timeoutMs']
        values['TIMEOUT'] = 'None' if t is None else repr(t / 1000)
    return values


def substitute(source, values):
    for name, value in values.items():
        source, n = re.subn(rf'^{name} = .*$', f'{name} = {value}', source, count=1, flags=re.M)
        if n == 0 and name != 'PORT':
            print(f'note: the listing has no {name}; option ignored', file=sys.stderr)
    return source


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def listening(port):
    """True once some socket listens on 127.0.0.1:port (state 0A in /proc/net/tcp)."""
    want = f'0100007F:{port:04X}'
    with open('/proc/net/tcp') as f:
        return any(line.split()[1] == want and line.split()[3] == '0A' for line in f.readlines()[1:])


def descendants(pid):
    """pid's descendant processes, found through /proc/<pid>/task/*/children."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        for task in Path(f'/proc/{p}/task').glob('*'):
            try:
                kids = [int(k) for k in (task / 'children').read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


class Operator(threading.Thread):
    """The chat room's operator: reads each input() prompt, waits, types an answer."""

    PROMPT = re.compile(r'client (\d+) says (.*)> $', re.S)

    def __init__(self, proc, options):
        super().__init__(daemon=True)
        self.proc = proc
        self.delay = options.get('answerDelayMs', 1000) / 1000
        self.answers = list(options.get('answers', []))

    def answer_for(self, message):
        return self.answers.pop(0) if self.answers else message.upper()

    def run(self):
        fd, text = self.proc.stdout.fileno(), ''
        while chunk := os.read(fd, 4096):
            text += chunk.decode('utf-8', 'replace')
            m = self.PROMPT.search(text)
            if not m:
                continue
            try:
                message = ast.literal_eval(m.group(2))
            except (ValueError, SyntaxError):
                continue  # only part of the prompt so far
            text = ''
            time.sleep(self.delay)
            answer = self.answer_for(message)
            print(f'operator: client {m.group(1)} said {message!r}, answering {answer!r}', file=sys.stderr)
            try:
                self.proc.stdin.write((answer + '\n').encode())
                self.proc.stdin.flush()
            except BrokenPipeError:
                return


class Settler:
    """Waits until the server has caught up (record.py --serial, before each client action and
    before the stop): every thread of every server process asleep ('S', and not in read(0), where
    the chat room waits for its operator) in two samples 2 ms apart; for a server that polls (a
    timeout, or non-blocking sockets) also nothing queued on its sockets (accept queue and receive
    queues, /proc/net/tcp), since it sleeps between rounds with data waiting; for one that never
    sleeps (busy polling), after 50 ms, nothing queued is enough. It gives up after LIMIT s and
    counts that: a lagging recording is reported, never hidden (the fidelity tool prints the counts)."""

    LIMIT = 3.0

    def __init__(self, pid, port, polls):
        self.pid, self.port, self.polls = pid, port, polls
        self.waits, self.longest, self.unsettled = 0, 0.0, 0

    def asleep(self):
        for pid in descendants(self.pid):
            for task in Path(f'/proc/{pid}/task').glob('*'):
                try:
                    state = (task / 'stat').read_text().rsplit(')', 1)[1].split()[0]
                    call = (task / 'syscall').read_text().split()[:2] if state == 'S' else []
                except (OSError, IndexError):
                    continue  # gone meanwhile
                if state in ('Z', 'X'):
                    continue
                if state != 'S' or call == ['0', '0x0']:
                    return False
        return True

    def drained(self):
        mine = f':{self.port:04X}'
        with open('/proc/net/tcp') as f:
            for line in f.readlines()[1:]:
                cols = line.split()
                if cols[1].endswith(mine) and int(cols[4].split(':')[1], 16):
                    return False
        return True

    def __call__(self, between=lambda: time.sleep(0.002)):
        """`between`: what to do between two samples (the client reads its replies)."""
        start = time.monotonic()
        streak = 0
        while time.monotonic() - start < self.LIMIT:
            waited = time.monotonic() - start
            if self.polls:
                ok = (waited > 0.05 or self.asleep()) and self.drained()
            else:
                ok = self.asleep()
            streak = streak + 1 if ok else 0
            if streak >= 2:
                break
            between()
        else:
            self.unsettled += 1
        self.waits += 1
        self.longest = max(self.longest, time.monotonic() - start)

    def report(self):
        return f'settle: {self.waits} waits, longest {round(self.longest * 1000)} ms, unsettled {self.unsettled}'


def polls(model, options):
    """Whether the server sleeps between rounds while data may wait for it (a timeout, or the
    non-blocking server's sleeps). Not the pitfalls that strand data on purpose: the non-blocking
    one blocks in recv, the edge-triggered one leaves bytes unread."""
    if model == 'nonblocking':
        return options.get('variant', 'fixed') == 'fixed'
    if model == 'epoll' and options.get('trigger') == 'edge' and options.get('variant') == 'pitfall':
        return False
    return options.get('timeoutMs') is not None


def limit_fds(n=1024):
    resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))  # ulimit -n: 1024 is select's FD_SETSIZE


def record(path, out=OUT, serial=False):
    scenario = json.loads(Path(path).read_text())
    sid, model, options = scenario['id'], scenario['model'], scenario.get('options', {})
    # model python: the scenario carries its own program (its PORT = ... line is set like a listing's)
    listing = 'program.py' if model == 'python' else listing_for(model, options)
    if listing is None:
        print(f'{sid}: {model} has no runnable listing; skipped', file=sys.stderr)
        return False
    port = free_port()
    until = scenario.get('untilMs', 3000) / 1000
    out.mkdir(parents=True, exist_ok=True)
    trace = out / f'{sid}.strace'
    with tempfile.TemporaryDirectory(prefix='iolab-') as tmp:
        program = Path(tmp) / listing
        source = scenario['program']['source'] if model == 'python' else (PROGRAMS / listing).read_text()
        program.write_text(substitute(source, {'PORT': str(port)} if model == 'python' else constants(options, port)))
        stderr = open(Path(tmp) / 'stderr', 'w+')
        proc = subprocess.Popen(['strace', '-f', '-ttt', '-o', str(trace), sys.executable, str(program)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                cwd=tmp, preexec_fn=lambda: limit_fds(options.get('fdLimit', 1024)))
        operator = Operator(proc, options)
        operator.start()
        deadline = time.monotonic() + 20
        while not listening(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                if proc.poll() is None:  # never leave it running (it may hold another port)
                    for pid in descendants(proc.pid):
                        os.kill(pid, signal.SIGKILL)
                    proc.wait()
                stderr.seek(0)
                raise SystemExit(f'{sid}: the server never listened\n{stderr.read()}')
            time.sleep(0.01)
        t0, stop = time.monotonic(), threading.Event()
        settler = Settler(proc.pid, port, polls(model, options)) if serial else None
        clients, sequencer = start_clients(scenario, ('127.0.0.1', port), t0, stop, serial, settler)
        time.sleep(max(0.0, t0 + until - time.monotonic()))
        if settler:  # the actions may have waited for the server: the run lasts as long after the last one
            last = max((a['at'] for c in scenario.get('clients', []) for a in c.get('actions', [])), default=0)
            finished = sequencer.all_done(stop)
            time.sleep(max(0.0, finished + until - last / 1000 - time.monotonic()))
            settler()
        stop.set()  # the clients stop reading but keep their sockets open...
        for c in clients:
            c.join()
        # ...until the server is gone, so that the end of the run leaves no trace.
        for pid in descendants(proc.pid):
            os.kill(pid, signal.SIGTERM)
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            for pid in descendants(proc.pid):
                os.kill(pid, signal.SIGKILL)
            proc.wait()
        for c in clients:
            c.finish()
        stderr.seek(0)
        if err := stderr.read().strip():
            print(f'{sid}: server stderr:\n{err}', file=sys.stderr)
    replies = sorted((r for c in clients for r in c.replies), key=lambda r: r['atMs'])
    (out / f'{sid}.replies.json').write_text(json.dumps(replies, indent=1, ensure_ascii=False) + '\n')
    print(f'{sid}: {listing}, {len(replies)} replies, {sum(1 for _ in open(trace))} trace lines', file=sys.stderr)
    if settler:
        print(f'{sid}: {settler.report()}', file=sys.stderr)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('scenarios', nargs='*', help='scenario JSON files (default: every file in src/scenarios/files)')
    parser.add_argument('--out', type=Path, default=OUT, help=f'where to write (default: {OUT.relative_to(ROOT)})')
    parser.add_argument('--serial', action='store_true',
                        help='no client action before every earlier action of any client is done (the fidelity tool\'s generated scenarios)')
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):
        print(f'note: the listings are meant for CPython 3.11; this is {sys.version.split()[0]}', file=sys.stderr)
    for path in args.scenarios or sorted(SCENARIOS.glob('*.json')):
        record(path, args.out, args.serial)


if __name__ == '__main__':
    main()
