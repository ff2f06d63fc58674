/**
 * The exam hall's URL parameters: `#/hall?n=30&mech=select&pattern=several&order=1&view=both`.
 * Every bad value falls back, and says which (pure).
 */
import {
  DEFAULT_CLASS,
  MAX_CLASS,
  MECHANISMS,
  MIN_CLASS,
  PATTERNS,
  type Mechanism,
  type Pattern,
} from '../../hall/hall.ts';

export const VIEWS = ['hall', 'kernel', 'both'] as const;
export type HallView = (typeof VIEWS)[number];

export interface HallParams {
  n: number;
  mech: Mechanism;
  pattern: Pattern;
  order: number;
  view: HallView;
}
export interface BadParam {
  name: string;
  value: string;
  fallback: string;
}

export const DEFAULTS: HallParams = {
  n: DEFAULT_CLASS,
  mech: 'select',
  pattern: 'several',
  order: 1,
  view: 'both',
};
export const MAX_ORDER = 99_999;

function wholeIn(text: string, min: number, max: number): number | null {
  if (!/^\d{1,7}$/.test(text)) return null;
  const v = Number(text);
  return v >= min && v <= max ? v : null;
}

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  return (values as readonly string[]).includes(text) ? (text as T) : null;
}

export function readHallParams(params: Record<string, string>): { value: HallParams; bad: BadParam[] } {
  const bad: BadParam[] = [];
  const pick = <T>(name: keyof HallParams, parse: (text: string) => T | null, fallback: T): T => {
    const text = params[name];
    if (text === undefined) return fallback;
    const v = parse(text);
    if (v === null) {
      bad.push({ name, value: text.slice(0, 40), fallback: String(fallback) });
      return fallback;
    }
    return v;
  };
  return {
    value: {
      n: pick('n', (x) => wholeIn(x, MIN_CLASS, MAX_CLASS), DEFAULTS.n),
      mech: pick('mech', (x) => oneOf(MECHANISMS, x), DEFAULTS.mech),
      pattern: pick('pattern', (x) => oneOf(PATTERNS, x), DEFAULTS.pattern),
      order: pick('order', (x) => wholeIn(x, 1, MAX_ORDER), DEFAULTS.order),
      view: pick('view', (x) => oneOf(VIEWS, x), DEFAULTS.view),
    },
    bad,
  };
}

export function writeHallParams(p: HallParams): Record<string, string> {
  return { n: String(p.n), mech: p.mech, pattern: p.pattern, order: String(p.order), view: p.view };
}
