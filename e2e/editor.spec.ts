/**
 * The scenario editor: a teacher builds a scenario with the form, sees an out-of-range value
 * flagged at its field, opens the result on the stage and steps through it.
 */
import { test, expect, counter, stepText, button, seriousAxeViolations } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { validateScenario } from '../src/scenarios/format.ts';
import { getRun } from '../src/runs/runs.ts';
import { visibleSteps } from '../src/runs/folding.ts';

const status = (page: Page) => page.getByTestId('editor-status');

/** The error text an input points to with aria-describedby. */
async function describedText(page: Page, id: string): Promise<string> {
  return page.evaluate((fieldId) => {
    const el = document.getElementById(fieldId);
    return (el?.getAttribute('aria-describedby') ?? '').split(' ').map((d) => document.getElementById(d)?.textContent ?? '').join(' | ');
  }, id);
}

test('build a scenario with the form, fix a flagged value, open it on the stage and step it', async ({ page }) => {
  await page.goto('./#/editor?from=blank&lang=en');
  await expect(page.getByRole('heading', { name: 'Scenario editor' })).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-valid', 'true');

  await page.getByLabel('Id', { exact: true }).fill('my-echo');
  await page.getByLabel('Title in English').fill('My echo over epoll');
  await page.getByLabel('Model: the server program').selectOption('epoll');
  await button(page, 'Add a client').click();
  const client = page.getByTestId('editor-client-0');
  await client.getByRole('button', { name: 'Add an action' }).click();
  await page.locator('#ed-clients-0-actions-1-data').fill('ping');
  await client.getByRole('button', { name: 'Add an action' }).click();
  await page.locator('#ed-clients-0-actions-2-do').selectOption('close');

  // Out of range: flagged at its field, the stage refuses it.
  const recv = page.locator('#ed-options-recvSize');
  await recv.fill('0');
  await expect(recv).toHaveAttribute('aria-invalid', 'true');
  expect(await describedText(page, 'ed-options-recvSize')).toContain('must be a whole number from 1 to 65536 (got 0)');
  await expect(status(page)).toHaveAttribute('data-valid', 'false');
  await expect(status(page)).toContainText('options.recvSize');
  await expect(button(page, 'Open on the stage')).toHaveAttribute('aria-disabled', 'true');
  await button(page, 'Open on the stage').click({ force: true }); // aria-disabled: it stays on the editor
  await expect(page.getByRole('heading', { name: 'Scenario editor' })).toBeVisible();

  // A send before the connect is caught too: move the send up, then back.
  await client.getByRole('button', { name: 'Move action 2 of client1 up' }).click();
  await expect(page.locator('#ed-clients-0-actions-0-do')).toHaveAttribute('aria-invalid', 'true');
  await client.getByRole('button', { name: 'Move action 1 of client1 down' }).click();

  await recv.fill('512');
  await expect(recv).not.toHaveAttribute('aria-invalid', 'true');
  await expect(status(page)).toHaveAttribute('data-valid', 'true');

  // The JSON view is the file: the same validator accepts it.
  const json = JSON.parse((await page.getByTestId('editor-json').textContent()) ?? '') as unknown;
  const v = validateScenario(json);
  expect(v.ok).toBe(true);
  if (!v.ok) return;
  expect(v.scenario).toMatchObject({ id: 'my-echo', model: 'epoll', options: { recvSize: 512 }, clients: [{ name: 'client1', actions: [{ at: 0, do: 'connect' }, { at: 100, do: 'send', data: 'ping' }, { at: 200, do: 'close' }] }] });

  await button(page, 'Open on the stage').click();
  const { index, folds } = getRun(v.scenario, v.scenario.seed);
  const n = visibleSteps(index.steps, folds).length;
  await expect(counter(page)).toContainText(stepText(1, n));
  // A scenario that is not shipped travels whole in the link (e2e/link.spec.ts reloads it).
  await expect(page).toHaveURL(/#\/my-echo\?step=0&lang=en&s=1\.[\w-]+$/);
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(2, n));
  await button(page, 'Last step').click();
  await expect(counter(page)).toContainText(stepText(n, n));
  await expect(page.getByTestId('host-client1')).toContainText("b'PING'");
});

test('an unknown starting scenario gets a notice and the form starts from the stage', async ({ page }) => {
  await page.goto('./#/editor?from=no-such&lang=en');
  await expect(page.locator('.notices')).toContainText('no-such');
  await expect(page.getByLabel('Id', { exact: true })).toHaveValue('blocking-two-clients');
  await expect(page).not.toHaveURL(/from=/);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the editor in ${theme.toLowerCase()}, with a problem shown: no serious or critical axe violation`, async ({ page }) => {
    await page.goto('./#/editor?from=select&lang=en');
    await page.getByRole('button', { name: theme, exact: true }).click();
    await page.locator('#ed-options-recvSize').fill('-4');
    await expect(status(page)).toHaveAttribute('data-valid', 'false');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
