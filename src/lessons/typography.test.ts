import { describe, expect, it } from 'vitest';
import { LESSONS } from './index.ts';
import { halfWidthBesideChinese } from '../i18n/typography.ts';
import type { Scenario } from '../scenarios/format.ts';

describe('Chinese typography of the lessons', () => {
  it("every Chinese title of a lesson's own scenario uses full-width punctuation next to Chinese text", () => {
    const built = LESSONS.flatMap((l) => [
      l.scenario,
      ...l.items.map((item) => ('scenario' in item ? item.scenario : undefined)),
    ]).filter((s): s is Scenario => typeof s === 'object' && s !== null);
    expect(built.length).toBeGreaterThan(0);
    for (const { title } of built) expect(halfWidthBesideChinese(title.zh), title.zh).toBe(false);
  });
});
