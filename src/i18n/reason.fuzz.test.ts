/**
 * Fuzzing the scenario in a link (fast-check): whatever the `s=` value — garbage, a good link cut
 * or changed anywhere, base64url of any JSON — decoding never throws, and either gives a scenario
 * the validator accepts or a reason worded in words. No wall clock here: how long decoding takes
 * is measured by `npm run bench` (bench/inputs.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScenario } from '../scenarios/link.ts';
import { linkValues } from '../scenarios/link.fixtures.ts';
import { validateScenario } from '../scenarios/format.ts';
import { reasonText } from './reason.ts';

const RUNS = 1000;

function usable(text: string): void {
  const r = decodeScenario(text);
  if (r.ok) expect(validateScenario(r.scenario).ok).toBe(true);
  else expect(reasonText('en', r.reason).length).toBeGreaterThan(0);
}

describe('decodeScenario under fuzzing', () => {
  it('never throws, and gives a valid scenario or a reason', () => {
    fc.assert(fc.property(linkValues, usable), { numRuns: RUNS, seed: 20261127 });
  });
});
