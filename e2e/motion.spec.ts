/**
 * Motion: on every model, stepping forward onto a data arrival and onto a copy animates (ghost
 * bytes move over the stage while it is marked data-animating) and ends on exactly the picture
 * of the next step; with reduced motion the same step changes with no animation at all.
 * The steps come from the simulation (the same run the app computes).
 */
import type { Page } from '@playwright/test';
import { test, expect, labUrl, runOf, visibleOf, button, seriousAxeViolations } from './fixtures.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { stepRange } from '../src/ui/stage/facts.ts';
import type { TraceEvent } from '../src/kernel/types.ts';

/** One shipped scenario per model. */
const PER_MODEL = [...new Map(SCENARIOS.map((s) => [s.model, s.id])).entries()].sort(([a], [b]) =>
  a.localeCompare(b),
);

/** The visible step before the first visible step with an event matching `is`. */
function stepBefore(id: string, is: (e: TraceEvent) => boolean): number {
  const { index } = runOf(id);
  const steps = visibleOf(id);
  for (let i = 1; i < steps.length; i++) {
    const [a, b] = stepRange(index, steps[i]!);
    if (index.trace.slice(a, b).some(is)) return steps[i - 1]!;
  }
  throw new Error(`${id}: no such step`);
}

const arrival = (e: TraceEvent): boolean => e.type === 'sock.rx' && e.data.length > 0;
const copyIn = (e: TraceEvent): boolean => e.type === 'copy' && e.dir === 'to-user' && e.bytes > 0;

/** Watches the stage: was it ever marked animating, how many ghost bytes, did any ghost move. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __motion: { animating: boolean; cells: number; moved: boolean } };
    w.__motion = { animating: false, cells: 0, moved: false };
    const stage = document.querySelector('[data-testid="stage"]')!;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (r.attributeName === 'data-animating' && el.getAttribute('data-animating') === 'true')
          w.__motion.animating = true;
        if (r.attributeName === 'transform' && el.closest('.motion-layer')) w.__motion.moved = true;
      }
      w.__motion.cells = Math.max(w.__motion.cells, stage.querySelectorAll('.motion-layer .mv-cell').length);
    }).observe(stage, {
      attributes: true,
      attributeFilter: ['data-animating', 'transform'],
      subtree: true,
      childList: true,
    });
  });
}

const seen = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __motion: { animating: boolean; cells: number; moved: boolean } }).__motion,
  );
const stageMarkup = (page: Page) => page.getByTestId('stage').evaluate((el) => el.outerHTML);

async function open(page: Page, id: string, step: number): Promise<void> {
  await page.goto(labUrl(id, { step }));
  await expect(page.getByTestId('stage')).toBeVisible();
}

/** Waits (closely) until the stage is no longer animating. */
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[data-testid="stage"][data-animating]'), null, {
    polling: 40,
  });

for (const [model, id] of PER_MODEL) {
  test(`${model} (${id}): a data arrival and a copy move, and end on the next step's picture`, async ({
    page,
  }) => {
    await page.goto(labUrl(id));
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'ready');
    for (const [what, is] of [
      ['arrival', arrival],
      ['copy', copyIn],
    ] as const) {
      const k = stepBefore(id, is);
      const next = visibleOf(id)[visibleOf(id).indexOf(k) + 1]!;

      // With motion: ghost bytes move, then the stage is the next step's.
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await open(page, id, k);
      await watch(page);
      await button(page, 'Step forward').click();
      await settled(page);
      const moved = await seen(page);
      expect(moved.animating, `${what}: the stage was animating`).toBe(true);
      expect(moved.cells, `${what}: bytes were drawn moving`).toBeGreaterThan(0);
      expect(moved.moved, `${what}: a ghost moved`).toBe(true);
      await expect(page.locator('.motion-layer')).toHaveCount(0);
      const animated = await stageMarkup(page);

      // Reduced motion: the same step, no animation, the same picture as loading it directly.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await open(page, id, k);
      await watch(page);
      await button(page, 'Step forward').click();
      await page.waitForFunction((n) => new RegExp(`step=${n}(&|$)`).test(location.hash), next, {
        polling: 40,
      });
      const stepped = await stageMarkup(page);
      expect((await seen(page)).animating, `${what}: no animation with reduced motion`).toBe(false);
      await open(page, id, next);
      const direct = await stageMarkup(page);
      expect(stepped).toBe(direct);
      expect(animated).toBe(direct);
    }
  });
}

test('the motion setting: off stops the animation, and the controls stay accessible', async ({ page }) => {
  const id = 'blocking-two-clients';
  const k = stepBefore(id, copyIn);
  await open(page, id, k);
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'ready');
  await page.getByLabel('Motion').selectOption('off');
  await watch(page);
  await button(page, 'Step forward').click();
  const { index } = runOf(id);
  const next = visibleOf(id)[visibleOf(id).indexOf(k) + 1]!;
  const [a, b] = stepRange(index, next);
  const copy = index.trace.slice(a, b).find(copyIn);
  if (copy?.type !== 'copy') throw new Error('no copy');
  await expect(page.getByTestId(`user-buffer-${copy.tid}`)).toBeVisible();
  expect((await seen(page)).animating).toBe(false);
  expect(await seriousAxeViolations(page, '.controls')).toEqual([]);
});

test('a click skips a running animation to its end', async ({ page }) => {
  const id = 'blocking-two-clients';
  const k = stepBefore(id, copyIn);
  await page.clock.install();
  await open(page, id, k);
  await page.clock.runFor(1000);
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'ready');
  await page.clock.pauseAt(Date.now() + 60_000);
  await button(page, 'Step forward').click();
  await expect(page.getByTestId('stage')).toHaveAttribute('data-animating', 'true');
  await page.clock.runFor(100);
  await page.getByTestId('stage').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('stage')).not.toHaveAttribute('data-animating', 'true');
  await expect(page.locator('.motion-layer')).toHaveCount(0);
});
