# One process per connection: fork() copies the server, fds included.
import os
import signal
import socket

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024


def handle(conn):
    while True:
        try:
            data = conn.recv(RECV_SIZE)
            if not data:
                break
            conn.send(data.upper())
        except (ConnectionResetError, BrokenPipeError):  # the client left mid-conversation
            break
    conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps exited children: no zombies

while True:
    conn, addr = server.accept()
    if os.fork() == 0:  # child
        server.close()  # the child never accepts
        handle(conn)
        os._exit(0)
    conn.close()  # parent: the child has its own copy of this fd
