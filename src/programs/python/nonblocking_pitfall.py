# Non-blocking I/O, the classic mistake: only the listening socket is non-blocking.
import socket
import time

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024
POLL_SLEEP = 0

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)
server.setblocking(False)
conns = []

while True:
    try:
        conn, addr = server.accept()
        conns.append(conn)  # still a blocking socket
    except BlockingIOError:
        gone = []
        for conn in conns:
            try:
                data = conn.recv(RECV_SIZE)  # blocks the whole loop until this client speaks
                conn.send(data.upper())
            except BlockingIOError:
                pass
            except ConnectionResetError:
                gone.append(conn)
        for conn in gone:
            conns.remove(conn)
            conn.close()
    if POLL_SLEEP:
        time.sleep(POLL_SLEEP)
