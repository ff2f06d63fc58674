/** The exam hall in words: what the teacher is doing and who is ready (the text alternative). */
import type { T } from '../hooks.ts';
import type { HallState } from './hall-state.ts';
import { LISTEN_FD } from '../../hall/hall.ts';

function who(fds: readonly number[], t: T, max = 8): string {
  const named = fds
    .slice(0, max)
    .map((fd) => (fd === LISTEN_FD ? t('hall.who.door') : t('hall.who.fd', { fd })));
  if (fds.length > max) named.push(t('hall.who.more', { n: fds.length - max }));
  return named.join(t('hall.who.sep'));
}

/** One sentence: what the teacher is doing at this step. */
export function describeNow(s: HallState, t: T): string {
  // A student who has just left has no fd any more: name them by the one they had.
  const lamp = s.lamp ? t('hall.lamp.isOn') : t('hall.lamp.isOff');
  const fdOf = (k: number | string): number | string =>
    typeof k === 'number' ? (s.students[k]?.fd ?? s.students[k]?.had ?? '?') : '?';
  switch (s.activity) {
    case 'starting':
      return t('hall.now.starting');
    case 'door': {
      const last = s.students.reduce<number | null>(
        (m, st) => (st.fd !== null && (m === null || st.fd > m) ? st.fd : m),
        null,
      );
      return last === null ? t('hall.now.doorNoFd') : t('hall.now.door', { fd: last });
    }
    case 'waiting':
      return t(s.mech === 'select' ? 'hall.now.waitSelect' : 'hall.now.waitEpoll', { lamp });
    case 'checking':
      return t('hall.now.checking', { lamp, call: s.mech === 'select' ? 'select' : 'epoll_wait' });
    case 'scanning': {
      const scan = s.scan!;
      return scan.yes.length === 0
        ? t('hall.now.scanNone', { asked: scan.asked })
        : t('hall.now.scanYes', { asked: scan.asked, count: scan.yes.length, who: who(scan.yes, t) });
    }
    case 'reading':
      return t('hall.now.reading', { who: who(s.names ?? [], t) });
    case 'collecting':
      return t('hall.now.collecting', { fd: fdOf(s.collecting ?? '') });
    case 'receipt':
      return t('hall.now.receipt', { fd: fdOf(s.teacher) });
    case 'farewell':
      return t('hall.now.farewell', { fd: fdOf(s.teacher) });
    case 'returning':
      return t('hall.now.returning');
    case 'failed':
      return t('hall.now.failed', { python: s.failed?.python ?? '' });
    case 'done':
      return t('hall.now.done');
  }
}

/** Who is where: the lamp, the names on it, and how many students are in each state. */
export function describeRoom(s: HallState, t: T): string {
  const count = { writing: 0, finished: 0, 'handed-in': 0, leaving: 0, left: 0, arriving: 0, stranded: 0 };
  for (const st of s.students) count[st.state]++;
  const parts = [
    t('hall.summary', {
      lamp: s.lamp ? t('hall.lamp.isOn') : t('hall.lamp.isOff'),
      writing: count.writing,
      finished: count.finished,
      handedIn: count['handed-in'],
      leaving: count.leaving,
      left: count.left,
      arriving: count.arriving,
    }),
  ];
  if (s.names && s.names.length > 0) parts.push(t('hall.summary.names', { names: who(s.names, t) }));
  if (count.stranded > 0) parts.push(t('hall.summary.stranded', { n: count.stranded }));
  return parts.join(' ');
}
