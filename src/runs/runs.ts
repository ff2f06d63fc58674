/**
 * Runs are derived from (scenario, seed): computed once and cached, never stored in the state.
 * The simulation is deterministic, so a cached run is the run.
 */
import { indexTrace, type TraceIndex } from '../kernel/view.ts';
import { runScenario, type PythonScenarioRun, type ScenarioRun } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { foldSteps, type FoldedSteps } from './folding.ts';

export interface LabRun { run: ScenarioRun; index: TraceIndex; folds: FoldedSteps }

/** Trace cap for the app: enough for every lesson; a longer run stops with its reason shown. */
export const APP_MAX_EVENTS = 400_000;

const cache = new Map<string, LabRun>();
const ORDER: string[] = [];

/**
 * Runs of a student's own program (model python): made in the Python worker, asynchronously
 * (src/runs/python-client.ts), and put here before the lab shows them (putRun). A few are kept.
 */
const python = new Map<string, LabRun>();

const keyOf = (scenario: Scenario, seed: number): string => `${JSON.stringify(scenario)}#${seed}`;

function labRun(run: ScenarioRun): LabRun {
  const index = indexTrace(run.trace, run.options.cores);
  return { run, index, folds: foldSteps(index) };
}

/** Puts a run made elsewhere (the Python worker) where getRun finds it. */
export function putRun(scenario: Scenario, seed: number, run: PythonScenarioRun): LabRun {
  const key = keyOf(scenario, seed);
  const result = labRun(run);
  python.delete(key);
  python.set(key, result);
  while (python.size > 4) python.delete(python.keys().next().value!);
  return result;
}

/** Whether the lab can show (scenario, seed) now: a Python program's run must have been made first (putRun). */
export function hasRun(scenario: Scenario, seed: number): boolean {
  return scenario.model !== 'python' || python.has(keyOf(scenario, seed));
}

export function getRun(scenario: Scenario, seed: number): LabRun {
  const key = keyOf(scenario, seed);
  const hit = cache.get(key) ?? python.get(key);
  if (hit) return hit;
  if (scenario.model === 'python') throw new Error(`the run of ${scenario.id}'s program is not made yet (the Python worker makes it: putRun)`);
  const result = labRun(runScenario(scenario, { seed, keepTrace: true, maxEvents: APP_MAX_EVENTS }));
  cache.set(key, result);
  ORDER.push(key);
  // Keep a handful: a student flips between a few scenarios.
  while (ORDER.length > 6) cache.delete(ORDER.shift()!);
  return result;
}
