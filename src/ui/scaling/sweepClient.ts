/**
 * Runs a sweep in Web Workers, one per core (up to 4): points are handed out cheapest first, a
 * model's next point only once its previous one is back (so nothing runs past a stop), and each
 * point streams to the page as it is done. A new run or cancel() terminates the workers. Each
 * worker speaks the page's one worker protocol (src/runs/worker-jobs.ts).
 */
import { sweepPlan, type Point, type ScalingModel, type SweepParams } from '../../scaling/sweep.ts';
import { CANCELLED, workerClient, type WorkerClient } from '../../runs/worker-jobs.ts';

export interface PointJob {
  model: ScalingModel;
  connections: number;
  params: SweepParams;
}

export interface SweepHandlers {
  onPoint(point: Point, done: number, total: number): void;
  onDone(ms: number): void;
  onError(message: string): void;
}

export class SweepClient {
  private workers: WorkerClient<PointJob, Point>[] = [];
  private run_ = 0;

  run(req: { models: ScalingModel[]; params: SweepParams; connections: number[] }, h: SweepHandlers): void {
    this.cancel();
    const runId = ++this.run_;
    const t0 = performance.now();
    const plan = sweepPlan(req.models, req.connections);
    const total = plan.length;
    const busy = new Set<ScalingModel>();
    const idle: WorkerClient<PointJob, Point>[] = [];
    let done = 0;
    const back = (w: WorkerClient<PointJob, Point>, point: Point): void => {
      if (runId !== this.run_) return;
      busy.delete(point.model);
      done++;
      // Past a stop the model's larger points are not run: they count as done.
      if (!point.ok)
        for (let j = plan.length - 1; j >= 0; j--)
          if (plan[j]!.model === point.model) {
            plan.splice(j, 1);
            done++;
          }
      h.onPoint(point, done, total);
      idle.push(w);
      dispatch();
    };
    const failed = (e: Error): void => {
      if (runId === this.run_ && e.message !== CANCELLED) {
        h.onError(e.message);
        this.cancel();
      }
    };
    const dispatch = (): void => {
      while (idle.length > 0) {
        const i = plan.findIndex((p) => !busy.has(p.model));
        if (i < 0) break;
        const [item] = plan.splice(i, 1);
        busy.add(item!.model);
        const w = idle.pop()!;
        w.run({ model: item!.model, connections: item!.connections, params: req.params }).then(
          (point) => back(w, point),
          failed,
        );
      }
      if (busy.size === 0 && plan.length === 0) {
        h.onDone(performance.now() - t0);
        this.cancel();
      }
    };
    const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    for (let i = 0; i < count; i++) {
      const w = workerClient<PointJob, Point>(
        () => new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' }),
      );
      this.workers.push(w);
      idle.push(w);
    }
    dispatch();
  }

  cancel(): void {
    for (const w of this.workers) w.cancel();
    this.workers = [];
  }
}
