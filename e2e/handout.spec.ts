/** The printable handout: chosen steps as still pictures with their narration, print CSS, bad links. */
import { test, expect, visibleOf, seriousAxeViolations } from './fixtures.ts';

test('chosen steps of a scenario: a still picture and the narration of each, and a Print button', async ({
  page,
}) => {
  const steps = visibleOf('select');
  const chosen = [steps[2]!, steps[Math.floor(steps.length / 2)]!, steps[steps.length - 1]!];
  await page.goto(`./#/handout?scenario=select&steps=${chosen.join(',')}&lang=en`);
  const stills = page.locator('.handout-still');
  await expect(stills).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(stills.nth(i).locator('svg.stage-svg')).toBeVisible();
    await expect(stills.nth(i).locator('.pn-narration')).toContainText(
      `Step ${steps.indexOf(chosen[i]!) + 1} of ${steps.length}`,
    );
  }
  // Each still's narration is the lab's at that step.
  const inHandout = await stills.nth(1).locator('.pn-narr-text').textContent();
  await page.goto(`./#/select?step=${chosen[1]}&lang=en`);
  await expect(page.locator('.pn-narration .pn-narr-text')).toHaveText(inHandout!);

  await page.goto(`./#/handout?scenario=select&steps=${chosen.join(',')}&lang=en`);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole('button', { name: 'Print…' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

test('print CSS: light on white paper even in the dark scheme, no header or buttons', async ({ page }) => {
  await page.goto('./#/handout?scenario=epoll-level&lang=en');
  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print…' })).toBeHidden();
  const colours = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    ink: getComputedStyle(document.body).color,
  }));
  expect(colours).toEqual({ body: 'rgb(255, 255, 255)', ink: 'rgb(0, 0, 0)' });
  await expect(page.locator('.handout-still').first()).toHaveCSS('break-inside', 'avoid');
});

test('bad links: an unknown lesson, an unknown scenario, steps out of range get notices and a handout', async ({
  page,
}) => {
  await page.goto('./#/handout/no-such-lesson?lang=en');
  await expect(page.getByText('There is no lesson "no-such-lesson"')).toBeVisible();
  await expect(page.locator('.handout-still').first().locator('svg.stage-svg')).toBeVisible();

  await page.goto('./#/handout?scenario=nope&steps=1,99999999,abc&lang=en');
  await expect(page.getByText('There is no scenario "nope"')).toBeVisible();
  await expect(page.getByText('Some steps were left out (99999999, abc)')).toBeVisible();
  await expect(page.locator('.handout-still')).toHaveCount(1);
  await expect(page).toHaveURL(/scenario=blocking-two-clients&steps=1/);
});

test('the handout in Chinese, and no serious or critical axe violation', async ({ page }) => {
  await page.goto('./#/handout?scenario=select&lang=zh');
  await expect(page.getByRole('button', { name: '打印…' })).toBeVisible();
  await expect(page.locator('.handout-still svg.stage-svg').first()).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
});
