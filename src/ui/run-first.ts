/**
 * Whether a scenario can be drawn at once, and the way to run it first when not: the simulation
 * panel and its worker (simulating.ts) are a download of their own, fetched only when a link, a
 * file or the editor brings a scenario not run yet (the first download stays small).
 */
import { findScenario } from '../scenarios/index.ts';
import type { Scenario } from '../scenarios/format.ts';
import { hasRun, loadSimulation, simulationReady } from '../runs/runs.ts';
import type { Lang } from '../i18n/core.ts';

/** How a preparation ended: the run is cached, or the user cancelled, or the worker failed (its message). */
export type Prepared =
  { ok: true } | { ok: false; cancelled: true } | { ok: false; cancelled: false; message: string };

/**
 * Whether the page can go on at once: a shipped scenario (once the simulation is here), one
 * already run, or a student's own program (the store sends it to the playground, whose Python
 * worker makes its run).
 */
export function runsAtOnce(scenario: Scenario, seed: number): boolean {
  return scenario.model === 'python' || shippedAtOnce(scenario) || hasRun(scenario, seed);
}

const shippedAtOnce = (scenario: Scenario): boolean =>
  findScenario(scenario.id) === scenario && simulationReady();

/** simulating.ts's prepareRun, fetched first (a failed download ends as a failed run, with its message). */
export function prepareRun(
  scenario: Scenario,
  seed: number,
  lang: Lang,
  options: { ask?: boolean } = {},
): Promise<Prepared> {
  if (runsAtOnce(scenario, seed)) return Promise.resolve({ ok: true });
  const failed = (e: unknown): Prepared => ({
    ok: false,
    cancelled: false,
    message: e instanceof Error ? e.message : String(e),
  });
  // A shipped scenario runs here at once (it is small) once the simulation has arrived.
  if (findScenario(scenario.id) === scenario)
    return loadSimulation().then((): Prepared => ({ ok: true }), failed);
  return import('./simulating.ts').then((m) => m.prepareRun(scenario, seed, lang, options), failed);
}

/** The notice for a run that did not finish: cancelled, or failed, with what the lab shows instead. */
export function notRunNotice(
  scenario: Scenario,
  lang: Lang,
  prepared: Exclude<Prepared, { ok: true }>,
  fallback: string,
): { key: string; params: Record<string, string> } {
  const title = scenario.title[lang] || scenario.title.en;
  return prepared.cancelled
    ? { key: 'app.sim.cancelled', params: { title, fallback } }
    : { key: 'app.sim.failed', params: { title, fallback, message: prepared.message } };
}
