/// <reference lib="webworker" />
/**
 * Computes a C10K sweep off the main thread, one point at a time, posting each as it is done
 * (the page draws them at once and shows the progress). To cancel, the page terminates the worker.
 */
import { sweep, sweepPlan, roundPoint, type ScalingModel, type SweepParams } from '../../scaling/sweep.ts';
import type { SweepRequest, SweepMessage } from './sweepClient.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<SweepRequest>) => {
  const { id, models, params, connections } = e.data;
  const total = sweepPlan(models as ScalingModel[], connections).length;
  let done = 0;
  const t0 = performance.now();
  for (const point of sweep(models as ScalingModel[], params as SweepParams, connections)) {
    done++;
    self.postMessage({ id, kind: 'point', point: roundPoint(point), done, total } satisfies SweepMessage);
  }
  self.postMessage({ id, kind: 'done', ms: performance.now() - t0 } satisfies SweepMessage);
};
