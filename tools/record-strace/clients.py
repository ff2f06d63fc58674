"""The client side of a recording: one thread per scripted client, real sockets.

Each client runs its actions in order, each at the later of its `at` and the end of the
previous action. Between actions (and after the last one) it keeps reading, so a reply is
taken off the socket as soon as it arrives; every recv() is one reply.
"""
import select
import socket
import struct
import sys
import threading
import time


class Sequencer:
    """Serial timing (record.py --serial): an action starts only once every action of any client
    scheduled strictly earlier has been done, so a client thread woken late by a loaded machine
    cannot overtake another's earlier action. With `settle` (record.py's Settler), an action also
    waits until the server has caught up with the earlier ones: a server lagging under strace on a
    loaded machine would otherwise see two actions together that the script put apart."""

    def __init__(self, scenario, settle=None):
        self.left = sorted(a['at'] for c in scenario.get('clients', []) for a in c.get('actions', []))
        self.cond = threading.Condition()
        self.settle = settle
        self.finished = time.monotonic()  # when the last action done was done...
        self.last_at = 0  # ...and its scripted time

    def wait_turn(self, at, stop, between):
        """Waits (calling `between`, which reads replies for a moment) until every earlier action
        is done and as much time has passed since the last one as the script puts between them
        (an action done late shifts the ones after it: a gap never shrinks), then for the server."""
        while not stop.is_set():
            with self.cond:
                ready = not self.left or self.left[0] >= at
                due = self.finished + (at - self.last_at) / 1000
            if ready and time.monotonic() >= due:
                break
            between()
        if self.settle and not stop.is_set():
            self.settle(between)

    def all_done(self, stop):
        """Waits until every scripted action has been done (or the recording is stopped); returns
        when the last one was done (time.monotonic())."""
        with self.cond:
            self.cond.wait_for(lambda: stop.is_set() or not self.left)
            return self.finished

    def done(self, at):
        with self.cond:
            self.left.remove(at)
            self.finished = time.monotonic()
            self.last_at = max(self.last_at, at)
            self.cond.notify_all()


class Client(threading.Thread):
    def __init__(self, name, actions, addr, t0, stop, sequencer=None):
        super().__init__(name=f'client-{name}', daemon=True)
        self.client = name
        self.actions = actions
        self.addr = addr
        self.t0 = t0  # time.monotonic() of scenario time 0
        self.stop = stop  # threading.Event: the recording is over
        self.sock = None
        self.reading = False
        self.replies = []
        self.log = []
        self.connected = threading.Event()  # set once the first connect() has returned
        self.sequencer = sequencer

    def now_ms(self):
        return round((time.monotonic() - self.t0) * 1000)

    def note(self, what):
        if self.stop.is_set():
            return
        self.log.append((self.now_ms(), what))
        print(f'[{self.now_ms():6d} ms] {self.client}: {what}', file=sys.stderr)

    def read_until(self, deadline):
        """Reads replies until `deadline` (monotonic seconds) or until told to stop."""
        while not self.stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            if not self.reading:
                self.stop.wait(min(left, 0.05))
                continue
            ready, _, _ = select.select([self.sock], [], [], min(left, 0.05))
            if ready:
                self.recv_one()

    def recv_one(self, flags=0):
        """One recv(): a reply, or the end of reading (EOF, error). False when nothing came (EAGAIN)."""
        try:
            data = self.sock.recv(65536, flags)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError as e:
            self.note(f'recv failed: {e!r}')
            self.reading = False
            return True
        if not data:
            self.note('server closed the connection (recv returned b\'\')')
            self.reading = False
            return True
        self.replies.append({'client': self.client, 'data': data.decode('utf-8', 'replace'), 'atMs': self.now_ms()})
        return True

    def drain(self):
        """Takes every reply already there off the socket (each recv() is one reply)."""
        while self.reading and self.recv_one(socket.MSG_DONTWAIT):
            pass

    def act(self, action):
        do = action['do']
        if do == 'connect':
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.sock.settimeout(30)  # a full backlog makes connect() wait for SYN retries
            start = self.now_ms()
            try:
                self.sock.connect(self.addr)
            except OSError as e:
                self.note(f'connect failed: {e!r}')
                self.sock.close()
                self.sock = None
                self.connected.set()
                return
            if self.now_ms() - start > 20:
                self.note(f'connect took {self.now_ms() - start} ms')
            self.sock.settimeout(None)
            self.reading = True
            self.connected.set()
        elif self.sock is None:
            self.note(f'{do}: not connected')
        elif do == 'send':
            try:
                self.sock.sendall(action.get('data', '').encode())
            except OSError as e:
                self.note(f'send failed: {e!r}')
        elif do in ('close', 'reset'):
            self.drain()  # a reply left unread would turn the FIN into a RST
            if do == 'reset':  # linger on, 0 s: close() sends RST instead of FIN
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
            self.sock.close()
            self.sock = None
            self.reading = False
        else:
            raise ValueError(f'unknown action {do!r}')

    def run(self):
        for action in self.actions:
            self.read_until(self.t0 + action['at'] / 1000)
            if self.sequencer:
                self.sequencer.wait_turn(action['at'], self.stop, lambda: self.read_until(time.monotonic() + 0.002))
            if self.stop.is_set():
                return
            self.act(action)
            if self.sequencer:
                self.sequencer.done(action['at'])
        self.read_until(float('inf'))

    def finish(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def start_clients(scenario, addr, t0, stop, serial=False, settle=None):
    """Starts every client; the idle ones connect first, one after another, so that they are
    first in the accept queue, in order, whatever the scripted clients do at time 0."""
    idle = [Client(f'idle{i + 1}', [{'at': 0, 'do': 'connect'}], addr, t0, stop)
            for i in range(scenario.get('idleConnections', 0))]
    for c in idle:
        c.start()
        c.connected.wait(5)
    sequencer = Sequencer(scenario, settle) if serial else None
    named = [Client(c['name'], c.get('actions', []), addr, t0, stop, sequencer) for c in scenario.get('clients', [])]
    for c in named:
        c.start()
    return idle + named, sequencer
