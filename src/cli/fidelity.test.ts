/**
 * Differential testing in CI, without strace: the cases `npm run fidelity` found
 * (fixtures/fidelity/found: the scenario and its real recording) and a small slice of generated
 * scenarios recorded once (fixtures/fidelity/slice) must agree with the simulator.
 * Re-record the slice after changing the generator:
 *   npm run fidelity -- --generate 6 --seed 1818 --keep fixtures/fidelity/slice --keep-all  (then delete the *.sim.strace)
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { generatedScenarios } from './generate.ts';
import { differences, simulate, type Reply } from '../fidelity/differential.ts';
import { validateScenario, type Scenario } from '../scenarios/format.ts';

const SLICE_SEED = 1818;
const SLICE_COUNT = 6;

const dir = (name: string) => new URL(`../../fixtures/fidelity/${name}/`, import.meta.url);
function kept(name: string): { scenario: Scenario; strace: string; replies: Reply[] }[] {
  if (!existsSync(dir(name))) return [];
  return readdirSync(dir(name))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.replies.json'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.json'.length);
      const v = validateScenario(JSON.parse(readFileSync(new URL(f, dir(name)), 'utf8')));
      if (!v.ok) throw new Error(`${f}: ${JSON.stringify(v.problems)}`);
      return {
        scenario: v.scenario,
        strace: readFileSync(new URL(`${id}.strace`, dir(name)), 'utf8'),
        replies: JSON.parse(readFileSync(new URL(`${id}.replies.json`, dir(name)), 'utf8')) as Reply[],
      };
    });
}

describe('cases npm run fidelity found: the simulator now agrees with the real recording', () => {
  const found = kept('found');
  it('keeps every case it found', () => expect(found.length).toBeGreaterThan(0));
  for (const f of found) {
    it(f.scenario.id, () => expect(differences(f, simulate(f.scenario))).toEqual([]));
  }
});

describe(`a slice of generated scenarios (seed ${SLICE_SEED}) agrees with its recording`, () => {
  const slice = kept('slice');
  it('the slice is what the generator makes today (else re-record it: see the top of this file)', () => {
    const ids = new Set(slice.map((s) => s.scenario.id));
    const made = generatedScenarios(SLICE_COUNT, SLICE_SEED, { profile: 'fidelity' });
    expect(slice.map((s) => s.scenario)).toEqual(made.filter((s) => ids.has(s.id)));
    expect(slice.length).toBeGreaterThanOrEqual(SLICE_COUNT - 1); // at most one left out (kept as found instead)
  });
  for (const s of slice) {
    it(`${s.scenario.id} (${s.scenario.model})`, () =>
      expect(differences(s, simulate(s.scenario))).toEqual([]));
  }
});
