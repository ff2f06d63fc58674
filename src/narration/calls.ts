/**
 * A system call's start and return: what every call has in common (its caller, its arguments as
 * strace prints them, where it ends; an error's meaning), then the sentence of the subsystem that
 * implements the call (sockets.ts, readiness.ts, stdio.ts, signals.ts, uring.ts, process.ts).
 * A call no subsystem names gets the generic sentence.
 */
import { ERRNO } from '../kernel/errors.ts';
import { straceArgs } from './format.ts';
import {
  callEnd,
  type CallReturn,
  type CallStart,
  type Ev,
  type Narration,
  type Narrator,
  type Params,
  type ReturnSentences,
  type StartSentences,
} from './narrator.ts';
import { processReturns, processStarts } from './process.ts';
import { readinessReturns, readinessStarts } from './readiness.ts';
import { signalReturns, signalStarts } from './signals.ts';
import { socketReturns, socketStarts } from './sockets.ts';
import { stdioReturns, stdioStarts } from './stdio.ts';
import { uringReturns, uringStarts } from './uring.ts';

const STARTS = new Map(
  Object.entries<StartSentences[string]>({
    ...socketStarts,
    ...processStarts,
    ...readinessStarts,
    ...stdioStarts,
    ...signalStarts,
    ...uringStarts,
  }),
);
const RETURNS = new Map(
  Object.entries<ReturnSentences[string]>({
    ...socketReturns,
    ...processReturns,
    ...readinessReturns,
    ...stdioReturns,
    ...signalReturns,
    ...uringReturns,
  }),
);

/** The start of a call (the sys.enter at index `at`), with where in the listing it was made. */
export function callStart(n: Narrator, tid: number, name: string, line: number, at: number): Narration {
  const pid = n.pidOf(tid);
  const { block, exit } = callEnd(n.trace, at, tid);
  const exitEv = exit >= 0 ? (n.trace[exit] as Ev<'sys.exit'>) : undefined;
  const blockEv = block >= 0 && (exit < 0 || block < exit) ? (n.trace[block] as Ev<'sys.block'>) : undefined;
  const args = straceArgs(exitEv?.strace ?? blockEv?.head ?? '');
  const num = (i: number): number | null => {
    const v = Number(args[i]);
    return args[i] !== undefined && Number.isFinite(v) ? v : null;
  };
  const fd = num(0);
  const p: Params = { who: n.who(tid), Who: n.who(tid, true), name };
  const flags =
    fd !== null ? (n.view.procs[pid]?.fdFlags[fd] ?? n.before?.procs[pid]?.fdFlags[fd]) : undefined;
  const nonblock = flags?.nonblock ?? false;
  const c: CallStart = { tid, pid, name, at, exit, exitEv, blockEv, args, num, fd, p, nonblock };
  const sentence = STARTS.get(name);
  const text = sentence ? sentence(n, c) : n.t('narr.call.generic', p);
  return { text, detail: n.where(tid, line) };
}

/** The return of a call: an error's meaning for this program, else its subsystem's sentence. */
export function callReturn(n: Narrator, ev: Ev<'sys.exit'>): Narration {
  const pid = n.pidOf(ev.tid);
  const args = straceArgs(ev.strace);
  const fd = Number(args[0]);
  const p: Params = { name: ev.name, ret: ev.ret, who: n.who(ev.tid), Who: n.who(ev.tid, true) };
  const client = Number.isFinite(fd) ? n.clientOfFd(pid, fd) : null;
  if (ev.errno) {
    const info = ERRNO[ev.errno];
    switch (ev.errno) {
      case 'EAGAIN':
        if (ev.name === 'recvfrom') {
          const drained = /^(epoll_edge|signal_driven)/.test(n.run.listing ?? '');
          return {
            text: n.t(drained ? 'narr.exit.eagain.recv.drained' : 'narr.exit.eagain.recv', {
              ...p,
              owner: n.fdFull(pid, fd),
            }),
            detail: eagainWhy(n),
          };
        }
        if (ev.name === 'accept4') return { text: n.t('narr.exit.eagain.accept', p), detail: eagainWhy(n) };
        return { text: n.t('narr.exit.eagain', p) };
      case 'ECONNRESET':
        return { text: n.t('narr.exit.econnreset', { ...p, client: client ?? '?' }) };
      case 'EPIPE':
        return { text: n.t('narr.exit.epipe', { ...p, client: client ?? '?' }) };
      case 'EINTR':
        if (ev.name === 'pause') return { text: n.t('narr.exit.eintr.pause', p) };
        if (ev.name === 'rt_sigreturn') return { text: n.t('narr.exit.eintr.sigreturn', p) };
        return { text: n.t('narr.exit.errno', { ...p, errno: ev.errno, text: info.text, exc: info.python }) };
      case 'EMFILE':
        return { text: n.t('narr.exit.emfile', p) };
      default:
        return { text: n.t('narr.exit.errno', { ...p, errno: ev.errno, text: info.text, exc: info.python }) };
    }
  }
  const c: CallReturn = { ev, pid, args, fd, p, client };
  const sentence = RETURNS.get(ev.name);
  return sentence ? sentence(n, c) : { text: n.t('narr.exit.generic', p) };
}

/** What an EAGAIN means for this program: wasted polling, a drained socket, or asyncio's cue to wait. */
function eagainWhy(n: Narrator): string {
  const listing: string = n.run.listing ?? '';
  if (/^(epoll_edge|signal_driven|selectors)/.test(listing)) return n.t('narr.exit.eagain.drained');
  if (listing.startsWith('asyncio')) return n.t('narr.exit.eagain.asyncio');
  return n.t('narr.exit.eagain.detail');
}
