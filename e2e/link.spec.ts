/**
 * A link carries any scenario (`s=`): one made in the editor, opened from a file or a lesson's
 * own survives a reload at the same step; a changed `s=` gets a notice and a working page; `s=`
 * with a student's `add=` reproduces both.
 */
import type { Page } from '@playwright/test';
import { test, expect, counter, stepText, button, scenario, seriousAxeViolations } from './fixtures.ts';
import type { Scenario } from '../src/scenarios/format.ts';
import { getRun } from '../src/runs/runs.ts';
import { visibleSteps } from '../src/runs/folding.ts';
import { encodeScenario } from '../src/scenarios/link.ts';
import { actionAtMs, encodeAdditions, withAdditions, type Addition } from '../src/scenarios/student.ts';
import { stepEndNs } from '../src/ui/student/actions.ts';
import { itemScenario } from '../src/lessons/context.ts';
import selectLesson from '../src/lessons/l08-select.ts';

const visible = (s: Scenario, seed = s.seed): number[] => {
  const { index, folds } = getRun(s, seed);
  return visibleSteps(index.steps, folds);
};
const picker = (page: Page) => page.locator('.app-header select').first();
const notices = (page: Page) => page.locator('.notices');

function custom(): Scenario {
  const base = scenario('select');
  return {
    ...base,
    id: 'my-select',
    title: { en: 'My select test', zh: '我的 select 测试' },
    clients: base.clients.slice(0, 2),
  };
}

/** After a reload: the same scenario (by its title in the picker), the same step, no notice. */
async function reloadKeeps(page: Page, title: string, position: number, n: number): Promise<void> {
  // The address follows the step after the frame is drawn (`step=` counts from 0).
  await expect(page).toHaveURL(new RegExp(`[?&]step=${position - 1}(?!\\d)`));
  const url = page.url();
  expect(url).toMatch(/[?&]s=1\.[\w-]+/);
  await page.reload();
  await expect(counter(page)).toContainText(stepText(position, n));
  await expect(picker(page).locator('option:checked')).toHaveText(title);
  await expect(notices(page)).toHaveCount(0);
  expect(page.url()).toBe(url);
}

test('a scenario from the editor: its copied link and a reload show it at the same step', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/editor?from=select&lang=en');
  await page.getByLabel('Id', { exact: true }).fill('my-echo');
  await page.getByLabel('Title in English').fill('My echo');
  await page.getByLabel('Seed').fill('42');
  await button(page, 'Copy link').click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/#\/my-echo\?step=0&s=1\.[\w-]+$/);

  await button(page, 'Open on the stage').click();
  const s = {
    ...scenario('select'),
    id: 'my-echo',
    title: { ...scenario('select').title, en: 'My echo' },
    seed: 42,
  };
  const steps = visible(s);
  await expect(counter(page)).toContainText(stepText(1, steps.length));
  // The draft opens through the simulation worker, and the address follows after the frame is drawn.
  await expect(page).toHaveURL(copied);
  await button(page, 'Step forward').click();
  await button(page, 'Step forward').click();
  await reloadKeeps(page, 'My echo', 3, steps.length);

  // The copied link opened fresh shows it too.
  await page.goto('about:blank');
  await page.goto(copied);
  await expect(counter(page)).toContainText(stepText(1, steps.length));
  await expect(picker(page).locator('option:checked')).toHaveText('My echo');
});

test('a scenario opened from a file survives a reload', async ({ page }) => {
  await page.goto('./#/select?step=0&lang=en');
  const s = custom();
  await page.getByTestId('scenario-file').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(s)),
  });
  const steps = visible(s);
  await expect(picker(page).locator('option:checked')).toHaveText('My select test');
  await button(page, 'Last step').click();
  await expect(counter(page)).toContainText(stepText(steps.length, steps.length));
  await page.locator('.notices').getByRole('button').first().click(); // the "opened" notice
  await expect(notices(page)).toHaveCount(0);
  await reloadKeeps(page, 'My select test', steps.length, steps.length);
});

test("a lesson's own scenario, explored freely, survives a reload", async ({ page }) => {
  await page.goto(`./#/lesson/${selectLesson.id}?item=1&lang=en`);
  await button(page, 'Explore freely').click();
  const { scenario: own, seed } = itemScenario(selectLesson);
  const steps = visible(own, seed);
  await expect(counter(page)).toContainText(stepText(1, steps.length));
  await button(page, 'Step forward').click();
  await reloadKeeps(page, own.title.en, 2, steps.length);
});

