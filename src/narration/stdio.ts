/**
 * The operator's terminal (drivers/tty, fs/read_write.c): read from stdin, write to stdout and
 * stderr, and a line the operator types. A read on a socket is a recv (sockets.ts).
 */
import { showMs, showStr } from './format.ts';
import {
  type Ev,
  type Narration,
  type Narrator,
  type ReturnSentences,
  type StartSentences,
} from './narrator.ts';
import { recvReturn } from './sockets.ts';

export const stdioStarts: StartSentences = {
  read: (n, { p, fd, pid }) =>
    fd === 0
      ? n.t('narr.call.read.stdin', p)
      : n.t('narr.call.read', { ...p, fd: fd ?? '?', what: n.fdWhat(pid, fd ?? -1) }),
  write: (n, { p, fd, pid, args }) => {
    const data = args[1] ?? '';
    if (fd === 1) return n.t('narr.call.write.stdout', { ...p, data });
    if (fd === 2) return n.t('narr.call.write.stderr', p);
    return n.t('narr.call.write', { ...p, fd: fd ?? '?', what: n.fdWhat(pid, fd ?? -1) });
  },
};

export const stdioReturns: ReturnSentences = {
  read: (n, c) => {
    const { ev, p, fd, args } = c;
    if (fd === 0) {
      const copy = n.findBack('copy', (e) => e.tid === ev.tid && e.fd === 0, 10);
      return {
        text: n.t('narr.exit.read.stdin', {
          ...p,
          data: copy ? showStr(copy.data.replace(/\n$/, '')) : (args[1] ?? ''),
        }),
      };
    }
    return recvReturn(n, c);
  },
  write: (n, { p, fd, args }) => {
    if (fd === 1) return { text: n.t('narr.exit.write.stdout', { ...p, data: args[1] ?? '' }) };
    if (fd === 2) return { text: n.t('narr.exit.write.stderr', p) };
    return { text: n.t('narr.exit.generic', p) };
  },
};

/** A line the operator typed reaches the program's stdin. */
export function stdinLine(n: Narrator, ev: Ev<'stdin.line'>): Narration {
  const reader = Object.values(n.before?.threads ?? {}).find((th) => th.on?.kind === 'stdin');
  const since = reader?.call?.since;
  const data = showStr(ev.data.replace(/\n$/, ''));
  if (since !== undefined)
    return {
      text: n.t('narr.stdin.waited', { data, ms: showMs(ev.t - since) }),
      detail: n.t('narr.stdin.detail'),
    };
  return { text: n.t('narr.stdin', { data }) };
}
