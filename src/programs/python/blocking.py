# Blocking I/O: one thread serves one connection at a time.
import socket

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)

while True:
    conn, addr = server.accept()  # sleeps until a client connects
    while True:
        try:
            data = conn.recv(RECV_SIZE)  # sleeps until data (or FIN) arrives
            if not data:  # b'': the client closed its end
                break
            conn.send(data.upper())
        except (ConnectionResetError, BrokenPipeError):  # the client left mid-conversation
            break
    conn.close()
