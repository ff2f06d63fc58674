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

const MAX_PERIOD = 16;
const MIN_REPEATS = 3;

/** What makes two steps "the same" for folding: what happened, where, with which outcome. */
export function stepSignature(ev: TraceEvent): string {
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
      return `${ev.type}:${ev.t}`; // anything else happens once: never folded
  }
}

/** Finds maximal runs where a block of `period` steps repeats at least MIN_REPEATS times. */
export function foldSteps(index: Pick<TraceIndex, 'trace' | 'stepStart'>): FoldedSteps {
  const sig = index.stepStart.map((i) => stepSignature(index.trace[i]!));
  const folds: Fold[] = [];
  let k = 0;
  while (k < sig.length) {
    let best: Fold | null = null;
    for (let p = 1; p <= MAX_PERIOD && k + 2 * p <= sig.length; p++) {
      let repeats = 1;
      while (k + (repeats + 1) * p <= sig.length && sameBlock(sig, k, k + repeats * p, p)) repeats++;
      if (repeats >= MIN_REPEATS && (!best || repeats * p > best.repeats * best.period))
        best = { first: k, period: p, repeats, last: k + repeats * p - 1 };
    }
    if (best) {
      folds.push(best);
      k = best.last + 1;
    } else k++;
  }
  return { folds };
}

function sameBlock(sig: string[], a: number, b: number, p: number): boolean {
  for (let i = 0; i < p; i++) if (sig[a + i] !== sig[b + i]) return false;
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
