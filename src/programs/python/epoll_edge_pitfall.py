# epoll, edge-triggered, the mistake: one recv per event strands the rest of the data.
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
            while True:
                try:
                    conn, addr = server.accept()
                except BlockingIOError:
                    break
                conn.setblocking(False)
                ep.register(conn.fileno(), select.EPOLLIN | select.EPOLLET)
                sockets[conn.fileno()] = conn
            continue
        try:
            data = sock.recv(RECV_SIZE)  # bug: whatever is left waits for the next edge
            if data:
                sock.send(data.upper())
                continue
        except BlockingIOError:
            continue
        except (ConnectionResetError, BrokenPipeError):  # the client is gone
            pass
        ep.unregister(fd)  # b'' or an error: this client has left
        del sockets[fd]
        sock.close()
