/**
 * Runs are derived from (scenario, seed): computed once and cached, never stored in the state.
 * The simulation is deterministic, so a cached run is the run — made here at once, or in a
 * worker (sim-worker.ts) and handed over with `keepRun`, or, for a student's own program, in the
 * Python worker (python-client.ts) and handed over with `putRun`.
 *
 * The simulation itself (simulate.ts: the kernel, the server programs) is a download of its own,
 * started right after the first paint (`loadSimulation`): the default scenario's run was made
 * when the site was built (first-run.ts keeps it: `keepPrecomputed`), so the first picture needs
 * none of it. Until it has arrived, `getRun` answers only the runs it
 * has (`hasRun`); whatever needs another run waits for `loadSimulation()` first.
 */
import { indexTrace, type TraceIndex } from '../kernel/trace-index.ts';
import type { TraceEvent } from '../kernel/types.ts';
import type { PythonScenarioRun, ScenarioRun } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { findScenario } from '../scenarios/index.ts';
import { rememberScenarioJson, scenarioJson } from '../scenarios/link.ts';
import { foldSteps, type FoldedSteps } from './folding.ts';
import type * as Simulation from './simulate.ts';
import type { SimResult } from './simulate.ts';

export type { SimJob, SimResult } from './simulate.ts';

export interface LabRun {
  run: ScenarioRun;
  index: TraceIndex;
  folds: FoldedSteps;
}

/** The simulation, once its module has arrived (loadSimulation). */
let simulation: typeof Simulation | null = null;
let loading: Promise<void> | null = null;

/** Fetches the simulation (once; a failed download is tried again on the next call). */
export function loadSimulation(): Promise<void> {
  loading ??= import('./simulate.ts').then(
    (m) => {
      simulation = m;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Whether getRun can make any run at once (the simulation has arrived). */
export function simulationReady(): boolean {
  return simulation !== null;
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
    if (!simulation)
      throw new Error(
        `the run of ${scenario.id} needs the simulation, which has not arrived (loadSimulation)`,
      );
    result = remember(key, simulation.simulate(scenario, seed));
  }
  sameObject(scenario, seed, result);
  return result;
}

/** A run made ahead (tools/build/precomputed-runs.ts): the run of the shipped scenario `id` at `seed`, without the scenario. */
export interface PrecomputedRun {
  id: string;
  seed: number;
  run: Omit<ScenarioRun, 'scenario'>;
}

/** Keeps runs made when the site was built (first-run.ts): getRun answers them without the simulation. */
export function keepPrecomputed(runs: readonly PrecomputedRun[]): void {
  for (const { id, seed, run } of runs) {
    const scenario = findScenario(id);
    if (scenario) sameObject(scenario, seed, remember(keyOf(scenario, seed), { ...run, scenario }));
  }
}
