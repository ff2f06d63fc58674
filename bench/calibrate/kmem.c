/* kmem.c - kernel memory per idle TCP socket and per epoll registration,
 * from /proc/slabinfo (needs root) before and after creating them.
 * NCONN loopback connections = 2 * NCONN sockets, then one epoll instance
 * watching all of them. A slab cache counts if its object count changed by at
 * least half the number of objects created (this filters out the background
 * noise of other processes); bytes = objects * object size. The breakdown
 * goes to stderr. The whole thing is repeated REPS times; medians printed. */
#include "bench.h"
#include <sys/epoll.h>

#define NCONN 1000
#define MAXC 512
#define REPS 5

struct cache { char name[64]; long objs, size; };
static int snap(struct cache *c) {
    FILE *f = fopen("/proc/slabinfo", "r");
    char line[512];
    int n = 0;
    if (!f) return -1;
    while (fgets(line, sizeof line, f) && n < MAXC) {
        if (line[0] == '#' || !strncmp(line, "slabinfo", 8)) continue;
        if (sscanf(line, "%63s %ld %*d %ld", c[n].name, &c[n].objs, &c[n].size) == 3) n++;
    }
    fclose(f);
    return n;
}
/* Bytes per created object of the caches that grew by >= created/2 objects. */
static double grown(struct cache *a, int na, struct cache *b, int nb, long created, const char *what) {
    double total = 0;
    for (int i = 0; i < nb; i++)
        for (int j = 0; j < na; j++) {
            if (strcmp(a[j].name, b[i].name)) continue;
            long d = b[i].objs - a[j].objs;
            if (d >= created / 2) {
                long per = (d + created / 2) / created;
                fprintf(stderr, "  %s: %-24s +%ld objects x %ld B -> %ld each\n", what, b[i].name, d,
                        b[i].size, per);
                total += (double)(per * b[i].size);
            }
        }
    return total;
}

int main(void) {
    static struct cache s0[MAXC], s1[MAXC], s2[MAXC];
    static int cli[NCONN], srv[NCONN];
    double per_sock[REPS], per_epi[REPS];
    raise_nofile(8192);
    if (snap(s0) < 0) { fprintf(stderr, "kmem: /proc/slabinfo not readable (not root?)\n"); return 0; }
    uint16_t port;
    int l = tcp_listener(4096, &port);
    for (int r = 0; r < REPS; r++) {
        int n0 = snap(s0);
        for (int i = 0; i < NCONN; i++) {
            cli[i] = tcp_connect(port);
            srv[i] = accept(l, NULL, NULL);
        }
        int n1 = snap(s1);
        int ep = epoll_create1(0);
        for (int i = 0; i < NCONN; i++) {
            struct epoll_event ev = {.events = EPOLLIN, .data.fd = srv[i]};
            epoll_ctl(ep, EPOLL_CTL_ADD, srv[i], &ev);
            ev.data.fd = cli[i];
            epoll_ctl(ep, EPOLL_CTL_ADD, cli[i], &ev);
        }
        int n2 = snap(s2);
        per_sock[r] = grown(s0, n0, s1, n1, 2 * NCONN, "sockets");
        per_epi[r] = grown(s1, n1, s2, n2, 2 * NCONN, "epoll");
        close(ep);
        for (int i = 0; i < NCONN; i++) { close_rst(cli[i]); close(srv[i]); }
        usleep(200000); /* let RCU free the objects before the next round */
    }
    report("kmem_tcp_socket_bytes", median(per_sock, REPS));
    report("kmem_epoll_item_bytes", median(per_epi, REPS));
    return 0;
}
