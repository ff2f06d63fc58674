/**
 * Running a scenario the page has not run yet — a link's `s=`, a file, the editor's draft — happens
 * in the simulation worker (src/runs/sim-worker.ts), never on the main thread and never before
 * the first paint: a "Simulating…" panel with a progress bar and a Cancel button shows (after a
 * moment: a small scenario opens without a flash), and the run is handed to the page's cache, so
 * getRun finds it. Shipped scenarios (small, known) run at once, as before.
 */
import { findScenario } from '../scenarios/index.ts';
import type { Scenario } from '../scenarios/format.ts';
import type { ScenarioRun } from '../scenarios/run.ts';
import { hasRun, keepRun, type SimJob } from '../runs/runs.ts';
import { CANCELLED, workerClient } from '../runs/worker-jobs.ts';
import { translate } from '../i18n/index.ts';
import type { Lang } from '../i18n/core.ts';

const client = workerClient<SimJob, ScenarioRun>(
  () => new Worker(new URL('../runs/sim-worker.ts', import.meta.url), { type: 'module', name: 'iolab-sim' }),
);

/** How a preparation ended: the run is cached, or the user cancelled, or the worker failed (its message). */
export type Prepared =
  { ok: true } | { ok: false; cancelled: true } | { ok: false; cancelled: false; message: string };

/**
 * Whether the page can go on at once: a shipped scenario, one already run, or a student's own
 * program (the store sends it to the playground, whose Python worker makes its run).
 */
export function runsAtOnce(scenario: Scenario, seed: number): boolean {
  return scenario.model === 'python' || findScenario(scenario.id) === scenario || hasRun(scenario, seed);
}

/** The "Simulating…" panel (plain DOM: it shows before React draws anything). Returns a way to update and remove it. */
function showPanel(
  lang: Lang,
  title: string,
  cancel: () => void,
): { progress(f: number): void; remove(): void } {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  // Before the app has drawn, the page follows the system's colour scheme (the app's default).
  document.documentElement.dataset.theme ??= 'system';
  const panel = document.createElement('div');
  panel.className = 'simulating';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-labelledby', 'simulating-title');
  panel.dataset.testid = 'simulating';
  const box = document.createElement('div');
  box.className = 'simulating-box';
  const site = document.createElement('p');
  site.className = 'simulating-site';
  site.textContent = t('app.title');
  const heading = document.createElement('p');
  heading.id = 'simulating-title';
  heading.textContent = t('app.sim.running', { title });
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute('aria-label', t('app.sim.progress'));
  const hint = document.createElement('p');
  hint.className = 'simulating-hint';
  hint.textContent = t('app.sim.hint');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('app.sim.cancel');
  button.addEventListener('click', cancel);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') cancel();
  };
  document.addEventListener('keydown', onKey);
  box.append(site, heading, bar, hint, button);
  panel.append(box);
  document.body.append(panel);
  button.focus({ preventScroll: true });
  return {
    progress(f) {
      bar.value = f;
    },
    remove() {
      document.removeEventListener('keydown', onKey);
      panel.remove();
    },
  };
}

/**
 * Makes sure getRun(scenario, seed) answers at once: runs the scenario in the worker when it is
 * neither shipped nor cached, with the panel shown, until it is done or cancelled.
 */
export async function prepareRun(scenario: Scenario, seed: number, lang: Lang): Promise<Prepared> {
  if (runsAtOnce(scenario, seed)) return { ok: true };
  const panel = showPanel(lang, scenario.title[lang] || scenario.title.en, () => client.cancel());
  try {
    const run = await client.run({ scenario, seed }, (f) => panel.progress(f));
    keepRun(scenario, seed, run);
    return { ok: true };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A failed worker (its memory, say) is gone: the next run starts a fresh one.
    if (message !== CANCELLED) client.cancel();
    return message === CANCELLED ? { ok: false, cancelled: true } : { ok: false, cancelled: false, message };
  } finally {
    panel.remove();
  }
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
