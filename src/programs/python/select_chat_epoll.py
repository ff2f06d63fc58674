# Chat room over epoll (level-triggered): ready sockets come back in the order they became ready.
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
ep.register(server.fileno(), select.EPOLLIN)
inputs = [server]  # numbers the clients, as in the select() version
sockets = {server.fileno(): server}


def drop(sock):
    ep.unregister(sock.fileno())
    del sockets[sock.fileno()]
    inputs.remove(sock)
    sock.close()


while True:
    for fd, event in ep.poll(-1 if TIMEOUT is None else TIMEOUT):
        sock = sockets[fd]
        if sock is server:
            conn, addr = server.accept()
            ep.register(conn.fileno(), select.EPOLLIN)
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
