/** The language switch changes the narration to Chinese and back. */
import { test, expect, openLab, visibleOf, counter, stepText, button } from './fixtures.ts';

test('the language switch changes the narration to Chinese and back', async ({ page }) => {
  const id = 'blocking-two-clients';
  const steps = visibleOf(id);
  const k = Math.floor(steps.length / 4);
  await openLab(page, id, { step: steps[k]! });
  const narration = page.getByTestId('narration');
  await expect(narration).not.toBeEmpty();
  const english = (await narration.textContent()) ?? '';
  expect(english).not.toMatch(/[\u4e00-\u9fff]/);

  await button(page, '中文').click();
  await expect(narration).toContainText(/[\u4e00-\u9fff]/);
  await expect(page.getByRole('button', { name: '下一步', exact: true })).toBeVisible();
  await expect(counter(page)).toContainText(stepText(k + 1, steps.length, 'zh'));
  await expect(page).toHaveURL(/lang=zh/);

  await button(page, 'English').click();
  await expect(narration).toHaveText(english);
  await expect(button(page, 'Step forward')).toBeVisible();
});
