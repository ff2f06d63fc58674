# A fixed pool of threads: connection POOL_SIZE + 1 waits for a free worker.
import socket
from concurrent.futures import ThreadPoolExecutor

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024
POOL_SIZE = 2


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
pool = ThreadPoolExecutor(max_workers=POOL_SIZE)

while True:
    conn, addr = server.accept()
    pool.submit(handle, conn)  # queued until a worker is free
