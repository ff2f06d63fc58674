/**
 * The exam hall: it shows the same moment as the kernel stage while stepping, and its counters
 * are the trace's own numbers, for select and for epoll on the same class. Expectations are
 * computed here from the same deterministic runs the page makes, never hard-coded.
 */
import type { Page } from '@playwright/test';
import { test, expect, urlStep, seriousAxeViolations } from './fixtures.ts';
import { getRun } from '../src/runs/runs.ts';
import { hallScenario, SELECT_MAX_CLASS, studentIndex, type HallConfig } from '../src/hall/hall.ts';
import { hallTimeline, teacherAtEvent } from '../src/hall/hall-trace.ts';
import type { TraceEvent } from '../src/kernel/types.ts';

const runOf = (c: HallConfig) => {
  const s = hallScenario(c);
  return getRun(s, s.seed);
};
const hallUrl = (c: HallConfig, extra: Record<string, string> = {}) =>
  `./#/hall?${new URLSearchParams({ n: String(c.n), mech: c.mech, pattern: c.pattern, order: String(c.seed), lang: 'en', ...extra }).toString()}`;

/** Opens a hall link and waits until the class has been run and drawn (a busy machine may take a while). */
async function openHall(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('hall-svg').or(page.getByTestId('stage')).first()).toBeVisible({
    timeout: 30_000,
  });
}

/** Counted straight from the trace, up to event `last` (inclusive) or up to time `t`. */
function sums(trace: readonly TraceEvent[], upTo: { last?: number; t?: number }) {
  let questions = 0;
  let papers = 0;
  let waits = 0;
  for (let i = 0; i < trace.length; i++) {
    const ev = trace[i]!;
    if (upTo.last !== undefined && i > upTo.last) break;
    if (upTo.t !== undefined && ev.t > upTo.t) break;
    if (ev.type === 'select.scan') questions += ev.watched.length;
    if (ev.type === 'sys.exit' && ev.name === 'epoll_wait' && ev.ret > 0) questions += ev.ret;
    if (ev.type === 'sys.enter' && (ev.name === 'pselect6' || ev.name === 'epoll_wait')) waits++;
    if (ev.type === 'copy' && ev.dir === 'to-user' && ev.bytes > 0) papers++;
  }
  return { questions, papers, waits };
}

const lastEvent = (run: ReturnType<typeof runOf>, step: number) =>
  (step + 1 < run.index.stepStart.length ? run.index.stepStart[step + 1]! : run.index.trace.length) - 1;

/** Whether any student or the door is readable in the kernel's view at that step. */
function lampAt(run: ReturnType<typeof runOf>, step: number): boolean {
  const v = run.index.viewAt(step);
  const server = Object.values(v.procs).sort((a, b) => a.pid - b.pid)[0];
  if (!server || server.exited) return false;
  return Object.values(server.fds).some((what) => {
    if (what.kind === 'listen') return (v.socks[what.sock]?.acceptQueue.length ?? 0) > 0;
    if (what.kind !== 'conn' || studentIndex(what.client) === null) return false;
    const so = v.socks[what.sock];
    return !!so && !so.closed && (so.rx.length > 0 || so.fin || so.err !== null);
  });
}

async function count(page: Page, mech: string, row: string): Promise<number> {
  return Number(await page.getByTestId(`count-${mech}-${row}`).getAttribute('data-value'));
}

test('stepping moves the hall and the stage together; the lamp, the teacher and the counters follow the trace', async ({
  page,
}) => {
  const c: HallConfig = { n: 30, mech: 'select', pattern: 'several', seed: 1 };
  const run = runOf(c);
  const other = runOf({ ...c, mech: 'epoll' });
  const tl = hallTimeline(run.run.trace, c.n);
  // Start just before the first scan that finds papers.
  const scanEv = run.run.trace.findIndex((ev) => ev.type === 'select.scan' && ev.ready.length > 1);
  const start = run.index.stepOfEvent(scanEv) - 3;
  await openHall(page, hallUrl(c, { step: String(start), view: 'both' }));
  const hall = page.getByTestId('hall');
  await expect(hall).toHaveAttribute('data-step', String(start));

  let sawScan = false;
  let sawCollect = false;
  let sawLamp = false;
  for (let i = 0; i < 24; i++) {
    const step = (await urlStep(page))!;
    await expect(hall).toHaveAttribute('data-step', String(step));
    // The stage draws the very same step.
    await expect(page.getByTestId('stage').locator('svg.stage-svg')).toHaveAttribute(
      'aria-label',
      new RegExp(`^Step ${step}\\.`),
    );
    const svg = page.getByTestId('hall-svg');
    const last = lastEvent(run, step);
    const lamp = lampAt(run, step);
    await expect(svg).toHaveAttribute('data-lamp', lamp ? 'on' : 'off');
    const place = teacherAtEvent(tl, last).place;
    await expect(svg).toHaveAttribute('data-teacher', typeof place === 'number' ? `s${place}` : place);
    const mine = sums(run.run.trace, { last });
    const theirs = sums(other.run.trace, { t: run.run.trace[last]!.t });
    expect(await count(page, 'select', 'questions')).toBe(mine.questions);
    expect(await count(page, 'select', 'papers')).toBe(mine.papers);
    expect(await count(page, 'select', 'waits')).toBe(mine.waits);
    expect(await count(page, 'epoll', 'questions')).toBe(theirs.questions);
    expect(await count(page, 'epoll', 'papers')).toBe(theirs.papers);
    const activity = await svg.getAttribute('data-activity');
    if (activity === 'scanning') {
      sawScan = true;
      await expect(page.getByTestId('hall-now')).toContainText('was it you?');
    }
    if (activity === 'collecting') sawCollect = true;
    sawLamp ||= lamp;
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => urlStep(page)).not.toBe(step);
  }
  expect(sawScan && sawCollect && sawLamp).toBe(true);
});

