/**
 * Shipping the lab: embedded in a course page's iframe, opening scenario files (refused ones
 * listed with their fields, and nothing lost), saving the scenario, trace, log and picture.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { test, expect, openLab, counter, stepText, visibleOf, runOf, scenario, button } from './fixtures.ts';
import { validateScenario, type Scenario } from '../src/scenarios/format.ts';
import { getRun } from '../src/runs/runs.ts';
import { visibleSteps } from '../src/runs/folding.ts';
import { toStrace } from '../src/kernel/strace-log.ts';
import { MAX_DRAWN_CONNECTIONS } from '../src/ui/share/import.ts';

test.describe('embed mode', () => {
  test('in an 800×500 iframe: stage and controls only, at the given step, with a link to the full site', async ({
    page,
  }) => {
    const steps = visibleOf('select');
    const k = steps[Math.floor(steps.length / 3)]!;
    await page.route('**/course-page.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Course</title></head><body><h1>Week 3: I/O models</h1>
        <iframe src="./#/select?step=${k}&embed=1&lang=en" width="800" height="500" title="IO Lab: select" style="border:0"></iframe></body></html>`,
      }),
    );
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto('./course-page.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('step-counter')).toContainText(
      stepText(steps.indexOf(k) + 1, steps.length),
    );
    await expect(frame.getByTestId('stage').locator('svg.stage-svg')).toBeVisible();
    await expect(frame.locator('.app-header')).toHaveCount(0);
    await expect(frame.getByRole('navigation')).toHaveCount(0);
    await expect(frame.locator('.side-column')).toHaveCount(0);
    await expect(frame.getByRole('region', { name: 'Files' })).toHaveCount(0);
    const link = frame.getByRole('link', { name: /Open in IO Lab/ });
    await expect(link).toHaveAttribute('target', '_blank');
    const href = await link.getAttribute('href');
    expect(href).toContain('#/select?');
    expect(href).toContain(`step=${k}`);
    expect(href).not.toContain('embed');
    // The page fits its frame: nothing to scroll but the stage's own box.
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    const size = await inner.evaluate(() => ({
      h: document.documentElement.scrollHeight,
      w: document.documentElement.scrollWidth,
    }));
    expect(size.h).toBeLessThanOrEqual(500);
    expect(size.w).toBeLessThanOrEqual(800);
    await frame.getByRole('button', { name: 'Step forward', exact: true }).click();
    await expect(frame.getByTestId('step-counter')).toContainText(
      stepText(steps.indexOf(k) + 2, steps.length),
    );
    // Nor does it download the side panels' code it never shows (their words file also holds the
    // motion's labels, which the embed does show).
    expect(fetched.filter((url) => /\/assets\/SidePanels-[\w-]+\.js$/.test(url))).toEqual([]);
  });
});

async function openFile(page: Page, name: string, content: string): Promise<void> {
  await page
    .getByTestId('scenario-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

function custom(): Scenario {
  const base = scenario('select');
  return {
    ...base,
    id: 'my-select',
    title: { en: 'My select test', zh: '我的 select 测试' },
    clients: base.clients.slice(0, 1),
  };
}

test.describe('opening a scenario file', () => {
  test('a refused file lists each problem with its field, and the scenario on screen stays', async ({
    page,
  }) => {
    const steps = visibleOf('epoll-level');
    await openLab(page, 'epoll-level', { step: steps[4]! });
    const before = await counter(page).textContent();
    const bad = {
      ...custom(),
      model: 'kqueue',
      seed: -1,
      clients: [{ name: 'ann', actions: [{ at: 0, do: 'send', data: 'x' }] }],
      extra: 1,
    };
    const v = validateScenario(bad);
    if (v.ok) throw new Error('expected problems');
    await openFile(page, 'broken.json', JSON.stringify(bad));
    const box = page.getByTestId('import-problems');
    await expect(box).toContainText('broken.json was not opened');
    for (const p of v.problems)
      await expect(box.locator('li', { hasText: p.message }).locator('code')).toHaveText(p.path);
    await expect(box.locator('li')).toHaveCount(v.problems.length);
    await expect(counter(page)).toHaveText(before!);
    await expect(page.getByLabel('Scenario')).toHaveValue('epoll-level');

    // Not JSON at all, and not a .json file.
    await openFile(page, 'notes.json', '{"format": "iolab/scenario@1",');
    // The previous file's list stays until this one has been read.
    await expect(box.locator('li code')).toHaveCount(1);
    await expect(box.locator('li code')).toHaveText('(json)');
    await page
      .getByTestId('scenario-file')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
    await expect(box).toContainText('is not a .json file');
    await expect(page.getByLabel('Scenario')).toHaveValue('epoll-level');
    await box.getByRole('button', { name: 'Close' }).click();
    await expect(box).toHaveCount(0);
  });

  test('an accepted file is shown from its first step, and can be stepped', async ({ page }) => {
    await openLab(page, 'blocking-two-clients');
    const s = custom();
    const { index, folds } = getRun(s, s.seed);
    const n = visibleSteps(index.steps, folds).length;
    await openFile(page, 'mine.json', JSON.stringify(s));
    await expect(page.getByText('Opened “My select test” from mine.json.')).toBeVisible();
    await expect(counter(page)).toContainText(stepText(1, n));
    await button(page, 'Step forward').click();
    await expect(counter(page)).toContainText(stepText(2, n));
  });
});

function crowd(n: number): Scenario {
  const clients = Array.from({ length: n }, (_, i) => {
    const at = i * 0.05;
    return {
      name: `c${i}`,
      actions: [
        { at, do: 'connect' as const },
        { at: at + 600, do: 'send' as const, data: `m1-${i}` },
        { at: at + 1200, do: 'send' as const, data: `m2-${i}` },
      ],
    };
  });
  return {
    format: 'iolab/scenario@1',
    id: `crowd-${n}`,
    title: { en: `Crowd of ${n}`, zh: `${n} 个客户端` },
    seed: 1,
    model: 'epoll',
    options: { backlog: 4096, fdLimit: 20_000 },
    clients,
    untilMs: 3000,
  };
}

test.describe('large scenarios', () => {
  test('more clients than the view opens: refused at once with the reason and the command that runs it; the page stays', async ({
    page,
  }) => {
    await openLab(page, 'select');
    const before = await counter(page).textContent();
    const t0 = Date.now();
    // 100 clients and as many idle connections as the view opens: one too many by 100.
    await openFile(
      page,
      'c10k.json',
      JSON.stringify({ ...crowd(100), idleConnections: MAX_DRAWN_CONNECTIONS }),
    );
    const box = page.getByTestId('import-problems');
    await expect(box.locator('li code')).toHaveText('idleConnections');
    await expect(box).toContainText(`makes ${MAX_DRAWN_CONNECTIONS + 100} connections`);
    await expect(box).toContainText('npm run sim -- c10k.json');
    expect(Date.now() - t0).toBeLessThan(10_000);
    await expect(counter(page)).toHaveText(before!);
    await button(page, 'Step forward').click();
    await expect(counter(page)).not.toHaveText(before!);
  });

  test('300 clients: opens, steps and seeks to the end', async ({ page }) => {
    test.setTimeout(120_000);
    const s = crowd(300);
    const { index, folds } = getRun(s, s.seed);
    const n = visibleSteps(index.steps, folds).length;
    await openLab(page, 'select');
    await openFile(page, 'crowd.json', JSON.stringify(s));
    await expect(counter(page)).toContainText(stepText(1, n), { timeout: 30_000 });
    await button(page, 'Last step').click();
    await expect(counter(page)).toContainText(stepText(n, n), { timeout: 30_000 });
    await button(page, 'Step back').click();
    await expect(counter(page)).toContainText(stepText(n - 1, n), { timeout: 30_000 });
  });
});

async function saved(page: Page, name: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { file, text: await readFile((await file.path())!, 'utf8') };
}

test('saving the scenario, the trace, the system-call log and the picture', async ({ page }) => {
  const id = 'epoll-level';
  const steps = visibleOf(id);
  const k = steps[Math.floor(steps.length / 2)]!;
  await openLab(page, id, { step: k });
  const { run } = runOf(id);

  const sc = await saved(page, 'Scenario (JSON)');
  expect(sc.file.suggestedFilename()).toBe(`${id}.json`);
  expect(JSON.parse(sc.text)).toEqual(scenario(id));
  expect(validateScenario(JSON.parse(sc.text)).ok).toBe(true);

  const tr = await saved(page, 'Trace (JSON)');
  const trace = JSON.parse(tr.text) as { format: string; scenario: string; seed: number; events: unknown[] };
  expect(trace.format).toBe('iolab/trace@1');
  expect(trace.scenario).toBe(id);
  expect(trace.events).toEqual(JSON.parse(JSON.stringify(run.trace)));

  const log = await saved(page, 'System calls (text)');
  expect(log.file.suggestedFilename()).toBe(`${id}.strace.txt`);
  expect(log.text).toBe(`${toStrace(run)}\n`);

  const svg = await saved(page, 'Picture (SVG)');
  expect(svg.file.suggestedFilename()).toBe(`${id}-step-${k}.svg`);
  expect(svg.text).toMatch(/^<\?xml/);
  expect(svg.text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg.text).not.toContain('class=');
  expect(svg.text).toMatch(/style="[^"]*fill:/);
  // The same texts as on screen (thread names, fd numbers...).
  const onScreen = await page.getByTestId('stage').locator('svg.stage-svg text').first().textContent();
  expect(svg.text).toContain(onScreen!.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  // Standalone, it draws: open it as an image and check its size.
  const drawn = await page.evaluate(async (text) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = reject;
      img.src = url;
    });
    return { w: img.naturalWidth, h: img.naturalHeight };
  }, svg.text);
  expect(drawn.w).toBeGreaterThan(300);
  expect(drawn.h).toBeGreaterThan(200);

  const [png] = await Promise.all([page.waitForEvent('download'), button(page, 'Picture (PNG)').click()]);
  expect(png.suggestedFilename()).toBe(`${id}-step-${k}.png`);
  const bytes = await readFile((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.readUInt32BE(16)).toBe(drawn.w * 2);
});

test('every bad URL part gets its own notice and a fallback, and the page works', async ({ page }) => {
  await page.goto('./#/select?step=-5&seed=x1&lang=xx');
  const notices = page.locator('.notices');
  await expect(notices).toContainText('The step "-5" is not a whole number');
  await expect(notices).toContainText('The seed "x1"');
  await expect(notices).toContainText('Unknown language "xx"');
  const n = visibleOf('select').length;
  await expect(counter(page)).toContainText(stepText(1, n));
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(2, n));
});

test('side panels whose words cannot be downloaded say so; the narration, the stage and the controls still work', async ({
  page,
  pageErrors,
}) => {
  // The side panels' words (assets/side-<hash>.js) fail, as on a first visit that goes offline after the first download.
  await page.route(/\/assets\/side-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('./#/select?lang=en');
  await expect(page.locator('.side-column[role="alert"]')).toContainText('could not be loaded');
  await expect(page.locator('.notices')).toHaveCount(0);
  const n = visibleOf('select').length;
  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(2, n));
  await expect(page.getByTestId('narration')).not.toBeEmpty();
  await expect(page.getByTestId('stage')).toBeVisible();
  // The refused download is the only error the page reports.
  const others = pageErrors.filter(
    (e) =>
      !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch dynamically imported module/.test(
        e,
      ),
  );
  pageErrors.splice(0, pageErrors.length, ...others);
});
