/**
 * Handouts on paper (issue 21): five moments fit 4 A4 pages with each moment's text and picture
 * together; in a lesson handout the moment that answers a question starts a new page; handouts for
 * any scenario (carried in the link with `s=`).
 * Screenshots go to test-results/handout/ (look at them: English and Chinese).
 */
import { test, expect, visibleOf, scenario } from './fixtures.ts';
import { encodeScenario } from '../src/scenarios/link.ts';
import type { Page } from '@playwright/test';

const SHOTS = 'test-results/handout';

/** Pages in a PDF (Chromium's own page.pdf, A4). */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Print it (A4 at 96 dpi: 718 px between the 12 mm margins): its pages, and a screenshot of it as printed. */
async function printIt(page: Page, shot: string): Promise<number> {
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(500);
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  return pages;
}

test('five moments of the chat room print on at most 4 A4 pages, each moment whole (English and Chinese)', async ({
  page,
}) => {
  const steps = visibleOf('select-chat');
  const five = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => steps[Math.floor(f * (steps.length - 1))]!);
  for (const lang of ['en', 'zh'] as const) {
    await page.goto(`./#/handout?scenario=select-chat&steps=${five.join(',')}&lang=${lang}`);
    await expect(page.locator('.handout-still svg.stage-svg')).toHaveCount(5);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.handout-still').first()).toHaveCSS('break-inside', 'avoid');
    const pages = await printIt(page, `select-chat-5-print-${lang}`);
    console.log(`select-chat, 5 moments (${lang}): ${pages} A4 pages`);
    expect(pages).toBeLessThanOrEqual(4);
  }
});

test('the chat-room lesson handout: each moment that answers a question starts a new page; the key last (English and Chinese)', async ({
  page,
}) => {
  for (const lang of ['en', 'zh'] as const) {
    await page.goto(`./#/handout/chat-room?lang=${lang}`);
    const stills = page.locator('.handout-still');
    await expect(stills).toHaveCount(5);
    await expect(page.locator('.handout-still svg.stage-svg')).toHaveCount(5);
    await page.emulateMedia({ media: 'print' });
    // Moments 1–4 ask a question: 2–5 answer one and each starts a page; moment 1 follows the title.
    await expect(page.locator('.handout-choices').first()).toHaveCSS('display', 'flex');
    const breaks = await stills.evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(['auto', 'page', 'page', 'page', 'page']);
    // Four questions, each with its choices; the key answers each one (none left blank).
    const questions = page.getByTestId('handout-question');
    await expect(questions).toHaveCount(4);
    for (const q of await questions.all())
      expect(await q.locator('.handout-choices > li').count()).toBeGreaterThan(1);
    const answers = page.getByTestId('handout-key').locator('ol > li > p:first-of-type');
    await expect(answers).toHaveCount(4);
    for (const a of await answers.allInnerTexts()) expect(a.replace(/^\S+[:：]?\s*/, '').trim()).not.toBe('');
    const pages = await printIt(page, `chat-room-lesson-print-${lang}`);
    console.log(`chat-room lesson handout (${lang}): ${pages} A4 pages`);
    // One page per moment (each whole), and the answer key on its own last page.
    expect(pages).toBe(6);
  }
});

test("a scenario of one's own, carried in a link: the lab's handout button keeps it, the handout pictures it, with the program listing (English and Chinese)", async ({
  page,
}) => {
  const own = {
    ...scenario('select-chat'),
    id: 'my-chat',
    title: { en: 'My own chat room', zh: '我自己的聊天室' },
  };
  const s = encodeScenario(own);
  await page.goto(`./#/my-chat?s=${s}&step=20&lang=en`);
  const button = page.locator('a.share-handout');
  await expect(button).toHaveAttribute('href', /^#\/handout\?scenario=my-chat&steps=[\d,]+&s=1\./);
  await button.click();
  await expect(page).toHaveURL(/#\/handout\?scenario=my-chat&steps=[\d,%C]+&s=1\./);
  await expect(page.locator('.handout > h2')).toHaveText('Handout: My own chat room');
  await expect(page.locator('.handout-still svg.stage-svg').first()).toBeVisible();
  const listing = page.getByTestId('handout-listing');
  await expect(listing).toContainText(/The program: \w+\.py/);
  await expect(listing).toContainText('select(');
  // Back to the lab keeps the scenario too.
  await expect(page.getByRole('link', { name: 'Back to the step-through view' })).toHaveAttribute(
    'href',
    /^#\/my-chat\?.*s=1\./,
  );
  await page.screenshot({ path: `${SHOTS}/own-scenario-en.png`, fullPage: true });

  // Opened straight from a link, in Chinese, and printed: the listing is on paper too.
  await page.goto(`./#/handout?scenario=my-chat&steps=5,40&s=${s}&lang=zh`);
  await expect(page.locator('.handout > h2')).toContainText('我自己的聊天室');
  await expect(page.locator('.handout-still')).toHaveCount(2);
  await expect(page.getByTestId('handout-listing')).toContainText(/服务器程序：\w+\.py/);
  await printIt(page, 'own-scenario-print-zh');
  await page.goto(`./#/handout?scenario=my-chat&steps=5,40&s=${s}&lang=zh`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/own-scenario-zh.png`, fullPage: true });

  // A link whose scenario cannot be read: a clear notice and a handout of a shipped scenario.
  await page.goto('./#/handout?scenario=my-chat&s=1.bad!&lang=en');
  await expect(page.getByText('The scenario "my-chat" carried in this link cannot be read')).toBeVisible();
  await expect(page.locator('.handout-still').first().locator('svg.stage-svg')).toBeVisible();
});
