#!/usr/bin/env python3
"""Probe: how many connect()s complete against a listener that never accepts?

    python3 tools/record-strace/backlog_probe.py [BACKLOG]

Listens with listen(BACKLOG), never calls accept(), and connects BACKLOG + 3 clients one
after another, each with a 2.5 s timeout. Prints how long each connect() took.
"""
import socket
import sys
import time

backlog = int(sys.argv[1]) if len(sys.argv) > 1 else 2
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('127.0.0.1', 0))
server.listen(backlog)
addr = server.getsockname()
clients = []
for i in range(backlog + 3):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.settimeout(2.5)
    start = time.monotonic()
    try:
        c.connect(addr)
        result = 'connected'
    except OSError as e:
        result = f'failed: {e!r}'
    print(f'client {i + 1}: {result} after {(time.monotonic() - start) * 1000:.0f} ms')
    clients.append(c)
