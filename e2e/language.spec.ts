/**
 * Which language a visit opens in: the browser's on a first visit (zh-CN and en-US contexts),
 * the switch's remembered choice over it, a link's `lang=` over both, `<html lang>` always
 * matching, and no frame in the other language. The switch changes the narration to Chinese and
 * back; what a refused link says is Chinese too.
 */
import type { Page } from '@playwright/test';
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
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The address bar does not carry the language: a link opens in its reader's.
  await expect(page).not.toHaveURL(/lang=/);

  await button(page, 'English').click();
  await expect(narration).toHaveText(english);
  await expect(button(page, 'Step forward')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test("a refused link says why in Chinese, down to the validator's words", async ({ page }) => {
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

/** What the page showed in its first frame: #root's text and the style sheets loaded by then. */
async function recordFirstFrame(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { firstFrame?: { text: string; sheets: string[]; lang: string } };
    new MutationObserver((_, observer) => {
      const root = document.getElementById('root');
      if (!root || root.childNodes.length === 0 || w.firstFrame) return;
      w.firstFrame = {
        text: root.textContent ?? '',
        sheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((l) => l.href),
        lang: document.documentElement.lang,
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}
const firstFrame = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { firstFrame?: { text: string; sheets: string[]; lang: string } }).firstFrame,
  );

const header = (page: Page) => page.locator('header');
async function expectChinese(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(header(page)).toContainText('逐步观察');
  await expect(page.getByRole('button', { name: '下一步', exact: true })).toBeVisible();
  await expect(page.getByTestId('narration')).toContainText(/[\u4e00-\u9fff]/);
}
async function expectEnglish(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(header(page)).toContainText('Step through');
  await expect(button(page, 'Step forward')).toBeVisible();
  await expect(page.getByTestId('narration')).not.toContainText(/[\u4e00-\u9fff]/);
}

test.describe('a browser set to Chinese (zh-CN)', () => {
  test.use({ locale: 'zh-CN' });

  test('opens the site in Chinese from its very first frame, fonts included', async ({ page }) => {
    await recordFirstFrame(page);
    await page.goto('./');
    await expectChinese(page);
    const first = await firstFrame(page);
    expect(first?.lang).toBe('zh-CN');
    expect(first?.text).toContain('刚刚发生了什么');
    expect(first?.text).not.toMatch(/What just happened|Speed|Open a scenario file/);
    expect(
      first?.sheets.some((href) => /fonts-zh/.test(href)),
      `the Chinese faces' style sheet among ${first?.sheets.join(', ')}`,
    ).toBe(true);
    await expect(page).not.toHaveURL(/lang=/);
  });

  test('a choice of English is remembered, over the browser, on reload and on the next visit', async ({
    page,
    context,
  }) => {
    await page.goto('./#/select?step=3');
    await expectChinese(page);
    await button(page, 'English').click();
    await expectEnglish(page);
    await page.reload();
    await expectEnglish(page);
    const next = await context.newPage();
    await next.goto('./#/hall');
    await expect(next.locator('html')).toHaveAttribute('lang', 'en');
    await expect(next.locator('header')).toContainText('Step through');
    await next.close();
  });

  test("a link with lang=en opens in English, keeps it on reload, and leaves the reader's own choice alone", async ({
    page,
    context,
  }) => {
    await page.goto('./#/select?step=3&lang=en');
    await expectEnglish(page);
    await expect(page).not.toHaveURL(/lang=/);
    await page.reload();
    await expectEnglish(page);
    // Another visit, without the link's lang=: the browser's language again.
    const next = await context.newPage();
    await next.goto('./');
    await expectChinese(next);
    await next.close();
  });
});

test.describe('a browser set to English (en-US)', () => {
  test.use({ locale: 'en-US' });

  test('opens the site in English, and never fetches the Chinese words or faces', async ({ page }) => {
    const chinese: string[] = [];
    page.on('request', (r) => {
      if (/fonts-zh|noto-sans-sc/.test(r.url())) chinese.push(r.url());
    });
    await recordFirstFrame(page);
    await page.goto('./');
    await expectEnglish(page);
    const first = await firstFrame(page);
    expect(first?.lang).toBe('en');
    // (The caption itself fills in just after the first frame: src/ui/narration-part.ts.)
    expect(first?.text).toContain('What just happened');
    expect(chinese).toEqual([]);
  });

  test("a choice of 中文 is remembered; a link's lang=en still wins over it", async ({ page, context }) => {
    await page.goto('./');
    await expectEnglish(page);
    await button(page, '中文').click();
    await expectChinese(page);
    await page.reload();
    await expectChinese(page);
    const next = await context.newPage();
    await recordFirstFrame(next);
    await next.goto('./#/select?step=5');
    await expectChinese(next);
    expect((await firstFrame(next))?.text).not.toContain('Step forward');
    await next.goto('./#/select?step=5&lang=en');
    await expectEnglish(next);
    await next.close();
  });

  test("the editor copies a link in the reader's language, or in this one when asked", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./#/editor?from=select&lang=zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const copy = page.getByTestId('editor-copy-link');
    await copy.click();
    await expect(page.getByText('链接已复制')).toBeVisible();
    const plain = await page.evaluate(() => navigator.clipboard.readText());
    expect(plain).not.toMatch(/lang=/);
    await page.getByLabel(/链接固定用中文打开/).check();
    await copy.click();
    const inChinese = await page.evaluate(() => navigator.clipboard.readText());
    expect(inChinese).toMatch(/[?&]lang=zh(&|$)/);

    // A reader whose browser is English and who never chose: the plain link in English, the other in Chinese.
    const reader = await context.browser()!.newContext({ locale: 'en-US' });
    const tab = await reader.newPage();
    await tab.goto(plain);
    await expectEnglish(tab);
    await tab.goto(inChinese);
    await tab.reload();
    await expectChinese(tab);
    await reader.close();
  });
});
