/**
 * The compare page's URL parameters: `models=blocking,select,epoll` (the lanes shown),
 * `t=300.020172` (the cursor, in virtual milliseconds, exact to the nanosecond) and
 * `scale=linear` (time to scale; the default squeezes the quiet stretches). Reading never
 * throws: every bad part becomes a problem (a notice) and a safe fallback.
 */
import { CLASSIC_MODELS, COMPARE_MODELS, isCompareModel } from '../../compare/compare.ts';
import type { Model } from '../../scenarios/format.ts';
import { MS, type Ns } from '../../kernel/types.ts';

export type Scale = 'squeezed' | 'linear';
export interface CompareParams {
  models: Model[];
  t: Ns;
  scale: Scale;
}
export type ParamProblem =
  | { key: 'compare.notice.badModels'; params: { models: string; fallback: string } }
  | { key: 'compare.notice.noModels'; params: { fallback: string } }
  | { key: 'compare.notice.badTime'; params: { t: string } }
  | { key: 'compare.notice.lateTime'; params: { t: string; end: string } }
  | { key: 'compare.notice.badScale'; params: { scale: string } };

export const DEFAULT_MODELS: readonly Model[] = CLASSIC_MODELS;

/** Milliseconds as the URL writes them: up to 6 decimals (exact nanoseconds), no trailing zeros. */
export function formatMs(ns: Ns): string {
  return (ns / MS).toFixed(6).replace(/\.?0+$/, '');
}

/** The chosen lanes in the models' canonical order, duplicates dropped. */
export function canonicalModels(models: Iterable<string>): Model[] {
  const set = new Set(models);
  return COMPARE_MODELS.filter((m) => set.has(m));
}

export function readParams(
  raw: Record<string, string>,
  endNs: Ns,
): { params: CompareParams; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  let models: Model[] = [...DEFAULT_MODELS];
  if (raw.models !== undefined) {
    const names = raw.models
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const bad = names.filter((n) => !isCompareModel(n));
    const good = canonicalModels(names.filter(isCompareModel));
    if (good.length === 0) {
      problems.push(
        bad.length
          ? {
              key: 'compare.notice.badModels',
              params: { models: bad.join(', ').slice(0, 80), fallback: DEFAULT_MODELS.join(', ') },
            }
          : { key: 'compare.notice.noModels', params: { fallback: DEFAULT_MODELS.join(', ') } },
      );
    } else {
      models = good;
      if (bad.length)
        problems.push({
          key: 'compare.notice.badModels',
          params: { models: bad.join(', ').slice(0, 80), fallback: good.join(', ') },
        });
    }
  }
  let t = 0;
  if (raw.t !== undefined) {
    if (!/^\d{1,7}(\.\d{1,6})?$/.test(raw.t))
      problems.push({ key: 'compare.notice.badTime', params: { t: raw.t.slice(0, 24) } });
    else {
      const ns = Math.round(Number(raw.t) * MS);
      if (ns > endNs) {
        t = endNs;
        problems.push({ key: 'compare.notice.lateTime', params: { t: raw.t, end: formatMs(endNs) } });
      } else t = ns;
    }
  }
  let scale: Scale = 'squeezed';
  if (raw.scale !== undefined) {
    if (raw.scale === 'linear' || raw.scale === 'squeezed') scale = raw.scale;
    else problems.push({ key: 'compare.notice.badScale', params: { scale: raw.scale.slice(0, 24) } });
  }
  return { params: { models, t, scale }, problems };
}

/** The URL parameters for these choices (defaults left out, so links stay short). */
export function writeParams(p: CompareParams): Record<string, string> {
  const out: Record<string, string> = { models: p.models.join(',') };
  if (p.t > 0) out.t = formatMs(p.t);
  if (p.scale !== 'squeezed') out.scale = p.scale;
  return out;
}
