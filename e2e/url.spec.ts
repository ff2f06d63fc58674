/** The URL keeps the moment: a reload shows the same step; a bad link gets a notice, not a blank page. */
import {
  test,
  expect,
  openLab,
  visibleOf,
  counter,
  stepText,
  button,
  urlStep,
  scenario,
} from './fixtures.ts';

test('a reloaded URL restores the step, its counter and its narration', async ({ page }) => {
  const id = 'select';
  const steps = visibleOf(id);
  const n = steps.length;
  const k = Math.floor(n / 2);
  await openLab(page, id, { step: steps[k]! });
  await button(page, 'Step forward').click();
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(k + 3, n));
  expect(await urlStep(page)).toBe(steps[k + 2]);
  const text = (await counter(page).textContent()) ?? '';
  const narration = page.getByTestId('narration');
  await expect(narration).not.toBeEmpty();
  const said = (await narration.textContent()) ?? '';

  await page.reload();
  await expect(counter(page)).toHaveText(text);
  await expect(narration).toHaveText(said);
  expect(await urlStep(page)).toBe(steps[k + 2]);
});

test('a bad URL shows a notice and a working page', async ({ page }) => {
  await page.goto('./#/no-such?step=abc&lang=fr');
  const notices = page.locator('.notices');
  await expect(notices).toBeVisible();
  await expect(notices).toContainText('no-such');
  await expect(notices).toContainText('fr');
  // The page still works: the default scenario at its first step, in English.
  await expect(page.getByRole('heading', { name: 'IO Lab' })).toBeVisible();
  const fallback = scenario('blocking-two-clients');
  await expect(page.getByLabel('Scenario')).toHaveValue(fallback.id);
  const n = visibleOf(fallback.id).length;
  await expect(counter(page)).toContainText(stepText(1, n));
  await expect(page.getByTestId('timeline')).toBeVisible();
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(2, n));
  await expect(page.getByTestId('narration')).not.toBeEmpty();
  await expect(page).toHaveURL(/#\/blocking-two-clients\?step=\d+$/);
});
