/**
 * The one way the page hands simulation to a Web Worker (a scenario opened from a link or a
 * file: sim-worker.ts; the C10K sweep; a student's Python program: python-worker.ts speaks the
 * same messages). A job is posted with an id; the worker answers with any number of `progress`
 * and `part` messages, then one `done` or `failed`. A large result travels in parts (a run's
 * trace, a few thousand events each): the page reads each in a task of its own, where one message
 * holding it all would be one long task (structured clone of 400,000 events: > 1 s). The page can always cancel: that terminates the worker
 * (a run stuck anywhere cannot freeze the page), fails the jobs in flight with `cancelled`, and
 * the next job starts a fresh worker.
 */
export type WorkerReply<R, P = never> =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'part'; part: P }
  | { id: number; type: 'done'; result: R }
  | { id: number; type: 'failed'; message: string };

/** The error a cancelled job fails with. */
export const CANCELLED = 'cancelled';

export interface WorkerClient<J, R, P = never> {
  /**
   * Runs `job`: `onProgress` hears how far it is (0..1), `onPart` each part before the result;
   * `transfer` (a file's bytes, say) moves to the worker instead of being copied.
   */
  run(
    job: J,
    onProgress?: (fraction: number) => void,
    onPart?: (part: P) => void,
    transfer?: Transferable[],
  ): Promise<R>;
  cancel(): void;
}

export function workerClient<J, R, P = never>(make: () => Worker): WorkerClient<J, R, P> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (r: R) => void;
      reject: (e: Error) => void;
      onProgress?: (fraction: number) => void;
      onPart?: (part: P) => void;
    }
  >();
  const failAll = (message: string): void => {
    for (const job of pending.values()) job.reject(new Error(message));
    pending.clear();
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = make();
    w.onmessage = (event: MessageEvent<WorkerReply<R, P>>) => {
      const m = event.data;
      const job = pending.get(m.id);
      if (!job) return;
      if (m.type === 'progress') {
        job.onProgress?.(m.fraction);
        return;
      }
      if (m.type === 'part') {
        job.onPart?.(m.part);
        return;
      }
      pending.delete(m.id);
      if (m.type === 'done') job.resolve(m.result);
      else job.reject(new Error(m.message));
    };
    w.onerror = (event) => {
      failAll(event.message || 'the worker failed');
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  };
  return {
    run(job, onProgress, onPart, transfer = []) {
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        pending.set(id, {
          resolve,
          reject,
          ...(onProgress ? { onProgress } : {}),
          ...(onPart ? { onPart } : {}),
        });
        ensure().postMessage({ id, job }, transfer);
      });
    },
    cancel() {
      worker?.terminate();
      worker = null;
      failAll(CANCELLED);
    },
  };
}

/**
 * The worker's side: answers each `{ id, job }` with progress (at most every `everyMs`) and the
 * parts `work` sends, then done or failed.
 */
export function serveJobs<J, R, P = never>(
  scope: {
    postMessage(m: unknown): void;
    onmessage: ((e: MessageEvent<{ id: number; job: J }>) => void) | null;
  },
  work: (job: J, progress: (fraction: number) => void, send: (part: P) => void) => R | Promise<R>,
  clock: () => number,
  everyMs = 100,
): void {
  scope.onmessage = async (event) => {
    const { id, job } = event.data;
    let last = clock();
    const progress = (fraction: number): void => {
      const now = clock();
      if (now - last < everyMs) return;
      last = now;
      scope.postMessage({ id, type: 'progress', fraction } satisfies WorkerReply<R, P>);
    };
    const send = (part: P): void => scope.postMessage({ id, type: 'part', part } satisfies WorkerReply<R, P>);
    try {
      scope.postMessage({
        id,
        type: 'done',
        result: await work(job, progress, send),
      } satisfies WorkerReply<R, P>);
    } catch (e) {
      scope.postMessage({
        id,
        type: 'failed',
        message: e instanceof Error ? e.message : String(e),
      } satisfies WorkerReply<R, P>);
    }
  };
}
