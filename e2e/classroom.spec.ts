/**
 * The classroom (issue 21): the stage view for a projector, its keys and a remote's, the key map.
 * Screenshots go to test-results/classroom/ (look at them: 1280×720 light English, dark Chinese).
 */
import { test, expect, openLab, counter, stepText, visibleOf, runOf, SCENARIO_IDS } from './fixtures.ts';
import { STILL_SMALL } from '../src/ui/stage/projector-floors.ts';
import type { Page } from '@playwright/test';

const SHOTS = 'test-results/classroom';

/**
 * The smallest drawn text of a stage, in screen pixels (CSS pixels × the device's scale: at 150 %
 * zoom a CSS pixel is 1.5 of the screen's), with the text that is smallest, and the band labels.
 */
async function stageText(
  page: Page,
  stage = page.getByTestId('stage-view'),
): Promise<{
  min: number;
  smallest: string;
  median: number;
  bands: { text: string; top: number; bottom: number }[];
}> {
  return stage.locator('svg.stage-svg').evaluate((svg) => {
    const scale = (svg as SVGSVGElement).getScreenCTM()!.a * window.devicePixelRatio;
    const all = [...svg.querySelectorAll('text')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => ({ size: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent ?? '' }))
      .sort((a, b) => a.size - b.size);
    const sizes = all.map((x) => x.size);
    const bands = [...svg.querySelectorAll('text.band-label')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', top: r.top, bottom: r.bottom };
    });
    return {
      min: sizes[0] ?? 0,
      smallest: all[0]?.text ?? '',
      median: sizes[Math.floor(sizes.length / 2)] ?? 0,
      bands,
    };
  });
}

test('stage view at 1280×720: the whole stage on screen, user and kernel space visible, caption and step; F, B and . and Esc', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const visible = visibleOf('select');
  const at = visible[60]!;
  await openLab(page, 'select', { step: at });
  await page.getByTestId('stage-view-open').click();
  const view = page.getByTestId('stage-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('stage-view-pos')).toContainText(`Step 61 of ${visible.length}`);
  await expect(page.getByTestId('stage-view-caption')).not.toBeEmpty();
  // One caption line, and nothing of the drawing outside the window: the page does not scroll.
  const cap = await page.getByTestId('stage-view-caption').boundingBox();
  expect(cap!.height).toBeLessThan(40);
  const svgBox = await view.locator('svg.stage-svg').boundingBox();
  expect(svgBox!.y + svgBox!.height).toBeLessThanOrEqual(720);
  const text = await stageText(page);
  expect(text.bands.map((b) => b.text)).toEqual(expect.arrayContaining(['User space', 'Kernel space']));
  for (const b of text.bands) expect(b.bottom, b.text).toBeLessThanOrEqual(720);
  console.log(
    `stage view 1280×720, select step 61: smallest text ${text.min.toFixed(1)} px, median ${text.median.toFixed(1)} px`,
  );
  // The projector's drawing: every label readable from the back of a room.
  expect(text.min, text.smallest).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: `${SHOTS}/stage-view-1280x720-en-light.png` });

  // A remote's keys: PageDown is one step here (not ten), B blanks, . shows again, Esc leaves.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('stage-view-pos')).toContainText('Step 62 of');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('stage-view-pos')).toContainText('Step 61 of');
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('blank')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(counter(page)).toHaveText(stepText(61, visible.length));
  await page.keyboard.press('f');
  await expect(view).toBeVisible();
});

test('stage view at 1280×720 for every shipped scenario: text of 20 px or more at a sample of steps (the few still under it held to their floor)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const sizes: string[] = [];
  for (const id of SCENARIO_IDS) {
    const n = runOf(id).index.steps;
    const floor = STILL_SMALL[id] ?? 20;
    for (const step of [Math.floor(n / 2), Math.floor((n * 3) / 4)]) {
      await openLab(page, id, { step });
      if (!(await page.getByTestId('stage-view').isVisible())) await page.keyboard.press('f');
      await expect(page.getByTestId('stage-view-pos')).toBeVisible();
      const text = await stageText(page);
      for (const b of text.bands) expect(b.bottom, `${id} step ${step}: ${b.text}`).toBeLessThanOrEqual(720);
      sizes.push(`${id}@${step} ${text.min.toFixed(1)}`);
      expect(text.min, `${id} step ${step}: "${text.smallest}"`).toBeGreaterThanOrEqual(floor);
    }
  }
  console.log(`stage view 1280×720, smallest text (px): ${sizes.join(', ')}`);
});

