# Chat room over select(): the operator answers each message by hand.
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
inputs = [server]


def drop(sock):
    inputs.remove(sock)
    sock.close()


while True:
    readable, _, _ = select.select(inputs, [], [], TIMEOUT)
    for sock in readable:  # in the order of inputs, not the order messages came in
        if sock is server:
            conn, addr = server.accept()
            inputs.append(conn)
            continue
        try:
            data = sock.recv(RECV_SIZE)
        except ConnectionResetError:
            data = b''
        if not data:  # b'': the client has left
            drop(sock)
            continue
        answer = input(f"client {inputs.index(sock)} says {data.decode()!r}> ")  # everyone waits for the operator
        try:
            sock.sendall(answer.encode())
        except (ConnectionResetError, BrokenPipeError):  # it left while we typed
            drop(sock)
