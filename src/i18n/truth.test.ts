import { describe, expect, it } from 'vitest';
import type { Messages } from './core.ts';

// Issue 20, "every sentence true": what the words say about Linux and CPython. Each block reads
// the texts a student sees (lessons, glossary, About, side by side, the hall) in both languages
// and fails on the old, wrong wording.
const FILES = import.meta.glob<Messages>('./{en,zh}/**/*.ts', { eager: true, import: 'default' });
const ALL: Record<'en' | 'zh', Messages> = { en: {}, zh: {} };
for (const [path, messages] of Object.entries(FILES)) {
  const m = /^\.\/(en|zh)\//.exec(path);
  if (m) Object.assign(ALL[m[1] as 'en' | 'zh'], messages);
}

/** The text of one key in one language. */
function text(lang: 'en' | 'zh', key: string): string {
  const t = ALL[lang][key];
  if (t === undefined) throw new Error(`no key ${key} (${lang})`);
  return t;
}

/** Every text of both languages whose key matches. */
function texts(key: RegExp): [string, string][] {
  const out: [string, string][] = [];
  for (const lang of ['en', 'zh'] as const) for (const [k, v] of Object.entries(ALL[lang])) if (key.test(k)) out.push([`${lang}:${k}`, v]);
  return out;
}

describe('item 3: side by side, signal-driven: the copy is in the main loop, not the handler', () => {
  it('says the handler only sets a flag and recvfrom runs in the main loop', () => {
    expect(text('en', 'compare.hint.signal-driven')).not.toMatch(/in the handler/);
    expect(text('en', 'compare.hint.signal-driven')).toMatch(/only sets a flag.*main loop.*recvfrom\(\)/);
    expect(text('zh', 'compare.hint.signal-driven')).not.toMatch(/信号处理函数里的 recvfrom/);
    expect(text('zh', 'compare.hint.signal-driven')).toMatch(/只设置一个标志.*主循环.*recvfrom\(\)/);
  });
});
