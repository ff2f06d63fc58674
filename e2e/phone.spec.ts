/**
 * Reading IO Lab on a phone and in Chinese (issue 21): the listings' language marks, long names on
 * the stage and side panels, one lesson part per phone screen, the handouts' length.
 * Screenshots go to test-results/phone/ (look at them: 390×844 touch and 1280×720, en and zh, light and dark).
 */
import { test, expect, scenario } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { encodeScenario } from '../src/scenarios/link.ts';

const SHOTS = 'test-results/phone';
/** The machine the tests share is busy: a page's lazy parts may take more than the default 5 s. */
const SLOW = { timeout: 20_000 };

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
  await expect(page.locator('.pn-code').first()).toContainText('# 用 select() 实现 I/O 多路复用', SLOW);
  await check(page.locator('.pn-code').first());
  await page.getByRole('tab', { name: /客户端/ }).click();
  await expect(page.getByTestId('client-listing')).toContainText('# 从不等待回复', SLOW);
  await check(page.getByTestId('client-listing'));
  await page.goto('./#/handout?scenario=select&lang=zh');
  await expect(page.getByTestId('handout-listing')).toContainText('# 不会阻塞', SLOW);
  await check(page.getByTestId('handout-listing').locator('pre'));
});

/** The select scenario with clients named as long as a name may be (32) and a long title. */
function longNames(): string {
  const base = scenario('select');
  const names = [
    'Anastasia_Konstantinopolskaya_1',
    'Bartholomew-Featherstonehaugh-2',
    'a client with a long name 3',
  ];
  return encodeScenario({
    ...base,
    id: 'long-names',
    title: {
      en: 'A very long scenario title that a teacher wrote for tomorrow’s lecture on select',
      zh: '老师为明天关于 select 的讲座写的一个非常长的场景标题，长到一行放不下',
    },
    clients: base.clients.map((c, i) => ({ ...c, name: names[i % names.length]! })),
  });
}

/** Elements on screen whose text is cut (ellipsis or hidden overflow) with no title to read it whole. */
async function cutWithoutTitle(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('.visually-hidden') || el.clientWidth === 0 || !el.textContent?.trim()) continue;
      const cs = getComputedStyle(el);
      const clips = cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
      if (!clips || el.scrollWidth <= el.clientWidth + 1 || el.tagName === 'SELECT') continue;
      // A scrolling box (the code, the log) shows everything by scrolling.
      if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
      if (!el.closest('[title]')) out.push(`${el.tagName}.${el.className}: ${el.textContent.slice(0, 60)}`);
    }
    for (const t of document.querySelectorAll('svg text'))
      if ((t.textContent ?? '').endsWith('…') && !t.querySelector('title')) out.push(`svg: ${t.textContent}`);
    return out;
  });
}

test('long client names and titles: never cut without a way to read them (390 touch, 1280; en, zh)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const s = longNames();
  for (const [w, h, touch, lang, scheme] of [
    [390, 844, true, 'zh', 'dark'],
    [390, 844, true, 'en', 'light'],
    [1280, 720, false, 'en', 'dark'],
    [1280, 720, false, 'zh', 'light'],
  ] as const) {
    const ctx = await browser.newContext({
      viewport: { width: w, height: h },
      hasTouch: touch,
      isMobile: touch,
      colorScheme: scheme,
    });
    const page = await ctx.newPage();
    await page.goto(`./#/long-names?s=${s}&step=30&lang=${lang}`);
    const stage = page.getByTestId('stage');
    const cut = stage.locator('svg text:has(> title)', { hasText: /Anastasia.*…/ }).first();
    await expect(cut).toBeAttached(SLOW);
    expect(await cutWithoutTitle(page)).toEqual([]);
    // Tapped (or clicked), a cut name is shown whole below the drawing.
    const whole = (await cut.locator('title').textContent())!;
    expect(whole).toContain('Anastasia_Konstantinopolskaya_1');
    if (touch) await cut.tap();
    else await cut.click();
    await expect(page.getByTestId('stage-full')).toHaveText(whole);
    await page.getByTestId('stage-full').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/long-names-${w}-${lang}-${scheme}.png` });
    await ctx.close();
  }
});

test('a lesson part on a phone (390×844, touch): its first paragraph, the step counter and the stage, close to one screen', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  for (const [lang, scheme] of [
    ['en', 'light'],
    ['zh', 'dark'],
  ] as const) {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      colorScheme: scheme,
    });
    const page = await ctx.newPage();
    await page.goto(`./#/lesson/select?item=4&lang=${lang}`);
    const part = page.locator('.lesson-main');
    await expect(part.getByTestId('stage')).toBeVisible(SLOW);
    const more = part.getByTestId('lesson-more');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(part.locator('.lesson-text > *')).toHaveCount(2);
    await expect(part.locator('.lesson-text > *').nth(1)).toBeHidden();
    // The lab's settings, legends and key hints stay in the lab.
    for (const hidden of ['.controls .speed', '.fold-area', '.tl-legend', '.stage-legend', '.tl-keys'])
      await expect(part.locator(hidden).first()).toBeHidden();
    const height = async () => Math.round((await part.boundingBox())!.height);
    // Measured: 2,079 px before (select lesson, part 4: text, controls, narration, stage), 1,737 after.
    const collapsed = await height();
    console.log(`lesson select part 4 on a phone (${lang}): ${collapsed} px`);
    expect(collapsed).toBeLessThan(1850);
    await page.screenshot({ path: `${SHOTS}/lesson-390-${lang}-${scheme}.png` });
    await more.tap();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(part.locator('.lesson-text > *').nth(1)).toBeVisible();
    expect(await height()).toBeGreaterThan(collapsed);
    // The step buttons stay under the thumb.
    const play = page.locator('.transport');
    const box = (await play.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.y + box.height).toBeGreaterThan(844 - 80);
    await ctx.close();
  }
  // Wide, the part is unchanged: the whole text, no "Read more".
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto('./#/lesson/select?item=4&lang=en');
  await expect(page.locator('.lesson-text > *').nth(1)).toBeVisible();
  await expect(page.getByTestId('lesson-more')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/lesson-1280-en-light.png` });
  await ctx.close();
});
