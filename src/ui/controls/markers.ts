/**
 * Timeline marks, cheap at any trace length: each kind of event becomes a sorted list of the
 * visible positions where it happens (one pass over the trace), and drawing bins those into
 * pixel columns, so a lane costs at most one shape per column whatever the trace length.
 */
import type { TraceIndex } from '../../kernel/trace-index.ts';
import type { TraceEvent } from '../../kernel/types.ts';

export const MARKER_KINDS = ['syscall', 'failed', 'error', 'block', 'wake', 'rx', 'copy'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** The lane each kind is drawn in (top to bottom). */
export const LANE: Record<MarkerKind, number> = {
  syscall: 0,
  failed: 0,
  error: 0,
  block: 1,
  wake: 2,
  rx: 3,
  copy: 4,
};
export const LANES = 5;

export interface MarkerIndex {
  /** Visible steps (positions 0 … n-1). */
  n: number;
  /** Sorted, distinct visible positions where each kind happens. */
  at: Record<MarkerKind, Int32Array>;
}

export function kindOf(ev: TraceEvent): MarkerKind | null {
  switch (ev.type) {
    case 'sys.exit':
      return ev.errno ? 'failed' : 'syscall';
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
    default:
      return null;
  }
}

/**
 * One pass over the trace. An event in a step hidden by a fold is marked on the visible step
 * that stands for it (the next visible one: the fold's own step).
 */
export function markerIndex(index: TraceIndex, visible: readonly number[]): MarkerIndex {
  // Made once per run and list of visible steps (the store keeps one list per fold setting).
  const known = MADE.get(index) ?? new WeakMap<readonly number[], MarkerIndex>();
  MADE.set(index, known);
  let marks = known.get(visible);
  if (!marks) known.set(visible, (marks = collectMarkers(index, visible)));
  return marks;
}

const MADE = new WeakMap<TraceIndex, WeakMap<readonly number[], MarkerIndex>>();

function collectMarkers(index: TraceIndex, visible: readonly number[]): MarkerIndex {
  const lists: Record<MarkerKind, number[]> = {
    syscall: [],
    failed: [],
    error: [],
    block: [],
    wake: [],
    rx: [],
    copy: [],
  };
  const { trace, stepStart } = index;
  let step = 0;
  let pos = 0;
  for (let i = 0; i < trace.length; i++) {
    while (step + 1 < stepStart.length && stepStart[step + 1]! <= i) step++;
    const kind = kindOf(trace[i]!);
    if (kind === null) continue;
    while (pos + 1 < visible.length && visible[pos]! < step) pos++;
    const list = lists[kind];
    if (list[list.length - 1] !== pos) list.push(pos);
  }
  const at = {} as Record<MarkerKind, Int32Array>;
  for (const k of MARKER_KINDS) at[k] = Int32Array.from(lists[k]);
  return { n: visible.length, at };
}

/** Pixel columns (centre x) that hold at least one mark, for positions mapped by x. */
export function binColumns(positions: Int32Array, x: (pos: number) => number, binPx: number): number[] {
  const out: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < positions.length; i++) {
    const col = Math.round(x(positions[i]!) / binPx);
    if (col !== last) {
      out.push(col * binPx);
      last = col;
    }
  }
  return out;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** One SVG path for every mark of a kind: a glyph per column, centred on lane y. */
export function glyphPath(kind: MarkerKind, xs: readonly number[], y: number, size: number): string {
  const s = size / 2;
  const parts: string[] = [];
  for (const x0 of xs) {
    const x = r(x0);
    switch (kind) {
      case 'syscall':
        parts.push(`M${r(x - 0.75)},${r(y - s)}h1.5v${size}h-1.5Z`);
        break;
      case 'failed':
        parts.push(
          `M${r(x - s)},${r(y - s)}L${r(x + s)},${r(y + s)}M${r(x + s)},${r(y - s)}L${r(x - s)},${r(y + s)}`,
        );
        break;
      case 'error':
        parts.push(
          `M${x},${r(y - s - 1.5)}L${r(x + s + 1.5)},${y}L${x},${r(y + s + 1.5)}L${r(x - s - 1.5)},${y}Z`,
        );
        break;
      case 'block':
        parts.push(`M${r(x - s)},${r(y - s)}H${r(x + s)}L${x},${r(y + s)}Z`);
        break;
      case 'wake':
        parts.push(`M${r(x - s)},${r(y + s)}H${r(x + s)}L${x},${r(y - s)}Z`);
        break;
      case 'rx':
        parts.push(`M${r(x - s)},${y}a${s},${s} 0 1,0 ${r(2 * s)},0a${s},${s} 0 1,0 ${r(-2 * s)},0Z`);
        break;
      case 'copy': {
        const q = r(s * 0.85);
        parts.push(`M${r(x - q)},${r(y - q)}h${r(2 * q)}v${r(2 * q)}h${r(-2 * q)}Z`);
        break;
      }
    }
  }
  return parts.join('');
}
