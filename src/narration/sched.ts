/**
 * Scheduling and the two phases of a read (kernel/sched, kernel/sched/wait.c, lib/usercopy.c):
 * a thread put to sleep on a wait queue, its wake-up, the copy between kernel and user space,
 * and a step's side effects worth a sentence (a wait for the GIL or a pool job, a preemption).
 */
import type { WaitOn } from '../kernel/types.ts';
import { showBytes, showMs } from './format.ts';
import type { Ev, Narration, Narrator, Params } from './narrator.ts';
import { uringOp } from './uring.ts';

export function block(n: Narrator, ev: Ev<'sys.block'>): Narration {
  const p: Params = { who: n.who(ev.tid), Who: n.who(ev.tid, true) };
  const pid = n.pidOf(ev.tid);
  const on: WaitOn = ev.on;
  let text: string;
  switch (on.kind) {
    case 'recv':
      text = n.t('narr.block.recv', { ...p, owner: n.fdWhat(pid, on.fd), fd: on.fd });
      break;
    case 'accept':
      text = n.t('narr.block.accept', { ...p, fd: on.fd });
      break;
    case 'select':
      text = n.t('narr.block.select', { ...p, fds: n.fds(on.fds), count: on.fds.length });
      break;
    case 'poll':
      text = n.t('narr.block.poll', { ...p, fds: n.fds(on.fds), count: on.fds.length });
      break;
    case 'epoll': {
      const ep = n.view.epolls[on.ep];
      const count = ep ? Object.keys(ep.interest).length : 0;
      // Level-triggered entries were on the ready list when the call began; the kernel rechecked
      // them (ep_item_poll) and dropped those no longer ready before putting the thread to sleep.
      const dropped: number[] = [];
      for (let i = n.start - 1; i >= 0; i--) {
        const e = n.trace[i]!;
        if (e.type === 'sys.enter' && e.tid === ev.tid) break;
        if (
          e.type === 'epoll.ready' &&
          e.ep === on.ep &&
          e.op === 'remove' &&
          !(ep?.ready ?? []).includes(e.fd)
        )
          dropped.unshift(e.fd);
      }
      text = dropped.length
        ? n.t('narr.block.epoll.recheck', { ...p, count, fds: n.fds(dropped) })
        : n.t('narr.block.epoll', { ...p, count });
      break;
    }
    case 'stdin':
      text = n.t('narr.block.stdin', p);
      break;
    case 'sleep':
      text = n.t('narr.block.sleep', { ...p, ms: showMs(on.untilNs - ev.enterT) });
      break;
    case 'signal':
      text = n.t('narr.block.signal', p);
      break;
    case 'uring': {
      const ring = n.view.uring[on.ring];
      const ops = ring ? ring.sq.map((s) => uringOp(n, s.op, s.fd, pid)) : [];
      text = ops.length
        ? n.t('narr.block.uring', { ...p, ops: n.list(ops) })
        : n.t('narr.block.uring.none', p);
      break;
    }
    default:
      text = n.t('narr.block.other', p);
  }
  return { text };
}

