# selectors: the stdlib picks the best multiplexer (epoll on Linux) and calls you back.
import selectors
import socket

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024
TIMEOUT = None

sel = selectors.DefaultSelector()


def accept(server, mask):
    conn, addr = server.accept()
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, read)


def read(conn, mask):
    try:
        data = conn.recv(RECV_SIZE)
        if data:
            conn.send(data.upper())
            return
    except (ConnectionResetError, BrokenPipeError):  # the client is gone
        pass
    sel.unregister(conn)  # b'' or an error: forget this client
    conn.close()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)
server.setblocking(False)
sel.register(server, selectors.EVENT_READ, accept)  # data = the callback

while True:
    for key, mask in sel.select(TIMEOUT):
        key.data(key.fileobj, mask)
