/// <reference lib="webworker" />
/**
 * A module Web Worker that runs a scenario for the page (src/runs/worker-jobs.ts's protocol):
 * the run is the one getRun would make (same budget, same cap), so the page caches it as its own.
 * Its trace comes in parts and already indexed (simulate.ts simulateInParts): no long task in the page.
 * It also reads scenario files (read-file.ts: a ReadJob), and runs what it read by its readId.
 */
import type { TraceEvent } from '../kernel/types.ts';
import type { ScenarioClient } from '../scenarios/format.ts';
import { serveJobs } from './worker-jobs.ts';
import { simulateInParts, type SimJob, type SimResult } from './simulate.ts';
import { ReadScenarios, readInParts, type ReadJob, type ReadResult } from './read-file.ts';

declare const self: DedicatedWorkerGlobalScope;

const read = new ReadScenarios();

serveJobs<SimJob | ReadJob, SimResult | ReadResult, TraceEvent[] | ScenarioClient[]>(
  self,
  (job, progress, send) =>
    'read' in job
      ? readInParts(job, read, send)
      : simulateInParts({ scenario: read.scenarioOf(job), seed: job.seed }, progress, send),
  () => performance.now(),
);
