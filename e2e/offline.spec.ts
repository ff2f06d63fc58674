/**
 * A room with bad Wi-Fi: after one visit the site reloads and works with the network gone, and
 * it never asks another host for anything.
 */
import { test, expect, openLab, counter, stepText, visibleOf, button } from './fixtures.ts';

test('after a first visit, a reload works offline (a scenario, its steps, another page)', async ({
  page,
  context,
}) => {
  await openLab(page, 'select');
  // The service worker has installed and kept what this first visit loaded.
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
  await context.setOffline(true);
  await page.reload();
  const steps = visibleOf('select');
  await expect(counter(page)).toContainText(stepText(1, steps.length));
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(2, steps.length));
  await expect(page.getByTestId('stage').locator('svg.stage-svg')).toBeVisible();
  // A page loaded lazily, never visited before: its code was precached.
  await page.goto('./#/about?lang=en');
  await expect(page.locator('.page-about')).toBeVisible();
  await expect(page.getByText('could not be loaded')).toHaveCount(0);
  await context.setOffline(false);
});

test('the site asks no other host for anything (every foreign request is blocked and counted)', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  await openLab(page, 'epoll-level');
  await button(page, 'Last step').click();
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('./#/about?lang=zh');
  await expect(page.locator('.page-about')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(foreign).toEqual([]);
});

test('an English first visit keeps every font Chinese needs: offline in Chinese, every page, no font fails', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await openLab(page, 'select');
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
  // The mark says so, quietly, once the worker has kept the site.
  await expect(page.locator('.offline-mark')).toHaveText('✓ Available offline');
  await page.screenshot({
    path: 'test-results/offline-mark-en.png',
    clip: { x: 0, y: 0, width: 1280, height: 120 },
  });
  await context.setOffline(true);
  const failed: string[] = [];
  const fonts: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('requestfinished', async (r) => {
    if (/\.woff2?$/.test(r.url()) && (await r.response())?.ok()) fonts.push(r.url());
  });
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('.offline-mark')).toHaveText('✓ 可离线使用');
  for (const hash of [
    '#/lessons',
    '#/lesson/select?item=2',
    '#/hall',
    '#/glossary',
    '#/handout?scenario=select',
  ]) {
    await page.goto(`./${hash}`);
    await expect(page.locator('article.page').first()).toBeVisible();
    await expect(page.locator('.page-loading')).toHaveCount(0);
    await page.evaluate(() => document.fonts.ready);
  }
  const faces = await page.evaluate(() =>
    [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), status: f.status })),
  );
  await context.setOffline(false);
  expect(failed, 'requests that failed offline').toEqual([]);
  expect(faces.filter((f) => f.status === 'error')).toEqual([]);
  // It did draw Chinese with its own fonts, from the offline copy (so the test can fail).
  expect(fonts.filter((u) => u.includes('noto-sans-sc-')).length).toBeGreaterThan(10);
});

test('over plain HTTP (not localhost) the page says in one line why there is no offline copy', async ({
  page,
  baseURL,
}) => {
  // A school server by name: the same site, through an origin the browser does not trust.
  const school = 'http://iolab.school.test/';
  await page.route(`${school}**`, async (route) =>
    route.fulfill({ response: await route.fetch({ url: route.request().url().replace(school, baseURL!) }) }),
  );
  await page.goto(`${school}#/select?lang=en`);
  await expect(page.getByTestId('step-counter')).toBeVisible();
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  const note = page.locator('.offline-mark');
  await expect(note).toHaveText('No offline copy: needs HTTPS');
  await expect(note).toHaveAttribute('title', /HTTPS/);
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(note).toHaveText('无法离线使用：需要 HTTPS');
  await page.screenshot({
    path: 'test-results/offline-insecure-zh.png',
    clip: { x: 0, y: 0, width: 1280, height: 120 },
  });
});