test('epoll: the lamp shows the names of the ready list, and the teacher goes straight to them', async ({
  page,
}) => {
  const c: HallConfig = { n: 30, mech: 'epoll', pattern: 'several', seed: 1 };
  const run = runOf(c);
  const i = run.run.trace.findIndex((ev) => ev.type === 'sys.exit' && ev.name === 'epoll_wait' && ev.ret > 1);
  const step = run.index.stepOfEvent(i);
  await openHall(page, hallUrl(c, { step: String(step), view: 'hall' }));
  await expect(page.getByTestId('hall-svg')).toHaveAttribute('data-activity', 'reading');
  const ready = run.index.viewAt(step).epolls;
  const names = Object.values(ready)[0]!.ready;
  for (const fd of names) await expect(page.getByTestId('hall-names')).toContainText(`fd ${fd}`);
  await expect(page.getByTestId('stage')).toHaveCount(0);
  // Counters: epoll asked exactly the entries returned so far, select the fds its scans checked by then.
  const t = run.run.trace[lastEvent(run, step)]!.t;
  expect(await count(page, 'epoll', 'questions')).toBe(
    sums(run.run.trace, { last: lastEvent(run, step) }).questions,
  );
  expect(await count(page, 'select', 'questions')).toBe(
    sums(runOf({ ...c, mech: 'select' }).run.trace, { t }).questions,
  );
});

test('a class too big for select: the hall explains FD_SETSIZE and shows the ValueError', async ({
  page,
}) => {
  const c: HallConfig = { n: 1100, mech: 'select', pattern: 'burst', seed: 1 };
  await openHall(page, hallUrl(c, { view: 'hall' }));
  const box = page.getByTestId('hall-fdset');
  await expect(box).toContainText('FD_SETSIZE = 1024');
  await expect(box).toContainText(String(SELECT_MAX_CLASS));
  await box.getByTestId('hall-fail-jump').click();
  await expect(page.getByTestId('hall-svg')).toHaveAttribute('data-activity', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('hall-now')).toContainText(
    'ValueError: filedescriptor out of range in select()',
  );
  const run = runOf(c);
  const failed = hallTimeline(run.run.trace, c.n).failed!;
  expect(await urlStep(page)).toBe(run.index.stepOfEvent(failed.ev));
  // epoll seats the same class.
  await box.getByRole('button', { name: 'Use epoll for this class' }).click();
  await expect(page).toHaveURL(/mech=epoll/);
  await expect(page.getByTestId('hall-fdset')).toHaveCount(0);
});

test('bad parameters: a notice each, and the defaults in the link', async ({ page }) => {
  await openHall(page, './#/hall?n=abc&mech=kqueue&pattern=all&lang=en');
  await expect(page.getByText('The exam hall cannot use n="abc"; using 30.')).toBeVisible();
  await expect(page.getByText('The exam hall cannot use mech="kqueue"; using select.')).toBeVisible();
  await expect(page).toHaveURL(/n=30&mech=select&pattern=several/);
  await expect(page.getByTestId('hall-svg')).toBeVisible();
});

test('the toggle shows the hall, the kernel, or both', async ({ page }) => {
  await openHall(
    page,
    hallUrl({ n: 12, mech: 'epoll', pattern: 'one', seed: 2 }, { view: 'both', step: '40' }),
  );
  const group = page.getByRole('group', { name: 'Show' });
  await expect(page.getByTestId('hall')).toBeVisible();
  await expect(page.getByTestId('stage')).toBeVisible();
  await group.getByRole('button', { name: 'Kernel' }).click();
  await expect(page.getByTestId('hall')).toHaveCount(0);
  await expect(page.getByTestId('stage')).toBeVisible();
  await expect(page).toHaveURL(/view=kernel/);
  await group.getByRole('button', { name: 'Hall' }).click();
  await expect(page.getByTestId('stage')).toHaveCount(0);
  await expect(page.getByTestId('hall')).toBeVisible();
  // The step is kept when only the view changes.
  expect(await urlStep(page)).toBe(40);
});

for (const theme of ['Light', 'Dark'] as const) {
  for (const lang of ['en', 'zh'] as const) {
    test(`no serious or critical axe violation (${theme.toLowerCase()}, ${lang})`, async ({ page }) => {
      const c: HallConfig = { n: 30, mech: 'select', pattern: 'several', seed: 1 };
      const run = runOf(c);
      const scanEv = run.run.trace.findIndex((ev) => ev.type === 'select.scan' && ev.ready.length > 1);
      await openHall(page, hallUrl(c, { step: String(run.index.stepOfEvent(scanEv)), view: 'both', lang }));
      await page
        .getByRole('button', {
          name: lang === 'en' ? theme : theme === 'Light' ? '浅色' : '深色',
          exact: true,
        })
        .click();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
}
