/// <reference lib="webworker" />
/**
 * A module Web Worker that runs a scenario for the page (src/runs/worker-jobs.ts's protocol):
 * the run is the one getRun would make (same budget, same cap), so the page caches it as its own.
 */
import { serveJobs } from './worker-jobs.ts';
import { simulate, type SimJob } from './runs.ts';

declare const self: DedicatedWorkerGlobalScope;

serveJobs<SimJob, ReturnType<typeof simulate>>(
  self,
  (job, progress) => simulate(job.scenario, job.seed, progress),
  () => performance.now(),
);
