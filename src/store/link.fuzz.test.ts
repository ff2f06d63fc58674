/**
 * Fuzzing the scenario in a link (fast-check): the lab store shows a usable page for any `s=`
 * and `add=` value. No wall clock here.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScenario } from '../scenarios/link.ts';
import { mutated, nearScenario } from '../scenarios/link.fixtures.ts';
import { validateScenario } from '../scenarios/format.ts';
import { findScenario } from '../scenarios/index.ts';
import { createLabStore } from './lab.ts';
import { parseHash } from './url.ts';

describe('decodeScenario under fuzzing', () => {
  it('the lab store shows a page for any link with `s=` and `add=`', () => {
    const adds = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('you_c1', 'you_c1*you_s2_hi', 'client-1_x5', 'bad'),
      fc.string({ maxLength: 20 }),
    );
    // Decoding is what is fuzzed; the runs are few and short (a page a student would open).
    const small = fc.oneof(mutated, nearScenario).filter((t) => {
      const r = decodeScenario(t);
      return !r.ok || r.scenario.model !== 'nonblocking';
    });
    fc.assert(
      fc.property(small, adds, fc.nat({ max: 400 }), (s, add, step) => {
        const q = new URLSearchParams({ s, step: String(step), ...(add === undefined ? {} : { add }) });
        const { location, notices } = parseHash(`#/select?${q.toString()}`);
        const store = createLabStore();
        store.getState().applyLocation(location, notices);
        const st = store.getState();
        expect(validateScenario(st.scenario).ok).toBe(true);
        expect(st.page).toBe('lab');
        expect(st.pageParams.s).toBeUndefined();
        const r = decodeScenario(s);
        if (!r.ok) {
          expect(st.notices.map((n) => n.key)).toContain('app.notice.badScenarioLink');
          expect(st.scenario).toBe(findScenario('select'));
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  });
});
