/* recv.c - recvfrom(2) on a connected loopback TCP socket whose receive queue
 * already holds the data (the sender filled it, untimed, before each sample),
 * for several sizes; and recvfrom/accept4 failing with EAGAIN.
 * A least-squares line over the sizes gives base cost + per-byte copy cost. */
#include "bench.h"
#include <sys/ioctl.h>

#define BATCH_BYTES (512 * 1024)

static char buf[1 << 20];

static void fill(int cli, int srv, long bytes) {
    for (long sent = 0; sent < bytes;) {
        long n = bytes - sent > 65536 ? 65536 : bytes - sent;
        ssize_t r = send(cli, buf, (size_t)n, 0);
        if (r < 0) die("send");
        sent += r;
    }
    for (long spins = 0;; spins++) { /* loopback delivers in the sender's context */
        int q = 0;
        ioctl(srv, FIONREAD, &q);
        if (q >= bytes) return;
        if (spins > 1000000) { fprintf(stderr, "data never arrived\n"); exit(1); }
    }
}

int main(void) {
    pin_cpu(0);
    uint16_t port;
    int l = tcp_listener(16, &port), cli, srv;
    tcp_pair(l, port, &cli, &srv);

    static const long sizes[] = {16, 1024, 4096, 16384, 65536};
    for (unsigned s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        long size = sizes[s], per_batch = BATCH_BYTES / size;
        if (per_batch > 2048) per_batch = 2048; /* 16 B: keep a sample near 1 ms */
        double samples[SAMPLES];
        for (int k = -1; k < SAMPLES; k++) { /* k = -1: warm-up */
            fill(cli, srv, per_batch * size);
            uint64_t t0 = now_ns();
            for (long i = 0; i < per_batch; i++)
                if (recvfrom(srv, buf, (size_t)size, 0, NULL, NULL) != size) die("recvfrom");
            if (k >= 0) samples[k] = (double)(now_ns() - t0) / (double)per_batch;
        }
        char key[64];
        snprintf(key, sizeof key, "recv_ready_%ldB", size);
        report(key, median(samples, SAMPLES));
    }

    /* EAGAIN: the receive queue is empty and the socket is non-blocking. */
    set_nonblock(srv);
    MEASURE("recv_eagain", {
        if (recvfrom(srv, buf, 1024, 0, NULL, NULL) != -1 || errno != EAGAIN) die("recv eagain");
    });
    set_nonblock(l);
    MEASURE("accept4_eagain", {
        if (accept4(l, NULL, NULL, SOCK_NONBLOCK) != -1 || errno != EAGAIN) die("accept eagain");
    });
    return 0;
}
