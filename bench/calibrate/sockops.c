/* sockops.c - socket setup calls, each timed over a batch of BATCH calls:
 * socket(), bind(), listen(), close() of a listening socket, setsockopt(),
 * accept4() with the connection already queued, close() of an established
 * connection (sends a FIN over loopback), ioctl(FIONBIO), fcntl(F_SETFL). */
#include "bench.h"
#include <sys/ioctl.h>

#define BATCH 256

static int fds[BATCH], peers[BATCH];
static double t_socket[SAMPLES], t_bind[SAMPLES], t_listen[SAMPLES], t_close_listen[SAMPLES],
    t_accept[SAMPLES], t_close_conn[SAMPLES];

static double lap(uint64_t *t) { uint64_t n = now_ns(), d = n - *t; *t = n; return (double)d / BATCH; }

int main(void) {
    pin_cpu(0);
    raise_nofile(4096);
    uint16_t port;
    int l = tcp_listener(4096, &port), one = 1;

    for (int k = 0; k < SAMPLES; k++) {
        uint64_t t = now_ns();
        for (int i = 0; i < BATCH; i++)
            if ((fds[i] = socket(AF_INET, SOCK_STREAM, 0)) < 0) die("socket");
        t_socket[k] = lap(&t);
        for (int i = 0; i < BATCH; i++) { /* untimed: SO_REUSEADDR so ports can be reused */
            setsockopt(fds[i], SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        }
        t = now_ns();
        for (int i = 0; i < BATCH; i++) {
            /* fixed ports above the ephemeral range (32768-60999 by default) */
            struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)(61000 + i)),
                                    .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
            if (bind(fds[i], (struct sockaddr *)&a, sizeof a)) {
                a.sin_port = 0; /* port taken by someone else: let the kernel choose */
                if (bind(fds[i], (struct sockaddr *)&a, sizeof a)) die("bind");
            }
        }
        t_bind[k] = lap(&t);
        for (int i = 0; i < BATCH; i++)
            if (listen(fds[i], 128)) die("listen");
        t_listen[k] = lap(&t);
        for (int i = 0; i < BATCH; i++) close(fds[i]);
        t_close_listen[k] = lap(&t);

        /* accept4: BATCH connections are already complete in the accept queue. */
        for (int i = 0; i < BATCH; i++) peers[i] = tcp_connect(port);
        t = now_ns();
        for (int i = 0; i < BATCH; i++)
            if ((fds[i] = accept4(l, NULL, NULL, SOCK_NONBLOCK)) < 0) die("accept4");
        t_accept[k] = lap(&t);
        /* close() of the accepted (established) sockets: FIN to the peer. */
        for (int i = 0; i < BATCH; i++) close(fds[i]);
        t_close_conn[k] = lap(&t);
        for (int i = 0; i < BATCH; i++) close_rst(peers[i]);
    }
    report("socket", median(t_socket, SAMPLES));
    report("bind", median(t_bind, SAMPLES));
    report("listen", median(t_listen, SAMPLES));
    report("close_listening", median(t_close_listen, SAMPLES));
    report("accept4_queued", median(t_accept, SAMPLES));
    report("close_established", median(t_close_conn, SAMPLES));

    /* close() of a fresh, never-connected socket, without the socket() part. */
    double t_close[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) {
        for (int i = 0; i < BATCH; i++) fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        uint64_t t = now_ns();
        for (int i = 0; i < BATCH; i++) close(fds[i]);
        t_close[k] = lap(&t);
    }
    report("close_unconnected", median(t_close, SAMPLES));
    MEASURE("socket_plus_close", { close(socket(AF_INET, SOCK_STREAM, 0)); });

    int fd = socket(AF_INET, SOCK_STREAM, 0), on = 1;
    MEASURE("setsockopt_reuseaddr", { setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on); });
    MEASURE("ioctl_fionbio", { ioctl(fd, FIONBIO, &on); });
    MEASURE("fcntl_setfl_nonblock", { fcntl(fd, F_SETFL, O_NONBLOCK); });
    MEASURE("fcntl_getfl", { fcntl(fd, F_GETFL); });
    return 0;
}
