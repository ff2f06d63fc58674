/**
 * The crash link of issue 22 — poll (or select, or busy polling) with a zero timeout over N idle
 * connections for an hour — no longer runs before the first paint: the page first asks (a link
 * past the stated size, src/scenarios/budget.ts ASK_ABOVE), then paints a "Simulating…" panel,
 * its progress moves, the page answers while the worker runs, and Cancel returns to the lab with
 * a clear message. A small link runs without asking. Freeze guards are wide (≥ 10× the longest
 * task `npm run bench` measures: bench/open-tasks.ts).
 */
import type { Page } from '@playwright/test';
import { test, expect, counter } from './fixtures.ts';
import { encodeScenario } from '../src/scenarios/link.ts';
import type { Scenario } from '../src/scenarios/format.ts';

const crash = (idle: number, model: 'poll' | 'select' | 'nonblocking' = 'poll'): Scenario =>
  ({
    format: 'iolab/scenario@1',
    id: 'crash-poll',
    title: { en: `Busy poll over ${idle} idle connections`, zh: `忙轮询 ${idle} 个空闲连接` },
    seed: 1,
    model,
    options:
      model === 'nonblocking'
        ? { fdLimit: 1_048_576, backlog: 4096 }
        : { timeoutMs: 0, fdLimit: 1_048_576, backlog: 4096 },
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
    // First the question: the link is past the stated size.
    await expect(panel).toContainText(
      `This scenario is large — connections: ${(idle + 1).toLocaleString('en')}, client actions: 1, simulated time: 3,600 s`,
      { timeout: 10_000 },
    );
    const painted = Date.now() - t0;
    await panel.getByRole('button', { name: 'Run' }).click();
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
    await expect(panel.getByRole('button', { name: 'Run' })).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await expect(panel.locator('progress')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
  });
}

// select and busy polling: the same path, kept cheap (one question, one short run, one Cancel).
// select keeps under FD_SETSIZE (1,024): past it CPython's ValueError ends the run before Cancel.
for (const [model, idle] of [
  ['select', 1_000],
  ['nonblocking', 2_000],
] as const) {
  test(`the ${model} crash link with ${idle.toLocaleString('en')} idle connections asks, shows progress and cancels`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await watchLongTasks(page);
    await page.goto(`#/crash-poll?s=${encodeScenario(crash(idle, model))}`, { waitUntil: 'commit' });
    const panel = page.getByTestId('simulating');
    await expect(panel).toContainText('Its server polls without waiting', { timeout: 10_000 });
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect(panel.locator('progress')).toBeVisible();
    await expect
      .poll(() => panel.locator('progress').evaluate((p: HTMLProgressElement) => p.value), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByText(/was cancelled/)).toBeVisible();
    await expect(counter(page)).toBeVisible();
    expect(await longest(page), 'no main-thread task near a freeze').toBeLessThan(3_000);
  });
}

test('a large link asks in Chinese, and Cancel there runs nothing; a small link runs without asking', async ({
  page,
}) => {
  await page.goto(`#/crash-poll?lang=zh&s=${encodeScenario(crash(2_000))}`, { waitUntil: 'commit' });
  const panel = page.getByTestId('simulating');
  await expect(panel).toContainText('这个场景很大：2,001 个连接', { timeout: 10_000 });
  await expect(panel).toContainText('要运行吗？');
  await panel.getByRole('button', { name: '取消' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByText(/已取消模拟/)).toBeVisible();
  await expect(counter(page)).toBeVisible();

  // 40 idle connections polled without waiting for 50 ms: under the bounds, it opens at once.
  const small = { ...crash(40), id: 'small-poll', untilMs: 50 } as Scenario;
  await page.goto(`#/small-poll?lang=en&s=${encodeScenario(small)}`);
  await expect(page.locator('[data-testid="step-counter"]')).toBeVisible();
  await expect(page).toHaveURL(/small-poll/);
  await expect(page.getByRole('button', { name: 'Run' })).toHaveCount(0);
});

test('a costly link that finishes opens the lab with the budget that stopped it named', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`#/crash-poll?s=${encodeScenario(crash(400))}`, { waitUntil: 'commit' });
  await page.getByTestId('simulating').getByRole('button', { name: 'Run' }).click({ timeout: 10_000 });
  await expect(counter(page)).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('budget-notice')).toContainText(
    /past the page’s budget of .* --max-(trace-mb|fds) N/,
  );
});
