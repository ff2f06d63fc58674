/**
 * Where each part of the simulated kernel lives, in IO Lab and in Linux: the About page's table
 * and ARCHITECTURE.md's. A test (linux-map.test.ts) checks each file exists and that its first
 * comment names the same Linux sources, so the table cannot drift from the code.
 */
export interface KernelPart {
  /** The message key of the part's name: `about.linux.<id>`. */
  id: string;
  file: string;
  linux: string[];
}

export const KERNEL_MAP: readonly KernelPart[] = [
  { id: 'core', file: 'src/kernel/kernel.ts', linux: [] },
  { id: 'sched', file: 'src/kernel/sched.ts', linux: ['kernel/sched/core.c', 'kernel/sched/wait.c'] },
  { id: 'process', file: 'src/kernel/process.ts', linux: ['kernel/fork.c', 'kernel/exit.c'] },
  { id: 'entry', file: 'src/kernel/entry.ts', linux: ['arch/x86/entry'] },
  { id: 'syscalls', file: 'src/kernel/syscalls.ts', linux: ['arch/x86/entry/syscalls/syscall_64.tbl'] },
  { id: 'fdtable', file: 'src/kernel/fdtable.ts', linux: ['fs/file.c', 'fs/fcntl.c'] },
  {
    id: 'tcp',
    file: 'src/kernel/net/tcp.ts',
    linux: ['net/socket.c', 'net/ipv4/tcp.c', 'net/ipv4/inet_connection_sock.c'],
  },
  { id: 'hosts', file: 'src/kernel/net/hosts.ts', linux: ['net/ipv4/tcp_timer.c'] },
  { id: 'select', file: 'src/kernel/fs/select.ts', linux: ['fs/select.c'] },
  { id: 'eventpoll', file: 'src/kernel/fs/eventpoll.ts', linux: ['fs/eventpoll.c'] },
  { id: 'signal', file: 'src/kernel/signal.ts', linux: ['kernel/signal.c', 'fs/fcntl.c'] },
  { id: 'uring', file: 'src/kernel/io_uring.ts', linux: ['io_uring/'] },
  { id: 'stdio', file: 'src/kernel/stdio.ts', linux: ['drivers/tty'] },
  { id: 'time', file: 'src/kernel/time.ts', linux: ['kernel/time/hrtimer.c'] },
];
