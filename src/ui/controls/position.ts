/** Where the current step sits among the visible steps, and how to say a virtual time. */
import { bisectRight } from 'd3-array';
import { foldAt, type Fold, type FoldedSteps } from '../../runs/folding.ts';
import type { TraceIndex } from '../../kernel/trace-index.ts';
import type { Lang } from '../../i18n/core.ts';

/** Index of the last visible step at or before `step` (what next/prev move from); 0 if none. */
export function positionOf(steps: readonly number[], step: number): number {
  return Math.max(0, bisectRight(steps, step) - 1);
}

/**
 * The fold the student is looking at the folded part of: the step that stands for the repeats,
 * or a raw step hidden inside them (a link can point there). The first round is shown as is.
 */
export function foldedHere(folds: FoldedSteps, fold: boolean, step: number): Fold | undefined {
  if (!fold) return undefined;
  const f = foldAt(folds, step);
  return f && step >= f.first + f.period ? f : undefined;
}

/** Virtual time of a step: the time of its first event. */
export function timeOfStep(index: TraceIndex, step: number): number {
  if (index.steps === 0) return 0;
  const k = Math.max(0, Math.min(index.steps - 1, step));
  return index.trace[index.stepStart[k]!]!.t;
}

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');

/**
 * `v.toLocaleString(lang's locale, { exactly `digits` decimals })` (`digits` undefined: the
 * default format), with each formatter made once: several panels format numbers on every step,
 * and a new Intl.NumberFormat per number cost more than the rest of a panel's render.
 */
export function formatNumber(v: number, lang: Lang, digits?: number): string {
  const key = `${lang}/${digits ?? ''}`;
  let f = FORMATS.get(key);
  if (!f)
    FORMATS.set(
      key,
      (f = new Intl.NumberFormat(
        locale(lang),
        digits === undefined ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits },
      )),
    );
  return f.format(v);
}
const FORMATS = new Map<string, Intl.NumberFormat>();

export function formatCount(n: number, lang: Lang): string {
  return formatNumber(n, lang);
}

/** Nanoseconds as a student reads them: µs below 1 ms, else ms to the microsecond. */
export function formatTime(ns: number, lang: Lang): string {
  const fmt = (v: number, digits: number) => formatNumber(v, lang, digits);
  if (ns < 1_000_000) return `${fmt(ns / 1000, 1)} µs`;
  return `${fmt(ns / 1_000_000, 3)} ms`;
}
