# asyncio: coroutines on one event loop; each await parks a coroutine, not the thread.
import asyncio
import socket

HOST = '127.0.0.1'
PORT = 8080
BACKLOG = 5
RECV_SIZE = 1024


async def handle(conn):
    loop = asyncio.get_running_loop()
    while True:
        try:
            data = await loop.sock_recv(conn, RECV_SIZE)
            if not data:
                break
            await loop.sock_sendall(conn, data.upper())
        except (ConnectionResetError, BrokenPipeError):  # the client left mid-conversation
            break
    conn.close()


async def main():
    loop = asyncio.get_running_loop()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((HOST, PORT))
    server.listen(BACKLOG)
    server.setblocking(False)  # the loop's sock_* methods need non-blocking sockets
    while True:
        conn, addr = await loop.sock_accept(server)  # returns conn already non-blocking
        loop.create_task(handle(conn))


asyncio.run(main())
