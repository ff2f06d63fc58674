/** The language switch changes the narration to Chinese and back; what a refused link says is Chinese too. */
import { test, expect, openLab, visibleOf, counter, stepText, button, scenario } from './fixtures.ts';
import { encodeScenario } from '../src/scenarios/link.ts';
import type { Scenario } from '../src/scenarios/format.ts';

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

test('a refused link says why in Chinese, down to the validator\'s words', async ({ page }) => {
  const shipped = scenario('select');
  const badModel = encodeScenario({ ...shipped, id: 'mine', model: 'nope' } as unknown as Scenario);
  await page.goto(`./#/mine?s=${badModel}&lang=zh`);
  const notices = page.locator('.notices');
  // The field's path stays as it is; the validator's English becomes Chinese once its words arrive.
  await expect(notices).toContainText('链接里的场景读不出来（model：只能取这些值之一：');
  await expect(notices).not.toContainText('must be');

  await page.goto('./#/select?add=you_q1&seed=x&lang=zh');
  await expect(notices).toContainText('第 1 个加入的操作“you_q1”：未知类型“q”');
  await expect(notices).toContainText('改用场景自带的种子');
  await expect(notices).not.toContainText(/unknown|scenario's seed/);
});
