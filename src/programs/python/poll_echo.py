# I/O multiplexing with poll(): like select(), without the 1024-fd limit.
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
poller = select.poll()
poller.register(server, select.POLLIN)
sockets = {server.fileno(): server}  # poll() answers with fds

while True:
    for fd, event in poller.poll(None if TIMEOUT is None else TIMEOUT * 1000):
        sock = sockets[fd]
        if sock is server:
            conn, addr = server.accept()
            poller.register(conn, select.POLLIN)
            sockets[conn.fileno()] = conn
            continue
        try:
            data = sock.recv(RECV_SIZE)
            if data:
                sock.send(data.upper())
                continue
        except (ConnectionResetError, BrokenPipeError):  # reset, or gone while we answered
            pass
        poller.unregister(sock)  # b'' or an error: this client has left
        del sockets[fd]
        sock.close()
