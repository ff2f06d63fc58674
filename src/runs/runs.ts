/**
 * Runs are derived from (scenario, seed): computed once and cached, never stored in the state.
 * The simulation is deterministic, so a cached run is the run — made here at once, or in a
 * worker (sim-worker.ts) and handed over with `keepRun`.
 */
import { indexTrace, type TraceIndex } from '../kernel/view.ts';
import { runScenario, type ScenarioRun } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { PAGE_BUDGET } from '../scenarios/budget.ts';
import { foldSteps, type FoldedSteps } from './folding.ts';

export interface LabRun { run: ScenarioRun; index: TraceIndex; folds: FoldedSteps }

/** Trace cap for the app: enough for every lesson; a longer run stops with its reason shown. */
export const APP_MAX_EVENTS = 400_000;

export interface SimJob { scenario: Scenario; seed: number }

/** The page's run of a scenario: its event cap and its work budget; `progress` hears how far it is (0..1). */
export function simulate(scenario: Scenario, seed: number, progress?: (fraction: number) => void): ScenarioRun {
  return runScenario(scenario, {
    seed, keepTrace: true, maxEvents: APP_MAX_EVENTS, budget: PAGE_BUDGET,
    ...(progress ? {
      onProgress: (p) => progress(Math.min(1, Math.max(p.nowNs / p.untilNs, p.events / APP_MAX_EVENTS, p.fdsLooked / PAGE_BUDGET.fdsLooked, p.traceBytes / PAGE_BUDGET.traceBytes))),
    } : {}),
  });
}

const cache = new Map<string, LabRun>();
const ORDER: string[] = [];
const keyOf = (scenario: Scenario, seed: number): string => `${JSON.stringify(scenario)}#${seed}`;

/** Whether the run of (scenario, seed) is already here (getRun returns it at once). */
export function hasRun(scenario: Scenario, seed: number): boolean {
  return cache.has(keyOf(scenario, seed));
}

function remember(key: string, run: ScenarioRun): LabRun {
  const index = indexTrace(run.trace, run.options.cores);
  const result = { run, index, folds: foldSteps(index) };
  cache.set(key, result);
  ORDER.push(key);
  // Keep a handful: a student flips between a few scenarios.
  while (ORDER.length > 6) cache.delete(ORDER.shift()!);
  return result;
}

/** Keeps a run made elsewhere (the simulation worker) as the run of (scenario, seed). */
export function keepRun(scenario: Scenario, seed: number, run: ScenarioRun): LabRun {
  return cache.get(keyOf(scenario, seed)) ?? remember(keyOf(scenario, seed), run);
}

export function getRun(scenario: Scenario, seed: number): LabRun {
  const key = keyOf(scenario, seed);
  return cache.get(key) ?? remember(key, simulate(scenario, seed));
}
