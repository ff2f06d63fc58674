/**
 * The narration: one or two plain sentences per step that say what just happened and why it
 * matters, in the student's language. Built only from the trace (the step's first event is its
 * main one, the rest are its consequences) and the machine views before and after the step.
 * Every word comes from src/i18n/en/narration.ts and src/i18n/zh/narration.ts; this folder only
 * interprets the trace. Each event family has its file (see README.md).
 */
import type { TraceEvent } from '../kernel/types.ts';
import type { MachineView } from '../kernel/view.ts';
import type { TraceIndex } from '../kernel/trace-index.ts';
import type { ScenarioRun } from '../scenarios/run.ts';
import type { Listings } from '../programs/lines.ts';
import { translate } from '../i18n/index.ts';
import type { Lang } from '../i18n/core.ts';
import { callReturn, callStart } from './calls.ts';
import { spaceZh } from './format.ts';
import { Narrator, type Narration } from './narrator.ts';
import { acceptQueue, clientEvent, fin, packet, rst, rx, syn } from './network.ts';
import { error, py, startOfRun, stop } from './program.ts';
import { epollReady, scan } from './readiness.ts';
import { block, consequences, copy, wake } from './sched.ts';
import { signalHandle, signalSend } from './signals.ts';
import { stdinLine } from './stdio.ts';
import { cqe } from './uring.ts';

export type { Narration } from './narrator.ts';
export { shortThreadName, showBytes, showMs, showStr, spaceZh, straceArgs } from './format.ts';

/** The machine after the step and after the one before (pass them when you have them). */
export interface NarrateViews {
  view: MachineView;
  before: MachineView | null;
}

/** The step's main event, narrated by its family. */
function main(n: Narrator, ev: TraceEvent): Narration {
  if (n.step === 0) return startOfRun(n);
  switch (ev.type) {
    case 'py':
      return py(n, ev);
    case 'sys.enter':
      return callStart(n, ev.tid, ev.name, ev.line, n.start);
    case 'sys.block':
      return block(n, ev);
    case 'sys.wake':
      return wake(n, ev);
    case 'sys.exit':
      return callReturn(n, ev);
    case 'copy':
      return copy(n, ev);
    case 'net.packet':
      return packet(n, ev);
    case 'sock.syn':
      return syn(n, ev);
    case 'sock.accept-queue':
      return acceptQueue(n, ev);
    case 'sock.rx':
      return rx(n, ev);
    case 'sock.fin':
      return fin(n, ev);
    case 'sock.rst':
      return rst(n, ev);
    case 'epoll.ready':
      return epollReady(n, ev);
    case 'signal.send':
      return signalSend(n, ev);
    case 'signal.handle':
      return signalHandle(n, ev);
    case 'uring.cqe':
      return cqe(n, ev);
    case 'client.reply':
    case 'client.connected':
    case 'client.retry':
      return clientEvent(n, ev);
    case 'client.eof':
      return { text: n.t('narr.generic', { what: ev.type }) };
    case 'stdin.line':
      return stdinLine(n, ev);
    case 'error':
      return error(n, ev);
    case 'select.scan':
      return scan(n, ev.tid, 'select', ev.nfds, ev.watched, ev.ready);
    case 'poll.scan':
      return scan(n, ev.tid, 'poll', null, ev.watched, ev.ready);
    case 'stop':
      return stop(n, ev);
    default:
      return { text: n.t('narr.generic', { what: ev.type }) };
  }
}

/**
 * What step `step` of a run shows, in `lang`. `views` saves rebuilding the machine views when the
 * caller has them already (the app does). `listings` are the ones the student's code panel shows
 * (on a Chinese page, LISTINGS_ZH once loaded): a quoted line reads as it does there, comment and all.
 */
export function narrate(
  run: ScenarioRun,
  index: TraceIndex,
  step: number,
  lang: Lang,
  views?: NarrateViews,
  listings?: Listings,
): Narration {
  if (index.steps === 0) return { text: translate(lang, 'narr.empty') };
  const k = Math.max(0, Math.min(step, index.steps - 1));
  const view = views?.view ?? index.viewAt(k);
  const before = views ? views.before : k > 0 ? index.viewAt(k - 1) : null;
  const n = new Narrator(run, index, k, lang, view, before, listings);
  const r = main(n, n.first);
  const cons = consequences(n);
  if (cons.length) r.detail = [r.detail, ...cons].filter(Boolean).join(' ');
  if (lang !== 'zh') return r;
  return { text: spaceZh(r.text), ...(r.detail ? { detail: spaceZh(r.detail) } : {}) };
}
