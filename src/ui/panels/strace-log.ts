/**
 * The run as `strace -f -ttt` prints it, one entry per line, each tied to the trace event that
 * prints it, so the log can be cut at any step in O(log n). Same rules as src/cli/report.ts
 * `toStrace` (a call that sleeps while another thread prints is split into `<unfinished ...>` and
 * `<... resumed>`; SIGIO and SIGPIPE lines; thread and process exits). The index is built once
 * per run and holds only numbers; a line's text is made when it is drawn.
 */
import { prefix } from '../../kernel/strace-format.ts';
import type { Errno } from '../../kernel/errors.ts';
import type { TraceEvent } from '../../kernel/types.ts';

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
export interface PendingCall { block: number; exit: number; tid: number }

export interface StraceLog { lines: LogLine[]; byTid: Map<number, PendingCall[]> }

const cache = new WeakMap<readonly TraceEvent[], StraceLog>();

export function straceLog(trace: readonly TraceEvent[]): StraceLog {
  const hit = cache.get(trace);
  if (hit) return hit;
  const lines: LogLine[] = [];
  const byTid = new Map<number, PendingCall[]>();
  const pids = new Set<number>();
  const sleeping = new Map<number, { split: boolean; pend: PendingCall }>();
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
          if (!list) { list = []; byTid.set(e.tid, list); }
          list.push(pend);
          sleeping.set(e.tid, { split: false, pend });
        }
        break;
      case 'sys.exit': {
        interrupt(e.tid, i);
        const s = sleeping.get(e.tid);
        if (s) { sleeping.delete(e.tid); s.pend.exit = i; }
        lines.push({ ev: i, tid: e.tid, kind: s?.split ? 'resumed' : 'call', block: s ? s.pend.block : -1 });
        break;
      }
      case 'signal.handle':
        interrupt(e.tid, i);
        if (e.signal === 'SIGIO') lines.push({ ev: i, tid: e.tid, kind: 'signal', block: -1 });
        break;
      case 'signal.send':
        if (e.signal === 'SIGPIPE') lines.push({ ev: i, tid: e.pid, kind: 'signal', block: -1 });
        break;
      case 'thread.exit':
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
  const log = { lines, byTid };
  cache.set(trace, log);
  return log;
}

/** strace pads to column 40 before "= result". */
function padResult(head: string, text: string): string {
  const whole = head + text;
  const eq = whole.lastIndexOf(' = ');
  if (eq < 0) return text;
  const call = whole.slice(0, eq);
  return call.length < 40 ? `${call.padEnd(40)}= ${whole.slice(eq + 3)}`.slice(head.length) : text;
}

export interface LineText { prefix: string; text: string; errno?: Errno; name?: string }

/** What strace prints for a line: `4000  0.000123 ` and the rest. */
export function lineText(trace: readonly TraceEvent[], line: LogLine): LineText {
  const e = trace[line.ev]!;
  const b = line.block >= 0 ? trace[line.block] : undefined;
  const block = b?.type === 'sys.block' ? b : undefined;
  switch (line.kind) {
    case 'unfinished':
      return { prefix: prefix(line.tid, block?.enterT ?? e.t), text: `${block?.head ?? ''} <unfinished ...>` };
    case 'call':
    case 'resumed': {
      if (e.type !== 'sys.exit') break;
      const p = prefix(e.tid, line.kind === 'resumed' ? e.t : e.enterT);
      const text = line.kind === 'resumed' ? `<... ${e.name} resumed>${e.strace.slice(e.head)}` : e.strace;
      return { prefix: p, text: padResult(p, text), name: e.name, ...(e.errno ? { errno: e.errno } : {}) };
    }
    case 'signal':
      if (e.type === 'signal.handle') return { prefix: prefix(e.tid, e.t), text: '--- SIGIO {si_signo=SIGIO, si_code=SI_KERNEL} ---' };
      if (e.type === 'signal.send') return { prefix: prefix(e.pid, e.t), text: `--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=${e.pid}, si_uid=0} ---` };
      break;
    case 'exit':
      return { prefix: prefix(line.tid, e.t), text: `+++ exited with ${e.type === 'proc.exit' ? e.code : 0} +++` };
  }
  return { prefix: prefix(line.tid, e.t), text: '' };
}

/** The head of a call still asleep: what strace has printed of it so far. */
export function pendingText(trace: readonly TraceEvent[], p: PendingCall): LineText {
  const b = trace[p.block]!;
  return b.type === 'sys.block' ? { prefix: prefix(p.tid, b.enterT), text: b.head } : { prefix: prefix(p.tid, b.t), text: '' };
}

/** How many lines strace has printed before event index `end` (lines are in event order). */
export function linesBefore(log: StraceLog, end: number): number {
  let lo = 0;
  let hi = log.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log.lines[mid]!.ev < end) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * Calls asleep at event index `end` (of the threads `inCall`, inside a system call) that strace
 * has not yet printed as `<unfinished ...>` among the lines `printed`.
 */
export function pendingAt(log: StraceLog, end: number, inCall: readonly number[], printed: readonly LogLine[]): PendingCall[] {
  const out: PendingCall[] = [];
  for (const tid of inCall) {
    const list = log.byTid.get(tid);
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.block < end) lo = mid + 1; else hi = mid;
    }
    const p = list[lo - 1];
    if (p && (p.exit < 0 || p.exit >= end)) out.push(p);
  }
  if (!out.length) return out;
  const split = new Set<number>();
  for (const l of printed) if (l.kind === 'unfinished') split.add(l.block);
  return out.filter((p) => !split.has(p.block)).sort((a, b) => a.block - b.block);
}
