/* uring.c - io_uring through raw syscalls (no liburing).
 *  uring_nop_1: one IORING_OP_NOP submitted and reaped per io_uring_enter.
 *  uring_nop_32: 32 NOPs per io_uring_enter, per NOP.
 *  uring_recv_ready_1: one IORING_OP_RECV of 16 B per io_uring_enter, data
 *    already queued (the recv runs inline during submission).
 *  uring_recv_ready_32: 32 such RECVs per io_uring_enter, per RECV.
 *  uring_recv_armed: a RECV submitted on an empty socket (io_uring arms an
 *    internal poll), then 16 B sent from the peer (which completes the RECV
 *    through task_work), then the CQE reaped with io_uring_enter(GETEVENTS);
 *    the whole sequence, including the send. Compare with send_16B. */
#include "bench.h"
#include <linux/io_uring.h>
#include <stdatomic.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

static int ring_fd;
static unsigned *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
static struct io_uring_sqe *sqes;
static struct io_uring_cqe *cqes;
static char buf[1 << 17];

static void ring_setup(unsigned entries) {
    struct io_uring_params p = {0};
    ring_fd = (int)syscall(__NR_io_uring_setup, entries, &p);
    if (ring_fd < 0) die("io_uring_setup");
    size_t sq_sz = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    size_t cq_sz = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    if (p.features & IORING_FEAT_SINGLE_MMAP) sq_sz = cq_sz = sq_sz > cq_sz ? sq_sz : cq_sz;
    char *sq = mmap(NULL, sq_sz, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring_fd, IORING_OFF_SQ_RING);
    char *cq = (p.features & IORING_FEAT_SINGLE_MMAP) ? sq
               : mmap(NULL, cq_sz, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring_fd, IORING_OFF_CQ_RING);
    sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE,
                MAP_SHARED | MAP_POPULATE, ring_fd, IORING_OFF_SQES);
    if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED) die("mmap ring");
    sq_tail = (unsigned *)(sq + p.sq_off.tail);
    sq_mask = (unsigned *)(sq + p.sq_off.ring_mask);
    sq_array = (unsigned *)(sq + p.sq_off.array);
    cq_head = (unsigned *)(cq + p.cq_off.head);
    cq_tail = (unsigned *)(cq + p.cq_off.tail);
    cq_mask = (unsigned *)(cq + p.cq_off.ring_mask);
    cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
}

/* Queue one SQE (not yet submitted to the kernel). */
static void queue(int op, int fd, unsigned len) {
    unsigned tail = *sq_tail, idx = tail & *sq_mask;
    struct io_uring_sqe *e = &sqes[idx];
    memset(e, 0, sizeof *e);
    e->opcode = (unsigned char)op;
    e->fd = fd;
    e->addr = (unsigned long)buf;
    e->len = len;
    sq_array[idx] = idx;
    atomic_store_explicit((_Atomic unsigned *)sq_tail, tail + 1, memory_order_release);
}
static int enter(unsigned submit, unsigned wait) {
    return (int)syscall(__NR_io_uring_enter, ring_fd, submit, wait, IORING_ENTER_GETEVENTS, NULL, 0);
}
/* Reap every available CQE; returns how many. */
static int reap(int expect_res) {
    unsigned head = *cq_head, n = 0;
    while (head != atomic_load_explicit((_Atomic unsigned *)cq_tail, memory_order_acquire)) {
        if (cqes[head & *cq_mask].res != expect_res) { fprintf(stderr, "cqe res %d\n", cqes[head & *cq_mask].res); exit(1); }
        head++, n++;
    }
    atomic_store_explicit((_Atomic unsigned *)cq_head, head, memory_order_release);
    return (int)n;
}

static void fill(int cli, int srv, long bytes) {
    for (long sent = 0; sent < bytes;) {
        ssize_t r = send(cli, buf, (size_t)(bytes - sent > 65536 ? 65536 : bytes - sent), 0);
        if (r < 0) die("send");
        sent += r;
    }
    int q = 0;
    while (q < bytes) ioctl(srv, FIONREAD, &q);
}

/* per-op time of `batch` RECVs of 16 B per enter, data queued beforehand */
static double recv_ready(int cli, int srv, int batch) {
    double s[SAMPLES];
    for (int k = -1; k < SAMPLES; k++) { /* k = -1: warm-up */
        fill(cli, srv, 2048 * 16);
        uint64_t t0 = now_ns();
        for (int i = 0; i < 2048 / batch; i++) {
            for (int j = 0; j < batch; j++) queue(IORING_OP_RECV, srv, 16);
            if (enter((unsigned)batch, (unsigned)batch) != batch || reap(16) != batch) die("uring recv");
        }
        if (k >= 0) s[k] = (double)(now_ns() - t0) / 2048;
    }
    return median(s, SAMPLES);
}

int main(void) {
    pin_cpu(0);
    ring_setup(64);
    MEASURE("uring_nop_1", {
        queue(IORING_OP_NOP, -1, 0);
        if (enter(1, 1) != 1 || reap(0) != 1) die("nop");
    });
    MEASURE("uring_nop_32", { /* per NOP: one enter every 32 */
        queue(IORING_OP_NOP, -1, 0);
        if (i_ % 32 == 31 && (enter(32, 32) != 32 || reap(0) != 32)) die("nop32");
    });
    uint16_t port;
    int l = tcp_listener(16, &port), cli, srv;
    tcp_pair(l, port, &cli, &srv);
    report("uring_recv_ready_1", recv_ready(cli, srv, 1));
    report("uring_recv_ready_32", recv_ready(cli, srv, 32));
    MEASURE("uring_recv_armed", {
        queue(IORING_OP_RECV, srv, 16);
        if (enter(1, 0) != 1) die("submit armed");
        if (send(cli, buf, 16, 0) != 16) die("send");
        int got = reap(16);
        if (got == 0) { enter(0, 1); got = reap(16); }
        if (got != 1) die("armed reap");
    });
    return 0;
}
