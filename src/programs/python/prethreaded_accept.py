# Pre-threaded: POOL_SIZE threads, started up front, all call accept() on one listening socket.
import socket
import threading

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024
POOL_SIZE = 3


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


def worker():
    while True:
        conn, addr = server.accept()  # every idle worker sleeps here; a connection wakes one
        handle(conn)


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)
for _ in range(POOL_SIZE - 1):
    threading.Thread(target=worker, daemon=True).start()
worker()  # the main thread is a worker too
