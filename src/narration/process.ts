/**
 * Processes, threads and their fd tables (kernel/fork.c, kernel/exit.c, fs/file.c, fs/fcntl.c):
 * clone, exit, getpid, close, fcntl, ioctl, and the sleep a polling loop takes.
 */
import { showMs } from './format.ts';
import { okReturn, type ReturnSentences, type StartSentences } from './narrator.ts';

export const processStarts: StartSentences = {
  close: (n, { p, fd, pid }) => {
    const client = fd !== null ? n.clientOfFd(pid, fd) : null;
    const w = fd !== null ? n.fdKind(pid, fd) : undefined;
    const shared =
      w && 'sock' in w
        ? Object.values(n.before?.procs ?? {}).some(
            (pr) =>
              pr.pid !== pid &&
              !pr.exited &&
              Object.values(pr.fds).some((o) => 'sock' in o && o.sock === w.sock),
          )
        : false;
    if (shared) return n.t('narr.call.close.shared', { ...p, fd: fd ?? '?', what: n.fdWhat(pid, fd ?? -1) });
    return client
      ? n.t('narr.call.close.conn', { ...p, fd: fd ?? '?', client })
      : n.t('narr.call.close', { ...p, fd: fd ?? '?', what: n.fdWhat(pid, fd ?? -1) });
  },
  ioctl: (n, { p, fd, pid }) =>
    n.t('narr.call.ioctl', { ...p, fd: fd ?? '?', what: n.fdWhat(pid, fd ?? -1) }),
  fcntl: (n, { p, fd, pid, args }) => {
    const cmd = args[1] ?? '';
    if (cmd === 'F_SETOWN')
      return n.t('narr.call.fcntl.setown', { ...p, fd: fd ?? '?', pid: args[2] ?? pid });
    if (cmd === 'F_SETFL' && /ASYNC/.test(args[2] ?? ''))
      return n.t('narr.call.fcntl.async', { ...p, fd: fd ?? '?', what: n.fdWhat(pid, fd ?? -1) });
    return n.t('narr.call.fcntl', { ...p, fd: fd ?? '?', what: n.fdWhat(pid, fd ?? -1) });
  },
  getpid: (n, { p }) => n.t('narr.call.getpid', p),
  clone3: (n, { p }) => n.t('narr.call.clone3', p),
  clone: (n, { p }) => n.t('narr.call.clone', p),
  exit: (n, { p }) => n.t('narr.call.exit', p),
  exit_group: (n, { p, pid, exitEv }) => {
    const code = exitEv ? Number(/exit_group\((\d+)\)/.exec(exitEv.strace)?.[1] ?? 0) : 0;
    return n.t(
      code !== 0
        ? 'narr.call.exit_group.err'
        : pid !== n.mainPid
          ? 'narr.call.exit_group.child'
          : 'narr.call.exit_group',
      { ...p, code, pid },
    );
  },
  clock_nanosleep: (n, { p, blockEv }) => {
    const on = blockEv?.on;
    const ms =
      on && on.kind === 'sleep' ? showMs(on.untilNs - blockEv.enterT) : String(n.run.options.pollSleepMs);
    return n.t('narr.call.sleep', { ...p, ms });
  },
};

export const processReturns: ReturnSentences = {
  close: (n, { p, fd }) => ({ text: n.t('narr.exit.close', { ...p, fd: Number.isFinite(fd) ? fd : '?' }) }),
  clone3: (n, { ev, p }) => {
    const th = n.view.threads[ev.ret];
    return { text: n.t('narr.exit.clone3', { ...p, tid: ev.ret, name: th?.name ?? String(ev.ret) }) };
  },
  clone: (n, { ev, p }) => ({ text: n.t('narr.exit.clone', { ...p, pid: ev.ret }) }),
  clock_nanosleep: (n, { p }) => ({ text: n.t('narr.exit.sleep', p) }),
  getpid: (n, { p }) => ({ text: n.t('narr.exit.getpid', p) }),
  exit_group: (n, { ev, p }) => {
    const code = Number(/exit_group\((\d+)\)/.exec(ev.strace)?.[1] ?? 0);
    return { text: n.t('narr.exit.exit_group', { ...p, code }) };
  },
  exit: (n, { p }) => ({ text: n.t('narr.exit.exit', p) }),
  ioctl: okReturn,
  fcntl: okReturn,
};
