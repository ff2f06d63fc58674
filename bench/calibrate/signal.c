/* signal.c - signal delivery to the process itself.
 *  kill_self_sigusr1: kill(getpid(), SIGUSR1) with a handler installed: the
 *    syscall, queueing the signal, building the signal frame on return to
 *    user space, running the (empty) handler and rt_sigreturn.
 *  kill_self_sig0: kill(getpid(), 0), the same syscall without a signal.
 *  sigio_extra: the signal-driven I/O case: a 16 B send on loopback TCP to a
 *    socket that has O_ASYNC and F_SETOWN = this process, minus the same send
 *    without O_ASYNC (as in send.c, only the send is timed and the peer reads
 *    after each one). The kernel raises SIGIO while queueing the data and the
 *    signal is delivered on the way back from send(). */
#include "bench.h"
#include <signal.h>

static volatile sig_atomic_t got;
static void handler(int sig) { (void)sig; got++; }
static char buf[1 << 16];

static double send_batch(int cli, int srv) {
    double s[SAMPLES];
    for (int k = -1; k < SAMPLES; k++) { /* k = -1: warm-up */
        uint64_t total = 0;
        for (int i = 0; i < 256; i++) { /* time the send only; the peer reads each time */
            uint64_t t0 = now_ns();
            if (send(cli, buf, 16, 0) != 16) die("send");
            total += now_ns() - t0;
            for (long left = 16; left > 0;) {
                ssize_t r = recv(srv, buf, sizeof buf, 0);
                if (r > 0) left -= r;
                else if (errno != EINTR && errno != EAGAIN) die("recv");
            }
        }
        if (k >= 0) s[k] = (double)total / 256;
    }
    return median(s, SAMPLES);
}

int main(void) {
    pin_cpu(0);
    struct sigaction sa = {.sa_handler = handler};
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGIO, &sa, NULL);
    pid_t me = getpid();
    MEASURE("kill_self_sig0", { kill(me, 0); });
    MEASURE("kill_self_sigusr1", { kill(me, SIGUSR1); });
    if (got == 0) die("no SIGUSR1");

    uint16_t port;
    int l = tcp_listener(16, &port), cli, srv;
    tcp_pair(l, port, &cli, &srv);
    double plain = send_batch(cli, srv);
    fcntl(srv, F_SETOWN, me);
    fcntl(srv, F_SETFL, fcntl(srv, F_GETFL) | O_ASYNC);
    got = 0;
    double async = send_batch(cli, srv);
    if (got == 0) die("no SIGIO");
    report("send_16B_plain", plain);
    report("send_16B_with_sigio", async);
    report("sigio_extra", async - plain);
    return 0;
}
