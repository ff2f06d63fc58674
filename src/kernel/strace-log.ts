/**
 * The strace log of a run, built in one place: what `strace -f -ttt -o FILE` prints for a trace.
 * The CLI (`--format strace`), the lab's system-call panel, the share bar's download and the
 * comparison with the real recordings (src/fidelity) all read it from here.
 *
 * A call that sleeps while another thread prints is split into `name(args <unfinished ...>` and
 * `<... name resumed>rest`, as real strace does; SIGIO and SIGPIPE have their lines, and so do
 * thread and process exits. The log is an index of lines, each tied to the trace event at which
 * strace prints it (so a view can cut it at any step); a line's text is made when asked for.
 * Pure: the same trace gives the same log.
 */
import type { Errno } from './errors.ts';
import { prefix } from './strace-format.ts';
import type { TraceEvent } from './types.ts';

export type LineKind = 'call' | 'unfinished' | 'resumed' | 'signal' | 'exit';

export interface LogLine {
  /** The trace event at which strace prints the line. */
  ev: number;
  tid: number;
  kind: LineKind;
  /** For `unfinished` and `resumed` lines: the call's sys.block event. */
  block: number;
}

/** A call asleep in the kernel: strace has printed its head and waits for the rest. */
export interface PendingCall {
  block: number;
  exit: number;
  tid: number;
}

export interface StraceLog {
  lines: LogLine[];
  /** Each thread's calls that slept, in trace order. */
  byTid: Map<number, PendingCall[]>;
  /** Calls still asleep when the run stops and never shown unfinished (strace, detached, shows them so). */
  asleepAtEnd: PendingCall[];
}

const cache = new WeakMap<readonly TraceEvent[], StraceLog>();

export function straceLog(trace: readonly TraceEvent[]): StraceLog {
  const hit = cache.get(trace);
  if (hit) return hit;
  const lines: LogLine[] = [];
  const byTid = new Map<number, PendingCall[]>();
  const pids = new Set<number>();
  const sleeping = new Map<number, { split: boolean; pend: PendingCall }>();
  // Another thread is about to print: every sleeping call not yet shown is shown as unfinished.
  const interrupt = (tid: number, ev: number): void => {
    if (sleeping.size === 0) return;
    for (const [other, s] of sleeping) {
      if (other === tid || s.split) continue;
      s.split = true;
      lines.push({ ev, tid: other, kind: 'unfinished', block: s.pend.block });
    }
  };
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]!;
    switch (e.type) {
      case 'sys.block':
        if (!sleeping.has(e.tid)) {
          const pend: PendingCall = { block: i, exit: -1, tid: e.tid };
          let list = byTid.get(e.tid);
          if (!list) {
            list = [];
            byTid.set(e.tid, list);
          }
          list.push(pend);
          sleeping.set(e.tid, { split: false, pend });
        }
        break;
      case 'sys.exit': {
        interrupt(e.tid, i);
        const s = sleeping.get(e.tid);
        if (s) {
          sleeping.delete(e.tid);
          s.pend.exit = i;
        }
        lines.push({ ev: i, tid: e.tid, kind: s?.split ? 'resumed' : 'call', block: s ? s.pend.block : -1 });
        break;
      }
      case 'signal.handle':
        interrupt(e.tid, i);
        if (e.signal === 'SIGIO') lines.push({ ev: i, tid: e.tid, kind: 'signal', block: -1 });
        break;
      case 'signal.send':
        if (e.signal === 'SIGPIPE') lines.push({ ev: i, tid: e.tid ?? e.pid, kind: 'signal', block: -1 }); // shown on the thread that sent
        break;
      case 'thread.exit':
        // A thread other than the main one: its process goes on (the main one's line is proc.exit's).
        if (!pids.has(e.tid)) lines.push({ ev: i, tid: e.tid, kind: 'exit', block: -1 });
        break;
      case 'proc.start':
        pids.add(e.pid);
        break;
      case 'proc.exit':
        interrupt(e.pid, i);
        lines.push({ ev: i, tid: e.pid, kind: 'exit', block: -1 });
        break;
      default:
        break;
    }
  }
  const asleepAtEnd = [...sleeping.values()].filter((s) => !s.split).map((s) => s.pend);
  const log = { lines, byTid, asleepAtEnd };
  cache.set(trace, log);
  return log;
}

/** strace pads the call to column 40 (its -a default) before "= result". */
function padResult(head: string, text: string): string {
  const whole = head + text;
  const eq = whole.lastIndexOf(' = ');
  if (eq < 0) return text;
  const call = whole.slice(0, eq);
  return call.length < 40 ? `${call.padEnd(40)}= ${whole.slice(eq + 3)}`.slice(head.length) : text;
}

export interface LineText {
  prefix: string;
  text: string;
  errno?: Errno;
  name?: string;
}

/** What strace prints for a line: `4000  0.000123 ` and the rest. */
export function lineText(trace: readonly TraceEvent[], line: LogLine): LineText {
  const e = trace[line.ev]!;
  const b = line.block >= 0 ? trace[line.block] : undefined;
  const block = b?.type === 'sys.block' ? b : undefined;
  switch (line.kind) {
    case 'unfinished':
      return {
        prefix: prefix(line.tid, block?.enterT ?? e.t),
        text: `${block?.head ?? ''} <unfinished ...>`,
      };
    case 'call':
    case 'resumed': {
      if (e.type !== 'sys.exit') break;
      const p = prefix(e.tid, line.kind === 'resumed' ? e.t : e.enterT);
      const text = line.kind === 'resumed' ? `<... ${e.name} resumed>${e.strace.slice(e.head)}` : e.strace;
      return { prefix: p, text: padResult(p, text), name: e.name, ...(e.errno ? { errno: e.errno } : {}) };
    }
    case 'signal':
      if (e.type === 'signal.handle')
        return { prefix: prefix(e.tid, e.t), text: '--- SIGIO {si_signo=SIGIO, si_code=SI_KERNEL} ---' };
      if (e.type === 'signal.send')
        return {
          prefix: prefix(e.tid ?? e.pid, e.t),
          text: `--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=${e.pid}, si_uid=0} ---`,
        };
      break;
    case 'exit':
      return {
        prefix: prefix(line.tid, e.t),
        text: `+++ exited with ${e.type === 'proc.exit' || e.type === 'thread.exit' ? (e.code ?? 0) : 0} +++`,
      };
  }
  return { prefix: prefix(line.tid, e.t), text: '' };
}

/** The head of a call still asleep: what strace has printed of it so far. */
export function pendingText(trace: readonly TraceEvent[], p: PendingCall): LineText {
  const b = trace[p.block]!;
  return b.type === 'sys.block'
    ? { prefix: prefix(p.tid, b.enterT), text: b.head }
    : { prefix: prefix(p.tid, b.t), text: '' };
}

/** How strace shows a call it has not seen return when the run stops. */
export const UNFINISHED = ' <unfinished ...>';

/** The whole log as text, one line each, as `npm run sim -- <id> --format strace` prints it. */
export function toStrace(run: { trace: readonly TraceEvent[] }): string {
  const { trace } = run;
  const log = straceLog(trace);
  const out: string[] = [];
  for (const line of log.lines) {
    const { prefix: p, text } = lineText(trace, line);
    out.push(p + text);
  }
  for (const pend of log.asleepAtEnd) {
    const { prefix: p, text } = pendingText(trace, pend);
    out.push(p + text + UNFINISHED);
  }
  return out.join('\n') + (out.length ? '\n' : '');
}