test('stage view in Chinese and dark, at 150 % zoom of a 1280×720 window', async ({ browser }) => {
  // 150 %: the page sees a 853×480 window at device scale 1.5.
  const ctx = await browser.newContext({
    viewport: { width: 853, height: 480 },
    deviceScaleFactor: 1.5,
    colorScheme: 'dark',
    locale: 'zh-CN',
  });
  const page = await ctx.newPage();
  await openLab(page, 'epoll-level', { step: 40, lang: 'zh' });
  await page.keyboard.press('f');
  await expect(page.getByTestId('stage-view-pos')).toContainText('第 ');
  const text = await stageText(page);
  expect(text.bands.map((b) => b.text)).toEqual(expect.arrayContaining(['用户空间', '内核空间']));
  for (const b of text.bands) expect(b.bottom, b.text).toBeLessThanOrEqual(480);
  console.log(
    `stage view at 150 %, epoll-level step 40 (zh): smallest text ${text.min.toFixed(1)} screen px`,
  );
  expect(text.min, text.smallest).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: `${SHOTS}/stage-view-150pct-zh-dark.png` });
  await ctx.close();
});

test('] and [ jump to the next and previous important moment, of the kinds the menu keeps', async ({
  page,
}) => {
  const { index } = runOf('blocking-two-clients');
  const replies = new Set<number>();
  index.trace.forEach((ev, i) => {
    if (ev.type === 'client.reply') replies.add(index.stepOfEvent(i));
  });
  const first = Math.min(...replies);
  const visible = visibleOf('blocking-two-clients');
  await openLab(page, 'blocking-two-clients');
  await page.locator('.moments-menu summary').click();
  for (const kind of ['asleep', 'woken', 'data arrived', 'copy', 'error'])
    await page.getByLabel(kind, { exact: true }).uncheck();
  await page.locator('.moments-menu summary').click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const second = Math.min(...[...replies].filter((s) => s > first));
  await page.keyboard.press(']');
  await expect(counter(page)).toHaveText(stepText(visible.indexOf(first) + 1, visible.length));
  await page.keyboard.press(']');
  await expect(counter(page)).toHaveText(stepText(visible.indexOf(second) + 1, visible.length));
  await page.keyboard.press('[');
  await expect(counter(page)).toHaveText(stepText(visible.indexOf(first) + 1, visible.length));
});

test('? shows the key map of every mode', async ({ page }) => {
  await openLab(page, 'select');
  await page.keyboard.press('?');
  const help = page.getByTestId('key-help');
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { level: 3 })).toHaveText([
    'In the lab',
    'In the stage view',
    'In a lesson’s presentation mode',
  ]);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

// A phone in a chat app's browser (WeChat's user agent), touch only.
const WECHAT =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.40.2420(0x28002837) NetType/WIFI Language/zh_CN';

