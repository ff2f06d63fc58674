# One thread per connection: a blocked recv only stops its own thread.
import socket
import threading

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024


def handle(conn):
    while True:
        try:
            data = conn.recv(RECV_SIZE)
            if not data:
                break
            conn.send(data.upper())
        except (ConnectionResetError, BrokenPipeError):  # the client left mid-conversation
            break
    conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)

while True:
    conn, addr = server.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
