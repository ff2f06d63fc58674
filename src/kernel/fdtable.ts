/**
 * File descriptor tables and open files — Linux's fs/file.c (the lowest free descriptor,
 * RLIMIT_NOFILE, install and close), fs/open.c (`close`), fs/fcntl.c (`fcntl`: F_GETFL, F_SETFL
 * with O_NONBLOCK and O_ASYNC, F_SETOWN) and fs/ioctl.c (`ioctl(FIONBIO)`). A descriptor names an
 * open file; the file's last reference going away releases what is behind it.
 */
import type { FdWhat } from './types.ts';
import {
  done,
  fail,
  type Attempt,
  type KernelContext,
  type OpenFile,
  type Process,
  type Sock,
} from './state.ts';

export function newFile(k: KernelContext, what: OpenFile['what']): number {
  const id = k.nextObj++;
  k.files.set(id, { id, refs: 0, nonblock: false, async: false, owner: null, what });
  return id;
}

/** What a descriptor refers to, as the trace (and the stage) names it. */
export function fdWhat(k: KernelContext, fileId: number): FdWhat {
  const file = k.files.get(fileId)!;
  const w = file.what;
  if (w.kind === 'stdio') return { kind: 'stdio', name: w.name };
  if (w.kind === 'epoll') return { kind: 'epoll', ep: w.ep };
  if (w.kind === 'uring') return { kind: 'uring', ring: w.ring };
  const sock = k.socks.get(w.sock)!;
  if (sock.kind === 'listen') return { kind: 'listen', sock: sock.id, port: sock.port };
  if (sock.kind === 'conn')
    return { kind: 'conn', sock: sock.id, client: k.clients[sock.client]?.name ?? '?' };
  return { kind: 'socket', sock: sock.id };
}

/**
 * files->next_fd: every descriptor below it is in use (or taken by a sleeping accept4), so the
 * search for the lowest free one starts there (100,000 accepts do not each walk the whole
 * table). Lowered by close.
 */
const nextFd = new WeakMap<Process, number>();

/** Lowest free descriptor below RLIMIT_NOFILE, or -1 (EMFILE). A sleeping accept4's is not free. */
export function lowestFreeFd(k: KernelContext, proc: Process): number {
  const limit = k.config.fdLimit;
  for (let fd = nextFd.get(proc) ?? 0; fd < limit; fd++) {
    if (proc.fds[fd] === undefined && !proc.reservedFds.has(fd)) {
      nextFd.set(proc, fd);
      return fd;
    }
  }
  return -1;
}

/**
 * The descriptor each open file was installed at: every file is installed once, and fork copies
 * the table entry for entry, so a file has this number in every process that holds it. Lets the
 * select/poll scans go from a ready socket to its fd without reading the table.
 */
const installedAt = new WeakMap<OpenFile, number>();
export const fdOfFile = (file: OpenFile): number | undefined => installedAt.get(file);

/** How many descriptors a process has closed: a cached look at its table is stale when this moved. */
const closes = new WeakMap<Process, number>();
export const closesOf = (proc: Process): number => closes.get(proc) ?? 0;

export function installFd(k: KernelContext, proc: Process, fd: number, fileId: number): void {
  if (proc.fds[fd] !== undefined) k.readyEpoch++; // a descriptor replaced in place
  proc.fds[fd] = fileId;
  k.files.get(fileId)!.refs++;
  const f = k.files.get(fileId)!;
  installedAt.set(f, fd);
  if (f.what.kind === 'sock') k.socks.get(f.what.sock)!.files.push(fileId);
  if (k.tracing) k.emit({ t: k.now, type: 'fd.open', pid: proc.pid, fd, what: fdWhat(k, fileId) });
  else k.events++;
}

export function fileOf(k: KernelContext, proc: Process, fd: number): OpenFile | undefined {
  const id = proc.fds[fd];
  return id === undefined ? undefined : k.files.get(id);
}

