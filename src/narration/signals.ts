/**
 * Signals (kernel/signal.c, fs/fcntl.c's F_SETOWN/O_ASYNC): a handler installed, a process
 * paused until one comes, SIGIO sent (or merged with one still pending), SIGPIPE, a handler run.
 */
import {
  okReturn,
  type Ev,
  type Narration,
  type Narrator,
  type ReturnSentences,
  type StartSentences,
} from './narrator.ts';

export const signalStarts: StartSentences = {
  rt_sigaction: (n, { p, args }) => {
    const sig = args[0] ?? '';
    return n.t(sig === 'SIGCHLD' ? 'narr.call.sigaction.sigchld' : 'narr.call.sigaction', {
      ...p,
      signal: sig,
    });
  },
  pause: (n, { p }) => n.t('narr.call.pause', p),
  rt_sigreturn: (n, { p }) => n.t('narr.call.rt_sigreturn', p),
};

export const signalReturns: ReturnSentences = {
  rt_sigaction: okReturn,
};

export function signalSend(n: Narrator, ev: Ev<'signal.send'>): Narration {
  if (ev.signal === 'SIGPIPE') return { text: n.t('narr.signal.sigpipe', { pid: ev.pid }) };
  if (ev.signal === 'SIGIO') {
    if (ev.merged) return { text: n.t('narr.signal.sigio.merged', { pid: ev.pid }) };
    return { text: n.t('narr.signal.sigio', { pid: ev.pid }), detail: n.t('narr.signal.sigio.detail') };
  }
  return { text: n.t('narr.signal.other', { pid: ev.pid, signal: ev.signal }) };
}

export function signalHandle(n: Narrator, ev: Ev<'signal.handle'>): Narration {
  return {
    text: n.t(ev.signal === 'SIGIO' ? 'narr.signal.handle.sigio' : 'narr.signal.handle', {
      signal: ev.signal,
      who: n.who(ev.tid),
    }),
  };
}
