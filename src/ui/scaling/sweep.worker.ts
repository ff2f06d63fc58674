/// <reference lib="webworker" />
/** Measures one point of a C10K sweep off the main thread (the page hands out points to a few of these). */
import { measurePoint, roundPoint } from '../../scaling/sweep.ts';
import type { PointRequest, PointReply } from './sweepClient.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<PointRequest>) => {
  const { id, model, connections, params } = e.data;
  self.postMessage({ id, point: roundPoint(measurePoint(model, connections, params)) } satisfies PointReply);
};
