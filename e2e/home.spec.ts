import { test, expect } from '@playwright/test';

test('the lab opens on a scenario without console errors or foreign requests', async ({ page }) => {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('request', (req) => {
    if (!req.url().startsWith('http://127.0.0.1')) foreign.push(req.url());
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'IO Lab' })).toBeVisible();
  await expect(page.getByLabel('Scenario')).toBeVisible();
  await expect(page).toHaveURL(/#\/blocking-two-clients\?step=0$/);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('the clients tab shows their script and the Python program every client runs', async ({ page }) => {
  await page.goto('./#/select?step=10&lang=en');
  await page.getByRole('tab', { name: /Clients/ }).click();
  await expect(page.getByTestId('client-script')).toContainText('ann');
  await expect(page.getByTestId('client-listing')).toContainText('socket.create_connection((HOST, PORT))');
});
