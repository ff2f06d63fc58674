/* block.c - select/poll/epoll_wait that really sleep, on ONE core.
 *
 * Method: the main thread and a writer thread are both pinned to CPU 0; the
 * writer runs under SCHED_IDLE, so it only gets the CPU once the main thread
 * has gone to sleep. Each iteration the main thread arms the writer and calls
 * select/poll/epoll_wait (timeout 1 s) on N idle sockets plus one more
 * (N = 0, 10, 100, 1000); no fd
 * is ready, so the kernel registers the caller on every socket's wait queue
 * and sleeps; the writer then sends 1 byte to the last socket, which wakes the
 * main thread; select/poll rescan all fds, unregister from every wait queue and
 * return; the main thread reads the byte. Wall time per iteration on one core
 * is the sum of all the CPU work. Everything except the per-fd work is the
 * same for every N, so the slope over N minus the slope of two timeout-0 scans
 * (multiplex.c) is the wait-queue add+remove cost per fd. Mode "recv" (block
 * in recv on the one socket, no multiplexer) is the baseline round trip. */
#include "bench.h"
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/epoll.h>
#include <sys/select.h>

#define NMAX 1000
static int srv[NMAX + 1], cli[NMAX + 1];
static atomic_int armed;
static int target = -1; /* client socket the writer sends to */

static void *writer(void *arg) {
    (void)arg;
    pin_cpu(0);
    struct sched_param sp = {0};
    if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &sp)) die("SCHED_IDLE");
    char b = 'x';
    for (;;) {
        while (!atomic_load_explicit(&armed, memory_order_acquire)) ;
        atomic_store(&armed, 0);
        if (send(target, &b, 1, 0) != 1) die("writer send");
    }
    return NULL;
}

enum mode { M_RECV, M_SELECT, M_POLL, M_EPOLL };
static const char *names[] = {"recv", "select", "poll", "epoll_wait"};

/* One sample: iterations for about SAMPLE_NS; returns ns per iteration. */
static double run(enum mode m, int n, long *iters, long *sleeps) {
    fd_set master, rd;
    struct pollfd pfds[NMAX + 1];
    struct epoll_event evs[8];
    int ep = -1;
    FD_ZERO(&master);
    for (int i = 0; i <= n; i++) {
        FD_SET(srv[i], &master);
        pfds[i] = (struct pollfd){.fd = srv[i], .events = POLLIN};
    }
    if (m == M_EPOLL) {
        ep = epoll_create1(0);
        for (int i = 0; i <= n; i++) {
            struct epoll_event ev = {.events = EPOLLIN, .data.fd = srv[i]};
            epoll_ctl(ep, EPOLL_CTL_ADD, srv[i], &ev);
        }
    }
    target = cli[n];
    char b;
    struct rusage r0, r1;
    getrusage(RUSAGE_THREAD, &r0);
    uint64_t t0 = now_ns();
    long i;
    for (i = 0; i < 2 || (double)(now_ns() - t0) < SAMPLE_NS; i++) {
        atomic_store_explicit(&armed, 1, memory_order_release);
        switch (m) {
        case M_RECV: break;
        case M_SELECT: {
            struct timeval tv = {1, 0};
            rd = master;
            if (select(srv[n] + 1, &rd, NULL, NULL, &tv) != 1) die("select");
            break;
        }
        case M_POLL: if (poll(pfds, (nfds_t)n + 1, 1000) != 1) die("poll"); break;
        case M_EPOLL: if (epoll_wait(ep, evs, 8, 1000) != 1) die("epoll_wait"); break;
        }
        if (recv(srv[n], &b, 1, 0) != 1) die("recv");
    }
    double per = (double)(now_ns() - t0) / (double)i;
    *iters += i;
    getrusage(RUSAGE_THREAD, &r1);
    *sleeps += r1.ru_nvcsw - r0.ru_nvcsw;
    if (ep >= 0) close(ep);
    return per;
}

int main(void) {
    pin_cpu(0);
    raise_nofile(4096);
    uint16_t port;
    int l = tcp_listener(4096, &port);
    for (int i = 0; i <= NMAX; i++) {
        int c = tcp_connect(port);
        cli[i] = fcntl(c, F_DUPFD, 1100);
        close(c);
        srv[i] = accept(l, NULL, NULL);
        if (cli[i] < 0 || srv[i] < 0 || srv[i] >= FD_SETSIZE) die("setup");
    }
    pthread_t w;
    pthread_create(&w, NULL, writer, NULL);

    static const int ns[] = {0, 10, 100, 1000};
    char key[64];
    for (int m = M_RECV; m <= M_EPOLL; m++) {
        for (int j = 0; j < 4; j++) {
            int n = ns[j];
            if (m == M_RECV && j > 0) break; /* recv watches one socket: no N */
            long iters = 0, sleeps = 0;
            double s[SAMPLES];
            for (int k = 0; k < SAMPLES; k++) s[k] = run((enum mode)m, n, &iters, &sleeps);
            if (sleeps < (long)(0.99 * (double)iters))
                fprintf(stderr, "warning: %s %d slept only %ld of %ld times\n", names[m], n, sleeps, iters);
            if (m == M_RECV) snprintf(key, sizeof key, "block_recv_roundtrip");
            else snprintf(key, sizeof key, "block_%s_%d_roundtrip", names[m], n);
            report(key, median(s, SAMPLES));
        }
    }
    return 0;
}
