# epoll, edge-triggered: told once per change, so drain each socket until it is empty.
import select
import socket

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024
TIMEOUT = None

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)
server.setblocking(False)
ep = select.epoll()
ep.register(server.fileno(), select.EPOLLIN | select.EPOLLET)
sockets = {server.fileno(): server}

while True:
    for fd, event in ep.poll(-1 if TIMEOUT is None else TIMEOUT):
        sock = sockets[fd]
        if sock is server:
            while True:  # accept everyone who is waiting
                try:
                    conn, addr = server.accept()
                except BlockingIOError:
                    break
                conn.setblocking(False)  # draining must end in EAGAIN, not block
                ep.register(conn.fileno(), select.EPOLLIN | select.EPOLLET)
                sockets[conn.fileno()] = conn
            continue
        while True:  # read until the buffer is empty
            try:
                data = sock.recv(RECV_SIZE)
                if data:
                    sock.send(data.upper())
                    continue
            except BlockingIOError:  # drained: wait for the next edge
                break
            except (ConnectionResetError, BrokenPipeError):  # the client is gone
                pass
            ep.unregister(fd)  # b'' or an error: this client has left
            del sockets[fd]
            sock.close()
            break
