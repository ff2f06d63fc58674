/**
 * Fuzzing the scenario in a link (fast-check): a value over MAX_LINK_CHARS is refused before it
 * is read. That any value decodes to a valid scenario or a reason is in src/i18n/reason.fuzz.test.ts
 * (the reason is worded there), that the lab store shows a usable page for it in
 * src/store/link.fuzz.test.ts. No wall clock here: how long decoding takes is measured by
 * `npm run bench` (bench/inputs.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { decodeScenario, MAX_LINK_CHARS } from './link.ts';

describe('decodeScenario under fuzzing', () => {
  it('a huge value is refused by its length, before any of it is decoded', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const r = decodeScenario(`1.${'QUFB'.repeat(MAX_LINK_CHARS)}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.key).toBe('reason.link.tooLong');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
