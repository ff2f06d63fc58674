import { describe, expect, it } from 'vitest';
import { MODULES } from './index.ts';

describe('both languages', () => {
  for (const [name, mod] of Object.entries(MODULES)) {
    it(`${name}: every key exists in English and Chinese, and neither is empty`, () => {
      expect(Object.keys(mod.zh).sort()).toEqual(Object.keys(mod.en).sort());
      for (const [key, text] of [...Object.entries(mod.en), ...Object.entries(mod.zh)]) expect(text.trim(), key).not.toBe('');
    });

    it(`${name}: placeholders match between the languages`, () => {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(mod.en)) expect(holes(mod.zh[key] ?? ''), key).toEqual(holes(mod.en[key]!));
    });
  }

  it('no key is defined by two modules', () => {
    const seen = new Map<string, string>();
    for (const [name, mod] of Object.entries(MODULES)) {
      for (const key of Object.keys(mod.en)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });
});