export function sockOf(k: KernelContext, proc: Process, fd: number): Sock | undefined {
  const f = fileOf(k, proc, fd);
  return f && f.what.kind === 'sock' ? k.socks.get(f.what.sock) : undefined;
}

/** Removes fd from the table; what the file holds is released with its last descriptor. */
export function closeFd(k: KernelContext, proc: Process, fd: number): void {
  const fileId = proc.fds[fd];
  if (fileId === undefined) return;
  proc.fds[fd] = undefined;
  closes.set(proc, closesOf(proc) + 1);
  if (fd < (nextFd.get(proc) ?? 0)) nextFd.set(proc, fd);
  if (k.tracing) k.emit({ t: k.now, type: 'fd.close', pid: proc.pid, fd });
  else k.events++;
  const file = k.files.get(fileId)!;
  file.refs--;
  // epoll forgets a registration when the file behind it is closed (its last reference).
  if (file.refs > 0) return;
  k.files.delete(fileId);
  k.releaseFile(file);
}

/* ── the system calls ── */

export function sysClose(k: KernelContext, proc: Process, fd: number): Attempt {
  if (proc.fds[fd] === undefined) return fail('EBADF', k.costs.syscallNs, `close(${fd})`, '');
  closeFd(k, proc, fd);
  return done({ ret: 0 }, k.costs.closeNs, `close(${fd})`, ' = 0');
}

export function sysIoctlFionbio(k: KernelContext, proc: Process, fd: number, nonblock: boolean): Attempt {
  const file = fileOf(k, proc, fd);
  const head = `ioctl(${fd}, FIONBIO, [${nonblock ? 1 : 0}])`;
  if (!file) return fail('EBADF', k.costs.syscallNs, head, '');
  if (file.nonblock && !nonblock) k.readyEpoch++;
  file.nonblock = nonblock;
  if (k.tracing)
    k.emit({ t: k.now, type: 'fd.flags', pid: proc.pid, fd, nonblock: file.nonblock, async: file.async });
  else k.events++;
  return done({ ret: 0 }, k.costs.ioctlNs, head, ' = 0');
}

export function sysFcntl(
  k: KernelContext,
  proc: Process,
  fd: number,
  cmd: 'F_GETFL' | 'F_SETFL' | 'F_SETOWN',
  arg: number,
): Attempt {
  const c = k.costs;
  const file = fileOf(k, proc, fd);
  if (!file) return fail('EBADF', c.fcntlNs, `fcntl(${fd}, ${cmd})`, '');
  if (cmd === 'F_GETFL') {
    const flags = 0x2 | (file.nonblock ? 0x800 : 0) | (file.async ? 0x2000 : 0);
    const names = [
      'O_RDWR',
      ...(file.nonblock ? ['O_NONBLOCK'] : []),
      ...(file.async ? ['O_ASYNC'] : []),
    ].join('|');
    return done(
      { ret: flags },
      c.fcntlNs,
      `fcntl(${fd}, F_GETFL)`,
      ` = 0x${flags.toString(16)} (flags ${names})`,
    );
  }
  if (cmd === 'F_SETOWN') {
    file.owner = arg;
    return done({ ret: 0 }, c.fcntlNs, `fcntl(${fd}, F_SETOWN, ${arg})`, ' = 0');
  }
  if (file.nonblock && (arg & 0x800) === 0) k.readyEpoch++;
  file.nonblock = (arg & 0x800) !== 0;
  file.async = (arg & 0x2000) !== 0;
  if (k.tracing)
    k.emit({ t: k.now, type: 'fd.flags', pid: proc.pid, fd, nonblock: file.nonblock, async: file.async });
  else k.events++;
  const names = [
    (arg & 3) === 2 ? 'O_RDWR' : 'O_RDONLY',
    ...(file.nonblock ? ['O_NONBLOCK'] : []),
    ...(file.async ? ['FASYNC'] : []),
  ].join('|');
  return done({ ret: 0 }, c.fcntlNs, `fcntl(${fd}, F_SETFL, ${names})`, ' = 0');
}
