# Blocking echo server that forgets end-of-file: it leaves a client only on an exception.
# After the client's normal close, recv() returns b'' at once, every time; sending b'' sends
# nothing, so no error ever comes back. The inner loop spins at 100% CPU and never returns to
# accept(): the next client connects (the kernel completes its handshake) and is never served.
import socket

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind((HOST, PORT))
listener.listen(BACKLOG)

while True:
    conn, addr = listener.accept()
    while True:  # only an exception ends this loop
        try:
            data = conn.recv(RECV_SIZE)  # b'' once the client has closed: no wait, no error
            conn.send(data.upper())  # missing: if not data: break
        except OSError:
            break
    conn.close()
