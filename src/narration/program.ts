/**
 * The program and the run: the start of the run, a line of Python running in user space (or the
 * line right before its own system call), the programs' notes, a Python exception and the end of the run.
 */
import { hasKey } from '../i18n/index.ts';
import { callStart } from './calls.ts';
import { showMs } from './format.ts';
import type { Ev, Narration, Narrator, Params } from './narrator.ts';

export function startOfRun(n: Narrator): Narration {
  const proc = n.view.procs[n.mainPid];
  const cores = n.view.cores.length;
  return {
    text: n.t(cores === 1 ? 'narr.start.one' : 'narr.start.many', { pid: proc?.pid ?? n.mainPid, cores }),
    detail: n.t('narr.start.detail'),
  };
}

export function py(n: Narrator, ev: Ev<'py'>): Narration {
  // The line right before its own system call is one moment: narrate the call.
  const enter = n.find('sys.enter', (e) => e.tid === ev.tid);
  if (enter) return callStart(n, enter.tid, enter.name, enter.line, n.trace.indexOf(enter, n.start));
  const parts: string[] = [];
  if (ev.note) parts.push(note(n, ev.note, ev.noteParams));
  if (ev.line <= 0)
    return {
      text: n.t('narr.py.interp', { who: n.who(ev.tid) }),
      ...(parts.length ? { detail: parts.join(' ') } : {}),
    };
  const code = n.codeAt(ev.line);
  if (n.find('thread.state', (e) => e.tid === ev.tid && e.state === 'blocked' && e.on?.kind === 'pool')) {
    return {
      text: n.t('narr.py.poolwait', { line: ev.line, code, who: n.who(ev.tid), Who: n.who(ev.tid, true) }),
    };
  }
  if (/\bprep_\w+\(/.test(code) && !parts.length) parts.push(n.t('narr.py.prep'));
  // Python drops the GIL before a system call, so the call starts in the next step.
  const next = n.end < n.trace.length ? n.trace[n.end] : undefined;
  if (next?.type === 'sys.enter' && next.tid === ev.tid && next.line === ev.line) {
    const dropped = n.find('gil', (e) => e.holder === null);
    return {
      text: n.t('narr.py.beforeCall', {
        line: ev.line,
        code,
        name: next.name,
        who: n.who(ev.tid),
        Who: n.who(ev.tid, true),
      }),
      ...(dropped ? { detail: n.t('narr.py.gilDrop') } : parts.length ? { detail: parts.join(' ') } : {}),
    };
  }
  const text =
    ev.ns === 0
      ? n.t('narr.py.wait', { line: ev.line, code, who: n.who(ev.tid), Who: n.who(ev.tid, true) })
      : n.t('narr.py', { line: ev.line, code, who: n.who(ev.tid), Who: n.who(ev.tid, true) });
  if (!parts.length && ev.ns !== 0) parts.push(n.t('narr.py.userspace'));
  return { text, ...(parts.length ? { detail: parts.join(' ') } : {}) };
}

/** The simulated programs' notes: message keys, in the student's language. */
export function note(n: Narrator, note: string, params?: Record<string, string | number>): string {
  return hasKey(note) ? n.t(note, params) : n.t('narr.note.other', { note });
}

export function error(n: Narrator, ev: Ev<'error'>): Narration {
  const p: Params = { python: ev.python, who: n.who(ev.tid), Who: n.who(ev.tid, true), syscall: ev.syscall };
  return {
    text: n.t(ev.fatal ? 'narr.error.fatal' : 'narr.error.thread', p),
    detail: n.t('narr.error.detail'),
  };
}

export function stop(n: Narrator, ev: Ev<'stop'>): Narration {
  return {
    text: n.t(`narr.stop.${ev.reason}`, { ms: showMs(ev.t) }),
    detail: n.t('narr.stop.detail', { replies: n.view.meters.replies }),
  };
}
