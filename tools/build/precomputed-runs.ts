/**
 * `virtual:iolab/precomputed-runs`: the runs the first picture draws from, made while the site is
 * built (and whenever Vite or Vitest loads the module) with the page's own simulation
 * (src/runs/simulate.ts), so they are exactly the runs the page would make. The page's first
 * download then carries a run (a few KiB of JSON) instead of the simulation (the kernel and the
 * server programs), which comes right after the first paint (src/runs/runs.ts loadSimulation).
 */
import { simulate } from '../../src/runs/simulate.ts';
import { findScenario } from '../../src/scenarios/index.ts';

export const PRECOMPUTED_MODULE = 'virtual:iolab/precomputed-runs';
const RESOLVED = `\0${PRECOMPUTED_MODULE}`;

/** The shipped scenarios whose runs are made ahead: the lab's default (src/store/lab.ts DEFAULT_SCENARIO). */
export const PRECOMPUTED_IDS = ['blocking-two-clients'];

/** Each scenario's run at its own seed, without the scenario (the page has it: src/scenarios). */
export function precomputedRuns() {
  return PRECOMPUTED_IDS.map((id) => {
    const scenario = findScenario(id);
    if (!scenario) throw new Error(`precomputed runs: no shipped scenario ${id}`);
    const { scenario: _omitted, ...run } = simulate(scenario, scenario.seed);
    return { id, seed: scenario.seed, run };
  });
}

export function precomputedRunsPlugin() {
  return {
    name: 'iolab-precomputed-runs',
    resolveId: (id: string) => (id === PRECOMPUTED_MODULE ? RESOLVED : null),
    load(id: string) {
      if (id !== RESOLVED) return null;
      // JSON.parse of a string literal: parsed faster than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(precomputedRuns()))});`;
    },
  };
}
