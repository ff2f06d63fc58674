/**
 * Shared end-to-end helpers. Every test gets a page that fails the test on any console error or
 * uncaught page error; expectations are computed from the same simulation the app runs (the run
 * is deterministic), never hard-coded step numbers.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SCENARIOS, findScenario } from '../src/scenarios/index.ts';
import { getRun, loadSimulation, type LabRun } from '../src/runs/runs.ts';
import { visibleSteps } from '../src/runs/folding.ts';
import type { Scenario } from '../src/scenarios/format.ts';

export { expect };
// Expectations come from the simulation, which the page (and runs.ts) loads on its own.
await loadSimulation();
export const SCENARIO_IDS: string[] = SCENARIOS.map((s) => s.id);

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      // Long messages (a blocked data: URL) are cut: the start says what went wrong.
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text().slice(0, 240));
      });
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      await use(errors);
      expect(errors, 'console errors or uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export function scenario(id: string): Scenario {
  const s = findScenario(id);
  if (!s) throw new Error(`no shipped scenario ${id}`);
  return s;
}

/** The run the app computes for this scenario (and seed). */
export function runOf(id: string, seed?: number): LabRun {
  const s = scenario(id);
  return getRun(s, seed ?? s.seed);
}

/** The raw step numbers a student steps through (folding on by default, as in the app). */
export function visibleOf(id: string, fold = true, seed?: number): number[] {
  const { index, folds } = runOf(id, seed);
  return visibleSteps(index.steps, fold ? folds : null);
}

export interface Open {
  step?: number | string;
  lang?: string;
  seed?: number;
}

export function labUrl(id: string, { step, lang = 'en', seed }: Open = {}): string {
  const params = new URLSearchParams();
  if (seed !== undefined) params.set('seed', String(seed));
  if (step !== undefined) params.set('step', String(step));
  params.set('lang', lang);
  return `./#/${id}?${params.toString()}`;
}

/** Opens `#/<id>?step=N&lang=L` and waits until the controls show where we are. */
export async function openLab(page: Page, id: string, open: Open = {}): Promise<void> {
  await page.goto(labUrl(id, open));
  await expect(page.getByTestId('step-counter')).toBeVisible();
}

export const counter = (page: Page): Locator => page.getByTestId('step-counter');

/** "Step k of n" as the counter prints it (k is 1-based, among visible steps). */
export function stepText(k: number, n: number, lang: 'en' | 'zh' = 'en'): RegExp {
  const f = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  return lang === 'zh'
    ? new RegExp(`第 ${f(k)} 步，共 ${f(n)} 步`)
    : new RegExp(`Step ${f(k)} of ${f(n)}(?!\\d)`);
}

export const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });

/** The URL's step parameter (the raw step). */
export async function urlStep(page: Page): Promise<number | null> {
  const m = /[?&]step=(\d+)/.exec(new URL(page.url()).hash);
  return m ? Number(m[1]) : null;
}

/**
 * A text/DOM snapshot of everything that draws the machine (all but the controls): element
 * names, attributes (numbers rounded, so float noise is not a difference) and text.
 */
export async function pictureSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const round = (v: string) => v.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
    const out: string[] = [];
    const walk = (node: Node, depth: number) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent?.trim();
        if (text) out.push(`${' '.repeat(depth)}"${text}"`);
        return;
      }
      if (!(node instanceof Element)) return;
      const attrs = [...node.attributes]
        .map((a) => `${a.name}=${round(a.value)}`)
        .sort()
        .join(' ');
      out.push(`${' '.repeat(depth)}<${node.tagName.toLowerCase()} ${attrs}>`);
      for (const child of node.childNodes) walk(child, depth + 1);
    };
    const parts = document.querySelectorAll('main .stage-column, main .side-column');
    for (const part of parts) walk(part, 0);
    return out.join('\n');
  });
}

/** A picture snapshot once drawing has settled (two reads in a row agree). */
export async function settledPicture(page: Page): Promise<string> {
  // Parts that arrive after the first paint (the side panels) keep a busy placeholder until then.
  await page
    .locator('main [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  let last = await pictureSnapshot(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const now = await pictureSnapshot(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** Axe's serious and critical violations on the page (or inside `include`), each with where it is. */
export async function seriousAxeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((nd) => nd.target.join(' '))
          .join(' | ')}`,
    );
}
