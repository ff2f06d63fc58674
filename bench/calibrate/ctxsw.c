/* ctxsw.c - context switches and wake-ups, all on CPU 0 unless stated.
 *  pipe_pingpong_threads / _processes: two threads (or processes) bounce one
 *    byte over two pipes; reported per one-way hop (round trip / 2). A hop =
 *    write + wake the peer + block in read + switch.
 *  pipe_self: write 1 byte then read it back in one thread (no wake, no switch),
 *    the syscall part of a hop, as lmbench's lat_ctx subtracts.
 *  futex_pingpong_threads / futex_self: the same with FUTEX_WAKE/FUTEX_WAIT.
 *  futex_wake_waiter_extra: the waker's extra cost of FUTEX_WAKE when a thread
 *    sleeps on the futex (try_to_wake_up + enqueue) over FUTEX_WAKE with no
 *    waiter. The waker is SCHED_FIFO so the wakee cannot preempt it; between
 *    wakes it sleeps 50 us so the wakee can go back to sleep. Needs root.
 *  wakeup_latency_cross_core / same_core: from just before FUTEX_WAKE in the
 *    waker until the woken thread, back from FUTEX_WAIT, reads the clock
 *    (CLOCK_MONOTONIC in both); the sleeper's CPU is idle before the wake. */
#include "bench.h"
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <sys/wait.h>

static long futex(atomic_int *f, int op, int val) {
    return syscall(SYS_futex, f, op, val, NULL, NULL, 0);
}
static void fwait(atomic_int *f, int val) { /* sleep while *f == val */
    while (atomic_load(f) == val) futex(f, FUTEX_WAIT_PRIVATE, val);
}

static int p1[2], p2[2];
static void *pipe_echo(void *arg) {
    (void)arg;
    pin_cpu(0);
    char b;
    for (;;) {
        if (read(p1[0], &b, 1) != 1) return NULL;
        if (write(p2[1], &b, 1) != 1) return NULL;
    }
}

static atomic_int fa, fb;
static void *futex_echo(void *arg) {
    (void)arg;
    pin_cpu(0);
    for (int v = 0;; v++) { /* wait for fa to become v+1, then set fb = v+1 */
        fwait(&fa, v);
        atomic_store(&fb, v + 1);
        futex(&fb, FUTEX_WAKE_PRIVATE, 1);
    }
    return NULL;
}

static atomic_int wq;
static atomic_int stop;
static uint64_t woke_at;
static void *sleeper(void *arg) {
    pin_cpu((int)(long)arg);
    for (int v = 0; !atomic_load(&stop); v++) {
        while (atomic_load(&wq) == v) futex(&wq, FUTEX_WAIT_PRIVATE, v);
        woke_at = now_ns();
    }
    return NULL;
}

static void latency(const char *key, int cpu) {
    pthread_t t;
    double s[SAMPLES];
    atomic_store(&wq, 0);
    atomic_store(&stop, 0);
    pthread_create(&t, NULL, sleeper, (void *)(long)cpu);
    struct timespec gap = {0, 100000};
    for (int k = 0; k < SAMPLES; k++) {
        double v[101];
        for (int i = 0; i < 101; i++) {
            nanosleep(&gap, NULL); /* let the sleeper really sleep */
            uint64_t t0 = now_ns();
            woke_at = 0;
            atomic_fetch_add(&wq, 1);
            futex(&wq, FUTEX_WAKE_PRIVATE, 1);
            while (!*(volatile uint64_t *)&woke_at) sched_yield();
            v[i] = (double)(woke_at - t0);
        }
        s[k] = median(v, 101);
    }
    atomic_store(&stop, 1);
    atomic_fetch_add(&wq, 1);
    futex(&wq, FUTEX_WAKE_PRIVATE, 1);
    pthread_join(t, NULL);
    report(key, median(s, SAMPLES));
}

int main(void) {
    pin_cpu(0);
    pthread_t t;
    char b = 'x';

    if (pipe(p1) || pipe(p2)) die("pipe");
    MEASURE("pipe_self_write_read", { write(p1[1], &b, 1); read(p1[0], &b, 1); });
    pthread_create(&t, NULL, pipe_echo, NULL);
    MEASURE_PER("pipe_pingpong_threads_per_hop", 2, {
        if (write(p1[1], &b, 1) != 1 || read(p2[0], &b, 1) != 1) die("pingpong");
    });
    /* the same between two processes (different address spaces, like lat_ctx) */
    int q1[2], q2[2];
    if (pipe(q1) || pipe(q2)) die("pipe");
    pid_t pid = fork();
    if (pid == 0) {
        for (;;) {
            if (read(q1[0], &b, 1) != 1 || write(q2[1], &b, 1) != 1) _exit(0);
        }
    }
    MEASURE_PER("pipe_pingpong_processes_per_hop", 2, {
        if (write(q1[1], &b, 1) != 1 || read(q2[0], &b, 1) != 1) die("pingpong proc");
    });
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);

    atomic_int self = 0;
    MEASURE("futex_self_wake_wait", {
        futex(&self, FUTEX_WAKE_PRIVATE, 1);
        futex(&self, FUTEX_WAIT_PRIVATE, 1); /* value differs: returns EAGAIN */
    });
    pthread_create(&t, NULL, futex_echo, NULL);
    int v = 0;
    MEASURE_PER("futex_pingpong_threads_per_hop", 2, {
        atomic_store(&fa, v + 1);
        futex(&fa, FUTEX_WAKE_PRIVATE, 1);
        fwait(&fb, v);
        v++;
    });

    /* try_to_wake_up cost, seen from a SCHED_FIFO waker on the wakee's core. */
    struct sched_param sp = {.sched_priority = 1};
    if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0) {
        atomic_store(&wq, 0);
        atomic_store(&stop, 0);
        pthread_create(&t, NULL, sleeper, (void *)0L);
        struct timespec gap = {0, 50000};
        double with[SAMPLES], without[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            uint64_t tw = 0, tn = 0;
            for (int i = 0; i < 100; i++) {
                nanosleep(&gap, NULL); /* sleeper runs and goes back to sleep */
                atomic_fetch_add(&wq, 1);
                uint64_t t0 = now_ns();
                long woken = futex(&wq, FUTEX_WAKE_PRIVATE, 1);
                uint64_t t1 = now_ns();
                futex(&wq, FUTEX_WAKE_PRIVATE, 1); /* nobody waits now */
                uint64_t t2 = now_ns();
                if (woken != 1) { i--; continue; }
                tw += t1 - t0;
                tn += t2 - t1;
            }
            with[k] = (double)tw / 100;
            without[k] = (double)tn / 100;
        }
        double w = median(with, SAMPLES), wo = median(without, SAMPLES);
        report("futex_wake_no_waiter", wo);
        report("futex_wake_waiter_extra", w - wo);
        atomic_store(&stop, 1);
        sp.sched_priority = 0;
        pthread_setschedparam(pthread_self(), SCHED_OTHER, &sp);
        atomic_fetch_add(&wq, 1);
        futex(&wq, FUTEX_WAKE_PRIVATE, 1);
        pthread_join(t, NULL);
    } else {
        fprintf(stderr, "no SCHED_FIFO (not root?): skipping futex_wake_waiter_extra\n");
    }

    latency("wakeup_latency_same_core", 0);
    latency("wakeup_latency_cross_core", 1);
    return 0;
}