test('a phone at 390×844 with touch (WeChat): stage fitted to the width, step buttons at the bottom, swipe to step, no key hints', async ({
  browser,
}) => {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    userAgent: WECHAT,
    locale: 'zh-CN',
  });
  const page = await ctx.newPage();
  const n = visibleOf('select').length;
  await page.goto('./#/select?step=30');
  await expect(counter(page)).toContainText(stepText(31, n, 'zh'));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The whole stage in the width: no sideways scroll inside it either.
  const box = page.getByTestId('stage').locator('.stage-box');
  const fit = await box.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    svg: el.querySelector('svg')!.getBoundingClientRect().width,
  }));
  expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1);
  expect(fit.svg).toBeLessThanOrEqual(390);
  await expect(page.locator('.tl-keys')).toBeHidden();
  // The phone's drawing (one column, drawn 1:1): read without a pinch (the device scale is 1 here).
  const drawn = await stageText(page, page.getByTestId('stage'));
  console.log(`phone stage, select step 31 (zh): smallest text ${drawn.min.toFixed(1)} px`);
  expect(drawn.min, drawn.smallest).toBeGreaterThanOrEqual(11.5);
  // Scrolled down to the stage, the step buttons are still under the thumb.
  await box.scrollIntoViewIfNeeded();
  const forward = page.getByRole('button', { name: '下一步', exact: true });
  const fb = (await forward.boundingBox())!;
  expect(fb.y + fb.height).toBeGreaterThan(844 - 70);
  expect(fb.y + fb.height).toBeLessThanOrEqual(844);
  await page.screenshot({ path: `${SHOTS}/phone-390x844-zh-wechat.png` });
  await forward.tap();
  await expect(page.getByTestId('narration-step')).toContainText('第 32 步');
  // A swipe to the left over the stage: one step forward; to the right: back.
  const swipe = (dx: number) =>
    box.evaluate((el, d) => {
      const r = el.getBoundingClientRect();
      const at = (type: string, x: number) =>
        el.dispatchEvent(
          new PointerEvent(type, {
            pointerType: 'touch',
            isPrimary: true,
            pointerId: 7,
            clientX: x,
            clientY: r.top + 40,
            bubbles: true,
          }),
        );
      at('pointerdown', r.left + r.width / 2);
      at('pointerup', r.left + r.width / 2 + d);
    }, dx);
  await swipe(-150);
  await expect(page.getByTestId('narration-step')).toContainText('第 33 步');
  await swipe(150);
  await expect(page.getByTestId('narration-step')).toContainText('第 32 步');

  // The exam hall on the phone: its labels (door, board, lamp, teacher, name tags) at 12 px or more.
  await page.goto('./#/hall?step=60');
  const hall = page.getByTestId('hall-svg');
  await expect(hall.locator('text.hall-tag-text').first()).toBeVisible();
  const labels = await hall.evaluate((svg) =>
    [...svg.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '' && t.getBoundingClientRect().width > 0)
      .map((t) => ({
        text: t.textContent ?? '',
        px: parseFloat(getComputedStyle(t).fontSize) * (t as SVGTextElement).getScreenCTM()!.a,
      }))
      .sort((a, b) => a.px - b.px),
  );
  expect(labels[0]!.px, labels[0]!.text).toBeGreaterThanOrEqual(12);
  await hall.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/phone-390x844-zh-hall.png` });
  await ctx.close();
});

for (const lang of ['en', 'zh'] as const) {
  test(`an 800×500 iframe in ${lang}: the whole stage scaled to fit, nothing covered, nothing scrolls`, async ({
    page,
  }) => {
    const steps = visibleOf('select');
    const k = steps[40]!;
    await page.route('**/course-page.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body style="margin:0"><iframe src="./#/select?step=${k}&embed=1&lang=${lang}" width="800" height="500" title="IO Lab" style="border:0"></iframe></body></html>`,
      }),
    );
    await page.setViewportSize({ width: 820, height: 520 });
    await page.goto('./course-page.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('step-counter')).toContainText(stepText(41, steps.length, lang));
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    const geo = await inner.evaluate(() => {
      const r = (el: Element | null) => {
        const b = el!.getBoundingClientRect();
        return { l: b.left, t: b.top, r: b.right, b: b.bottom };
      };
      const box = document.querySelector('.stage-box')!;
      return {
        h: document.documentElement.scrollHeight,
        w: document.documentElement.scrollWidth,
        boxScrolls: box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1,
        svg: r(document.querySelector('svg.stage-svg')),
        counter: r(document.querySelector('[data-testid="step-counter"] strong')),
        link: r(document.querySelector('.embed-open')),
      };
    });
    expect(geo.h).toBeLessThanOrEqual(500);
    expect(geo.w).toBeLessThanOrEqual(800);
    expect(geo.boxScrolls, 'the stage box scrolls').toBe(false);
    expect(geo.svg.b).toBeLessThanOrEqual(500);
    const overlap = !(
      geo.counter.r <= geo.link.l ||
      geo.link.r <= geo.counter.l ||
      geo.counter.b <= geo.link.t ||
      geo.link.b <= geo.counter.t
    );
    expect(overlap, 'the step counter and the open link overlap').toBe(false);
    await page.screenshot({ path: `${SHOTS}/embed-800x500-${lang}.png` });
  });
}

