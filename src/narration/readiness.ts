/**
 * Readiness: select and poll (fs/select.c) and epoll (fs/eventpoll.c). The calls' start and
 * return, select's and poll's scan of every watched fd, and epoll's ready list filling up.
 */
import {
  type Ev,
  type Narration,
  type Narrator,
  type Params,
  type ReturnSentences,
  type StartSentences,
} from './narrator.ts';

export const readinessStarts: StartSentences = {
  pselect6: (n, { p, args, num }) => {
    const nfds = num(0) ?? 0;
    const fds = (args[1] ?? '').replace(/[[\]]/g, '').split(' ').filter(Boolean);
    return n.t('narr.call.select', { ...p, fds: n.fds(fds), nfds, max: Math.max(0, nfds - 1) });
  },
  poll: (n, { p, args }) => {
    const fds = [...(args[0] ?? '').matchAll(/fd=(\d+)/g)].map((m) => m[1]!);
    return n.t('narr.call.poll', { ...p, fds: n.fds(fds), count: fds.length });
  },
  epoll_create1: (n, { p }) => n.t('narr.call.epoll_create1', p),
  epoll_ctl: (n, { p, pid, args, num }) => {
    const op = args[1] ?? '';
    const target = num(2);
    const events = args[3] ?? '';
    const what = target !== null ? n.fdFull(pid, target) : '?';
    if (op === 'EPOLL_CTL_DEL') return n.t('narr.call.epoll_ctl.del', { ...p, what });
    if (op === 'EPOLL_CTL_MOD') return n.t('narr.call.epoll_ctl.mod', { ...p, what });
    return n.t(/EPOLLET/.test(events) ? 'narr.call.epoll_ctl.addEt' : 'narr.call.epoll_ctl.add', {
      ...p,
      what,
    });
  },
  epoll_wait: (n, { p, pid, fd, args }) => {
    const epfd = fd;
    const w = epfd !== null ? n.fdKind(pid, epfd) : undefined;
    const ep = w?.kind === 'epoll' ? (n.before ?? n.view).epolls[w.ep] : undefined;
    const count = ep ? Object.keys(ep.interest).length : 0;
    const ready = ep ? ep.ready.length : 0;
    const timeout = Number(args[args.length - 1]);
    return n.t(timeout === 0 ? 'narr.call.epoll_wait.poll' : 'narr.call.epoll_wait', { ...p, count, ready });
  },
};

export const readinessReturns: ReturnSentences = {
  pselect6: (n, { ev, p, pid, args }) => {
    if (ev.ret === 0) return { text: n.t('narr.exit.select.timeout', p) };
    const nfds = Number(args[0]);
    const ready = (/\(in \[([\d ]+)\]/.exec(ev.strace)?.[1] ?? '').split(' ').filter(Boolean).map(Number);
    return {
      text: n.t('narr.exit.select', {
        ...p,
        n: ev.ret,
        ready: n.list(ready.map((f) => n.fdReady(pid, f))),
        max: Math.max(0, nfds - 1),
      }),
      detail: n.t('narr.exit.select.detail'),
    };
  },
  poll: (n, { ev, p, pid, args }) => {
    if (ev.ret === 0) return { text: n.t('narr.exit.poll.timeout', p) };
    const revents = [...ev.strace.matchAll(/\{fd=(\d+), revents=([A-Z|]+)\}/g)].map((m) =>
      n.fdReady(pid, Number(m[1]), m[2]!),
    );
    const count = [...(args[0] ?? '').matchAll(/fd=(\d+)/g)].length;
    return { text: n.t('narr.exit.poll', { ...p, n: ev.ret, ready: n.list(revents), count }) };
  },
  epoll_wait: (n, { ev, p, pid, fd, args }) => {
    const w = n.fdKind(pid, fd);
    const ep = w?.kind === 'epoll' ? n.view.epolls[w.ep] : undefined;
    const count = ep ? Object.keys(ep.interest).length : 0;
    if (ev.ret === 0) {
      const timeout = Number(args[args.length - 1]);
      return { text: n.t(timeout === 0 ? 'narr.exit.epoll.empty' : 'narr.exit.epoll.timeout', p) };
    }
    const ready = [...ev.strace.matchAll(/\{events=([A-Z|]+), data=\{u32=(\d+)/g)].map((m) =>
      n.fdReady(pid, Number(m[2]), m[1]!),
    );
    return {
      text: n.t('narr.exit.epoll', { ...p, n: ev.ret, ready: n.list(ready), count }),
      detail: n.t('narr.exit.epoll.detail'),
    };
  },
  epoll_create1: (n, { ev, p }) => ({ text: n.t('narr.exit.epoll_create1', { ...p, fd: ev.ret }) }),
  epoll_ctl: (n, { p, args }) => {
    const op = args[1] ?? '';
    const target = Number(args[2]);
    if (op === 'EPOLL_CTL_ADD') return { text: n.t('narr.exit.epoll_ctl.add', { ...p, fd: target }) };
    if (op === 'EPOLL_CTL_DEL') return { text: n.t('narr.exit.epoll_ctl.del', { ...p, fd: target }) };
    return { text: n.t('narr.exit.ok', p) };
  },
};

/** select's or poll's pass over the watched fds. */
export function scan(
  n: Narrator,
  tid: number,
  kind: 'select' | 'poll',
  nfds: number | null,
  watched: number[],
  ready: number[],
): Narration {
  const pid = n.pidOf(tid);
  const prev = n.step > 0 ? n.trace[n.index.stepStart[n.step - 1]!] : undefined;
  const again = prev && (prev.type === 'select.scan' || prev.type === 'poll.scan') && prev.tid === tid;
  const p: Params = {
    watched: n.fds(watched),
    count: watched.length,
    max: Math.max(0, (nfds ?? 1) - 1),
    ready: n.list(ready.map((f) => n.fdReady(pid, f))),
  };
  if (ready.length === 0) {
    if (again) return { text: n.t(`narr.scan.${kind}.again`, p) };
    return { text: n.t(`narr.scan.${kind}.none`, p), detail: n.t(`narr.scan.${kind}.cost`, p) };
  }
  return { text: n.t(`narr.scan.${kind}.ready`, p) };
}

/** epoll's callback puts an fd on the ready list (or epoll_wait or epoll_ctl finds it ready). */
export function epollReady(n: Narrator, ev: Ev<'epoll.ready'>): Narration {
  // Which process holds the epoll instance (its fd numbers are the ones to name).
  let pid = n.mainPid;
  for (const p of Object.values(n.view.procs)) {
    if (Object.values(p.fds).some((w) => w.kind === 'epoll' && w.ep === ev.ep)) {
      pid = p.pid;
      break;
    }
  }
  const what = n.fdFull(pid, ev.fd);
  const ready = n.view.epolls[ev.ep]?.ready.length ?? 1;
  const inWait = Object.values(n.before?.threads ?? {}).some(
    (th) => th.call?.name === 'epoll_wait' && th.state !== 'blocked',
  );
  const inCtl = Object.values(n.before?.threads ?? {}).some((th) => th.call?.name === 'epoll_ctl');
  if (inWait) return { text: n.t('narr.epoll.level', { fd: ev.fd, what }) };
  if (inCtl) return { text: n.t('narr.epoll.ctl', { fd: ev.fd, what }) };
  return {
    text: n.t('narr.epoll.callback', { fd: ev.fd, what, n: ready }),
    detail: n.t('narr.epoll.callback.detail'),
  };
}
