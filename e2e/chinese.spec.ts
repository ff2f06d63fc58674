/**
 * A Chinese reader's walk (a zh-CN browser, no `lang=` anywhere): every page, the lab's panels
 * and tabs on one scenario per model (at a step in the middle and at the end), every part of
 * every lesson, and the ghosts the motion draws between steps. It fails on any visible English
 * word that is not code, a system call, a file name or a proper name (e2e/stray-english.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, visibleOf, runOf } from './fixtures.ts';
import { stepRange } from '../src/ui/stage/facts.ts';
import type { TraceEvent } from '../src/kernel/types.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';
import type { Lesson } from '../src/lessons/types.ts';
import { strayEnglish, strayWords, type Stray } from './stray-english.ts';

test.use({ locale: 'zh-CN' });

const DIR = fileURLToPath(new URL('../src/lessons/', import.meta.url));
const LESSONS: Lesson[] = (
  await Promise.all(
    readdirSync(DIR)
      .filter((f) => /^l\d\d-.*\.ts$/.test(f))
      .sort()
      .map(async (f) => ((await import(`../src/lessons/${f}`)) as { default: Lesson }).default),
  )
).sort((a, b) => a.n - b.n);
const PER_MODEL = [...new Map(SCENARIOS.map((s) => [s.model, s.id])).values()];
/** The scenarios' client names are names. */
const NAMES = new Set(
  SCENARIOS.flatMap((s) => s.clients.map((c) => c.name.toLowerCase().replace(/\d+$/, ''))),
);

type Found = Map<string, Stray & { at: string }>;

/** Opens what can be opened (folded parts), then collects the stray words, labelled by where. */
async function collect(page: Page, where: string, into: Found): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  for (const s of await strayEnglish(page, NAMES))
    if (!into.has(s.word)) into.set(s.word, { ...s, at: where });
  expect(await page.locator('html').getAttribute('lang'), where).toBe('zh-CN');
}

const report = (found: Found): string[] => [...found.values()].map((s) => `${s.word}  (${s.at}; ${s.where})`);

/** Goes to a hash in the same page (no reload) and waits for `ready`. */
async function go(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect(page.locator(ready).first()).toBeVisible();
}

test('every page in Chinese shows no stray English', async ({ page }) => {
  test.setTimeout(120_000);
  const found: Found = new Map();
  await page.goto('./');
  await expect(page.getByTestId('step-counter')).toContainText('第');
  await collect(page, 'the lab', found);
  for (const hash of [
    '#/lessons',
    '#/hall',
    '#/compare',
    '#/scaling',
    '#/editor?from=select',
    '#/glossary',
    '#/about',
    '#/handout?scenario=select',
    `#/handout/${LESSONS[0]!.id}`,
  ]) {
    await go(page, hash, 'article.page');
    // A page draws its figures once its words are here: no loading line left, then a moment to settle.
    await expect(page.locator('.page-loading')).toHaveCount(0);
    await page.waitForTimeout(500);
    await collect(page, hash, found);
  }
  expect(report(found), 'English words on Chinese pages').toEqual([]);
});

test('the lab in Chinese, one scenario per model, every panel and tab, shows no stray English', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const found: Found = new Map();
  await page.goto('./');
  for (const id of PER_MODEL) {
    const steps = visibleOf(id);
    for (const step of [steps[Math.floor(steps.length / 2)]!, steps[steps.length - 1]!]) {
      await go(page, `#/${id}?step=${step}`, '.side-column [role="tab"]');
      for (const tab of await page.locator('.side-column [role="tab"]').all()) {
        await tab.click();
        await collect(page, `#/${id}?step=${step}, tab ${await tab.textContent()}`, found);
      }
    }
  }
  expect(report(found), 'English words in the Chinese lab').toEqual([]);
});

test('every part of every lesson in Chinese shows no stray English', async ({ page }) => {
  test.setTimeout(300_000);
  const found: Found = new Map();
  await page.goto('./#/lessons');
  for (const lesson of LESSONS) {
    for (let item = 1; item <= lesson.items.length; item++) {
      await go(page, `#/lesson/${lesson.id}?item=${item}`, '[data-testid="lesson-pos"]');
      await expect(page.getByTestId('lesson-pos')).toContainText(`${item}`);
      await collect(page, `lesson ${lesson.id}, part ${item}`, found);
    }
  }
  expect(report(found), 'English words in the Chinese lessons').toEqual([]);
});

/** The visible step before the first one with an event of this type, per scenario (null: none). */
function stepBefore(id: string, type: TraceEvent['type']): number | null {
  const { index } = runOf(id);
  const steps = visibleOf(id);
  for (let i = 1; i < steps.length; i++) {
    const [a, b] = stepRange(index, steps[i]!);
    if (index.trace.slice(a, b).some((e) => e.type === type)) return steps[i - 1]!;
  }
  return null;
}

test("the motion's ghosts speak Chinese around their code", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'ready');
  await page.evaluate(() => {
    const w = window as unknown as { ghosts: Set<string> };
    w.ghosts = new Set();
    new MutationObserver(() => {
      for (const t of document.querySelectorAll('.motion-layer text'))
        if (t.textContent) w.ghosts.add(t.textContent);
    }).observe(document.body, { childList: true, subtree: true });
  });
  // Every kind of token: onto each step where one is drawn, one step forward.
  const kinds: TraceEvent['type'][] = [
    'select.scan',
    'poll.scan',
    'epoll.ready',
    'sys.block',
    'signal.send',
    'signal.handle',
    'uring.sqe',
    'uring.cqe',
    'sock.accept-queue',
    'net.packet',
  ];
  for (const id of PER_MODEL) {
    for (const kind of kinds) {
      const at = stepBefore(id, kind);
      if (at === null) continue;
      await go(page, `#/${id}?step=${at}`, '[data-testid="step-counter"]');
      await page.getByRole('button', { name: '下一步', exact: true }).click();
      await page.waitForTimeout(150);
    }
  }
  const ghosts = await page.evaluate(() => [...(window as unknown as { ghosts: Set<string> }).ghosts]);
  expect(
    ghosts.some((g) => g.includes('fd_set')),
    `a select's fd_set among ${ghosts.join(' | ')}`,
  ).toBe(true);
  // The tokens that carry code (the fd list handed to the kernel, what it hands back, a handler, an io_uring request) say in Chinese what they are.
  const coded = ghosts.filter((g) => /fd_set|pollfd|handler\(\)|^→|^#\d|fd \d/.test(g));
  expect(
    coded.filter((g) => !/[\u4e00-\u9fff]/.test(g)),
    'code tokens without a Chinese word',
  ).toEqual([]);
  const stray = strayWords(
    ghosts.map((text) => ({ text, where: 'ghost' })),
    NAMES,
  );
  expect(
    stray.map((s) => `${s.word}: ${s.where}`),
    `ghost labels: ${ghosts.join(' | ')}`,
  ).toEqual([]);
});
