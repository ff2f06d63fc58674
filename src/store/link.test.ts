/** A scenario in a link, through the address bar: the hash the store writes and reads. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';
import { canonicalJson, decodeScenario, encodeScenario, MAX_LINK_CHARS } from '../scenarios/link.ts';
import { big } from '../scenarios/link.fixtures.ts';
import { MAX_HASH, formatHash, isPage, parseHash } from './url.ts';

describe('a scenario in a link', () => {
  it('round-trips the biggest scenario the stage draws, and it fits in a link', () => {
    const s = big();
    const text = encodeScenario(s);
    expect(text.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    const hash = formatHash({
      scenarioId: s.id,
      seed: null,
      step: 12,
      lang: 'zh',
      params: { add: 'you_c1' },
      scenario: text,
    });
    expect(hash.length).toBeLessThan(MAX_HASH);
    const { location, notices } = parseHash(hash);
    expect(notices).toEqual([]);
    expect(location.params.add).toBe('you_c1');
    const back = decodeScenario(location.params.s!);
    expect(back.ok && canonicalJson(back.scenario)).toBe(canonicalJson(s));
  });

  it("gives no shipped scenario a page's name: its short link (no `s=`) would open that page", () => {
    for (const s of SCENARIOS) {
      expect(isPage(s.id), s.id).toBe(false);
      expect(
        parseHash(formatHash({ scenarioId: s.id, seed: null, step: 0, lang: 'en' })).location.scenarioId,
      ).toBe(s.id);
    }
  });
});
