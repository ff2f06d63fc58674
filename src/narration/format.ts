/**
 * The narration's small formatters: bytes as a student reads them in the Python listing, virtual
 * time in milliseconds, the arguments of a strace line, lists in the student's language, and
 * Chinese spacing. Pure functions of their arguments.
 */
import { decodeUtf8, type Bytes } from '../kernel/bytes.ts';
import type { Lang } from '../i18n/core.ts';

const listFormats = new Map<Lang, Intl.ListFormat>();
export function joinList(lang: Lang, items: string[]): string {
  if (items.length === 0) return '';
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'long', type: 'conjunction' });
    listFormats.set(lang, f);
  }
  return f.format(items);
}

/** Bytes as a student reads them in the Python listing: b'hello', or the decoded text when it is not ASCII. */
export function showBytes(data: Bytes, max = 40): string {
  const cut = data.length > max;
  const part = cut ? data.slice(0, max) : data;
  let ascii = true;
  for (let i = 0; i < part.length; i++)
    if (part.charCodeAt(i) > 126) {
      ascii = false;
      break;
    }
  const escape = (s: string) =>
    s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (ascii) {
    let body = '';
    for (const c of escape(part)) {
      const code = c.charCodeAt(0);
      body += code < 32 ? `\\x${code.toString(16).padStart(2, '0')}` : c === "'" ? "\\'" : c;
    }
    return `b'${body}${cut ? '…' : ''}'`;
  }
  return `“${escape(decodeUtf8(part)).replace(/\uFFFD+$/, '')}${cut ? '…' : ''}”`;
}

/** Bytes decoded as the str Python makes of them (input() returns a str). */
export function showStr(data: Bytes, max = 40): string {
  const text = decodeUtf8(data);
  const cut = text.length > max;
  return `'${(cut ? text.slice(0, max) : text).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}${cut ? '…' : ''}'`;
}

/** Virtual nanoseconds as milliseconds, at most 3 decimals, no trailing zeros. */
export function showMs(ns: number): string {
  return String(Math.round(ns / 1000) / 1000);
}

/** The top-level arguments of a strace line: `name(a, "b, c", {d, e})` → ['a', '"b, c"', '{d, e}']. */
export function straceArgs(text: string): string[] {
  const open = text.indexOf('(');
  if (open < 0) return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let quote = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      cur += c;
      if (c === '\\') {
        cur += text[i + 1] ?? '';
        i++;
      } else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') {
      quote = true;
      cur += c;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
    if (c === ')') {
      if (depth === 0) {
        out.push(cur.trim());
        return out;
      }
      depth--;
    }
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/**
 * Chinese typesetting: a space between Han characters and Latin letters or digits (the templates
 * leave it out around placeholders, since a placeholder may be Chinese or not); code spans stay as they are.
 */
export function spaceZh(s: string): string {
  const code: string[] = [];
  let out = s.replace(/`[^`]*`/g, (m) => {
    code.push(m);
    return `\uE000${code.length - 1}\uE000`;
  });
  const han = '\\u4e00-\\u9fff\\u3400-\\u4dbf';
  const latin = "A-Za-z0-9_'\\uE000";
  out = out.replace(new RegExp(`([${han}])([${latin}])`, 'g'), '$1 $2');
  out = out.replace(new RegExp(`([A-Za-z0-9_'\\uE000])([${han}])`, 'g'), '$1 $2');
  out = out.replace(new RegExp(`([${han}]) +([${han}])`, 'g'), '$1$2');
  // No space next to full-width punctuation either.
  out = out
    .replace(/ +([\u3000-\u303f\uff00-\uffef])/g, '$1')
    .replace(/([\u3000-\u303f\uff00-\uffef]) +/g, '$1');
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => code[Number(i)]!);
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "Thread-1 (handle)" → "Thread-1"; "ThreadPoolExecutor-0_0" → "ThreadPoolExecutor-0_0". */
export function shortThreadName(name: string): string {
  return name.replace(/ \(.*\)$/, '');
}
