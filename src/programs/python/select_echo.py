# I/O multiplexing with select(): one call waits on every socket.
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
        if sock is server:  # readable listening socket: a connection is waiting
            conn, addr = server.accept()
            inputs.append(conn)
            continue
        try:
            data = sock.recv(RECV_SIZE)  # will not block: select said it is ready
            if data:
                sock.send(data.upper())
                continue
        except (ConnectionResetError, BrokenPipeError):  # reset, or gone while we answered
            pass
        inputs.remove(sock)  # b'' or an error: this client has left
        sock.close()
