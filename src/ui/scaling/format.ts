/** Numbers with their units, for axes, tooltips and tables (the page's language decides the digits' grouping). */
import type { ChartDef } from '../../scaling/metrics.ts';

const nf = (lang: string, digits: number) =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumSignificantDigits: digits });

export function formatValue(v: number, unit: ChartDef['unit'], lang: string, digits = 3): string {
  const f = nf(lang, digits);
  if (!Number.isFinite(v)) return '–';
  switch (unit) {
    case 'ns':
      if (v >= 1e9) return `${f.format(v / 1e9)} s`;
      if (v >= 1e6) return `${f.format(v / 1e6)} ms`;
      if (v >= 1e3) return `${f.format(v / 1e3)} µs`;
      return `${f.format(v)} ns`;
    case 'us':
      if (v >= 1e6) return `${f.format(v / 1e6)} s`;
      if (v >= 1e3) return `${f.format(v / 1e3)} ms`;
      return `${f.format(v)} µs`;
    case 'bytes':
      if (v >= 2 ** 40) return `${f.format(v / 2 ** 40)} TiB`;
      if (v >= 2 ** 30) return `${f.format(v / 2 ** 30)} GiB`;
      if (v >= 2 ** 20) return `${f.format(v / 2 ** 20)} MiB`;
      if (v >= 2 ** 10) return `${f.format(v / 2 ** 10)} KiB`;
      return `${f.format(v)} B`;
    case 'cores':
      return f.format(v);
    case 'count':
      return f.format(v);
  }
}

export function formatInt(v: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(v);
}
