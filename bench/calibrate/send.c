/* send.c - sendto(2) of 16 B, 1 KiB and 16 KiB on a connected loopback TCP
 * socket (TCP_NODELAY, so every call emits a segment). On loopback the kernel
 * also runs the receive path (softirq: IP, TCP, queue to the peer socket) in
 * the sender's context, so this is the sender's cost including delivery.
 * Only the sendto() is timed; the peer reads the data (untimed) after every
 * call, as a client reading its responses would, so queues stay short.
 * (Streaming hundreds of small segments into a peer that does not read makes
 * each send slower and slower as the queues grow: not the case modelled.)
 * The cost of the two clock reads around each call is subtracted. */
#include "bench.h"

static char buf[1 << 20];

static void drain(int fd, long bytes) {
    while (bytes > 0) {
        ssize_t r = recv(fd, buf, sizeof buf, 0);
        if (r <= 0) die("recv");
        bytes -= r;
    }
}

static double clock_cost(void) {
    double s[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) {
        uint64_t total = 0;
        for (int i = 0; i < 1000; i++) {
            uint64_t t0 = now_ns();
            total += now_ns() - t0;
        }
        s[k] = (double)total / 1000;
    }
    return median(s, SAMPLES);
}

static void bench(const char *key, int cli, int srv, long size, double clk) {
    double samples[SAMPLES];
    for (int k = -1; k < SAMPLES; k++) { /* k = -1: warm-up */
        uint64_t total = 0;
        for (int i = 0; i < 256; i++) {
            uint64_t t0 = now_ns();
            if (sendto(cli, buf, (size_t)size, 0, NULL, 0) != size) die("sendto");
            total += now_ns() - t0;
            drain(srv, size);
        }
        if (k >= 0) samples[k] = (double)total / 256 - clk;
    }
    report(key, median(samples, SAMPLES));
}

int main(int argc, char **argv) {
    (void)argv;
    pin_cpu(0);
    uint16_t port;
    int l = tcp_listener(16, &port), cli, srv;
    tcp_pair(l, port, &cli, &srv);
    double clk = clock_cost();
    /* With an argument: loop on 16 B sends for a profiler (perf record). */
    if (argc > 1) for (;;) bench("send_16B", cli, srv, 16, clk);
    bench("send_16B", cli, srv, 16, clk);
    bench("send_1024B", cli, srv, 1024, clk);
    bench("send_16384B", cli, srv, 16384, clk);
    return 0;
}
