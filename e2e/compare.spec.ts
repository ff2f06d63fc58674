/**
 * The models side by side: lanes for the chosen models, one cursor stepped through every lane's
 * moments, each lane's state label equal to the state computed from that model's own run.
 * Expected values come from the same simulation (src/compare/compare.ts).
 */
import type { Page } from '@playwright/test';
import { test, expect, button, seriousAxeViolations } from './fixtures.ts';
import { runScenario } from '../src/scenarios/run.ts';
import {
  buildLane,
  compareScenario,
  intervalAt,
  stepFrom,
  stepTimes,
  workloadActions,
  type Lane,
} from '../src/compare/compare.ts';
import type { Model } from '../src/scenarios/format.ts';

const lanes = new Map<Model, Lane>();
function lane(model: Model): Lane {
  let l = lanes.get(model);
  if (!l) {
    l = buildLane(model, runScenario(compareScenario(model)).trace);
    lanes.set(model, l);
  }
  return l;
}
const momentsOf = (models: Model[]) => stepTimes(models.map(lane), workloadActions());

function params(page: Page): URLSearchParams {
  const hash = new URL(page.url()).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
}
const cursorNs = (page: Page): number => Math.round(Number(params(page).get('t') ?? '0') * 1e6);

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`./#/compare?${query}`);
  await expect(page.getByTestId('compare-lane').first()).toBeVisible();
}

/** Every lane's thread labels say what the model's own run says at the cursor. */
async function expectStatesAt(page: Page, models: Model[], t: number): Promise<void> {
  await expect(page.getByTestId('compare-time')).toHaveAttribute('data-t', String(t));
  for (const model of models) {
    const l = lane(model);
    const labels = page.locator(
      `[data-testid=compare-lane][data-model="${model}"] [data-testid=compare-state]`,
    );
    await expect(labels).toHaveCount(l.threads.length);
    for (const [i, th] of l.threads.entries()) {
      const iv = intervalAt(th, t);
      const phase = iv?.phase ?? (t >= th.end && th.end < l.end ? 'gone' : 'none');
      await expect(labels.nth(i), `${model} thread ${th.tid} at ${t}`).toHaveAttribute('data-phase', phase);
      await expect(labels.nth(i)).toHaveAttribute('data-call', iv?.call ?? '');
    }
  }
  // One cursor: the same x in every lane.
  const xs = await page
    .getByTestId('compare-cursor')
    .evaluateAll((els) => els.map((e) => e.getAttribute('x1')));
  expect(new Set(xs).size).toBe(1);
}

test('draws one lane per chosen model, with a bar per interval and a mark per reply', async ({ page }) => {
  const models: Model[] = ['blocking', 'select', 'epoll'];
  await open(page, `models=${models.join(',')}&lang=en`);
  const shown = page.getByTestId('compare-lane');
  await expect(shown).toHaveCount(3);
  expect(await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-model')))).toEqual(models);
  for (const m of models) {
    const l = lane(m);
    const one = page.locator(`[data-testid=compare-lane][data-model="${m}"]`);
    await expect(one.locator('rect.cmp-bar')).toHaveCount(
      l.threads.reduce((n, th) => n + th.intervals.length, 0),
    );
    await expect(one.locator('.cmp-reply')).toHaveCount(l.replies.length);
  }
  await expectStatesAt(page, models, 0);
});

test("stepping moves the one cursor through every lane's moments; each lane shows its own state", async ({
  page,
}) => {
  const models: Model[] = ['blocking', 'epoll', 'async-io'];
  const moments = momentsOf(models);
  // Start just before ann's data arrives: the blocking server is stuck in recv, epoll in epoll_wait.
  const annSend = workloadActions().find((a) => a.client === 'ann' && a.do === 'send')!.t;
  const start = stepFrom(moments, annSend, -1);
  await open(page, `models=${models.join(',')}&t=${start / 1e6}&lang=en`);
  let t = start;
  await expectStatesAt(page, models, t);
  await page.locator('h2').click(); // the page, not a control, has the focus
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowRight');
    t = stepFrom(moments, t, 1);
    await expectStatesAt(page, models, t);
  }
  // Somewhere in those steps the blocking thread copied ann's data inside recvfrom, while the
  // async-io thread never copies (the kernel does it).
  const blocking = lane('blocking').threads[0]!;
  const copy = blocking.intervals.find((iv) => iv.phase === 'copying' && iv.start > annSend)!;
  expect(copy.start).toBeLessThanOrEqual(t);
  await button(page, 'Previous moment (in any lane)').click();
  t = stepFrom(moments, t, -1);
  await expectStatesAt(page, models, t);
  expect(cursorNs(page)).toBe(t);
  // A reload shows the same moment.
  await page.reload();
  await expectStatesAt(page, models, t);
  // The lab's own step is left alone.
  expect(params(page).get('step')).toBeNull();
});

