/**
 * Runs are derived from (scenario, seed): computed once and cached, never stored in the state.
 * The simulation is deterministic, so a cached run is the run.
 */
import { indexTrace, type TraceIndex } from '../kernel/view.ts';
import { runScenario, type ScenarioRun } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { foldSteps, type FoldedSteps } from './folding.ts';

export interface LabRun { run: ScenarioRun; index: TraceIndex; folds: FoldedSteps }

/** Trace cap for the app: enough for every lesson; a longer run stops with its reason shown. */
export const APP_MAX_EVENTS = 400_000;

const cache = new Map<string, LabRun>();
const ORDER: string[] = [];

export function getRun(scenario: Scenario, seed: number): LabRun {
  const key = `${JSON.stringify(scenario)}#${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const run = runScenario(scenario, { seed, keepTrace: true, maxEvents: APP_MAX_EVENTS });
  const index = indexTrace(run.trace, run.options.cores);
  const result = { run, index, folds: foldSteps(index) };
  cache.set(key, result);
  ORDER.push(key);
  // Keep a handful: a student flips between a few scenarios.
  while (ORDER.length > 6) cache.delete(ORDER.shift()!);
  return result;
}