test('a lesson in an 800×500 iframe shows one part and its stage', async ({ page }) => {
  await page.route('**/course-page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><body style="margin:0"><iframe src="./#/lesson/select?item=3&embed=1&lang=zh" width="800" height="500" title="IO Lab" style="border:0"></iframe></body></html>',
    }),
  );
  await page.setViewportSize({ width: 820, height: 520 });
  await page.goto('./course-page.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('lesson-embed')).toBeVisible();
  await expect(frame.getByTestId('lesson-item')).toHaveCount(1);
  await expect(frame.locator('.lesson-progress, .lesson-nav, .app-header')).toHaveCount(0);
  const svg = (await frame.locator('svg.stage-svg').boundingBox())!;
  expect(svg.y + svg.height).toBeLessThanOrEqual(500);
  await expect(frame.getByRole('link', { name: /在 IO Lab 中打开/ })).toHaveAttribute(
    'href',
    /#\/lesson\/select\?item=3/,
  );
  await page.screenshot({ path: `${SHOTS}/lesson-embed-800x500-zh.png` });
});

/** Pages in a PDF (Chromium's own page.pdf, A4). */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('a lesson handout prints each question with its choices and room to answer, the answer key on its own last page', async ({
  page,
}) => {
  await page.goto('./#/handout/select?lang=en');
  const qs = page.getByTestId('handout-question');
  await expect(qs.first()).toBeVisible();
  expect(await qs.first().locator('.handout-choices li').count()).toBeGreaterThan(1);
  await expect(qs.first().locator('.handout-lines')).toBeVisible();
  const key = page.getByTestId('handout-key');
  await expect(key).toContainText('Answer key');
  await expect(key.locator('li')).toHaveCount(await qs.count());
  await page.emulateMedia({ media: 'print' });
  expect(await key.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
  expect(await key.evaluate((el) => el.nextElementSibling)).toBeNull();
  await page.waitForTimeout(500);
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  console.log(`lesson 8 (select) handout: ${pages} A4 pages`);
  await page.screenshot({ path: `${SHOTS}/handout-lesson-select-print.png`, fullPage: true });
  for (const url of ['./#/handout?scenario=select-chat&lang=en', './#/handout/chat-room?lang=en']) {
    await page.goto(url);
    await expect(page.locator('.handout-still').first()).toBeVisible();
    await page.waitForTimeout(800);
    console.log(
      `${url}: ${await page.locator('.handout-still').count()} moments, ${pdfPages(await page.pdf({ format: 'A4' }))} A4 pages`,
    );
  }
});

test('the picker in teaching order, grouped by I/O model; "Copy link" copies this moment without lang=', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLab(page, 'epoll-level', { step: 12 });
  const groups = await page
    .getByLabel('Scenario')
    .locator('optgroup')
    .evaluateAll((els) => els.map((e) => e.getAttribute('label')));
  expect(groups.slice(0, 2)).toEqual(['Blocking I/O', 'A thread per connection']);
  expect(groups.indexOf('I/O multiplexing: select')).toBeLessThan(groups.indexOf('I/O multiplexing: epoll'));
  await page.getByTestId('copy-link').click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#/epoll-level?step=12');
  expect(link).not.toContain('lang=');
  await page.screenshot({ path: `${SHOTS}/lab-1280x720-en.png` });
});