test('clicking a lane moves the cursor to the nearest moment there', async ({ page }) => {
  const models: Model[] = ['blocking', 'select'];
  await open(page, `models=${models.join(',')}&lang=en`);
  const chart = page.locator('[data-testid=compare-lane][data-model="select"] svg.cmp-chart');
  const box = (await chart.boundingBox())!;
  await chart.click({ position: { x: box.width * 0.7, y: box.height / 2 } });
  await expect.poll(() => cursorNs(page)).toBeGreaterThan(0);
  const t = cursorNs(page);
  expect(momentsOf(models)).toContain(t);
  await expectStatesAt(page, models, t);
});

test('at the copy moment the blocking lane says copying and the async-io lane waits', async ({ page }) => {
  const annSend = workloadActions().find((a) => a.client === 'ann' && a.do === 'send')!.t;
  const copy = lane('blocking').threads[0]!.intervals.find(
    (iv) => iv.phase === 'copying' && iv.start > annSend,
  )!;
  await open(page, `models=blocking,async-io&t=${copy.start / 1e6}&lang=en`);
  const state = (m: string) =>
    page.locator(`[data-testid=compare-lane][data-model="${m}"] [data-testid=compare-state]`).first();
  await expect(state('blocking')).toHaveAttribute('data-phase', 'copying');
  await expect(state('blocking')).toContainText('copying data in recvfrom()');
  await expect(state('async-io')).toHaveAttribute('data-phase', 'waiting');
  await expect(state('async-io')).toContainText('io_uring_enter()');
});

test('choosing lanes updates the picture and the URL, and survives a reload', async ({ page }) => {
  await open(page, 'lang=en');
  // The five classic models by default, written into the URL.
  await expect(page.getByTestId('compare-lane')).toHaveCount(5);
  await expect
    .poll(() => params(page).get('models'))
    .toBe('blocking,nonblocking,select,signal-driven,async-io');
  await page.getByRole('checkbox', { name: 'I/O multiplexing: epoll' }).check();
  await page.getByRole('checkbox', { name: 'Blocking classic', exact: true }).uncheck();
  await expect.poll(() => params(page).get('models')).toBe('nonblocking,select,epoll,signal-driven,async-io');
  await expect(page.locator('[data-testid=compare-lane][data-model="epoll"]')).toBeVisible();
  await expect(page.locator('[data-testid=compare-lane][data-model="blocking"]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('compare-lane')).toHaveCount(5);
  await expect(page.getByRole('checkbox', { name: 'I/O multiplexing: epoll' })).toBeChecked();
  // From the keyboard: Space on a checkbox toggles it (and does not play).
  await page.getByRole('checkbox', { name: 'I/O multiplexing: poll' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('compare-lane')).toHaveCount(6);
  await expect.poll(() => params(page).get('models')).toContain('poll');
  expect(params(page).get('t')).toBeNull();
  await page.getByRole('button', { name: 'All 12' }).click();
  await expect(page.getByTestId('compare-lane')).toHaveCount(12);
  await page.getByRole('button', { name: 'The five classic models' }).click();
  await expect(page.getByTestId('compare-lane')).toHaveCount(5);
});

test('a bad link gets notices and a working page', async ({ page }) => {
  await open(page, 'models=nope,epoll&t=soon&scale=log&lang=en');
  const notices = page.locator('.notices');
  await expect(notices).toContainText('nope');
  await expect(notices).toContainText('soon');
  await expect(notices).toContainText('log');
  await expect(page.getByTestId('compare-lane')).toHaveCount(1);
  await expect.poll(() => params(page).get('models')).toBe('epoll');
  await expectStatesAt(page, ['epoll'], 0);
});

test('Space plays through the moments and stops the lab from stepping', async ({ page }) => {
  await open(page, 'models=select&lang=en');
  await page.locator('h2').click();
  await page.keyboard.press('Space');
  await expect.poll(() => cursorNs(page), { timeout: 5000 }).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  const t = cursorNs(page);
  expect(momentsOf(['select'])).toContain(t);
  expect(params(page).get('step')).toBeNull();
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`no serious or critical axe violation (${theme.toLowerCase()})`, async ({ page }) => {
    await open(page, 'models=blocking,thread-pool,epoll,async-io&t=300.020172&lang=en');
    await page.getByRole('button', { name: theme, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    await page.getByText('The lanes as a table').click();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}

test('at 1280×720 the first lanes are on the first screen, and every axis tick carries its unit', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const [lang, unit] of [
    ['en', 'ms'],
    ['zh', '毫秒'],
  ] as const) {
    await page.goto(`./#/compare?lang=${lang}`);
    const lane = page.getByTestId('compare-lane').first();
    await expect(lane).toBeVisible();
    const box = (await lane.boundingBox())!;
    // Its name and its first thread row are on the screen without scrolling.
    expect(box.y + 60).toBeLessThanOrEqual(720);
    const tick = new RegExp(`^\\d+(\\.\\d+)? ${unit}$`);
    const ticks = () => page.locator('.cmp-axis .tick text').allTextContents();
    await expect.poll(async () => (await ticks()).every((text) => tick.test(text))).toBe(true);
    expect((await ticks()).length).toBeGreaterThanOrEqual(3);
  }
});