test('a changed s= gets a notice naming the problem, and a working page', async ({ page }) => {
  const bad = encodeScenario({
    ...custom(),
    clients: [{ name: 'ann', actions: [{ at: 0, do: 'send', data: 'x' }] }],
  });
  await page.goto(`./#/my-select?s=${bad}&step=3&lang=en`);
  await expect(notices(page)).toContainText('clients[0].actions[0].do');
  await expect(notices(page)).toContainText('blocking-two-clients');
  const steps = visible(scenario('blocking-two-clients'));
  await expect(counter(page)).toContainText(stepText(4, steps.length));
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(5, steps.length));
  await expect(page).not.toHaveURL(/s=/);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Cut short (a link pasted in part), in Chinese: the notice says so, the page works.
  const good = encodeScenario(custom());
  await page.goto('about:blank');
  await page.goto(`./#/select?s=${good.slice(0, good.length - 7)}&lang=zh`);
  await expect(notices(page)).toContainText('链接里的场景读不出来');
  await expect(picker(page).locator('option:checked')).toHaveText(scenario('select').title.zh);
});

test("a link with s= and add= reproduces the scenario and the student's actions", async ({ page }) => {
  const base = custom();
  const before = visible(base);
  const k = before[Math.floor(before.length / 3)]!;
  const at = actionAtMs(stepEndNs(getRun(base, base.seed).index, k));
  const additions: Addition[] = [
    { client: 'you', at, do: 'connect' },
    { client: 'you', at, do: 'send', data: 'ping' },
  ];
  const merged = withAdditions(base, additions);
  expect(merged.ok).toBe(true);
  if (!merged.ok) return;
  const steps = visible(merged.scenario);
  const last = steps[steps.length - 1]!;
  await page.goto(
    `./#/my-select?add=${encodeURIComponent(encodeAdditions(additions))}&step=${last}&lang=en&s=${encodeScenario(base)}`,
  );
  await expect(counter(page)).toContainText(stepText(steps.length, steps.length));
  await expect(page.getByTestId('host-you')).toBeVisible();
  await expect(picker(page).locator('option:checked')).toHaveText('My select test');
  await expect(notices(page)).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]add=you_c[^&]*&.*&s=1\./);
  await page.reload();
  await expect(counter(page)).toContainText(stepText(steps.length, steps.length));
  await expect(page.getByTestId('host-you')).toBeVisible();
});

test("the nav's lab link and the title go back to the lab's own scenario, a custom one included", async ({
  page,
}) => {
  await page.goto('./#/select?step=0&lang=en');
  const s = custom();
  await page.getByTestId('scenario-file').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(s)),
  });
  await expect(picker(page).locator('option:checked')).toHaveText('My select test');
  await page.locator('.notices').getByRole('button').first().click(); // the "opened" notice
  const nav = page.getByRole('navigation');
  for (const back of [
    nav.getByRole('link', { name: 'Step through', exact: true }),
    page.getByRole('link', { name: 'IO Lab', exact: true }),
  ]) {
    await nav.getByRole('link', { name: 'Glossary', exact: true }).click();
    await expect(page).toHaveURL(/#\/glossary/);
    await back.click();
    await expect(counter(page)).toContainText(stepText(1, visible(s).length));
    await expect(picker(page).locator('option:checked')).toHaveText('My select test');
    await expect(notices(page)).toHaveCount(0);
    await expect(page).toHaveURL(/#\/my-select\?step=0&s=1\./);
  }
});

