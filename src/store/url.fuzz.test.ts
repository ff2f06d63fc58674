/**
 * Fuzzing the URL parser (fast-check): whatever the hash, `parseHash` never throws and gives a
 * location the app can use (known page, bounded values, a known language); a hash over MAX_HASH
 * is refused before it is read; what `formatHash` writes reads back the same. No wall clock here:
 * how long parsing takes is measured by `npm run bench` (bench/inputs.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHash, isPage, MAX_HASH, parseHash, PAGES } from './url.ts';

const RUNS = 2000;
const pieces = fc.oneof(
  fc.constantFrom(
    '#',
    '/',
    '?',
    '&',
    '=',
    '%',
    '%zz',
    '%E4%B8%AD',
    'seed',
    'step',
    'lang',
    'embed',
    'en',
    'zh',
    '-1',
    '1e9',
    '0x10',
    '99999999999',
    ' ',
    '\u0000',
    '\ud800',
    'select',
    'about',
    'lesson',
    'handout',
    '__proto__',
    'constructor',
    '../',
    '..',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.nat().map(String),
);
const hashes = fc.oneof(
  fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

function usable(hash: string): void {
  const { location, notices } = parseHash(hash);
  expect(location.page === 'lab' || isPage(location.page)).toBe(true);
  if (location.seed !== null)
    expect(Number.isInteger(location.seed) && location.seed >= 0 && location.seed <= 0xffffffff).toBe(true);
  if (location.step !== null) expect(Number.isInteger(location.step) && location.step >= 0).toBe(true);
  if (location.lang !== null) expect(['en', 'zh']).toContain(location.lang);
  expect(typeof location.embed).toBe('boolean');
  if (location.scenarioId !== null) expect(location.scenarioId.length).toBeLessThanOrEqual(200);
  if (location.arg !== null) expect(location.arg.length).toBeLessThanOrEqual(200);
  expect(Object.keys(location.params).length).toBeLessThanOrEqual(32);
  expect(Object.getPrototypeOf(location.params)).toBe(Object.prototype);
  for (const n of notices) expect(typeof n.key).toBe('string');
}

describe('parseHash under fuzzing', () => {
  it('never throws, and every location it gives is usable', () => {
    fc.assert(
      fc.property(hashes, (h) => {
        usable(h);
        usable(`#/${h}`);
        usable(`#/lab?${h}`);
      }),
      { numRuns: RUNS, seed: 20261127 },
    );
  });

  it('a huge hash is refused by its length, before any of it is read, with a notice', () => {
    const { location, notices } = parseHash(`#/select?${'a=1&'.repeat(MAX_HASH)}`);
    expect(location.scenarioId).toBeNull();
    expect(notices.map((n) => n.key)).toEqual(['app.notice.badUrl']);
    const notice = notices[0]!;
    expect(notice.key === 'app.notice.badUrl' && notice.reason.key).toBe('reason.url.tooLong');
  });

  it('what formatHash writes reads back the same', () => {
    const ids = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).filter((id) => !isPage(id));
    const parts = fc.record({
      page: fc.constantFrom('lab' as const, ...PAGES),
      arg: fc.option(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { nil: null }),
      scenarioId: ids,
      seed: fc.option(fc.nat({ max: 0xffffffff }), { nil: null }),
      step: fc.nat({ max: 100_000_000 }),
      lang: fc.constantFrom('en' as const, 'zh' as const),
      embed: fc.boolean(),
      params: fc.dictionary(
        fc.stringMatching(/^[a-z]{1,8}$/).filter((k) => !['seed', 'step', 'lang', 'embed', 's'].includes(k)),
        fc.string({ maxLength: 20 }),
        { maxKeys: 5 },
      ),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const { location, notices } = parseHash(formatHash(p));
        expect(notices).toEqual([]);
        expect(location.page).toBe(p.page);
        expect(location.lang).toBe(p.lang);
        expect(location.embed).toBe(p.embed);
        expect(location.seed).toBe(p.seed);
        if (p.page === 'lab') {
          expect(location.scenarioId).toBe(p.scenarioId);
          expect(location.step).toBe(p.step);
          expect(location.params).toEqual(p.params);
        } else {
          expect(location.arg).toBe(p.arg);
          expect(location.params).toEqual(p.params);
          if (p.step > 0) expect(location.step).toBe(p.step);
        }
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });
});
