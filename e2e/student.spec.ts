/**
 * The student as a client: a message the student sends at a step gets its reply on the stage and
 * in the strace log in the steps after; the link carries the added actions; a bad `add=` gets a
 * notice. Expected steps come from the same simulation the app runs.
 */
import {
  test,
  expect,
  openLab,
  visibleOf,
  counter,
  stepText,
  button,
  scenario,
  seriousAxeViolations,
} from './fixtures.ts';
import type { Page } from '@playwright/test';
import { getRun } from '../src/runs/runs.ts';
import { visibleSteps } from '../src/runs/folding.ts';
import { actionAtMs, encodeAdditions, mergeAdditions, type Addition } from '../src/scenarios/student.ts';
import { stepEndNs } from '../src/ui/student/actions.ts';

const MESSAGE = 'ping me';

/** What the app must show when the student connects and sends MESSAGE at raw step k of `id`. */
function expected(id: string, k: number) {
  const base = scenario(id);
  const at = actionAtMs(stepEndNs(getRun(base, base.seed).index, k));
  const additions: Addition[] = [
    { client: 'you', at, do: 'connect' },
    { client: 'you', at, do: 'send', data: MESSAGE },
  ];
  const merged = mergeAdditions(base, additions);
  const { index, folds } = getRun(merged, merged.seed);
  const visible = visibleSteps(index.steps, folds);
  const replyEvent = index.trace.findIndex((e) => e.type === 'client.reply' && e.client === 'you');
  expect(replyEvent, 'the simulation answers the student').toBeGreaterThan(0);
  const replyStep = visible.find((s) => s >= index.stepOfEvent(replyEvent))!;
  return {
    visible,
    replyStep,
    add: encodeAdditions(additions),
    presses: visible.indexOf(replyStep) - visible.indexOf(k),
  };
}

const panel = (page: Page) => page.getByTestId('student');
const log = (page: Page) => page.getByRole('region', { name: 'System calls (strace)' });

