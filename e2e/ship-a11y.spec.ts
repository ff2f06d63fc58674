/**
 * Everyone: a phone and a tablet, the keyboard alone, a screen reader (narration announced, the
 * state as a table), and axe on the lab with its file bar, the embed mode, the phone layout.
 */
import type { FileChooser } from '@playwright/test';
import {
  test,
  expect,
  openLab,
  visibleOf,
  counter,
  stepText,
  button,
  seriousAxeViolations,
} from './fixtures.ts';

for (const [w, h] of [
  [390, 844],
  [768, 1024],
] as const) {
  test(`${w}×${h}: nothing wider than the screen; controls, stage and files reachable`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    const n = visibleOf('epoll-level').length;
    await openLab(page, 'epoll-level');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    for (const name of ['First step', 'Step back', 'Play', 'Step forward', 'Last step']) {
      const box = (await button(page, name).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(w);
      expect(box.height).toBeGreaterThanOrEqual(40);
    }
    await button(page, 'Step forward').click();
    await expect(counter(page)).toContainText(stepText(2, n));
    // The stage fits the width, or its box scrolls and can be reached by keyboard.
    const stage = page.getByTestId('stage');
    await stage.scrollIntoViewIfNeeded();
    const fit = await stage
      .locator('.stage-box')
      .evaluate((el) => ({ fits: el.scrollWidth <= el.clientWidth + 1, tab: el.getAttribute('tabindex') }));
    expect(fit.fits || fit.tab === '0').toBe(true);
    const stageBox = (await stage.boundingBox())!;
    expect(stageBox.x + stageBox.width).toBeLessThanOrEqual(w);
    // The file bar: folded into one line on a phone, open on a tablet.
    if (w < 700) await page.getByText('Files: open a scenario, save, handout').click();
    await expect(button(page, 'Scenario (JSON)')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}

test('keyboard alone: reach and use the controls, the file bar and the handout', async ({ page }) => {
  const n = visibleOf('select').length;
  // Listening from the start: file chooser interception is switched on before any key is pressed.
  const choosers: FileChooser[] = [];
  page.on('filechooser', (c) => choosers.push(c));
  await openLab(page, 'select');
  const focusOn = async (name: string, role: 'button' | 'link' = 'button') => {
    const target = page.getByRole(role, { name, exact: true });
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${name}`);
  };
  await focusOn('Step forward');
  await page.keyboard.press('Enter');
  await expect(counter(page)).toContainText(stepText(2, n));
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(stepText(3, n));
  await focusOn('Open a scenario file…');
  await page.keyboard.press('Enter');
  await expect.poll(() => choosers.length).toBe(1);
  await choosers[0]!.setFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{}'),
  });
  await expect(page.getByTestId('import-problems')).toContainText('broken.json was not opened');
  await focusOn('Scenario (JSON)');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('select.json');
  await focusOn('Printable handout', 'link');
  await page.keyboard.press('Enter');
  await expect(page.locator('.handout-still').first()).toBeVisible();
  await focusOn('Print…');
});

test('a screen reader hears every step: the narration is a live region, the state is a table', async ({
  page,
}) => {
  const steps = visibleOf('select');
  await openLab(page, 'select', { step: steps[5]! });
  // The announced text; the visible narration holds glossary links.
  const live = page.getByTestId('narration-live');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  const before = await live.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(live).not.toHaveText(before!);
  const table = page.getByTestId('stage').locator('table').first();
  await expect(table.locator('caption')).not.toBeEmpty();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`axe, ${theme.toLowerCase()}: the lab with a refused file listed, and the embed mode`, async ({
    page,
  }) => {
    await openLab(page, 'select');
    await button(page, theme).click();
    await page.getByTestId('scenario-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": 1}'),
    });
    await expect(page.getByTestId('import-problems')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`./#/select?step=3&embed=1&lang=en`);
    await page.reload();
    await expect(counter(page)).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
