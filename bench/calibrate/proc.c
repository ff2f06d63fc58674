/* proc.c - creating threads and processes, on one core (children inherit the
 * affinity, so the wall time is all CPU work of parent + child).
 *  pthread_create_join: create a thread running an empty function, join it
 *    (default attributes: 8 MiB stack, reused from glibc's stack cache).
 *  fork_exit_wait: fork(); the child calls _exit(0); the parent waitpid()s.
 *    This program is small (about 1 MiB resident), so page-table copying is
 *    minimal; see py_costs.py for a CPython process. */
#include "bench.h"
#include <pthread.h>
#include <sys/wait.h>

static void *nothing(void *arg) { return arg; }

int main(void) {
    pin_cpu(0);
    MEASURE("pthread_create_join", {
        pthread_t t;
        if (pthread_create(&t, NULL, nothing, NULL)) die("pthread_create");
        pthread_join(t, NULL);
    });
    MEASURE("fork_exit_wait", {
        pid_t p = fork();
        if (p < 0) die("fork");
        if (p == 0) _exit(0);
        waitpid(p, NULL, 0);
    });
    return 0;
}
