/**
 * Text helpers for the stage: Python's repr of a byte string, one display character per byte,
 * and text measurement (an estimate in tests and before the fonts load; the canvas in a browser).
 */
import type { Bytes } from '../../kernel/bytes.ts';

/** Python's repr() of a bytes object, cut after `max` bytes ("…" marks the cut). */
export function pyRepr(data: Bytes, max = Infinity): string {
  const shown = data.length > max ? data.slice(0, max) : data;
  const quote = shown.includes("'") && !shown.includes('"') ? '"' : "'";
  let out = 'b' + quote;
  for (let i = 0; i < shown.length; i++) {
    const c = shown.charCodeAt(i);
    if (c === 92) out += '\\\\';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (String.fromCharCode(c) === quote) out += '\\' + quote;
    else if (c >= 32 && c < 127) out += String.fromCharCode(c);
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + quote + (data.length > max ? '…' : '');
}

/** The character drawn inside one byte's cell: printable ASCII as itself, others as a symbol. */
export function byteGlyph(code: number): string {
  if (code === 32) return '·';
  if (code === 10) return '↵';
  if (code === 9) return '⇥';
  if (code > 32 && code < 127) return String.fromCharCode(code);
  return '•';
}

export interface FontSpec {
  size: number;
  bold?: boolean;
  mono?: boolean;
}
/** Width in px of `text` drawn in `font`. */
export type Measure = (text: string, font: FontSpec) => number;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const NARROW = /[iljtfrI.,:;'!|()[\]{} ·]/;
const BROAD = /[mwMWOQGDCHN@%]/;

/**
 * A deliberately generous estimate (Noto Sans averages about 0.55 em a letter; JetBrains Mono is
 * exactly 0.6 em; CJK is 1 em). Used in tests and until the fonts have loaded.
 */
export const estimateWidth: Measure = (text, font) => {
  let w = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) w += 1;
    else if (font.mono) w += 0.6;
    else if (NARROW.test(ch)) w += 0.32;
    else if (BROAD.test(ch)) w += 0.86;
    else if (ch >= 'A' && ch <= 'Z') w += 0.68;
    else w += 0.58;
  }
  return w * font.size * (font.bold ? 1.06 : 1);
};

/** `text`, cut with "…" so that it fits `maxWidth` (the whole text when it fits). */
export function fitText(text: string, maxWidth: number, font: FontSpec, measure: Measure): string {
  if (measure(text, font) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(chars.slice(0, mid).join('') + '…', font) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : chars.slice(0, lo).join('') + '…';
}

/**
 * Greedy line breaking: between words, and between any two CJK characters. At most `maxLines`
 * lines; the last one is cut with "…" when the text does not fit.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  font: FontSpec,
  measure: Measure,
  maxLines = 3,
): string[] {
  const tokens =
    text.match(
      /[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef][，。：；、）」』]?|[^\s\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g,
    ) ?? [];
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = line + tok;
    if (line === '' || measure(next.trimEnd(), font) <= maxWidth) {
      line = next;
      continue;
    }
    lines.push(line.trimEnd());
    line = tok.trimStart();
    if (lines.length === maxLines - 1) {
      const rest = line + tokens.slice(i + 1).join('');
      lines.push(fitText(rest.trimEnd(), maxWidth, font, measure));
      return lines;
    }
  }
  if (line.trim() !== '')
    lines.push(
      measure(line.trimEnd(), font) <= maxWidth
        ? line.trimEnd()
        : fitText(line.trimEnd(), maxWidth, font, measure),
    );
  return lines;
}

/** A measure from the bundled fonts' own advance widths (font-metrics.ts): the same everywhere. */
export function metricsMeasure(lang: 'en' | 'zh', table: Record<string, number[]>, chars: string): Measure {
  const index = new Map<string, number>();
  [...chars].forEach((ch, i) => index.set(ch, i));
  return (text, font) => {
    const face = (font.mono ? 'mono' : lang) + (font.bold ? '-bold' : '');
    const widths = table[face] ?? table[lang]!;
    let em = 0;
    for (const ch of text) {
      const i = index.get(ch);
      // CJK is exactly 1 em in these fonts; anything unknown is given 1 em, which is generous
      em += i !== undefined ? widths[i]! : 1;
    }
    // a hair of slack for the way glyph advances are rounded on screen
    return em * font.size * 1.01 + 0.5;
  };
}