export function wake(n: Narrator, ev: Ev<'sys.wake'>): Narration {
  const p: Params = { who: n.who(ev.tid), Who: n.who(ev.tid, true) };
  const onBefore = n.before?.threads[ev.tid]?.on ?? null;
  const queues =
    onBefore && (onBefore.kind === 'select' || onBefore.kind === 'poll') ? onBefore.fds.length : 1;
  // Whose doing: the socket event just before.
  let sockEv: Ev<'sock.rx'> | Ev<'sock.fin'> | Ev<'sock.rst'> | undefined;
  for (let i = n.start - 1; i >= 0 && i >= n.start - 30; i--) {
    const e = n.trace[i]!;
    if (e.type === 'sock.rx' || e.type === 'sock.fin' || e.type === 'sock.rst') {
      sockEv = e;
      break;
    }
  }
  const client = sockEv ? (n.clientOfSock(sockEv.sock) ?? '?') : '?';
  let text: string;
  switch (ev.reason) {
    case 'data':
      text = n.t(queues > 1 ? 'narr.wake.data.many' : 'narr.wake.data', { ...p, client, count: queues });
      break;
    case 'connection':
      text = n.t(queues > 1 ? 'narr.wake.connection.many' : 'narr.wake.connection', { ...p, count: queues });
      break;
    case 'FIN':
      text = n.t('narr.wake.fin', { ...p, client });
      break;
    case 'RST':
      text = n.t('narr.wake.rst', { ...p, client });
      break;
    case 'stdin':
      text = n.t('narr.wake.stdin', p);
      break;
    case 'timeout':
      text = n.t(ev.name === 'clock_nanosleep' ? 'narr.wake.sleep' : 'narr.wake.timeout', {
        ...p,
        name: ev.name,
      });
      break;
    case 'epoll': {
      const ready = n.findBack('epoll.ready', (e) => e.op === 'add', 30);
      const fd = ready?.fd;
      text = fd !== undefined ? n.t('narr.wake.epoll', { ...p, fd }) : n.t('narr.wake.epoll.any', p);
      break;
    }
    case 'SIGIO':
      text = n.t('narr.wake.sigio', p);
      break;
    case 'completion':
      text = n.t('narr.wake.completion', p);
      break;
    case 'gil':
      text = n.t('narr.wake.gil', p);
      break;
    case 'queue':
      text = n.t('narr.wake.queue', p);
      break;
    default:
      text = n.t('narr.wake.other', { ...p, reason: ev.reason });
  }
  const th = n.view.threads[ev.tid];
  const detail = th?.state === 'running' ? n.t('narr.wake.runs') : n.t('narr.wake.readyOnly');
  return { text, detail };
}

export function copy(n: Narrator, ev: Ev<'copy'>): Narration {
  const pid = n.pidOf(ev.tid);
  const p: Params = { bytes: n.bytes(ev.bytes), data: showBytes(ev.data), who: n.who(ev.tid) };
  const th = n.before?.threads[ev.tid];
  const client = n.clientOfFd(pid, ev.fd);
  const asleep = th?.state === 'blocked' && th.on?.kind === 'uring';
  const viaUring = asleep || th?.call?.name === 'io_uring_enter';
  if (ev.dir === 'to-user') {
    if (ev.fd === 0) return { text: n.t('narr.copy.stdin', p) };
    if (viaUring)
      return { text: n.t('narr.copy.uring.in', { ...p, client: client ?? n.fdWhat(pid, ev.fd) }) };
    return {
      text: n.t('narr.copy.in', { ...p, owner: n.fdWhat(pid, ev.fd) }),
      detail: n.t('narr.copy.in.detail'),
    };
  }
  if (viaUring) return { text: n.t('narr.copy.uring.out', { ...p, client: client ?? n.fdWhat(pid, ev.fd) }) };
  return { text: n.t('narr.copy.out', { ...p, owner: n.fdWhat(pid, ev.fd) }) };
}

/** Side effects worth a sentence: a thread that has to wait for the GIL or for a pool job, a preemption. */
export function consequences(n: Narrator): string[] {
  const out: string[] = [];
  for (const e of n.rest()) {
    if (e.type !== 'thread.state') continue;
    if (e.state === 'blocked' && e.on?.kind === 'gil')
      out.push(n.t('narr.cons.gil', { Who: n.who(e.tid, true), who: n.who(e.tid) }));
    else if (
      e.state === 'blocked' &&
      e.on?.kind === 'pool' &&
      !(n.first.type === 'py' && n.first.tid === e.tid)
    )
      out.push(n.t('narr.cons.pool', { Who: n.who(e.tid, true), who: n.who(e.tid) }));
    else if (e.state === 'ready' && e.preempted)
      out.push(n.t('narr.cons.preempt', { Who: n.who(e.tid, true), who: n.who(e.tid) }));
  }
  return out;
}
