/**
 * Running a scenario the page has not run yet — a link's `s=`, a file, the editor's draft — happens
 * in the simulation worker (src/runs/sim-worker.ts), never on the main thread and never before
 * the first paint: a "Simulating…" panel with a progress bar and a Cancel button shows (after a
 * moment: a small scenario opens without a flash), and the run is handed to the page's cache, so
 * getRun finds it. Shipped scenarios (small, known) run at once, as before.
 */
import type { Scenario } from '../scenarios/format.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { keepRun, type SimJob, type SimResult } from '../runs/runs.ts';
import { CANCELLED, workerClient } from '../runs/worker-jobs.ts';
import { asksFirst, scenarioSize } from '../scenarios/budget.ts';
import { translate } from '../i18n/index.ts';
import type { Lang } from '../i18n/core.ts';
import { runsAtOnce, type Prepared } from './run-first.ts';

const client = workerClient<SimJob, SimResult, TraceEvent[]>(
  () => new Worker(new URL('../runs/sim-worker.ts', import.meta.url), { type: 'module', name: 'iolab-sim' }),
);

export { notRunNotice, runsAtOnce, type Prepared } from './run-first.ts';

/**
 * A panel over the page (plain DOM: it shows before React draws anything): the site's name, a
 * heading, what `fill` adds, and buttons (the first has the focus; Escape presses the last).
 */
function showDialog(
  lang: Lang,
  heading: string,
  fill: (box: HTMLElement) => void,
  buttons: { label: string; press: () => void }[],
  className = '',
): { remove(): void } {
  // Before the app has drawn, the page follows the system's colour scheme (the app's default).
  document.documentElement.dataset.theme ??= 'system';
  const panel = document.createElement('div');
  panel.className = `simulating ${className}`.trim();
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-labelledby', 'simulating-title');
  panel.dataset.testid = 'simulating';
  const box = document.createElement('div');
  box.className = 'simulating-box';
  const site = document.createElement('p');
  site.className = 'simulating-site';
  site.textContent = translate(lang, 'app.title');
  const title = document.createElement('p');
  title.id = 'simulating-title';
  title.textContent = heading;
  box.append(site, title);
  fill(box);
  const row = document.createElement('div');
  row.className = 'simulating-buttons';
  const made = buttons.map(({ label, press }) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', press);
    return button;
  });
  row.append(...made);
  box.append(row);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') buttons[buttons.length - 1]!.press();
  };
  document.addEventListener('keydown', onKey);
  panel.append(box);
  document.body.append(panel);
  made[0]?.focus({ preventScroll: true });
  return {
    remove() {
      document.removeEventListener('keydown', onKey);
      panel.remove();
    },
  };
}

/** The "Simulating…" panel: a progress bar and Cancel. Returns a way to update and remove it. */
function showPanel(
  lang: Lang,
  title: string,
  cancel: () => void,
): { progress(f: number): void; remove(): void } {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute('aria-label', t('app.sim.progress'));
  const dialog = showDialog(
    lang,
    t('app.sim.running', { title }),
    (box) => {
      const hint = document.createElement('p');
      hint.className = 'simulating-hint';
      hint.textContent = t('app.sim.hint');
      box.append(bar, hint);
    },
    [{ label: t('app.sim.cancel'), press: cancel }],
  );
  return {
    progress(f) {
      bar.value = f;
    },
    remove: dialog.remove,
  };
}

/**
 * A large scenario's size and the question "Run it?" (Run / Cancel): true when the reader runs it.
 * Shown at once (no fade-in delay): it waits for the reader.
 */
export function askToRun(scenario: Scenario, lang: Lang): Promise<boolean> {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const size = scenarioSize(scenario);
  const n = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const title = scenario.title[lang] || scenario.title.en;
  return new Promise((resolve) => {
    const answer = (run: boolean) => () => {
      dialog.remove();
      resolve(run);
    };
    const dialog = showDialog(
      lang,
      t('app.sim.largeTitle', { title }),
      (box) => {
        const lines = [
          t('app.sim.large', {
            connections: n(size.connections),
            actions: n(size.actions),
            until: size.untilMs === null ? '' : t('app.sim.largeUntil', { seconds: n(size.untilMs / 1000) }),
          }),
          ...(size.busy ? [t('app.sim.largeBusy')] : []),
          t('app.sim.ask'),
        ];
        for (const line of lines) {
          const p = document.createElement('p');
          p.textContent = line;
          box.append(p);
        }
      },
      [
        { label: t('app.sim.run'), press: answer(true) },
        { label: t('app.sim.cancel'), press: answer(false) },
      ],
      'simulating-ask',
    );
  });
}

/**
 * Makes sure getRun(scenario, seed) answers at once: runs the scenario in the worker when it is
 * neither shipped nor cached, with the panel shown, until it is done or cancelled. With `ask`
 * (a scenario from the address: a link), a large one asks before running.
 */
export async function prepareRun(
  scenario: Scenario,
  seed: number,
  lang: Lang,
  { ask = false }: { ask?: boolean } = {},
): Promise<Prepared> {
  if (runsAtOnce(scenario, seed)) return { ok: true };
  // A link's scenario past the stated size asks first (src/scenarios/budget.ts ASK_ABOVE).
  if (ask && asksFirst(scenarioSize(scenario)) && !(await askToRun(scenario, lang)))
    return { ok: false, cancelled: true };
  const panel = showPanel(lang, scenario.title[lang] || scenario.title.en, () => client.cancel());
  try {
    // The trace arrives in parts, each read in a task of its own (one long message would freeze the page).
    const trace: TraceEvent[] = [];
    const made = await client.run(
      { scenario, seed },
      (f) => panel.progress(f),
      (part) => {
        for (const ev of part) trace.push(ev);
      },
    );
    keepRun(scenario, seed, made, trace);
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
