/**
 * The scenario editor: a teacher builds a scenario with the form, sees an out-of-range value
 * flagged at its field, opens the result on the stage and steps through it.
 */
import { test, expect, counter, stepText, button, scenario, seriousAxeViolations } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { validateScenario } from '../src/scenarios/format.ts';
import { getRun } from '../src/runs/runs.ts';
import { visibleSteps } from '../src/runs/folding.ts';
import { draftOf } from '../src/ui/editor/draft.ts';

const status = (page: Page) => page.getByTestId('editor-status');

/** The error text an input points to with aria-describedby. */
async function describedText(page: Page, id: string): Promise<string> {
  return page.evaluate((fieldId) => {
    const el = document.getElementById(fieldId);
    return (el?.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((d) => document.getElementById(d)?.textContent ?? '')
      .join(' | ');
  }, id);
}

test('build a scenario with the form, fix a flagged value, open it on the stage and step it', async ({
  page,
}) => {
  await page.goto('./#/editor?from=blank&lang=en');
  await expect(page.getByRole('heading', { name: 'Scenario editor' })).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-valid', 'true');

  await page.getByLabel('Id', { exact: true }).fill('my-echo');
  await page.getByLabel('Title in English').fill('My echo over epoll');
  await page.getByLabel('Model: the server program').selectOption('epoll');
  await button(page, 'Add a client').click();
  const client = page.getByTestId('editor-client-0');
  await client.getByRole('button', { name: 'Add an action' }).click();
  await page.locator('#ed-clients-0-actions-1-data').fill('ping');
  await client.getByRole('button', { name: 'Add an action' }).click();
  await page.locator('#ed-clients-0-actions-2-do').selectOption('close');

  // Out of range: flagged at its field, the stage refuses it.
  const recv = page.locator('#ed-options-recvSize');
  await recv.fill('0');
  await expect(recv).toHaveAttribute('aria-invalid', 'true');
  expect(await describedText(page, 'ed-options-recvSize')).toContain(
    'must be a whole number from 1 to 65536 (got 0)',
  );
  await expect(status(page)).toHaveAttribute('data-valid', 'false');
  await expect(status(page)).toContainText('options.recvSize');
  await expect(button(page, 'Open on the stage')).toHaveAttribute('aria-disabled', 'true');
  await button(page, 'Open on the stage').click({ force: true }); // aria-disabled: it stays on the editor
  await expect(page.getByRole('heading', { name: 'Scenario editor' })).toBeVisible();

  // A send before the connect is caught too: move the send up, then back.
  await client.getByRole('button', { name: 'Move action 2 of client1 up' }).click();
  await expect(page.locator('#ed-clients-0-actions-0-do')).toHaveAttribute('aria-invalid', 'true');
  await client.getByRole('button', { name: 'Move action 1 of client1 down' }).click();

  await recv.fill('512');
  await expect(recv).not.toHaveAttribute('aria-invalid', 'true');
  await expect(status(page)).toHaveAttribute('data-valid', 'true');

  // The JSON view is the file: the same validator accepts it.
  const json = JSON.parse((await page.getByTestId('editor-json').textContent()) ?? '') as unknown;
  const v = validateScenario(json);
  expect(v.ok).toBe(true);
  if (!v.ok) return;
  expect(v.scenario).toMatchObject({
    id: 'my-echo',
    model: 'epoll',
    options: { recvSize: 512 },
    clients: [
      {
        name: 'client1',
        actions: [
          { at: 0, do: 'connect' },
          { at: 100, do: 'send', data: 'ping' },
          { at: 200, do: 'close' },
        ],
      },
    ],
  });

  await button(page, 'Open on the stage').click();
  const { index, folds } = getRun(v.scenario, v.scenario.seed);
  const n = visibleSteps(index.steps, folds).length;
  await expect(counter(page)).toContainText(stepText(1, n));
  // A scenario that is not shipped travels whole in the link (e2e/link.spec.ts reloads it).
  await expect(page).toHaveURL(/#\/my-echo\?step=0&s=1\.[\w-]+$/);
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(2, n));
  await button(page, 'Last step').click();
  await expect(counter(page)).toContainText(stepText(n, n));
  await expect(page.getByTestId('host-client1')).toContainText("b'PING'");
});

test('the draft is kept as you type: it survives a reload, the Lab link then Back, and a closed tab; start over asks first', async ({
  page,
  context,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.goto('./#/editor?from=blank&lang=en');
  const id = page.getByLabel('Id', { exact: true });
  await expect(id).toHaveValue('my-scenario');
  await expect(page.getByTestId('editor-kept')).toHaveText('');
  await id.fill('kept-draft');
  await page.getByLabel('Title in English').fill('Kept across reloads');
  await button(page, 'Add a client').click();
  await page.locator('#ed-clients-0-name').fill('zoe');
  await expect(page.getByTestId('editor-kept')).toContainText('kept in this browser');

  // A reload asks first (unsaved changes), then gives the draft back.
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(id).toHaveValue('kept-draft');
  await expect(page.getByLabel('Title in English')).toHaveValue('Kept across reloads');
  await expect(page.locator('#ed-clients-0-name')).toHaveValue('zoe');
  await expect(page.getByTestId('editor-kept')).toContainText('Your draft is back');

  // The nav's Lab link leaves the editor (no question: the draft is kept), Back brings it back.
  await page.getByRole('navigation').getByRole('link', { name: 'Step through', exact: true }).click();
  await expect(counter(page)).toBeVisible();
  await page.goBack();
  await expect(id).toHaveValue('kept-draft');
  await expect(page.locator('#ed-clients-0-name')).toHaveValue('zoe');

  // A tab closed without a word (or a crash): a new tab finds the draft.
  await page.locator('#ed-clients-0-name').fill('zed');
  await page.waitForTimeout(400); // written a quarter of a second after the last key
  const url = page.url();
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  again.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await again.goto(url);
  await expect(again.locator('#ed-clients-0-name')).toHaveValue('zed');

  // Starting over asks first, then the form is what was chosen, and nothing is kept any more.
  await again.getByLabel('Start from').selectOption('blank');
  await again.getByRole('button', { name: 'Start over from this', exact: true }).click();
  expect(dialogs).toEqual(['beforeunload', 'confirm']);
  await expect(again.getByLabel('Id', { exact: true })).toHaveValue('my-scenario');
  await again.reload();
  await expect(again.getByLabel('Id', { exact: true })).toHaveValue('my-scenario');
  expect(dialogs).toEqual(['beforeunload', 'confirm']);
  expect(await again.evaluate(() => window.localStorage.getItem('iolab.editor.draft'))).toBeNull();
});

test('"Copy link" on a scenario too large for a link says why and offers the file instead', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Two sends of 60,000 bytes: more characters than a link carries (a form with ~600 clients would say the same, slowly).
  const draft = {
    ...draftOf(scenario('select')),
    id: 'wide',
    clients: ['a', 'b'].map((name) => ({
      name,
      actions: [
        { at: '0', do: 'connect', data: '' },
        { at: '10', do: 'send', data: name.repeat(60_000) },
        { at: '30', do: 'close', data: '' },
      ],
    })),
  };
  await page.addInitScript(
    (kept) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('iolab.editor.draft', kept);
      }
    },
    JSON.stringify({ v: 1, draft, from: 'select', saved: '', start: '' }),
  );
  await page.goto('./#/editor?lang=en');
  await expect(page.getByLabel('Id', { exact: true })).toHaveValue('wide');
  await expect(status(page)).toHaveAttribute('data-valid', 'true');
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.getByTestId('editor-copy-link').click();
  const said = page.getByTestId('editor-copied');
  await expect(said).toContainText(
    /too large for a link: it would take [\d,]+ characters, and a link carries at most 120,000/,
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
  const download = page.waitForEvent('download');
  await said.getByRole('button', { name: 'Save wide.json instead' }).click();
  expect((await download).suggestedFilename()).toBe('wide.json');

  // Too many connections: the other limit, in Chinese.
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.locator('#ed-idleConnections').fill('99999');
  await page.getByTestId('editor-copy-link').click();
  await expect(said).toContainText('这个场景有 100,001 个连接，链接带不了这么多（最多 100,000 个）');
});

test('an unknown starting scenario gets a notice and the form starts from the stage', async ({ page }) => {
  await page.goto('./#/editor?from=no-such&lang=en');
  await expect(page.locator('.notices')).toContainText('no-such');
  await expect(page.getByLabel('Id', { exact: true })).toHaveValue('blocking-two-clients');
  await expect(page).not.toHaveURL(/from=/);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the editor in ${theme.toLowerCase()}, with a problem shown: no serious or critical axe violation`, async ({
    page,
  }) => {
    await page.goto('./#/editor?from=select&lang=en');
    await page.getByRole('button', { name: theme, exact: true }).click();
    await page.locator('#ed-options-recvSize').fill('-4');
    await expect(status(page)).toHaveAttribute('data-valid', 'false');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
