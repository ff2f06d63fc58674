/// <reference lib="webworker" />
/**
 * A module Web Worker that runs a scenario for the page (src/runs/worker-jobs.ts's protocol):
 * the run is the one getRun would make (same budget, same cap), so the page caches it as its own.
 * Its trace comes in parts and already indexed (runs.ts simulateInParts): no long task in the page.
 */
import type { TraceEvent } from '../kernel/types.ts';
import { serveJobs } from './worker-jobs.ts';
import { simulateInParts, type SimJob, type SimResult } from './runs.ts';

declare const self: DedicatedWorkerGlobalScope;

serveJobs<SimJob, SimResult, TraceEvent[]>(self, simulateInParts, () => performance.now());
