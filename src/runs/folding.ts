/**
 * Folding: a busy-polling loop repeats the same few steps thousands of times. A run of identical
 * rounds folds into one visible step that says how many it stands for, and can be unfolded.
 */
import type { TraceIndex } from '../kernel/trace-index.ts';
import type { TraceEvent } from '../kernel/types.ts';

export interface Fold {
  first: number;
  period: number;
  repeats: number;
  last: number;
}
export interface FoldedSteps {
  folds: Fold[];
}

/** Every period up to this is tried at each step. */
const MAX_PERIOD = 16;
/**
 * Longer periods are tried too, up to this many steps: the distance to the next step like this
 * one. A busy-polling round over N sockets is 2N + 2 steps (the loop's head, then a failed
 * recv per socket); trying the distance from the loop's head to its next visit folds whole
 * rounds at any N, where periods up to 16 would fold only the recv calls inside one round.
 */
const MAX_ROUND = 1 << 17;
const MIN_REPEATS = 3;

/**
 * What makes two steps "the same" for folding: what happened, where, with which outcome; null
 * for a step that happens once (a packet, a reply...), which never folds.
 */
export function stepSignature(ev: TraceEvent): string | null {
  switch (ev.type) {
    case 'py':
      return `py:${ev.tid}:${ev.line}`;
    case 'sys.enter':
      return `enter:${ev.tid}:${ev.name}:${ev.line}`;
    case 'sys.exit':
      return `exit:${ev.tid}:${ev.name}:${ev.ret}:${ev.errno ?? ''}`;
    case 'sys.block':
      return `block:${ev.tid}:${ev.name}`;
    case 'sys.wake':
      return `wake:${ev.tid}:${ev.name}`;
    default:
      return null; // anything else happens once: never folded
  }
}

/** Finds maximal runs where a block of `period` steps repeats at least MIN_REPEATS times. */
export function foldSteps(index: Pick<TraceIndex, 'trace' | 'stepStart'>): FoldedSteps {
  // Signatures as small numbers (0: never folds), and where each one comes next.
  const ids = new Map<string, number>();
  const n = index.stepStart.length;
  const sig = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = stepSignature(index.trace[index.stepStart[k]!]!);
    if (s === null) continue;
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size + 1));
    sig[k] = id;
  }
  const nextSame = new Int32Array(n).fill(-1);
  const seen = new Map<number, number>();
  for (let k = n - 1; k >= 0; k--) {
    if (sig[k] === 0) continue;
    nextSame[k] = seen.get(sig[k]!) ?? -1;
    seen.set(sig[k]!, k);
  }
  const folds: Fold[] = [];
  let k = 0;
  while (k < n) {
    let best: Fold | null = null;
    const tryPeriod = (p: number): void => {
      let repeats = 1;
      while (k + (repeats + 1) * p <= n && sameBlock(sig, k, k + repeats * p, p)) repeats++;
      if (repeats >= MIN_REPEATS && (!best || repeats * p > best.repeats * best.period))
        best = { first: k, period: p, repeats, last: k + repeats * p - 1 };
    };
    for (let p = 1; p <= MAX_PERIOD && k + 2 * p <= n; p++) tryPeriod(p);
    const round = nextSame[k]! - k;
    if (round > MAX_PERIOD && round <= MAX_ROUND && k + 2 * round <= n) tryPeriod(round);
    const found = best as Fold | null;
    if (found) {
      folds.push(found);
      k = found.last + 1;
    } else k++;
  }
  return { folds };
}

function sameBlock(sig: Int32Array, a: number, b: number, p: number): boolean {
  for (let i = 0; i < p; i++) if (sig[a + i] === 0 || sig[a + i] !== sig[b + i]) return false;
  return true;
}

/**
 * The steps a student moves through: with folding on, a fold shows its first round, then one
 * step for all the repeats (landing on the fold's last step), then goes on.
 */
export function visibleSteps(total: number, folded: FoldedSteps | null): number[] {
  const out: number[] = [];
  let k = 0;
  const folds = folded?.folds ?? [];
  let f = 0;
  while (k < total) {
    const fold = folds[f];
    if (fold && k === fold.first) {
      for (let i = 0; i < fold.period; i++) out.push(fold.first + i);
      out.push(fold.last);
      k = fold.last + 1;
      f++;
      continue;
    }
    out.push(k++);
  }
  return out;
}

/** The fold a step belongs to, if any. */
export function foldAt(folded: FoldedSteps, step: number): Fold | undefined {
  return folded.folds.find((f) => step >= f.first && step <= f.last);
}
