/** The glossary (terms in both languages, anchors, links from the narration) and the about page; axe on both. */
import type { Page } from '@playwright/test';
import { test, expect, openLab, runOf, visibleOf, seriousAxeViolations } from './fixtures.ts';
import { GLOSSARY_TERMS, linkTerms } from '../src/i18n/glossary-terms.ts';
import en from '../src/i18n/en/pages/glossary.ts';
import zh from '../src/i18n/zh/pages/glossary.ts';
import aboutEn from '../src/i18n/en/pages/about.ts';
import aboutZh from '../src/i18n/zh/pages/about.ts';

async function noSeriousAxe(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** The step where the kernel first puts a socket on epoll's ready list (its narration names the ready list). */
function readyListStep(id: string): number {
  const { index } = runOf(id);
  const i = index.trace.findIndex((ev) => ev.type === 'epoll.ready' && ev.op === 'add');
  return index.stepOfEvent(i);
}

test('the glossary lists every term, in English and in Chinese', async ({ page }) => {
  await page.goto('./#/glossary?lang=en');
  await expect(page.getByRole('heading', { level: 2, name: en['glossary.title'] })).toBeVisible();
  await expect(page.locator('[data-term]')).toHaveCount(GLOSSARY_TERMS.length);
  await expect(page.locator('#glossary-epoll-ready-list h4')).toContainText(
    en['glossary.term.epoll-ready-list'],
  );
  await page.goto('./#/glossary?lang=zh');
  await expect(page.getByRole('heading', { level: 2, name: zh['glossary.title'] })).toBeVisible();
  await expect(page.locator('#glossary-epoll-ready-list h4')).toContainText(
    zh['glossary.term.epoll-ready-list'],
  );
  await expect(page.locator('#glossary-gil p')).toContainText(zh['glossary.def.gil']);
});

test('?term= scrolls to and highlights one entry; the filter narrows the list', async ({ page }) => {
  await page.goto('./#/glossary?term=edge-triggered&lang=en');
  const entry = page.locator('#glossary-edge-triggered');
  await expect(entry).toHaveAttribute('data-highlight', 'true');
  await expect(entry).toBeInViewport();
  await expect(page.locator('[data-highlight="true"]')).toHaveCount(1);
  await page.getByLabel(en['glossary.filter']).fill('EAGAIN');
  const shown = await page.locator('[data-term]').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(GLOSSARY_TERMS.length);
  await expect(page.locator('#glossary-eagain')).toBeVisible();
});

test('an unknown term gets a notice and the whole list', async ({ page }) => {
  await page.goto('./#/glossary?term=no-such-term&lang=en');
  await expect(page.getByText(/no term "no-such-term"/)).toBeVisible();
  await expect(page.locator('[data-term]')).toHaveCount(GLOSSARY_TERMS.length);
  await expect(page).not.toHaveURL(/term=/);
});

test('narration terms link to their glossary entry, and the announcement stays plain text', async ({
  page,
}) => {
  const id = 'epoll-level';
  const step = readyListStep(id);
  expect(visibleOf(id)).toContain(step);
  await openLab(page, id, { step });
  // The phrase matcher arrives just after the first paint; until then the text is unlinked.
  await expect(page.getByTestId('narration').locator('a[data-term="epoll-ready-list"]')).toBeVisible();
  const links = page.getByTestId('narration').locator('a.gl-term');
  const found = await links.evaluateAll((as) =>
    as.map((a) => [a.getAttribute('data-term') ?? '', a.textContent ?? '']),
  );
  expect(found.map(([term]) => term)).toContain('epoll-ready-list');
  // Each term once, and each link's words are a phrase of its term.
  expect(new Set(found.map(([term]) => term)).size).toBe(found.length);
  for (const [term, text] of found) expect(linkTerms(text!, 'en')).toEqual([{ text, term }]);
  const live = page.getByTestId('narration-live');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live.locator('a')).toHaveCount(0);
  await expect(live).toContainText(/ready list/);
  await page.getByTestId('narration').locator('a[data-term="epoll-ready-list"]').click();
  await expect(page).toHaveURL(/#\/glossary\?term=epoll-ready-list/);
  const entry = page.locator('#glossary-epoll-ready-list');
  await expect(entry).toHaveAttribute('data-highlight', 'true');
  await expect(entry).toBeInViewport();
  await page.goBack();
  await expect(page.getByTestId('narration')).toBeVisible();
});

test('the about page renders in English and in Chinese', async ({ page }) => {
  await page.goto('./#/about?lang=en');
  await expect(page.getByRole('heading', { level: 2, name: aboutEn['about.title'] })).toBeVisible();
  for (const key of [
    'about.faithful.title',
    'about.checked.title',
    'about.simplified.title',
    'about.sources.title',
  ] as const) {
    await expect(page.getByRole('heading', { level: 3, name: aboutEn[key] })).toBeVisible();
  }
  await expect(page.locator('[data-section="checked"]')).toContainText('strace');
  await page.goto('./#/about?lang=zh');
  await expect(page.getByRole('heading', { level: 2, name: aboutZh['about.title'] })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3, name: aboutZh['about.simplified.title'] }),
  ).toBeVisible();
  await page.getByRole('button', { name: aboutZh['about.sources.title'] }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: aboutZh['about.sources.title'] }),
  ).toBeInViewport();
});

for (const path of ['glossary?term=gil', 'about']) {
  for (const theme of ['Light', 'Dark'] as const) {
    test(`#/${path} in ${theme.toLowerCase()}: no serious or critical axe violation`, async ({ page }) => {
      await page.goto(`./#/${path}&lang=en`.replace('about&', 'about?'));
      await expect(page.locator('article.page h2')).toBeVisible();
      await page.getByRole('button', { name: theme, exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      await noSeriousAxe(page);
    });
  }
}
