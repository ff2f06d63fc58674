/**
 * The page's simulation: a scenario's run with the app's event cap and work budget. A download of
 * its own (runs.ts loadSimulation fetches it right after the first paint), also the simulation
 * worker's (sim-worker.ts) and the build's (tools/build/precomputed-runs.ts makes the default
 * scenario's run with it, so the first picture needs none of this code).
 */
import { stepStarts } from '../kernel/trace-index.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { runScenario, type ScenarioRun } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { PAGE_BUDGET } from '../scenarios/budget.ts';
import { scenarioJson } from '../scenarios/link.ts';
import { foldSteps, type FoldedSteps } from './folding.ts';

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
