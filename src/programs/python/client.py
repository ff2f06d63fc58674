# What every scripted client in a scenario does (IO Lab's client hosts behave like this program).
import socket
import struct
import threading
import time

HOST = '127.0.0.1'
PORT = 8080
SCRIPT = [(0.100, 'send', b'hello'), (0.500, 'close', None)]  # (seconds from the start, action, data)

replies = []


def read_replies(sock):
    while True:  # a read is always pending: each recv that returns is one reply
        try:
            data = sock.recv(4096)
        except OSError:
            return
        if not data:  # the server closed its end
            return
        replies.append(data)


start = time.monotonic()
sock = socket.create_connection((HOST, PORT))  # returns when the server's kernel completes the handshake
threading.Thread(target=read_replies, args=(sock,), daemon=True).start()
for at, action, data in SCRIPT:
    time.sleep(max(0, start + at - time.monotonic()))  # at its time, or right after the action before
    if action == 'send':
        sock.sendall(data)  # never waits for the reply
    elif action == 'close':
        sock.close()  # FIN: the server's recv returns b''
    elif action == 'reset':
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        sock.close()  # linger 0: RST, the server's recv raises ConnectionResetError
