/**
 * The page's side of the Python worker (src/runs/python-worker.ts): one worker, made on first
 * use (so the interpreter is downloaded only then), jobs answered in order. `cancel()` terminates
 * it — a program stuck anywhere cannot freeze the page — and the next run starts a fresh one.
 */
import type { PythonJob, PythonWorkerMessage } from './python-worker.ts';
import type { PythonScenarioRun } from '../scenarios/run.ts';

/** `files`: what the worker fetched (for the offline cache). */
export interface PythonRunResult {
  run: PythonScenarioRun;
  loadMs: number;
  runMs: number;
  files: string[];
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  {
    resolve: (r: PythonRunResult) => void;
    reject: (e: Error) => void;
    onProgress?: (stage: 'loading' | 'running') => void;
  }
>();

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./python-worker.ts', import.meta.url), {
    type: 'module',
    name: 'iolab-python',
  });
  w.onmessage = (event: MessageEvent<PythonWorkerMessage>) => {
    const m = event.data;
    const job = pending.get(m.id);
    if (!job) return;
    if (m.type === 'progress') {
      job.onProgress?.(m.stage);
      return;
    }
    pending.delete(m.id);
    if (m.type === 'done') job.resolve({ run: m.run, loadMs: m.loadMs, runMs: m.runMs, files: m.files });
    else job.reject(new Error(m.message));
  };
  w.onerror = (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'the Python worker failed'));
    pending.clear();
    worker = null;
  };
  worker = w;
  return w;
}

/** Runs a scenario with its program (or `options.source`) in the worker. */
export function runPythonInWorker(
  job: Omit<PythonJob, 'id'>,
  onProgress?: (stage: 'loading' | 'running') => void,
): Promise<PythonRunResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    ensureWorker().postMessage({ ...job, id } satisfies PythonJob);
  });
}

/** Stops whatever the worker is doing (and forgets the interpreter: the next run loads it again). */
export function cancelPython(): void {
  worker?.terminate();
  worker = null;
  for (const job of pending.values()) job.reject(new Error('cancelled'));
  pending.clear();
}
