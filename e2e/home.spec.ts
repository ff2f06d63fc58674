import { test, expect } from '@playwright/test';

test('the home page lists the shipped scenarios without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'IO Lab' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').first()).toBeVisible();
  expect(errors).toEqual([]);
});
