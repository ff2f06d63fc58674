/**
 * Fuzzing the scenario in a link (fast-check): whatever the `s=` value — garbage, a good link cut
 * or changed anywhere, base64url of any JSON — decoding never throws, and either gives a scenario
 * the validator accepts or a reason; the lab store shows a usable page for it. A value over
 * MAX_LINK_CHARS is refused before it is read. No wall clock here: how long decoding takes is
 * measured by `npm run bench` (bench/inputs.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { decodeScenario, encodeScenario, MAX_LINK_CHARS } from './link.ts';
import { validateScenario } from './format.ts';
import { SCENARIOS, findScenario } from './index.ts';
import { createLabStore } from '../store/lab.ts';
import { parseHash } from '../store/url.ts';
import { reasonText } from '../i18n/reason.ts';

const RUNS = 1000;
const GOOD = SCENARIOS.map(encodeScenario);
const b64 = (text: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A good link changed: cut, a character replaced, a piece inserted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...GOOD),
    fc.nat(),
    fc.nat(),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('cut', 'replace', 'insert'),
  )
  .map(([text, i, j, piece, how]) => {
    const at = i % (text.length + 1);
    if (how === 'cut') return text.slice(0, at);
    if (how === 'replace') return `${text.slice(0, at)}${piece || 'A'}${text.slice(at + 1 + (j % 4))}`;
    return `${text.slice(0, at)}${piece}${text.slice(at)}`;
  });
const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => `1.${b64(JSON.stringify(v) ?? 'null')}`);
/** Almost a scenario: a shipped one with one field set to anything. */
const nearScenario = fc
  .tuple(
    fc.constantFrom(...SCENARIOS),
    fc.constantFrom('id', 'seed', 'model', 'clients', 'options', 'untilMs', 'title', 'format', 'extra'),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map(([s, key, value]) => `1.${b64(JSON.stringify({ ...s, [key]: value }))}`);
const values = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `1.${s}`),
  mutated,
  anyJson,
  nearScenario,
);

function usable(text: string): void {
  const r = decodeScenario(text);
  if (r.ok) expect(validateScenario(r.scenario).ok).toBe(true);
  else expect(reasonText('en', r.reason).length).toBeGreaterThan(0);
}

describe('decodeScenario under fuzzing', () => {
  it('never throws, and gives a valid scenario or a reason', () => {
    fc.assert(fc.property(values, usable), { numRuns: RUNS, seed: 20261127 });
  });

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
