/* syscall.c - cost of a trivial system call (getppid through syscall(2), so
 * glibc cannot cache it) and, for reference, of the clock read itself. */
#include "bench.h"

int main(void) {
    pin_cpu(0);
    volatile long sink = 0;
    MEASURE("clock_gettime_vdso", { sink += (long)now_ns(); });
    MEASURE("syscall_getppid", { sink += syscall(SYS_getppid); });
    (void)sink;
    return 0;
}
