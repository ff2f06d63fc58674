/**
 * Runs are derived from (scenario, seed): computed once and cached, never stored in the state.
 * The simulation is deterministic, so a cached run is the run — made here at once, or in a
 * worker (sim-worker.ts) and handed over with `keepRun`, or, for a student's own program, in the
 * Python worker (python-client.ts) and handed over with `putRun`.
 */
import { indexTrace, stepStarts, type TraceIndex } from '../kernel/trace-index.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { runScenario, type PythonScenarioRun, type ScenarioRun } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { PAGE_BUDGET } from '../scenarios/budget.ts';
import { rememberScenarioJson, scenarioJson } from '../scenarios/link.ts';
import { foldSteps, type FoldedSteps } from './folding.ts';

export interface LabRun {
  run: ScenarioRun;
  index: TraceIndex;
  folds: FoldedSteps;
}

/** Trace cap for the app: enough for every lesson; a longer run stops with its reason shown. */
export const APP_MAX_EVENTS = 400_000;

/**
 * A run for the simulation worker: of a scenario the page posts, or of one the worker read from a
 * file (`readId`, ReadResult): 20,000 clients are not copied back to it from the page's thread.
 */
export type SimJob = { scenario: Scenario; seed: number } | { readId: number; seed: number };

/** The page's run of a scenario: its event cap and its work budget; `progress` hears how far it is (0..1). */
export function simulate(
  scenario: Scenario,
  seed: number,
  progress?: (fraction: number) => void,
): ScenarioRun {
  return runScenario(scenario, {
    seed,
    keepTrace: true,
    maxEvents: APP_MAX_EVENTS,
    budget: PAGE_BUDGET,
    ...(progress
      ? {
          onProgress: (p) =>
            progress(
              Math.min(
                1,
                Math.max(
                  p.nowNs / p.untilNs,
                  p.events / APP_MAX_EVENTS,
                  p.fdsLooked / PAGE_BUDGET.fdsLooked,
                  p.traceBytes / PAGE_BUDGET.traceBytes,
                ),
              ),
            ),
        }
      : {}),
  });
}

/** Events per part of a trace handed from the simulation worker: a few ms of the page's time each. */
export const TRACE_PART = 1024;

/**
 * What the simulation worker hands back besides the trace's parts: the run without its trace and scenario,
 * and what the page would otherwise compute from it on its own thread (the step starts, the folds,
 * the scenario's JSON: 10,000 clients write out to megabytes of it).
 */
export interface SimResult {
  run: ScenarioRun;
  stepStart: Int32Array;
  folds: FoldedSteps;
  json: string;
}

/** The worker's side: simulates, sends the trace in parts of TRACE_PART events, returns the rest. */
export function simulateInParts(
  job: { scenario: Scenario; seed: number },
  progress: (fraction: number) => void,
  send: (part: TraceEvent[]) => void,
): SimResult {
  const run = simulate(job.scenario, job.seed, progress);
  const stepStart = stepStarts(run.trace);
  const folds = foldSteps({ trace: run.trace, stepStart });
  for (let i = 0; i < run.trace.length; i += TRACE_PART) send(run.trace.slice(i, i + TRACE_PART));
  return {
    // Neither the trace (its parts) nor the scenario (the page has its own) travels twice.
    run: { ...run, trace: [], scenario: null as unknown as Scenario },
    stepStart: Int32Array.from(stepStart),
    folds,
    json: scenarioJson(job.scenario),
  };
}

const cache = new Map<string, LabRun>();
const ORDER: string[] = [];
/** Runs of a student's own program (model python), kept apart: they cannot be made again here. A few are kept. */
const python = new Map<string, LabRun>();
const keyOf = (scenario: Scenario, seed: number): string => `${scenarioJson(scenario)}#${seed}`;
/** The key each run is cached under, to tell whether it is still cached. */
const keyOfRun = new WeakMap<LabRun, string>();
/** The same scenario object asks again on every step: found without writing it out (10,000 clients are a megabyte of JSON). */
const bySameObject = new WeakMap<Scenario, Map<number, LabRun>>();

const cached = (key: string): LabRun | undefined => cache.get(key) ?? python.get(key);

function knownFor(scenario: Scenario, seed: number): LabRun | undefined {
  const run = bySameObject.get(scenario)?.get(seed);
  return run && cached(keyOfRun.get(run)!) === run ? run : undefined;
}

function labRun(key: string, run: ScenarioRun, made?: Pick<SimResult, 'stepStart' | 'folds'>): LabRun {
  const index = indexTrace(run.trace, run.options.cores, made && Array.from(made.stepStart));
  const result = { run, index, folds: made?.folds ?? foldSteps(index) };
  keyOfRun.set(result, key);
  return result;
}

/** Whether the run of (scenario, seed) is already here (getRun returns it at once). */
export function hasRun(scenario: Scenario, seed: number): boolean {
  if (knownFor(scenario, seed) !== undefined) return true;
  // Written out only when a cached run could be it: a new scenario of 10,000 clients is not.
  const like = (r: LabRun): boolean =>
    r.run.seed === seed &&
    r.run.scenario.id === scenario.id &&
    r.run.scenario.clients.length === scenario.clients.length;
  if (![...cache.values(), ...python.values()].some(like)) return false;
  return cached(keyOf(scenario, seed)) !== undefined;
}

function remember(key: string, run: ScenarioRun, made?: Pick<SimResult, 'stepStart' | 'folds'>): LabRun {
  const result = labRun(key, run, made);
  cache.set(key, result);
  ORDER.push(key);
  // Keep a handful: a student flips between a few scenarios.
  while (ORDER.length > 6) cache.delete(ORDER.shift()!);
  return result;
}

/**
 * Keeps a run made by the simulation worker (simulateInParts: its result and the trace its parts
 * made) as the run of (scenario, seed), without indexing it here.
 */
export function keepRun(scenario: Scenario, seed: number, made: SimResult, trace: TraceEvent[]): LabRun {
  rememberScenarioJson(scenario, made.json);
  const key = keyOf(scenario, seed);
  const result = cache.get(key) ?? remember(key, { ...made.run, trace, scenario }, made);
  sameObject(scenario, seed, result);
  return result;
}

/** getRun(scenario, seed) with this very object finds `run` without writing the scenario out. */
function sameObject(scenario: Scenario, seed: number, run: LabRun): void {
  const mine = bySameObject.get(scenario) ?? new Map<number, LabRun>();
  mine.set(seed, run);
  bySameObject.set(scenario, mine);
}

/** Puts the run of a student's program, made in the Python worker, where getRun finds it. */
export function putRun(scenario: Scenario, seed: number, run: PythonScenarioRun): LabRun {
  const key = keyOf(scenario, seed);
  const result = labRun(key, run);
  python.delete(key);
  python.set(key, result);
  while (python.size > 4) python.delete(python.keys().next().value!);
  return result;
}

export function getRun(scenario: Scenario, seed: number): LabRun {
  const known = knownFor(scenario, seed);
  if (known) return known;
  const key = keyOf(scenario, seed);
  let result = cached(key);
  if (!result) {
    if (scenario.model === 'python')
      throw new Error(
        `the run of ${scenario.id}'s program is not made yet (the Python worker makes it: putRun)`,
      );
    result = remember(key, simulate(scenario, seed));
  }
  sameObject(scenario, seed, result);
  return result;
}
