/**
 * The system-call panel's rows at a step: the strace log's lines printed so far (the log itself,
 * and each line's text, come from src/kernel/strace-log.ts, the one the CLI prints), then the
 * calls still asleep in the kernel whose head strace has printed. Pure, so a test can check the
 * panel prints what the CLI prints.
 */
import { bisector } from 'd3-array';
import type { Errno } from '../../kernel/errors.ts';
import {
  lineText,
  pendingText,
  straceLog,
  type LineKind,
  type LogLine,
  type PendingCall,
  type StraceLog,
} from '../../kernel/strace-log.ts';
import type { TraceEvent } from '../../kernel/types.ts';
import type { MachineView } from '../../kernel/view.ts';
import type { TraceIndex } from '../../kernel/trace-index.ts';

export interface LogRow {
  key: string;
  step: number;
  prefix: string;
  text: string;
  errno?: Errno;
  name?: string;
  pending: boolean;
  kind: LineKind | 'pending';
}

export interface LogRows {
  rows: LogRow[];
  /** How many printed lines come before the first row (not drawn). */
  first: number;
  /** How many lines strace has printed by the end of the step. */
  count: number;
}

/** The event index at which step `step` ends. */
export function stepEnd(index: TraceIndex, step: number): number {
  return step + 1 < index.stepStart.length ? index.stepStart[step + 1]! : index.trace.length;
}

/**
 * The panel's rows at `step` (whose machine view is `view`): the last `window` printed lines,
 * then the calls asleep at the end of the step.
 */
export function logRows(
  trace: readonly TraceEvent[],
  index: TraceIndex,
  step: number,
  view: MachineView,
  window = Infinity,
): LogRows {
  const log = straceLog(trace);
  const end = stepEnd(index, step);
  const count = linesBefore(log, end);
  const first = Math.max(0, count - window);
  const rows: LogRow[] = [];
  const printed = log.lines.slice(first, count);
  // A line's row is made once: the next step draws the same objects, and the panel redraws only new rows.
  const made = rowsMade(log, index);
  printed.forEach((l, i) => {
    let row = made.get(l);
    if (!row) {
      const { prefix, text, errno, name } = lineText(trace, l);
      row = {
        key: `l${first + i}`,
        step: index.stepOfEvent(l.ev),
        prefix,
        text,
        pending: false,
        kind: l.kind,
        ...(errno ? { errno } : {}),
        ...(name ? { name } : {}),
      };
      made.set(l, row);
    }
    rows.push(row);
  });
  const inCall = Object.values(view.threads)
    .filter((th) => th.call !== null && th.state !== 'exited')
    .map((th) => th.tid);
  for (const p of pendingAt(log, end, inCall, printed)) {
    let row = made.get(p);
    if (!row) {
      const { prefix, text } = pendingText(trace, p);
      row = {
        key: `p${p.block}`,
        step: index.stepOfEvent(p.block),
        prefix,
        text,
        pending: true,
        kind: 'pending',
      };
      made.set(p, row);
    }
    rows.push(row);
  }
  return { rows, first, count };
}

const MADE = new WeakMap<StraceLog, WeakMap<TraceIndex, WeakMap<LogLine | PendingCall, LogRow>>>();

function rowsMade(log: StraceLog, index: TraceIndex): WeakMap<LogLine | PendingCall, LogRow> {
  const perLog = MADE.get(log) ?? new WeakMap<TraceIndex, WeakMap<LogLine | PendingCall, LogRow>>();
  MADE.set(log, perLog);
  const rows = perLog.get(index) ?? new WeakMap<LogLine | PendingCall, LogRow>();
  perLog.set(index, rows);
  return rows;
}

const byEvent = bisector((l: LogLine) => l.ev);
const byBlock = bisector((p: PendingCall) => p.block);

/** How many lines strace has printed before event index `end` (lines are in event order). */
export function linesBefore(log: StraceLog, end: number): number {
  return byEvent.left(log.lines, end);
}

/**
 * Calls asleep at event index `end` (of the threads `inCall`, inside a system call) that strace
 * has not yet printed as `<unfinished ...>` among the lines `printed`.
 */
export function pendingAt(
  log: StraceLog,
  end: number,
  inCall: readonly number[],
  printed: readonly LogLine[],
): PendingCall[] {
  const out: PendingCall[] = [];
  for (const tid of inCall) {
    const list = log.byTid.get(tid);
    if (!list) continue;
    const p = list[byBlock.left(list, end) - 1];
    if (p && (p.exit < 0 || p.exit >= end)) out.push(p);
  }
  if (!out.length) return out;
  const split = new Set<number>();
  for (const l of printed) if (l.kind === 'unfinished') split.add(l.block);
  return out.filter((p) => !split.has(p.block)).sort((a, b) => a.block - b.block);
}
