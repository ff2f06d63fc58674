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

const visible = (s: Scenario, seed = s.seed): number[] => { const { index, folds } = getRun(s, seed); return visibleSteps(index.steps, folds); };
const picker = (page: Page) => page.locator('.app-header select').first();
const notices = (page: Page) => page.locator('.notices');

function custom(): Scenario {
  const base = scenario('select');
  return { ...base, id: 'my-select', title: { en: 'My select test', zh: '我的 select 测试' }, clients: base.clients.slice(0, 2) };
}

/** After a reload: the same scenario (by its title in the picker), the same step, no notice. */
async function reloadKeeps(page: Page, title: string, position: number, n: number): Promise<void> {
  const url = page.url();
  expect(url).toMatch(/[?&]s=1\.[\w-]+/);
  await page.reload();
  await expect(counter(page)).toContainText(stepText(position, n));
  await expect(picker(page).locator('option:checked')).toHaveText(title);
  await expect(notices(page)).toHaveCount(0);
  expect(page.url()).toBe(url);
}

test('a scenario from the editor: its copied link and a reload show it at the same step', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/editor?from=select&lang=en');
  await page.getByLabel('Id', { exact: true }).fill('my-echo');
  await page.getByLabel('Title in English').fill('My echo');
  await page.getByLabel('Seed').fill('42');
  await button(page, 'Copy link').click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/#\/my-echo\?step=0&lang=en&s=1\.[\w-]+$/);

  await button(page, 'Open on the stage').click();
  const s = { ...scenario('select'), id: 'my-echo', title: { ...scenario('select').title, en: 'My echo' }, seed: 42 };
  const steps = visible(s);
  await expect(counter(page)).toContainText(stepText(1, steps.length));
  expect(page.url()).toBe(copied);
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
  await page.getByTestId('scenario-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  const steps = visible(s);
  await expect(picker(page).locator('option:checked')).toHaveText('My select test');
  await button(page, 'Last step').click();
  await expect(counter(page)).toContainText(stepText(steps.length, steps.length));
  await page.locator('.notices').getByRole('button').first().click(); // the "opened" notice
  await expect(notices(page)).toHaveCount(0);
  await reloadKeeps(page, 'My select test', steps.length, steps.length);
});

test('a lesson\'s own scenario, explored freely, survives a reload', async ({ page }) => {
  await page.goto(`./#/lesson/${selectLesson.id}?item=1&lang=en`);
  await button(page, 'Explore freely').click();
  const { scenario: own, seed } = itemScenario(selectLesson);
  const steps = visible(own, seed);
  await expect(counter(page)).toContainText(stepText(1, steps.length));
  await button(page, 'Step forward').click();
  await reloadKeeps(page, own.title.en, 2, steps.length);
});

test('a changed s= gets a notice naming the problem, and a working page', async ({ page }) => {
  const bad = encodeScenario({ ...custom(), clients: [{ name: 'ann', actions: [{ at: 0, do: 'send', data: 'x' }] }] });
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

test('a link with s= and add= reproduces the scenario and the student\'s actions', async ({ page }) => {
  const base = custom();
  const before = visible(base);
  const k = before[Math.floor(before.length / 3)]!;
  const at = actionAtMs(stepEndNs(getRun(base, base.seed).index, k));
  const additions: Addition[] = [{ client: 'you', at, do: 'connect' }, { client: 'you', at, do: 'send', data: 'ping' }];
  const merged = withAdditions(base, additions);
  expect(merged.ok).toBe(true);
  if (!merged.ok) return;
  const steps = visible(merged.scenario);
  const last = steps[steps.length - 1]!;
  await page.goto(`./#/my-select?add=${encodeURIComponent(encodeAdditions(additions))}&step=${last}&lang=en&s=${encodeScenario(base)}`);
  await expect(counter(page)).toContainText(stepText(steps.length, steps.length));
  await expect(page.getByTestId('host-you')).toBeVisible();
  await expect(picker(page).locator('option:checked')).toHaveText('My select test');
  await expect(notices(page)).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]add=you_c[^&]*&.*&s=1\./);
  await page.reload();
  await expect(counter(page)).toContainText(stepText(steps.length, steps.length));
  await expect(page.getByTestId('host-you')).toBeVisible();
});