test('an embed\'s "Open in IO Lab" carries the scenario (s=), the student\'s actions (add=) and the moment', async ({
  page,
}) => {
  const base = custom();
  const additions: Addition[] = [{ client: 'you', at: 5, do: 'connect' }];
  const merged = withAdditions(base, additions);
  expect(merged.ok).toBe(true);
  if (!merged.ok) return;
  const steps = visible(merged.scenario);
  const k = steps[Math.floor(steps.length / 2)]!;
  await page.goto(
    `./#/my-select?add=${encodeURIComponent(encodeAdditions(additions))}&step=${k}&embed=1&lang=en&s=${encodeScenario(base)}`,
  );
  await expect(counter(page)).toContainText(stepText(steps.indexOf(k) + 1, steps.length));
  const href = await page.getByRole('link', { name: /Open in IO Lab/ }).getAttribute('href');
  expect(href).toMatch(/#\/my-select\?add=you_[^&]+&step=\d+&s=1\.[\w-]+$/);
  expect(href).toContain(`step=${k}&`);
  expect(href).not.toContain('embed');
  await page.goto(href!);
  await expect(counter(page)).toContainText(stepText(steps.indexOf(k) + 1, steps.length));
  await expect(picker(page).locator('option:checked')).toHaveText('My select test');
  await expect(page.getByTestId('host-you')).toBeVisible();
  await expect(notices(page)).toHaveCount(0);
});

test('a shipped id with a changed s= is marked modified, says so, and links back to the original', async ({
  page,
}) => {
  const select = scenario('select');
  const mallory: Scenario = {
    ...select,
    clients: [
      ...select.clients,
      {
        name: 'mallory',
        actions: [
          { at: 0, do: 'connect' },
          { at: 1, do: 'send', data: 'hi' },
        ],
      },
    ],
  };
  await page.goto(`./#/select?step=0&lang=en&s=${encodeScenario(mallory)}`);
  await expect(counter(page)).toContainText(stepText(1, visible(mallory).length));
  await expect(picker(page).locator('option:checked')).toHaveText(`${select.title.en} (modified)`);
  const notice = page.getByTestId('modified-notice');
  await expect(notice).toContainText(`This is not the shipped scenario “${select.title.en}”`);
  await expect(page).toHaveURL(/s=1\./); // a reload keeps the changed one
  expect(await seriousAxeViolations(page)).toEqual([]);

  // In Chinese too.
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(picker(page).locator('option:checked')).toHaveText(`${select.title.zh}（已修改）`);
  await expect(notice).toContainText(`这不是网站自带的场景“${select.title.zh}”`);

  // The way back: the original, unmarked, by its id alone.
  await notice.getByRole('link', { name: '打开原版' }).click();
  await expect(counter(page)).toContainText(stepText(1, visible(select).length, 'zh'));
  await expect(picker(page).locator('option:checked')).toHaveText(select.title.zh);
  await expect(page.getByTestId('modified-notice')).toHaveCount(0);
  await expect(page).not.toHaveURL(/s=/);

  // The picker is a way back as well.
  await page.goto(`./#/select?step=0&lang=en&s=${encodeScenario(mallory)}`);
  await picker(page).selectOption('select');
  await expect(page.getByTestId('modified-notice')).toHaveCount(0);
  await expect(picker(page).locator('option:checked')).toHaveText(select.title.en);
});

test('a custom scenario too large for a link is kept in this browser: a reload and the lab link show it again', async ({
  page,
}) => {
  // 8 clients sending 2 × 60 kB: about 1 MB of JSON, far more than a link carries.
  const s: Scenario = {
    ...custom(),
    id: 'heavy',
    title: { en: 'Heavy sends', zh: '大块发送' },
    clients: Array.from({ length: 8 }, (_, i) => ({
      name: `c${i}`,
      actions: [
        { at: i, do: 'connect' as const },
        { at: 10 + i, do: 'send' as const, data: 'x'.repeat(60_000) },
        { at: 20 + i, do: 'send' as const, data: 'y'.repeat(60_000) },
      ],
    })),
  };
  const steps = visible(s);
  await page.goto('./#/select?step=0&lang=en');
  await page.getByTestId('scenario-file').setInputFiles({
    name: 'heavy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(s)),
  });
  // A file's scenario runs in the simulation worker (its first use loads the worker's code): a wide guard.
  await expect(picker(page).locator('option:checked')).toHaveText('Heavy sends', { timeout: 30_000 });
  await expect(notices(page)).toContainText(
    '“heavy” is too large for a link, so the address names it alone: this browser keeps it',
  );
  await button(page, 'Step forward').click();
  await expect(page).toHaveURL(/#\/heavy\?step=\d+$/);

  await page.reload();
  await expect(counter(page)).toContainText(stepText(2, steps.length), { timeout: 30_000 });
  await expect(picker(page).locator('option:checked')).toHaveText('Heavy sends');
  await expect(notices(page)).toContainText('“heavy” was reopened from this browser');
  await expect(page.getByText('There is no scenario')).toHaveCount(0);

  // Another page, then the lab link: still the kept one.
  await page.getByRole('navigation').getByRole('link', { name: 'About', exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Step through', exact: true }).click();
  await expect(picker(page).locator('option:checked')).toHaveText('Heavy sends');
  await expect(page.getByText('There is no scenario')).toHaveCount(0);
});

test('view settings travel in the lab’s copied link (fold, speed), with no lang=, and the link restores them', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/nonblocking?step=0&lang=zh');
  const fold = page.locator('.fold-toggle input');
  await expect(fold).toBeChecked();
  await fold.uncheck();
  await page.locator('label.speed').first().locator('select').selectOption('8');
  await page.getByTestId('copy-link').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/fold=0/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/[?&]speed=8(&|$)/);
  expect(copied).not.toMatch(/lang=/);
  await page.goto('about:blank');
  await page.goto(copied);
  await expect(page.locator('.fold-toggle input')).not.toBeChecked();
  await expect(page.locator('label.speed').first().locator('select')).toHaveValue('8');
  await expect(notices(page)).toHaveCount(0);
});

test("a step's address, written after its frame, never undoes a navigation made meanwhile", async ({
  page,
}) => {
  await page.goto('./#/blocking-two-clients?lang=en');
  await expect(counter(page)).toBeVisible();
  // A step, then a link followed in the frame that writes the step's address: the order in which
  // a user's click can land (the address used to snap back to the lab, and the glossary never showed).
  await page.evaluate(() => {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    requestAnimationFrame(() => {
      window.location.hash = '#/glossary?lang=en';
    });
  });
  await expect(page).toHaveURL(/#\/glossary/);
  await expect(page.getByRole('heading', { name: 'Glossary', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/#\/glossary/);
});
