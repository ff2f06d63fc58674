# I/O multiplexing with epoll (level-triggered): the kernel keeps the interest list.
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
ep = select.epoll()
ep.register(server.fileno(), select.EPOLLIN)  # registered once, not on every wait
sockets = {server.fileno(): server}

while True:
    for fd, event in ep.poll(-1 if TIMEOUT is None else TIMEOUT):
        sock = sockets[fd]
        if sock is server:
            conn, addr = server.accept()
            ep.register(conn.fileno(), select.EPOLLIN)
            sockets[conn.fileno()] = conn
            continue
        try:
            data = sock.recv(RECV_SIZE)
            if data:
                sock.send(data.upper())
                continue
        except (ConnectionResetError, BrokenPipeError):  # reset, or gone while we answered
            pass
        ep.unregister(fd)  # b'' or an error: this client has left
        del sockets[fd]
        sock.close()
