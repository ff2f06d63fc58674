/// <reference lib="webworker" />
/**
 * A module Web Worker that runs a student's server: it loads the interpreter (Pyodide, from the
 * site's own copy of the package's files: tools/build/pyodide-assets.ts) on the first request,
 * then runs each scenario with its program against the simulated kernel and posts the run back.
 * The page stays responsive whatever the program does, and can always terminate the worker.
 */
import { runPythonScenario, type PythonScenarioOptions, type PythonScenarioRun } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { loadPythonEngine } from '../python/engine.ts';

export interface PythonJob {
  id: number;
  scenario: Scenario;
  options?: Omit<PythonScenarioOptions, 'costs'>;
}
export type PythonWorkerMessage =
  | { id: number; type: 'progress'; stage: 'loading' | 'running' }
  | { id: number; type: 'done'; run: PythonScenarioRun; loadMs: number; runMs: number; files: string[] }
  | { id: number; type: 'failed'; message: string };

declare const self: DedicatedWorkerGlobalScope;

/** Where the interpreter's files are: /pyodide/ from the dev server, dist/pyodide/ beside assets/ when built. */
const indexURL = (): string =>
  (import.meta.env.DEV ? new URL('/pyodide/', self.location.origin) : new URL('../pyodide/', import.meta.url))
    .href;

let loaded = false;

self.onmessage = async (event: MessageEvent<PythonJob>) => {
  const { id, scenario, options } = event.data;
  const post = (m: PythonWorkerMessage) => self.postMessage(m);
  try {
    const t0 = performance.now();
    if (!loaded) post({ id, type: 'progress', stage: 'loading' });
    await loadPythonEngine(async () =>
      (await import('pyodide')).loadPyodide({ indexURL: indexURL(), env: { PYTHONHASHSEED: '0' } }),
    );
    loaded = true;
    const t1 = performance.now();
    post({ id, type: 'progress', stage: 'running' });
    const run = await runPythonScenario(scenario, options ?? {});
    // What this worker fetched (its own script, the interpreter's files): the page asks the
    // offline cache to keep them, so that the playground works offline after its first use.
    const files = [self.location.href, ...performance.getEntriesByType('resource').map((e) => e.name)].filter(
      (u) => new URL(u).origin === self.location.origin,
    );
    post({
      id,
      type: 'done',
      run,
      loadMs: Math.round(t1 - t0),
      runMs: Math.round(performance.now() - t1),
      files,
    });
  } catch (e) {
    post({ id, type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
