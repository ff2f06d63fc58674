# Chat room over poll(): the same room, the same operator.
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
inputs = [server]  # numbers the clients, as in the select() version
sockets = {server.fileno(): server}


def drop(sock):
    poller.unregister(sock)
    del sockets[sock.fileno()]
    inputs.remove(sock)
    sock.close()


while True:
    for fd, event in poller.poll(None if TIMEOUT is None else TIMEOUT * 1000):
        sock = sockets[fd]
        if sock is server:
            conn, addr = server.accept()
            poller.register(conn, select.POLLIN)
            sockets[conn.fileno()] = conn
            inputs.append(conn)
            continue
        try:
            data = sock.recv(RECV_SIZE)
        except ConnectionResetError:
            data = b''
        if not data:
            drop(sock)
            continue
        answer = input(f"client {inputs.index(sock)} says {data.decode()!r}> ")
        try:
            sock.sendall(answer.encode())
        except (ConnectionResetError, BrokenPipeError):
            drop(sock)
