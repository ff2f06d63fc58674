/**
 * Every lesson found (src/lessons/lNN-*.ts), in English and in Chinese: each part opened straight
 * from its URL, each stop at the step its `at()` finds in the trace, each question answered
 * wrongly and then revealed, the shown answer checked against `answer()` computed here from the
 * same deterministic run. Plus presentation mode's keys and axe on the list and on one lesson.
 * One page per lesson and language, no sleeps: the suite stays fast.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, urlStep, seriousAxeViolations } from './fixtures.ts';
import type { Page } from '@playwright/test';
import type { Lesson } from '../src/lessons/types.ts';
import { format, type Messages } from '../src/i18n/core.ts';
import { itemContext, itemScenario } from '../src/lessons/context.ts';
import { visibleSteps } from '../src/runs/folding.ts';

// The lessons and their words, loaded the way the app's glob finds them (Playwright has no import.meta.glob).
const DIR = fileURLToPath(new URL('../src/lessons/', import.meta.url));
const LESSONS: Lesson[] = (
  await Promise.all(
    readdirSync(DIR)
      .filter((f) => /^l\d\d-.*\.ts$/.test(f))
      .sort()
      .map(async (f) => ((await import(`../src/lessons/${f}`)) as { default: Lesson }).default),
  )
).sort((a, b) => a.n - b.n);
async function words(lang: 'en' | 'zh', file: string): Promise<Messages> {
  return ((await import(`../src/i18n/${lang}/pages/${file}.ts`)) as { default: Messages }).default;
}
const pad = (n: number) => String(n).padStart(2, '0');
/** Text that looks like a message key nobody translated. */
const RAW_KEY = /\b(?:lessons?|fig|nav|app|controls|panels|stage|narr)\.[a-z0-9]+(?:\.[a-zA-Z0-9]+)+\b/;

const lessonUrl = (lesson: Lesson, item: number, lang: string, extra = '') =>
  `./#/lesson/${lesson.id}?item=${item}${extra}&lang=${lang}`;

async function noRawKeys(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.match(RAW_KEY)?.[0] ?? null, `${where}: an untranslated message key is visible`).toBeNull();
}

test('the lessons are found', () => {
  expect(LESSONS.length).toBeGreaterThanOrEqual(8);
});

