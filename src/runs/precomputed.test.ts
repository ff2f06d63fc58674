import { describe, expect, it, vi } from 'vitest';
import PRECOMPUTED from 'virtual:iolab/precomputed-runs';
import { findScenario } from '../scenarios/index.ts';
import { simulate } from './simulate.ts';

describe('the runs made when the site is built (virtual:iolab/precomputed-runs)', () => {
  it("are the lab's default scenario's run, exactly as the page's simulation makes it", () => {
    const runs = PRECOMPUTED as { id: string; seed: number; run: object }[];
    expect(runs.map((r) => r.id)).toEqual(['blocking-two-clients']);
    for (const { id, seed, run } of runs) {
      const scenario = findScenario(id)!;
      expect(seed).toBe(scenario.seed);
      // Through JSON, as the page gets it: nothing the simulation gives is lost or changed on the way.
      expect({ ...run, scenario }).toStrictEqual(simulate(scenario, seed));
    }
  });
});

describe('runs.ts before the simulation has arrived (its module loaded anew)', () => {
  it("answers the default scenario's run at once, and no other until loadSimulation", async () => {
    vi.resetModules();
    const runs = await import('./runs.ts');
    await import('./first-run.ts'); // as the page's entry does
    expect(runs.simulationReady()).toBe(false);
    const first = findScenario('blocking-two-clients')!;
    expect(runs.hasRun(first, first.seed)).toBe(true);
    expect(runs.getRun(structuredClone(first), first.seed).index.steps).toBeGreaterThan(10);
    const other = findScenario('select')!;
    expect(runs.hasRun(other, other.seed)).toBe(false);
    expect(() => runs.getRun(other, other.seed)).toThrow(/simulation/);
    await runs.loadSimulation();
    expect(runs.simulationReady()).toBe(true);
    expect(runs.getRun(other, other.seed).run.scenario).toBe(other);
  });
});
