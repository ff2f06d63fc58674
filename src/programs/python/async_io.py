# Asynchronous I/O with io_uring. ILLUSTRATIVE ONLY: Python's stdlib has no io_uring,
# so `uring` is an imagined minimal binding. ring.submit() stands for io_uring_enter(2)
# (submit), ring.wait_cqe() for io_uring_enter(2) with IORING_ENTER_GETEVENTS, and
# uring.Ring() for io_uring_setup(2) plus the mmap of its two queues.
import socket

import uring  # imagined

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(BACKLOG)

ring = uring.Ring(entries=64)
buffers = {}  # fd -> the buffer the kernel fills for us

ring.prep_accept(server.fileno(), user_data=('accept', server.fileno()))
ring.submit()  # the kernel now does the work; we do not wait on any socket

while True:
    cqe = ring.wait_cqe()  # a completion: the operation is already done
    kind, fd = cqe.user_data
    if kind == 'accept':
        conn_fd = cqe.res  # the new connection's fd
        buffers[conn_fd] = bytearray(RECV_SIZE)
        ring.prep_recv(conn_fd, buffers[conn_fd], user_data=('recv', conn_fd))
        ring.prep_accept(server.fileno(), user_data=('accept', server.fileno()))
    elif kind == 'recv':
        if cqe.res <= 0:  # 0: the client closed; < 0: -errno
            ring.prep_close(fd, user_data=('close', fd))
            del buffers[fd]
        else:  # the data is already in our buffer: no recv() call to make
            reply = bytes(buffers[fd][:cqe.res]).upper()
            ring.prep_send(fd, reply, user_data=('send', fd))
            ring.prep_recv(fd, buffers[fd], user_data=('recv', fd))
    ring.submit()
