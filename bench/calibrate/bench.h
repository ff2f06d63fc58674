/* bench.h - tiny shared helpers for the calibration programs.
 * Every program prints lines "key value" (value in ns per operation, or in
 * bytes for keys ending in _bytes). Each value is the median of SAMPLES
 * timed samples of many iterations; run.sh runs every program several times
 * and reports the median across runs. Times are wall-clock
 * (CLOCK_MONOTONIC) on a pinned CPU. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline void die(const char *what) { perror(what); exit(1); }

/* Pin the calling thread to one CPU so that no migration pollutes a sample. */
static inline void pin_cpu(int cpu) {
    cpu_set_t s;
    CPU_ZERO(&s);
    CPU_SET(cpu, &s);
    if (sched_setaffinity(0, sizeof s, &s)) die("sched_setaffinity");
}

static inline int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static inline double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static inline void report(const char *key, double value) {
    printf("%s %.2f\n", key, value);
    fflush(stdout);
}

/* Samples are kept short (about SAMPLE_NS) so that most of them fit inside one
 * scheduler time slice: on a shared machine a sample that was preempted is an
 * outlier, and the median of many short samples ignores it. */
#define SAMPLES 31
#define SAMPLE_NS 2000000.0

/* MEASURE_PER(key, per, body...): run body in a loop; the iteration count is
 * first calibrated so that one sample takes about SAMPLE_NS (a multiple of 32,
 * so a body may batch work every 32 iterations using the loop counter i_);
 * then time SAMPLES samples and report the median time per iteration / per. */
#define MEASURE_PER(key, per, ...)                                          \
    do {                                                                    \
        double s_[SAMPLES];                                                 \
        long it_ = 32;                                                      \
        for (;;) { /* calibration, also a warm-up */                        \
            uint64_t t0_ = now_ns();                                        \
            for (long i_ = 0; i_ < it_; i_++) { __VA_ARGS__; }              \
            double d_ = (double)(now_ns() - t0_);                           \
            if (d_ >= SAMPLE_NS / 4) {                                      \
                it_ = ((long)((double)it_ * SAMPLE_NS / d_) / 32 + 1) * 32; \
                break;                                                      \
            }                                                               \
            it_ *= 2;                                                       \
        }                                                                   \
        for (int k_ = 0; k_ < SAMPLES; k_++) {                              \
            uint64_t t0_ = now_ns();                                        \
            for (long i_ = 0; i_ < it_; i_++) { __VA_ARGS__; }              \
            s_[k_] = (double)(now_ns() - t0_) / (double)it_ / (per);        \
        }                                                                   \
        report(key, median(s_, SAMPLES));                                   \
    } while (0)
#define MEASURE(key, ...) MEASURE_PER(key, 1, __VA_ARGS__)

static inline void raise_nofile(rlim_t n) {
    struct rlimit r = {n, n};
    if (setrlimit(RLIMIT_NOFILE, &r)) die("setrlimit(RLIMIT_NOFILE)");
}

/* A listening TCP socket on 127.0.0.1 (ephemeral port); *port gets the port. */
static inline int tcp_listener(int backlog, uint16_t *port) {
    int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t al = sizeof a;
    if (l < 0) die("socket");
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(l, (struct sockaddr *)&a, sizeof a)) die("bind");
    if (listen(l, backlog)) die("listen");
    getsockname(l, (struct sockaddr *)&a, &al);
    *port = ntohs(a.sin_port);
    return l;
}

static inline int tcp_connect(uint16_t port) {
    int c = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (c < 0) die("socket");
    if (connect(c, (struct sockaddr *)&a, sizeof a)) die("connect");
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return c;
}

/* A connected loopback TCP pair: *cli is the connecting end, *srv the accepted end.
 * Both have TCP_NODELAY; buffers are enlarged so batches of data fit. */
static inline void tcp_pair(int listener, uint16_t port, int *cli, int *srv) {
    int one = 1, big = 8 << 20;
    *cli = tcp_connect(port);
    *srv = accept(listener, NULL, NULL);
    if (*srv < 0) die("accept");
    setsockopt(*srv, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(*srv, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big);
    setsockopt(*cli, SOL_SOCKET, SO_SNDBUFFORCE, &big, sizeof big);
}

/* Close a connection without leaving TIME_WAIT behind (RST via SO_LINGER 0). */
static inline void close_rst(int fd) {
    struct linger lg = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    close(fd);
}

static inline void set_nonblock(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }
