/**
 * Reading IO Lab on a phone and in Chinese (issue 21): the listings' language marks, long names on
 * the stage and side panels, one lesson part per phone screen, the handouts' length.
 * Screenshots go to test-results/phone/ (look at them: 390×844 touch and 1280×720, en and zh, light and dark).
 */
import { test, expect } from './fixtures.ts';
import type { Locator } from '@playwright/test';

test('code is marked English and not translated, a Chinese comment is marked Chinese: code panel, clients, handout', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const check = async (block: Locator) => {
    await expect(block).toHaveAttribute('lang', 'en');
    await expect(block).toHaveAttribute('translate', 'no');
    const zh = block.locator('[lang="zh"]').filter({ hasText: '#' });
    await expect(zh.first()).toBeVisible();
    // Each Chinese comment is marked, and only comments are.
    const marks = await zh.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
    for (const m of marks) expect(m).toMatch(/^#/);
    const comments = await block.evaluate(
      (el) => (el as HTMLElement).innerText.split('\n').filter((l) => /#.*[\u4e00-\u9fff]/.test(l)).length,
    );
    expect(marks.length).toBe(comments);
  };
  await page.goto('./#/select?step=12&lang=zh');
  await expect(page.locator('.pn-code').first()).toContainText('# 用 select() 实现 I/O 多路复用');
  await check(page.locator('.pn-code').first());
  await page.getByRole('tab', { name: /客户端/ }).click();
  await expect(page.getByTestId('client-listing')).toContainText('# 从不等待回复');
  await check(page.getByTestId('client-listing'));
  await page.goto('./#/handout?scenario=select&lang=zh');
  await expect(page.getByTestId('handout-listing')).toContainText('# 不会阻塞');
  await check(page.getByTestId('handout-listing').locator('pre'));
});
