import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';
import { getRun } from './runs.ts';

describe('getRun', () => {
  const scenario = SCENARIOS.find((s) => s.id === 'select') ?? SCENARIOS[0]!;

  it('gives the same run for the same scenario, whether asked with the same object or an equal copy', () => {
    const a = getRun(scenario, scenario.seed);
    expect(getRun(scenario, scenario.seed)).toBe(a);
    expect(getRun(structuredClone(scenario), scenario.seed)).toBe(a);
  });

  it('runs again for another seed or a changed scenario', () => {
    const a = getRun(scenario, scenario.seed);
    expect(getRun(scenario, scenario.seed + 1)).not.toBe(a);
    const changed = { ...scenario, untilMs: (scenario.untilMs ?? 1000) + 1 };
    expect(getRun(changed, scenario.seed)).not.toBe(a);
  });
});
