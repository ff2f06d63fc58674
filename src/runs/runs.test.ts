import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';
import { getRun, hasRun, keepRun } from './runs.ts';
import { simulateInParts, TRACE_PART } from './simulate.ts';
import { indexTrace } from '../kernel/trace-index.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { foldSteps } from './folding.ts';
import type { Scenario } from '../scenarios/format.ts';

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

describe('a run made by the simulation worker (simulateInParts) and kept by the page (keepRun)', () => {
  // A busy-polling loop for 40 ms: thousands of events, folds, and a trace of several parts.
  const shipped: Scenario = {
    format: 'iolab/scenario@1',
    id: 'busy',
    title: { en: 'busy', zh: '忙' },
    seed: 1,
    model: 'nonblocking',
    options: {},
    clients: [
      {
        name: 'ann',
        actions: [
          { at: 0, do: 'connect' },
          { at: 20, do: 'send', data: 'hi' },
        ],
      },
    ],
    untilMs: 40,
  };

  it('arrives in parts of at most TRACE_PART events and is the run getRun would make, already indexed', () => {
    // Through structured clone, as postMessage carries it, and as a copy the cache has not seen.
    const scenario = structuredClone(shipped);
    const parts: TraceEvent[][] = [];
    const made = structuredClone(
      simulateInParts(
        { scenario: structuredClone(scenario), seed: 7 },
        () => undefined,
        (p) => parts.push(structuredClone(p)),
      ),
    );
    expect(parts.length).toBeGreaterThan(1);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(TRACE_PART);
    const kept = keepRun(scenario, 7, made, parts.flat());
    expect(kept.run.scenario).toBe(scenario);
    // The same object and an equal copy find it without running again.
    expect(hasRun(scenario, 7)).toBe(true);
    expect(getRun(scenario, 7)).toBe(kept);
    expect(getRun(structuredClone(scenario), 7)).toBe(kept);
    const here = indexTrace(kept.run.trace, kept.run.options.cores);
    expect(kept.index.stepStart).toEqual(here.stepStart);
    expect(kept.folds).toEqual(foldSteps(here));
    expect(kept.folds.folds.length).toBeGreaterThan(0);
    const last = here.steps - 1;
    expect(kept.index.viewAt(last)).toEqual(here.viewAt(last));
  });

  it('is not found for a scenario it was not made for', () => {
    expect(hasRun({ ...shipped, untilMs: 123 }, 7)).toBe(false);
  });
});