async function openPanel(page: Page): Promise<void> {
  // Already open when the scenario has the student's actions.
  if (
    !(await panel(page)
      .locator('details')
      .evaluate((d) => (d as HTMLDetailsElement).open))
  )
    await panel(page).locator('summary').click();
  await expect(panel(page).getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
}

async function expectReply(page: Page): Promise<void> {
  await expect(page.getByTestId('host-you')).toContainText(`b'${MESSAGE.toUpperCase()}'`);
  await expect(log(page)).toContainText(new RegExp(`recvfrom\\(\\d+, "${MESSAGE}"`));
  await expect(log(page)).toContainText(new RegExp(`sendto\\(\\d+, "${MESSAGE.toUpperCase()}"`));
}

for (const id of ['select', 'epoll-level']) {
  test(`${id}: a message the student sends gets its reply on the stage and in the log; the link keeps it`, async ({
    page,
  }) => {
    const steps = visibleOf(id);
    const k = steps[Math.floor(steps.length / 2)]!;
    const want = expected(id, k);
    await openLab(page, id, { step: k });
    const stage = page.getByTestId('stage');
    const before = await stage.textContent();
    await openPanel(page);
    await button(page, 'Connect').click();
    await expect(panel(page).getByRole('combobox', { name: 'Client' })).toHaveValue('you');
    await panel(page).getByRole('textbox', { name: 'Message' }).fill(MESSAGE);
    await button(page, 'Send').click();
    await expect(panel(page).getByRole('status')).toContainText(`Added: your client sends “${MESSAGE}”`);
    await expect(panel(page).getByRole('listitem')).toHaveText([
      /your client connects/,
      new RegExp(`your client sends “${MESSAGE}”`),
    ]);

    // Still the same step, showing the same machine; the run now has the student's steps after it.
    const position = want.visible.indexOf(k);
    await expect(counter(page)).toContainText(stepText(position + 1, want.visible.length));
    expect(await stage.textContent()).toBe(before);
    await expect(page).toHaveURL(
      new RegExp(`[?&]add=${want.add.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\+')}&`),
    );

    for (let i = 0; i < want.presses; i++) await button(page, 'Step forward').click();
    await expect(counter(page)).toContainText(
      stepText(want.visible.indexOf(want.replyStep) + 1, want.visible.length),
    );
    await expectReply(page);

    // A reload (a shared link) rebuilds the same run at the same step.
    const text = await counter(page).textContent();
    await page.reload();
    await expect(counter(page)).toHaveText(text ?? '');
    await expectReply(page);
    await openPanel(page);
    await expect(panel(page).getByRole('listitem')).toHaveCount(2);
  });
}

test('a link with added actions opens on their consequences; taking them back restores the scenario', async ({
  page,
}) => {
  const id = 'select';
  const k = visibleOf(id)[20]!;
  const want = expected(id, k);
  await page.goto(`./#/${id}?add=${encodeURIComponent(want.add)}&step=${want.replyStep}&lang=en`);
  await expectReply(page);
  await expect(page.locator('.notices')).toHaveCount(0);
  await openPanel(page);
  await panel(page).getByRole('button', { name: 'Take back: your client connects' }).click();
  await expect(panel(page).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByTestId('host-you')).toHaveCount(0);
  await expect(page).not.toHaveURL(/add=/);
});

test('actions that make no sense get a reason, not a change', async ({ page }) => {
  const id = 'select';
  const steps = visibleOf(id);
  await openLab(page, id, { step: steps[10]! });
  await openPanel(page);
  await panel(page).getByRole('textbox', { name: 'Message' }).fill('hello');
  await button(page, 'Send').click();
  // The student's client is "you": in a sentence, "your client", never "you has".
  await expect(panel(page).getByRole('alert')).toHaveText(
    /^Your client has no connection at this moment: connect first\.$/,
  );
  await panel(page).getByRole('combobox', { name: 'Client' }).selectOption('ann');
  await button(page, 'Connect').click();
  await expect(panel(page).getByRole('alert')).toHaveText(/ann already connects in this scenario/);
  await expect(counter(page)).toContainText(stepText(11, steps.length));
  await expect(page).not.toHaveURL(/add=/);
});

test('a bad add= gets a notice naming the problem, and the scenario without additions', async ({ page }) => {
  const id = 'select';
  await page.goto(`./#/${id}?add=you_c1*you_q2&step=5&lang=en`);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('could not be used');
  await expect(notices).toContainText('unknown kind "q"');
  await expect(counter(page)).toContainText(stepText(visibleOf(id).indexOf(5) + 1, visibleOf(id).length));
  await expect(page).not.toHaveURL(/add=/);
  // Well-formed but invalid: the validator's words (in the reader's language), with the field.
  await page.goto(`./#/${id}?add=you_s1_hi&step=5&lang=zh`);
  await expect(notices).toContainText('无法使用');
  await expect(notices).toContainText('clients[3].actions[0].do：“send”排在“connect”之前');
  await expect(notices).not.toContainText('before');
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the panel in ${theme.toLowerCase()}, with a problem shown: no serious or critical axe violation`, async ({
    page,
  }) => {
    const id = 'select';
    await openLab(page, id, { step: visibleOf(id)[30]! });
    await page.getByRole('button', { name: theme, exact: true }).click();
    await openPanel(page);
    await button(page, 'Connect').click();
    await button(page, 'Connect').click();
    await expect(panel(page).getByRole('alert')).toBeVisible();
    expect(await seriousAxeViolations(page, '[data-testid="student"]')).toEqual([]);
  });
}

test('the panel is on the first screen at 1280×720, opens by itself on a link with the student’s actions, and words “you” as a client in both languages', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const id = 'select';
  await openLab(page, id, { step: 5 });
  const summary = panel(page).locator('summary');
  await expect(summary).toBeInViewport();
  await expect(panel(page).locator('details')).not.toHaveAttribute('open');
  const k = visibleOf(id)[20]!;
  const want = expected(id, k);
  await page.goto(`./#/${id}?add=${encodeURIComponent(want.add)}&step=${want.replyStep}&lang=zh`);
  await expect(panel(page).locator('details')).toHaveAttribute('open');
  await expect(panel(page).getByRole('listitem').first()).toContainText('你的客户端发起连接');
  // The narration says the same.
  await expect(page.locator('.pn-narration')).toContainText('你的客户端收到了');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('.pn-narration')).toContainText('Your client receives');
  await expect(page.locator('.pn-narration')).not.toContainText(/\byou\d*(’s|\s+has|\s+receives)\b/);
});
