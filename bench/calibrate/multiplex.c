/* multiplex.c - readiness APIs that do not sleep (timeout 0):
 *  select() and poll() over N idle connected TCP sockets plus one with data
 *  queued (N = 0, 10, 100, 1000; the ready one has the highest fd, so the
 *  kernel scans all N+1); epoll_wait() returning the one ready fd among N+1
 *  registered; epoll_wait() returning k ready of 100; epoll_create1 and
 *  epoll_ctl. The sockets watched have low fds (< FD_SETSIZE = 1024); their
 *  peers are moved above 1100 so they stay out of the way. */
#include "bench.h"
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>

#define NMAX 1000
static int srv[NMAX + 1], cli[NMAX + 1];
static char byte = 'x';

static void make_ready(int i) {
    if (send(cli[i], &byte, 1, 0) != 1) die("send");
    struct pollfd p = {.fd = srv[i], .events = POLLIN};
    if (poll(&p, 1, 1000) != 1) die("data did not arrive");
}
static void make_idle(int i) {
    if (recv(srv[i], &byte, 1, 0) != 1) die("recv");
}

int main(void) {
    pin_cpu(0);
    raise_nofile(4096);
    uint16_t port;
    int l = tcp_listener(4096, &port);
    for (int i = 0; i <= NMAX; i++) {
        int c = tcp_connect(port);
        cli[i] = fcntl(c, F_DUPFD, 1100); /* peers go above FD_SETSIZE */
        close(c);
        srv[i] = accept(l, NULL, NULL); /* takes the lowest free fd */
        if (cli[i] < 0 || srv[i] < 0 || srv[i] >= FD_SETSIZE) die("setup");
    }
    static const int ns[] = {0, 10, 100, 1000};
    char key[64];
    for (int j = 0; j < 4; j++) {
        int n = ns[j];
        make_ready(n); /* srv[n] is ready, srv[0..n-1] idle */

        fd_set master, rd;
        FD_ZERO(&master);
        for (int i = 0; i <= n; i++) FD_SET(srv[i], &master);
        snprintf(key, sizeof key, "select_%d_idle_1_ready", n);
        MEASURE(key, {
            struct timeval tv = {0, 0};
            rd = master;
            if (select(srv[n] + 1, &rd, NULL, NULL, &tv) != 1) die("select");
        });

        struct pollfd pfds[NMAX + 1];
        for (int i = 0; i <= n; i++) pfds[i] = (struct pollfd){.fd = srv[i], .events = POLLIN};
        snprintf(key, sizeof key, "poll_%d_idle_1_ready", n);
        MEASURE(key, { if (poll(pfds, (nfds_t)n + 1, 0) != 1) die("poll"); });

        int ep = epoll_create1(0);
        for (int i = 0; i <= n; i++) {
            struct epoll_event ev = {.events = EPOLLIN, .data.fd = srv[i]};
            if (epoll_ctl(ep, EPOLL_CTL_ADD, srv[i], &ev)) die("epoll_ctl");
        }
        struct epoll_event evs[128];
        snprintf(key, sizeof key, "epoll_wait_%d_idle_1_ready", n);
        MEASURE(key, { if (epoll_wait(ep, evs, 128, 0) != 1) die("epoll_wait"); });
        close(ep);
        make_idle(n);
    }

    /* epoll_wait reporting k ready fds (level-triggered, data left queued). */
    int ep = epoll_create1(0);
    for (int i = 0; i < 100; i++) {
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = srv[i]};
        epoll_ctl(ep, EPOLL_CTL_ADD, srv[i], &ev);
    }
    static const int ks[] = {1, 10, 100};
    int ready = 0;
    for (int j = 0; j < 3; j++) {
        while (ready < ks[j]) make_ready(ready++);
        struct epoll_event evs[128];
        snprintf(key, sizeof key, "epoll_wait_100_registered_%d_ready", ks[j]);
        MEASURE(key, { if (epoll_wait(ep, evs, 128, 0) != ks[j]) die("epoll_wait k"); });
    }
    /* select/poll over the same 100 fds with all 100 ready, for comparison */
    {
        fd_set master, rd;
        FD_ZERO(&master);
        for (int i = 0; i < 100; i++) FD_SET(srv[i], &master);
        MEASURE("select_100_all_ready", {
            struct timeval tv = {0, 0};
            rd = master;
            if (select(srv[99] + 1, &rd, NULL, NULL, &tv) != 100) die("select all");
        });
        struct pollfd pfds[100];
        for (int i = 0; i < 100; i++) pfds[i] = (struct pollfd){.fd = srv[i], .events = POLLIN};
        MEASURE("poll_100_all_ready", { if (poll(pfds, 100, 0) != 100) die("poll all"); });
    }
    close(ep);
    for (int i = 0; i < ready; i++) make_idle(i);

    /* epoll_create1, and epoll_ctl ADD / MOD / DEL over a batch of 1000 fds. */
    double t_create[SAMPLES], t_add[SAMPLES], t_mod[SAMPLES], t_del[SAMPLES];
    int eps[256];
    for (int k = 0; k < SAMPLES; k++) {
        uint64_t t = now_ns();
        for (int i = 0; i < 256; i++) eps[i] = epoll_create1(0);
        t_create[k] = (double)(now_ns() - t) / 256;
        for (int i = 1; i < 256; i++) close(eps[i]);
        struct epoll_event ev = {.events = EPOLLIN};
        t = now_ns();
        for (int i = 0; i < NMAX; i++) { ev.data.fd = srv[i]; epoll_ctl(eps[0], EPOLL_CTL_ADD, srv[i], &ev); }
        t_add[k] = (double)(now_ns() - t) / NMAX;
        ev.events = EPOLLIN | EPOLLOUT;
        t = now_ns();
        for (int i = 0; i < NMAX; i++) { ev.data.fd = srv[i]; epoll_ctl(eps[0], EPOLL_CTL_MOD, srv[i], &ev); }
        t_mod[k] = (double)(now_ns() - t) / NMAX;
        t = now_ns();
        for (int i = 0; i < NMAX; i++) epoll_ctl(eps[0], EPOLL_CTL_DEL, srv[i], NULL);
        t_del[k] = (double)(now_ns() - t) / NMAX;
        close(eps[0]);
    }
    report("epoll_create1", median(t_create, SAMPLES));
    report("epoll_ctl_add", median(t_add, SAMPLES));
    report("epoll_ctl_mod", median(t_mod, SAMPLES));
    report("epoll_ctl_del", median(t_del, SAMPLES));
    return 0;
}
