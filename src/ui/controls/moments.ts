/**
 * The important moments a presenter jumps between (the next/previous-moment keys): a thread
 * falls asleep, is woken, data arrives in a socket, bytes are copied to the program, an error
 * (a failed call or an exception), a client gets its reply. Which kinds count is the user's choice.
 */
import type { TraceIndex } from '../../kernel/trace-index.ts';
import type { TraceEvent } from '../../kernel/types.ts';

export const MOMENT_KINDS = ['block', 'wake', 'rx', 'copy', 'error', 'reply'] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export function momentOf(ev: TraceEvent): MomentKind | null {
  switch (ev.type) {
    case 'sys.block':
      return 'block';
    case 'sys.wake':
      return 'wake';
    case 'sock.rx':
      return 'rx';
    case 'copy':
      return 'copy';
    case 'error':
      return 'error';
    case 'sys.exit':
      return ev.errno ? 'error' : null;
    case 'client.reply':
      return 'reply';
    default:
      return null;
  }
}

/** The visible step that shows raw step `raw` (a step hidden in a fold shows on the fold's own step, the next visible one). */
function shownAt(visible: readonly number[], raw: number): number {
  let lo = 0;
  let hi = visible.length - 1;
  if (hi < 0) return raw;
  if (raw >= visible[hi]!) return visible[hi]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (visible[mid]! >= raw) hi = mid;
    else lo = mid + 1;
  }
  return visible[lo]!;
}

/**
 * The nearest visible step after (dir 1) or before (dir -1) `step` with a moment of one of
 * `kinds`, or null when there is none that way.
 */
export function nearestMoment(
  index: TraceIndex,
  visible: readonly number[],
  step: number,
  dir: 1 | -1,
  kinds: readonly string[],
): number | null {
  const wanted = new Set(kinds);
  if (wanted.size === 0) return null;
  const { trace, stepStart } = index;
  const hit = (i: number): number | null => {
    const kind = momentOf(trace[i]!);
    if (kind === null || !wanted.has(kind)) return null;
    const at = shownAt(visible, index.stepOfEvent(i));
    return dir > 0 ? (at > step ? at : null) : at < step ? at : null;
  };
  if (dir > 0) {
    for (let i = step + 1 < stepStart.length ? stepStart[step + 1]! : trace.length; i < trace.length; i++) {
      const at = hit(i);
      if (at !== null) return at;
    }
  } else {
    for (let i = (stepStart[step] ?? trace.length) - 1; i >= 0; i--) {
      const at = hit(i);
      if (at !== null) return at;
    }
  }
  return null;
}
