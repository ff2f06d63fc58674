/** Runs sweeps in a Web Worker: points stream back; a new request or cancel() terminates the old worker. */
import type { Point, ScalingModel, SweepParams } from '../../scaling/sweep.ts';

export interface SweepRequest { id: number; models: ScalingModel[]; params: SweepParams; connections: number[] }
export type SweepMessage =
  | { id: number; kind: 'point'; point: Point; done: number; total: number }
  | { id: number; kind: 'done'; ms: number };

export interface SweepHandlers { onPoint(point: Point, done: number, total: number): void; onDone(ms: number): void; onError(message: string): void }

export class SweepClient {
  private worker: Worker | null = null;
  private id = 0;

  run(req: Omit<SweepRequest, 'id'>, h: SweepHandlers): void {
    this.cancel();
    const id = ++this.id;
    const worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<SweepMessage>) => {
      if (e.data.id !== id) return;
      if (e.data.kind === 'point') h.onPoint(e.data.point, e.data.done, e.data.total);
      else { h.onDone(e.data.ms); this.cancel(); }
    };
    worker.onerror = (e) => { h.onError(e.message); this.cancel(); };
    worker.postMessage({ ...req, id } satisfies SweepRequest);
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
