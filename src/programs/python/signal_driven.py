# Signal-driven I/O: the kernel sends SIGIO when a socket becomes ready.
import fcntl
import os
import signal
import socket

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024

ready = False


def on_sigio(signum, frame):
    global ready
    ready = True  # SIGIO does not say which fd, and pending SIGIOs merge into one


def make_async(sock):
    fcntl.fcntl(sock, fcntl.F_SETOWN, os.getpid())  # send SIGIO to this process
    fcntl.fcntl(sock, fcntl.F_SETFL, os.O_ASYNC | os.O_NONBLOCK)


signal.signal(signal.SIGIO, on_sigio)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)
make_async(server)
conns = []

while True:
    if not ready:  # a SIGIO landing between this test and pause() waits for the next one
        signal.pause()  # sleep until a signal arrives
    ready = False
    while True:  # no fd was named: try every socket until each says EAGAIN
        try:
            conn, addr = server.accept()
        except BlockingIOError:
            break
        make_async(conn)
        conns.append(conn)
    for conn in list(conns):
        while True:
            try:
                data = conn.recv(RECV_SIZE)
                if data:
                    conn.send(data.upper())
                    continue
            except BlockingIOError:  # drained
                break
            except (ConnectionResetError, BrokenPipeError):  # the client is gone
                pass
            conns.remove(conn)  # b'' or an error: drop this client
            conn.close()
            break
