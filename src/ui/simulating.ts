/**
 * Running a scenario the page has not run yet — a link's `s=`, a file, the editor's draft — happens
 * in the simulation worker (src/runs/sim-worker.ts), never on the main thread and never before
 * the first paint: a "Simulating…" panel with a progress bar and a Cancel button shows (after a
 * moment: a small scenario opens without a flash), and the run is handed to the page's cache, so
 * getRun finds it. Shipped scenarios (small, known) run at once, as before.
 */
import type { Scenario } from '../scenarios/format.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { keepRun, type LabRun, type SimJob, type SimResult } from '../runs/runs.ts';
import { runSteps } from '../store/lab.ts';
import { assembleRead, NOT_READ, type ReadJob, type ReadResult } from '../runs/read-file.ts';
import { CANCELLED, workerClient } from '../runs/worker-jobs.ts';
import type { ScenarioClient, Validation } from '../scenarios/format.ts';
import { asksFirst, scenarioSize } from '../scenarios/budget.ts';
import { translate } from '../i18n/index.ts';
import type { Lang } from '../i18n/core.ts';
import { runsAtOnce, type Prepared } from './run-first.ts';

const client = workerClient<SimJob | ReadJob, SimResult | ReadResult, TraceEvent[] | ScenarioClient[]>(
  () => new Worker(new URL('../runs/sim-worker.ts', import.meta.url), { type: 'module', name: 'iolab-sim' }),
);

export { notRunNotice, runsAtOnce, type Prepared } from './run-first.ts';
/** Scenarios the worker read (readInWorker), by the id its run jobs name them with. */
const readIds = new WeakMap<Scenario, number>();

/**
 * A scenario file's bytes decoded, parsed and checked in the simulation worker (read-file.ts), as
 * parseScenarioBytes would on this thread: the bytes move to the worker, the clients come back in
 * parts (each read in a task of its own), and the worker keeps the scenario for its run.
 */
export async function readInWorker(bytes: ArrayBuffer): Promise<Validation> {
  const parts: ScenarioClient[][] = [];
  const made = (await client.run({ read: bytes }, undefined, (p) => parts.push(p as ScenarioClient[]), [
    bytes,
  ])) as ReadResult;
  if (!made.ok) return made;
  const scenario = assembleRead(made, parts);
  readIds.set(scenario, made.readId);
  return { ok: true, scenario };
}

/** Lets the page's other work (input, painting) in between two slices of a long preparation. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Trace events from which firstDrawing makes the lab's lists ahead, in slices. */
const FIRST_DRAWING_IN_SLICES_FROM = 20_000;

/**
 * Makes, each in a task of its own, what the lab's first drawing of a big run asks for and keeps
 * (cached per run): the visible steps, the timeline's marks, the stage's trace facts, the strace
 * log. Drawn at once, a 10,000-client run did all of it in one task of seconds.
 */
async function firstDrawing(lab: LabRun, panel: { progress(f: number): void }): Promise<void> {
  // A small run is drawn at once, as before: its lists take a few ms.
  if (lab.run.trace.length < FIRST_DRAWING_IN_SLICES_FROM) return;
  const [markers, facts, strace] = await Promise.all([
    import('./controls/markers.ts'),
    import('./stage/facts.ts'),
    import('../kernel/strace-log.ts'),
  ]);
  panel.progress(1);
  const slices = [
    () => runSteps(lab, true),
    () => runSteps(lab, false),
    () => markers.markerIndex(lab.index, runSteps(lab, true)),
    () => markers.markerIndex(lab.index, runSteps(lab, false)),
    () => facts.traceFacts(lab.index),
    () => strace.straceLog(lab.run.trace),
  ];
  for (const slice of slices) {
    await nextTask();
    slice();
  }
  await nextTask();
}

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
    let trace: TraceEvent[] = [];
    const run = (job: SimJob) => {
      trace = [];
      return client.run(
        job,
        (f) => panel.progress(f),
        (part) => {
          for (const ev of part as TraceEvent[]) trace.push(ev);
        },
      ) as Promise<SimResult>;
    };
    // A scenario the worker read runs by its id; a fresh worker (after a cancel) is sent it whole.
    const readId = readIds.get(scenario);
    const made =
      readId === undefined
        ? await run({ scenario, seed })
        : await run({ readId, seed }).catch((e: unknown) => {
            if (e instanceof Error && e.message === NOT_READ) return run({ scenario, seed });
            throw e;
          });
    await firstDrawing(keepRun(scenario, seed, made, trace), panel);
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
