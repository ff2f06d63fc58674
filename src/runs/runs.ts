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
/** The same scenario object asks again on every step: found without writing it out (10,000 clients are a megabyte of JSON). */
const bySameObject = new WeakMap<Scenario, Map<number, LabRun>>();

export function getRun(scenario: Scenario, seed: number): LabRun {
  const known = bySameObject.get(scenario)?.get(seed);
  if (known && cache.get(keyOf.get(known)!) === known) return known;
  const result = runOf(scenario, seed);
  const mine = bySameObject.get(scenario) ?? new Map<number, LabRun>();
  mine.set(seed, result);
  bySameObject.set(scenario, mine);
  return result;
}

const keyOf = new WeakMap<LabRun, string>();

function runOf(scenario: Scenario, seed: number): LabRun {
  const key = `${JSON.stringify(scenario)}#${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const run = runScenario(scenario, { seed, keepTrace: true, maxEvents: APP_MAX_EVENTS });
  const index = indexTrace(run.trace, run.options.cores);
  const result = { run, index, folds: foldSteps(index) };
  keyOf.set(result, key);
  cache.set(key, result);
  ORDER.push(key);
  // Keep a handful: a student flips between a few scenarios.
  while (ORDER.length > 6) cache.delete(ORDER.shift()!);
  return result;
}
