import { describe, expect, it } from 'vitest';
import type { Messages } from './core.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { halfWidthBesideChinese } from './typography.ts';

// Every message file of both languages, core and pages alike.
const FILES = import.meta.glob<Messages>('./{en,zh}/**/*.ts', { eager: true, import: 'default' });
const byConcern = new Map<string, { en?: Messages; zh?: Messages }>();
for (const [path, messages] of Object.entries(FILES)) {
  const m = /^\.\/(en|zh)\/(.+)\.ts$/.exec(path);
  if (!m) continue;
  const entry = byConcern.get(m[2]!) ?? {};
  entry[m[1] as 'en' | 'zh'] = messages;
  byConcern.set(m[2]!, entry);
}

describe('both languages', () => {
  it('finds the message files', () => {
    expect(byConcern.size).toBeGreaterThanOrEqual(5);
  });

  for (const [name, mod] of byConcern) {
    it(`${name}: exists in both languages`, () => {
      expect(mod.en, `src/i18n/en/${name}.ts`).toBeDefined();
      expect(mod.zh, `src/i18n/zh/${name}.ts`).toBeDefined();
    });

    it(`${name}: every key exists in English and Chinese, and neither is empty`, () => {
      expect(Object.keys(mod.zh ?? {}).sort()).toEqual(Object.keys(mod.en ?? {}).sort());
      for (const [key, text] of [...Object.entries(mod.en ?? {}), ...Object.entries(mod.zh ?? {})])
        expect(text.trim(), key).not.toBe('');
    });

    it(`${name}: placeholders match between the languages`, () => {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(mod.en ?? {}))
        expect(holes(mod.zh?.[key] ?? ''), key).toEqual(holes(mod.en![key]!));
    });
  }

  it('no key is defined by two files', () => {
    const seen = new Map<string, string>();
    for (const [name, mod] of byConcern) {
      for (const key of Object.keys(mod.en ?? {})) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });
});

describe('Chinese typography', () => {
  it('every Chinese message uses full-width punctuation next to Chinese text', () => {
    for (const [path, messages] of Object.entries(FILES)) {
      if (!path.startsWith('./zh/')) continue;
      for (const [key, text] of Object.entries(messages))
        expect(halfWidthBesideChinese(text), `${path} ${key}: ${text}`).toBe(false);
    }
  });
  it('so does every Chinese title of a shipped scenario', () => {
    for (const { title } of SCENARIOS) expect(halfWidthBesideChinese(title.zh), title.zh).toBe(false);
  });
});
