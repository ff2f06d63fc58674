/**
 * The crash link of issue 22 — poll with a zero timeout over N idle connections for an hour — no
 * longer runs before the first paint: the page paints a "Simulating…" panel, its progress moves,
 * the page answers while the worker runs, and Cancel returns to the lab with a clear message.
 * Freeze guards are wide (the frame budget itself is measured by `npm run bench`).
 */
import type { Page } from '@playwright/test';
import { test, expect, counter } from './fixtures.ts';
import { encodeScenario } from '../src/scenarios/link.ts';
import type { Scenario } from '../src/scenarios/format.ts';

const crash = (idle: number): Scenario =>
  ({
    format: 'iolab/scenario@1',
    id: 'crash-poll',
    title: { en: `Busy poll over ${idle} idle connections`, zh: `忙轮询 ${idle} 个空闲连接` },
    seed: 1,
    model: 'poll',
    options: { timeoutMs: 0, fdLimit: 1_048_576, backlog: 4096 },
    clients: [{ name: 'c1', actions: [{ at: 0, do: 'connect' }] }],
    idleConnections: idle,
    untilMs: 3_600_000,
  }) as Scenario;

/** Watches long main-thread tasks from the first script on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
const longest = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));

// 100,000 connections is the most a link may carry (src/scenarios/link.ts); 19,999 idle ones and c1
// were the most before it, and already show the panel (scaling.spec.ts opens a 100,000 one).
for (const idle of [2_000, 19_999]) {
  test(`the crash link with ${idle.toLocaleString('en')} idle connections paints, shows progress, answers and cancels`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await watchLongTasks(page);
    const t0 = Date.now();
    await page.goto(`#/crash-poll?s=${encodeScenario(crash(idle))}`, { waitUntil: 'commit' });
    const panel = page.getByTestId('simulating');
    await expect(panel).toBeVisible({ timeout: 10_000 });
    const painted = Date.now() - t0;
    await expect(panel).toContainText('Simulating “Busy poll over');
    // Progress moves while the worker runs.
    const bar = panel.locator('progress');
    await expect
      .poll(() => bar.evaluate((p: HTMLProgressElement) => p.value), { timeout: 60_000 })
      .toBeGreaterThan(0);
    // The page answers while it runs: a round trip to the main thread is quick.
    const t1 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(Date.now() - t1).toBeLessThan(2_000);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel).toHaveCount(0);
    await expect(
      page.getByText(/Simulating “Busy poll over [\d,]+ idle connections” was cancelled/),
    ).toBeVisible();
    await expect(counter(page)).toBeVisible();
    expect(await longest(page), 'no main-thread task near a freeze').toBeLessThan(3_000);
    test.info().annotations.push({
      type: 'figures',
      description: `panel painted after ${painted} ms; longest task ${await longest(page)} ms`,
    });
    // Back opens the link again, in the worker again.
    await page.goBack();
    await expect(panel).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
  });
}

test('a costly link that finishes opens the lab with the budget that stopped it named', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`#/crash-poll?s=${encodeScenario(crash(400))}`, { waitUntil: 'commit' });
  await expect(counter(page)).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('budget-notice')).toContainText(
    /past the page’s budget of .* --max-(trace-mb|fds) N/,
  );
});
