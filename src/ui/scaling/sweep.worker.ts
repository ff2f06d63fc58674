/// <reference lib="webworker" />
/** Measures one point of a C10K sweep off the main thread (the page hands out points to a few of these; src/runs/worker-jobs.ts's protocol). */
import { measurePoint, roundPoint, type Point } from '../../scaling/sweep.ts';
import { serveJobs } from '../../runs/worker-jobs.ts';
import type { PointJob } from './sweepClient.ts';

declare const self: DedicatedWorkerGlobalScope;

serveJobs<PointJob, Point>(
  self,
  (job) => roundPoint(measurePoint(job.model, job.connections, job.params)),
  () => performance.now(),
);