for (const lesson of LESSONS) {
  for (const lang of ['en', 'zh'] as const) {
    test(`lesson ${lesson.n} (${lesson.id}) in ${lang}: every part, every stop, every question`, async ({
      page,
    }) => {
      const own = { ...(await words(lang, 'lessons')), ...(await words(lang, `lesson-${pad(lesson.n)}`)) };
      for (const [k, item] of lesson.items.entries()) {
        await page.goto(lessonUrl(lesson, k + 1, lang));
        const shown = page.locator(`[data-testid="lesson-item"][data-item="${item.id}"]`);
        await expect(shown).toBeVisible();
        await expect(page.getByTestId('lesson-pos')).toContainText(String(k + 1));
        if (item.kind === 'slide') {
          if (item.figure)
            await expect(
              page
                .locator(
                  `[data-figure="${item.figure.name}"] figure, [data-figure="${item.figure.name}"] .fig`,
                )
                .first(),
            ).toBeVisible();
          await noRawKeys(page, `${lesson.id} part ${k + 1}`);
          continue;
        }
        // A stop: the lab's panels at the step found in the trace.
        const ctx = itemContext(lesson, item);
        const at = item.at(ctx);
        await expect(page.getByTestId('step-counter')).toBeVisible();
        await expect(page.getByTestId('stage')).toBeVisible();
        await expect.poll(() => urlStep(page), `${item.id}: the URL holds the stop's step`).toBe(at);
        expect(itemScenario(lesson, item).scenario.id).toBeTruthy();
        await noRawKeys(page, `${lesson.id} part ${k + 1}`);
        if (!item.question) continue;

        // Answer wrongly, reveal, and compare with the answer computed from the trace.
        const q = item.question;
        const answer = q.answer(ctx);
        const choices = q.choices(ctx);
        const wrong = choices.find((c) => !answer.includes(c.id))!;
        const box = page.getByTestId('question');
        await box.locator(`[data-choice="${wrong.id}"] input`).check();
        await box.getByRole('button', { name: own['lessons.q.reveal']! }).click();
        await expect(box.getByTestId('verdict')).toHaveAttribute('data-right', 'false');
        await expect(box.locator(`[data-choice="${wrong.id}"]`)).toHaveAttribute('data-mark', 'wrongPick');
        const marked = await box
          .locator('[data-answer="true"]')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-choice')));
        expect(marked.sort(), `${item.id}: the choices marked right`).toEqual([...answer].sort());
        const labels = answer.map((id) => {
          const c = choices.find((x) => x.id === id)!;
          return c.literal ? c.label : format(own[c.label] ?? c.label, c.params);
        });
        for (const label of labels)
          await expect(box.getByTestId('answer-text')).toContainText(label.replace(/`/g, ''));
        if (q.revealAt)
          await expect.poll(() => urlStep(page), `${item.id}: revealed at its step`).toBe(q.revealAt(ctx));
        await noRawKeys(page, `${lesson.id} part ${k + 1}, revealed`);
      }
    });
  }
}

test('a lesson given from a presenter remote alone: PageDown steps each stop to its last moment, then the next part; B and . blank; Esc explores', async ({
  page,
}) => {
  const lesson = LESSONS[0]!;
  // What each press should show: a slide, or a stop at each of its moments (its step to the step that answers its question).
  const seq: { item: number; step: number | null }[] = [];
  for (const [k, item] of lesson.items.entries()) {
    if (item.kind === 'slide') {
      seq.push({ item: k + 1, step: null });
      continue;
    }
    const ctx = itemContext(lesson, item);
    const at = item.at(ctx);
    const last = Math.max(at, item.question?.revealAt ? item.question.revealAt(ctx) : at);
    const { index, folds } = ctx.run;
    for (const s of visibleSteps(index.steps, folds))
      if (s >= at && s <= last) seq.push({ item: k + 1, step: s });
  }
  expect(
    seq.some((m, i) => i > 0 && m.item === seq[i - 1]!.item),
    'the lesson has a stop with more than one moment',
  ).toBe(true);
  await page.goto(lessonUrl(lesson, 1, 'en'));
  await expect(page.getByTestId('lesson-item')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation')).toBeVisible({ timeout: 15_000 });
  const shows = async (m: { item: number; step: number | null }) => {
    await expect(page).toHaveURL(new RegExp(`item=${m.item}(&|$)`));
    if (m.step !== null) await expect.poll(() => urlStep(page), `part ${m.item}`).toBe(m.step);
  };
  for (const m of seq.slice(1)) {
    await page.keyboard.press('PageDown');
    await shows(m);
  }
  // Past the last moment of the last part: nothing moves. ← goes back one moment.
  await page.keyboard.press('PageDown');
  await shows(seq[seq.length - 1]!);
  await page.keyboard.press('ArrowLeft');
  await shows(seq[seq.length - 2]!);
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('blank')).toHaveCount(0);
  // F: this stop in the stage view, the remote still stepping it; Esc leaves the stage view first.
  await page.keyboard.press('f');
  await expect(page.getByTestId('stage-view')).toBeVisible();
  await page.keyboard.press('PageDown');
  await shows(seq[seq.length - 1]!);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('stage-view')).toHaveCount(0);
  await expect(page.getByTestId('presentation')).toBeVisible();
  const last = seq[seq.length - 2]!;
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  const item = lesson.items[last.item - 1]!;
  await expect(page).toHaveURL(
    new RegExp(`#/${itemScenario(lesson, item).scenario.id}\\?step=${last.step}(&|$)`),
  );
  await expect(page.getByTestId('step-counter')).toBeVisible();
});

test('presentation mode from the URL, left with its button; a bad part number shows a notice and the nearest part', async ({
  page,
}) => {
  const lesson = LESSONS[0]!;
  await page.goto(lessonUrl(lesson, 2, 'zh', '&present=1'));
  await expect(page.getByTestId('presentation')).toBeVisible();
  await page.getByRole('button', { name: (await words('zh', 'lessons'))['lessons.present.exit']! }).click();
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=1/);
  await expect(page).toHaveURL(/item=2/);
  await page.goto(lessonUrl(lesson, 99, 'en'));
  await expect(
    page.locator(`[data-testid="lesson-item"][data-item="${lesson.items.at(-1)!.id}"]`),
  ).toBeVisible();
  await expect(page.locator('.notice')).toContainText(String(lesson.items.length));
});

// The list in light; the lesson (stage, question, marks) in both schemes.
for (const [target, themes] of [
  ['list', ['Light']],
  ['lesson', ['Light', 'Dark']],
] as const) {
  for (const theme of themes) {
    test(`axe: the ${target === 'list' ? 'list of lessons' : 'lesson with a question, revealed'} in ${theme.toLowerCase()}: no serious or critical violation`, async ({
      page,
    }) => {
      if (target === 'list') await page.goto('./#/lessons?lang=en');
      else {
        const lesson = LESSONS.find((l) => l.id === 'blocking') ?? LESSONS[0]!;
        const k = lesson.items.findIndex((i) => i.kind === 'stop' && i.question);
        await page.goto(lessonUrl(lesson, k + 1, 'en'));
        await page.getByTestId('question').locator('input').first().check();
        await page.getByRole('button', { name: 'Reveal the answer' }).click();
      }
      await expect(
        page.locator(target === 'list' ? '.lessons-list' : '[data-testid="answer-text"]'),
      ).toBeVisible();
      await page.getByRole('button', { name: theme, exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
}

test('a scenario a lesson names is a link with its title, in both languages, that opens it in the lab', async ({
  page,
}) => {
  const lesson = LESSONS.find((l) => l.n === 16)!;
  const k = lesson.items.findIndex((item) => item.id === 'mechanism');
  const ids = ['chat-order-burst', 'chat-order-burst-poll', 'chat-order-burst-epoll', 'chat-order-far'];
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(lessonUrl(lesson, k + 1, lang));
    const links = page.locator('[data-testid="lesson-item"] a.scenario-link');
    await expect(links).toHaveCount(ids.length);
    expect(await links.evaluateAll((els) => els.map((el) => el.getAttribute('data-scenario')))).toEqual(ids);
    for (const [i, id] of ids.entries()) {
      const title = JSON.parse(
        readFileSync(new URL(`../src/scenarios/files/${id}.json`, import.meta.url), 'utf8'),
      ).title[lang] as string;
      await expect(links.nth(i)).toHaveText(title);
    }
    await expect(page.locator('[data-testid="lesson-item"]')).not.toContainText('[[');
  }
  await page.locator('a.scenario-link[data-scenario="chat-order-burst-poll"]').click();
  await expect(page).toHaveURL(/#\/chat-order-burst-poll\?/);
  await expect(page.getByTestId('stage')).toBeVisible();
  await expect(page.getByTestId('step-counter')).toContainText('Step 1 ');
});
