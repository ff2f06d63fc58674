/**
 * io_uring (io_uring/io_uring.c): the ring set up, requests submitted and waited for in one
 * io_uring_enter, and their completions; how a request is named wherever it appears.
 */
import type { UringSqe } from '../kernel/types.ts';
import type { Ev, Narration, Narrator, ReturnSentences, StartSentences } from './narrator.ts';

export const uringStarts: StartSentences = {
  io_uring_setup: (n, { p, fd }) => n.t('narr.call.io_uring_setup', { ...p, entries: fd ?? 0 }),
  io_uring_enter: (n, { p, pid, at, exitEv, blockEv }) => {
    const sqes: Ev<'uring.sqe'>[] = [];
    for (let i = at; i < n.end; i++) {
      const e = n.trace[i]!;
      if (e.type === 'uring.sqe') sqes.push(e);
    }
    const ops = sqes.map((s) => uringOp(n, s.op, s.fd, pid));
    if (sqes.length > 0)
      return n.t(sqes.length === 1 ? 'narr.call.uring.submit.one' : 'narr.call.uring.submit', {
        ...p,
        n: sqes.length,
        ops: n.list(ops),
      });
    if (/GETEVENTS/.test(exitEv?.strace ?? blockEv?.head ?? '')) return n.t('narr.call.uring.wait', p);
    return n.t('narr.call.generic', p);
  },
};

export const uringReturns: ReturnSentences = {
  io_uring_enter: (n, { ev, p }) => {
    if (/GETEVENTS/.test(ev.strace)) return { text: n.t('narr.exit.uring.wait', p) };
    return { text: n.t('narr.exit.uring.submit', { ...p, n: ev.ret }) };
  },
  io_uring_setup: (n, { ev, p }) => ({ text: n.t('narr.exit.uring.setup', { ...p, fd: ev.ret }) }),
};

/** A completion: which request it ends and its result. */
export function cqe(n: Narrator, ev: Ev<'uring.cqe'>): Narration {
  const sqe = n.before?.uring[ev.ring]?.sq.find((s) => s.userData === ev.userData);
  const pid = n.mainPid;
  let result: string;
  if (!sqe) result = n.t('narr.cqe.res', { res: ev.res });
  else if (sqe.op === 'accept')
    result = n.t('narr.cqe.accept', { res: ev.res, client: n.clientOfFd(pid, ev.res) ?? '?' });
  else if (sqe.op === 'recv')
    result =
      ev.res === 0
        ? n.t('narr.cqe.recv.eof')
        : ev.res < 0
          ? n.t('narr.cqe.err', { res: ev.res })
          : n.t('narr.cqe.recv', { bytes: n.bytes(ev.res) });
  else if (sqe.op === 'send')
    result =
      ev.res < 0 ? n.t('narr.cqe.err', { res: ev.res }) : n.t('narr.cqe.send', { bytes: n.bytes(ev.res) });
  else result = n.t('narr.cqe.res', { res: ev.res });
  const op = sqe ? uringOp(n, sqe.op, sqe.fd, pid) : n.t('narr.uring.op.request', { id: ev.userData });
  return { text: n.t('narr.cqe', { op, result }), detail: n.t('narr.cqe.detail') };
}

/** A submitted request, named for the student (an accept, a recv from a client…). */
export function uringOp(n: Narrator, op: UringSqe['op'] | string, fd: number, pid: number): string {
  const client = n.clientOfFd(pid, fd);
  const params = { fd, client: client ?? '' };
  switch (op) {
    case 'accept':
      return n.t('narr.uring.op.accept', params);
    case 'recv':
      return n.t(client ? 'narr.uring.op.recv.client' : 'narr.uring.op.recv', params);
    case 'send':
      return n.t(client ? 'narr.uring.op.send.client' : 'narr.uring.op.send', params);
    case 'close':
      return n.t('narr.uring.op.close', params);
    default:
      return n.t('narr.uring.op.other', { op, fd });
  }
}
