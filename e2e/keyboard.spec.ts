/** Keys a lecturer's clicker sends: arrows, Space, Home/End, PageUp/PageDown. */
import { test, expect, openLab, visibleOf, counter, stepText, button } from './fixtures.ts';

const ID = 'blocking-two-clients';

test('arrows step, Home/End jump to the ends, PageDown/PageUp move by ten', async ({ page }) => {
  const n = visibleOf(ID).length;
  await openLab(page, ID);
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(stepText(2, n));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(counter(page)).toContainText(stepText(2, n));
  await page.keyboard.press('End');
  await expect(counter(page)).toContainText(stepText(n, n));
  await page.keyboard.press('Home');
  await expect(counter(page)).toContainText(stepText(1, n));
  await page.keyboard.press('PageDown');
  await expect(counter(page)).toContainText(stepText(11, n));
  await page.keyboard.press('PageUp');
  await expect(counter(page)).toContainText(stepText(1, n));
});

test('Space plays, then pauses', async ({ page }) => {
  const n = visibleOf(ID).length;
  await openLab(page, ID);
  await page.getByLabel('Speed').selectOption('16');
  await page.getByTestId('step-counter').click(); // focus back on the page, off the select
  await page.keyboard.press('Space');
  await expect(button(page, 'Pause')).toBeVisible();
  await expect(counter(page)).not.toContainText(stepText(1, n));
  await page.keyboard.press('Space');
  await expect(button(page, 'Play')).toBeVisible();
  const stopped = (await counter(page).textContent()) ?? '';
  await page.waitForTimeout(400);
  await expect(counter(page)).toHaveText(stopped);
});

test('keys leave a focused select alone, and the timeline slider steps once per arrow', async ({ page }) => {
  const n = visibleOf(ID).length;
  await openLab(page, ID);
  // The select keeps its own keys (it may change its value), the lab does not step.
  await page.getByLabel('Speed').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('End');
  await expect(counter(page)).toContainText(stepText(1, n));

  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  await page.keyboard.press('ArrowRight');
  await expect(timeline).toHaveAttribute('aria-valuenow', '2');
  await expect(counter(page)).toContainText(stepText(2, n));
  await page.keyboard.press('End');
  await expect(timeline).toHaveAttribute('aria-valuenow', String(n));
  await page.keyboard.press('ArrowLeft');
  await expect(timeline).toHaveAttribute('aria-valuenow', String(n - 1));
});
