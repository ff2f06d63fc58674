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
