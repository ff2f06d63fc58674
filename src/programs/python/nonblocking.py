# Non-blocking I/O: one thread polls every socket in turn.
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
        conn.setblocking(False)  # accept() does not pass O_NONBLOCK on
        conns.append(conn)
    except BlockingIOError:  # nobody is waiting to connect
        pass
    for conn in list(conns):  # a copy: we may remove while looping
        try:
            data = conn.recv(RECV_SIZE)
            if data:
                conn.send(data.upper())
                continue
        except BlockingIOError:  # no data yet: ask the next one
            continue
        except (ConnectionResetError, BrokenPipeError):  # the client is gone
            pass
        conns.remove(conn)  # b'' or an error: drop this client
        conn.close()
    if POLL_SLEEP:
        time.sleep(POLL_SLEEP)
