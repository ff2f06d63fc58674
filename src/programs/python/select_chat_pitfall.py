# Chat room over select(), the mistake: a client that leaves is never removed.
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

while True:
    readable, _, _ = select.select(inputs, [], [], TIMEOUT)
    for sock in readable:
        if sock is server:
            conn, addr = server.accept()
            inputs.append(conn)
            continue
        data = sock.recv(RECV_SIZE)  # after the client closes: b'', again and again
        answer = input(f"client {inputs.index(sock)} says {data.decode()!r}> ")
        sock.sendall(answer.encode())  # the second answer to a closed client: BrokenPipeError
