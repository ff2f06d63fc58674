/**
 * After a deploy, a chunk of the old version is gone from the server: the page reloads once into
 * the new version instead of saying "could not be loaded (are you offline?)". The 404 is made by
 * routing the editor's chunk (service workers blocked, so the route sees every request).
 */
import { test, expect } from '@playwright/test';

test.use({ serviceWorkers: 'block' });

test('a chunk that 404s after a deploy reloads the page once, into a page that works', async ({ page }) => {
  // The old page cannot get the chunk (every request for it fails, a preload's and the import's
  // alike); the page loaded again, the new version, can.
  let documents = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest()) documents++;
  });
  let refused = 0;
  await page.route(/\/assets\/EditorPage-[^/]*\.js$/, (route) => {
    if (documents > 1) return route.continue();
    refused++;
    return route.fulfill({ status: 404, body: 'gone' });
  });
  await page.goto('#/blocking-two-clients?lang=en');
  await expect(page.getByTestId('step-counter')).toBeVisible();
  await page.getByRole('link', { name: 'Scenario editor' }).click();
  await expect(page.getByRole('button', { name: 'Open on the stage' })).toBeVisible({ timeout: 20_000 });
  expect(refused).toBeGreaterThan(0);
  expect(documents).toBe(2);
  await expect(page.getByText(/are you offline/)).toHaveCount(0);
});

test('a chunk still missing right after that reload says so, without reloading again', async ({ page }) => {
  await page.route(/\/assets\/EditorPage-[^/]*\.js$/, (route) =>
    route.fulfill({ status: 404, body: 'gone' }),
  );
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto('#/editor?lang=en');
  await expect(page.getByText(/This page could not be loaded/)).toBeVisible({ timeout: 20_000 });
  expect(loads).toBe(2);
});
