/** The controls and the timeline scrubber: buttons, counter, folding, click and drag to seek. */
import { test, expect, openLab, runOf, visibleOf, counter, stepText, button, urlStep } from './fixtures.ts';

test('the transport buttons move through the run and say where they cannot go', async ({ page }) => {
  const id = 'select';
  const n = visibleOf(id).length;
  await openLab(page, id);
  await expect(button(page, 'First step')).toBeDisabled();
  await expect(button(page, 'Step back')).toBeDisabled();
  await button(page, 'Step forward').click();
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(3, n));
  await button(page, 'Step back').click();
  await expect(counter(page)).toContainText(stepText(2, n));
  await button(page, 'First step').click();
  await expect(counter(page)).toContainText(stepText(1, n));
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
});

test('the timeline is a slider: click and drag seek, marks are drawn', async ({ page }) => {
  const id = 'blocking-two-clients';
  const n = visibleOf(id).length;
  await openLab(page, id);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('role', 'slider');
  await expect(timeline).toHaveAttribute('aria-valuemin', '1');
  await expect(timeline).toHaveAttribute('aria-valuemax', String(n));
  await expect(timeline).toHaveAttribute('aria-valuenow', '1');
  await expect(timeline).toHaveAttribute('aria-valuetext', /Step 1 of/);
  for (const kind of ['syscall', 'block', 'wake', 'rx', 'copy']) {
    await expect(timeline.locator(`path[data-kind="${kind}"]`)).toHaveAttribute('d', /M/);
  }

  const box = (await timeline.boundingBox())!;
  await timeline.click({ position: { x: box.width / 2, y: box.height / 2 } });
  const mid = Number(await timeline.getAttribute('aria-valuenow'));
  expect(Math.abs(mid - n / 2)).toBeLessThanOrEqual(3);
  await expect(counter(page)).toContainText(stepText(mid, n));

  // Drag the playhead to the far right: the last step.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(timeline).toHaveAttribute('aria-valuenow', String(n));
  await expect(counter(page)).toContainText(stepText(n, n));
});

test('failed calls are marked on their own', async ({ page }) => {
  await openLab(page, 'nonblocking');
  await expect(page.getByTestId('timeline').locator('path[data-kind="failed"]')).toHaveAttribute('d', /M/);
});

test('a folded loop says how many rounds it stands for, and unfolds at the same moment', async ({ page }) => {
  const id = 'nonblocking-pitfall';
  const { index, folds } = runOf(id);
  const fold = folds.folds[0]!;
  const folded = visibleOf(id, true);
  const pos = folded.indexOf(fold.last);
  expect(pos).toBeGreaterThan(0);

  await openLab(page, id, { step: fold.last });
  await expect(counter(page)).toContainText(stepText(pos + 1, folded.length));
  await expect(counter(page)).toContainText(`unfolded: step ${fold.last + 1} of ${index.steps}`);
  const chip = page.getByTestId('fold-chip');
  await expect(chip).toContainText(`×${fold.repeats - 1} rounds folded`);
  const toggle = page.getByRole('checkbox', { name: 'Fold repeated polling rounds' });
  await expect(toggle).toBeChecked();

  await chip.getByRole('button', { name: /^Unfold/ }).click();
  await expect(chip).toBeHidden();
  await expect(toggle).not.toBeChecked();
  await expect(counter(page)).toContainText(stepText(fold.last + 1, index.steps));
  expect(await urlStep(page)).toBe(fold.last);
  await expect(page.getByTestId('timeline')).toHaveAttribute('aria-valuemax', String(index.steps));

  // Folding again: Back goes into the loop's first round, as the folded list says.
  await toggle.check();
  await button(page, 'Step back').click();
  await expect(counter(page)).toContainText(stepText(pos, folded.length));
  expect(await urlStep(page)).toBe(folded[pos - 1]);
});

test('in Chinese the controls keep their names, translated', async ({ page }) => {
  const id = 'select';
  const n = visibleOf(id).length;
  await openLab(page, id, { lang: 'zh' });
  for (const name of ['第一步', '上一步', '播放', '下一步', '最后一步'])
    await expect(button(page, name)).toBeVisible();
  await expect(counter(page)).toContainText(stepText(1, n, 'zh'));
  await button(page, '下一步').click();
  await expect(counter(page)).toContainText(stepText(2, n, 'zh'));
  await expect(page.getByTestId('timeline')).toHaveAttribute('aria-label', '时间线');
  await expect(page.getByRole('checkbox', { name: '折叠重复的轮询' })).toBeChecked();
});
