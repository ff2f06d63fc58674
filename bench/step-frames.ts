/**
 * Step, step back, seek and play in Chromium, from the key press to the next painted frame
 * (part of `npm run bench`; alone: `node --import tsx bench/step-frames.ts [--profile]`), on the
 * longest shipped scenario and on a 10,000-client one (opened as a file, as a student would).
 * Each action is timed in the page: the key's keydown is dispatched, and the time is read in the
 * requestAnimationFrame callback after the step counter changed plus one more frame (the frame
 * that shows the step has been painted by then). Reports p50/p95 per action beside the goal
 * (one frame at 60 Hz, 16.7 ms) and the ratio, and the longest main-thread task (goal: 50 ms).
 * `--profile` adds the functions that take the most self time while stepping (CPU profile,
 * Chrome DevTools Protocol), for finding where the time goes. Builds dist/ first if missing;
 * serves it with `vite preview` on IOLAB_BENCH_PORT (default 4398).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CDPSession, type Page } from '@playwright/test';
import { withPreviewSite } from './preview.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { runScenario } from '../src/scenarios/run.ts';
import { APP_MAX_EVENTS } from '../src/runs/simulate.ts';
import type { Scenario } from '../src/scenarios/format.ts';

const PORT = Number(process.env.IOLAB_BENCH_PORT ?? 4398);
export const FRAME_GOAL_MS = 16.7;
export const TASK_GOAL_MS = 50;

/** 10,000 clients on epoll, each connecting then sending twice (as e2e/big.spec.ts). */
export function c10kScenario(n = 10_000): Scenario {
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
    id: 'c10k',
    title: { en: 'Ten thousand clients', zh: '一万个客户端' },
    seed: 1,
    model: 'epoll',
    options: { backlog: 4096, fdLimit: 20_000 },
    clients,
    untilMs: 3000,
  };
}

export function longestShipped(): Scenario {
  let longest = SCENARIOS[0]!;
  let most = -1;
  for (const s of SCENARIOS) {
    const e = runScenario(s, { seed: s.seed, keepTrace: false, maxEvents: APP_MAX_EVENTS }).events;
    if (e > most) {
      most = e;
      longest = s;
    }
  }
  return longest;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const round = (v: number): number => Math.round(v * 10) / 10;

export interface ActionFigures {
  action: string;
  n: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}
export interface ScenarioFigures {
  scenario: string;
  actions: ActionFigures[];
  longestTaskMs: number;
  cpu: Record<string, { p50Ms: number; p95Ms: number; parts: Record<string, number> }>;
  profile?: { fn: string; selfMs: number }[];
}

/** ms from a keydown to the frame after the step counter changed. */
async function keyToFrame(page: Page, key: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const counter = document.querySelector('[data-testid="step-counter"]');
    const before = counter.textContent;
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true, cancelable: true }));
    const wait = () => { if (counter.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - t0)); else requestAnimationFrame(wait); };
    requestAnimationFrame(wait);
  })`) as Promise<number>;
}

/** ms from a click on the timeline (a seek to a given fraction of the run) to the next frame after the counter changed. */
async function clickToFrame(page: Page, fraction: number): Promise<number> {
  const box = await page.locator('[role="slider"]').first().boundingBox();
  if (!box) return NaN;
  await page.evaluate(`window.__t0 = undefined; window.__clickDone = undefined; (() => {
    const counter = document.querySelector('[data-testid="step-counter"]');
    const before = counter.textContent;
    window.addEventListener('pointerdown', () => { window.__t0 = performance.now();
      const wait = () => { if (counter.textContent !== before) requestAnimationFrame(() => { window.__clickDone = performance.now() - window.__t0; }); else requestAnimationFrame(wait); };
      requestAnimationFrame(wait);
    }, { once: true, capture: true });
  })()`);
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
  await page.waitForFunction('window.__clickDone !== undefined', null, { timeout: 20_000 });
  return page.evaluate('window.__clickDone') as Promise<number>;
}

async function longestTask(page: Page): Promise<number> {
  return page.evaluate(
    `(() => { for (const e of window.__obs.takeRecords()) window.__long.push(e.duration); const m = Math.max(0, ...window.__long); window.__long = []; return m; })()`,
  ) as Promise<number>;
}

/** Frame gaps while playing at `speed` steps/s for `ms`. */
async function playFrames(page: Page, speed: number, ms: number): Promise<number[]> {
  await page.keyboard.press('Home');
  await page.getByLabel('Speed').selectOption(String(speed));
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const gaps = (await page.evaluate(`new Promise((resolve) => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    const gaps = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = (now) => { gaps.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(gaps); };
    requestAnimationFrame(tick);
  })`)) as number[];
  await page.evaluate(
    `window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }))`,
  );
  return gaps.slice(1);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * Main-thread CPU time per key press (Chrome trace, thread time: what a step costs whatever else
 * the machine runs): the keydown's task (React's render, commit and effects, forced layout) plus
 * the style, layout, paint and commit up to the first frame after it. Also split by part.
 */
async function cpuPerKey(
  page: Page,
  keys: string[],
  from?: number,
): Promise<{ p50Ms: number; p95Ms: number; parts: Record<string, number> }> {
  const browser = page.context().browser()!;
  if (from !== undefined) await clickToFrame(page, from);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  // Real key presses (the trace names their keydown task), each given time to draw.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (const k of keys) {
    await page.keyboard.press(k);
    await page.waitForTimeout(150);
  }
  const all = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    .traceEvents;
  // The page's main thread: of the renderers' main threads in the trace, the one the key presses went to.
  const keydowns = (t: TraceEvent): number =>
    all.filter(
      (e) =>
        e.tid === t.tid && e.pid === t.pid && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
    ).length;
  const main = all
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .sort((a, b) => keydowns(b) - keydowns(a))[0];
  const ev = all
    .filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const cpu: number[] = [];
  const parts: Record<string, number> = {};
  const add = (name: string, us = 0): number => {
    parts[name] = (parts[name] ?? 0) + us / 1000;
    return us / 1000;
  };
  ev.forEach((e, i) => {
    if (e.name !== 'EventDispatch' || e.args?.data?.type !== 'keydown') return;
    let sum = add('key press task', e.tdur);
    const end = e.ts + (e.dur ?? 0);
    for (let j = i + 1; j < ev.length; j++) {
      const f = ev[j]!;
      if (f.ts < end) {
        if (f.name === 'Layout' || f.name === 'UpdateLayoutTree')
          add(`(in it: ${f.name === 'Layout' ? 'layout' : 'style'})`, f.tdur);
        continue;
      }
      const part = FRAME_PARTS[f.name];
      if (part) sum += add(`frame: ${part}`, f.tdur);
      if (f.name === 'Commit') break;
    }
    cpu.push(sum);
  });
  for (const k of Object.keys(parts)) parts[k] = round(parts[k]! / Math.max(1, cpu.length));
  return { p50Ms: round(quantile(cpu, 0.5)), p95Ms: round(quantile(cpu, 0.95)), parts };
}

/** The frame's work after a key press, by Chrome trace event. */
const FRAME_PARTS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function topSelf(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
  n = 80,
): { fn: string; selfMs: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Inclusive time of the app's own named functions (React components and the work they call), once per stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!/\/assets\//.test(f.url) || !/^[A-Za-z]{3,}/.test(f.functionName) || seen.has(f.functionName))
        continue;
      seen.add(f.functionName);
      incl.set(f.functionName, (incl.get(f.functionName) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  const inclusive = [...incl]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, ms]) => ({ fn: `${fn} (inclusive)`, selfMs: round(ms) }));
  return [
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([fn, ms]) => ({ fn, selfMs: round(ms) })),
    ...inclusive,
  ];
}

async function measure(page: Page, label: string, profile: boolean): Promise<ScenarioFigures> {
  const cdp: CDPSession | null = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // Settle: the first steps draw the side panels once.
  for (let i = 0; i < 3; i++) await keyToFrame(page, 'ArrowRight');
  await longestTask(page);
  const times: Record<string, number[]> = {
    step: [],
    'step back': [],
    seek: [],
    'timeline click': [],
    play: [],
  };
  const wall = process.env.IOLAB_BENCH_CPU_ONLY !== '1'; // '1': only the CPU figures (quicker)
  for (let i = 0; wall && i < 30; i++) times.step!.push(await keyToFrame(page, 'ArrowRight'));
  for (let i = 0; wall && i < 30; i++) times['step back']!.push(await keyToFrame(page, 'ArrowLeft'));
  for (let i = 0; wall && i < 6; i++)
    for (const k of ['End', 'Home', 'PageDown']) times.seek!.push(await keyToFrame(page, k));
  for (const f of wall ? [0.9, 0.2, 0.6, 0.35, 0.75, 0.1, 0.5, 0.95] : [])
    times['timeline click']!.push(await clickToFrame(page, f));
  if (wall) times.play = await playFrames(page, 32, 3000);
  const task = await longestTask(page);
  let top: ScenarioFigures['profile'];
  if (cdp) {
    const { profile: p } = await cdp.send('Profiler.stop');
    top = topSelf(p as never);
  }
  await keyToFrame(page, 'Home');
  const cpu = {
    step: await cpuPerKey(
      page,
      Array.from({ length: 20 }, () => 'ArrowRight'),
    ),
    'step back': await cpuPerKey(
      page,
      Array.from({ length: 20 }, () => 'ArrowLeft'),
    ),
    // Steps where the machine is at its largest (the run's second half), after a seek there.
    'step, mid-run': await cpuPerKey(
      page,
      Array.from({ length: 20 }, () => 'ArrowRight'),
      0.6,
    ),
    seek: await cpuPerKey(page, [
      'End',
      'Home',
      'PageDown',
      'End',
      'Home',
      'PageDown',
      'End',
      'Home',
      'PageDown',
    ]),
  };
  return {
    scenario: label,
    actions: Object.entries(times)
      .filter(([, xs]) => xs.length > 0)
      .map(([action, xs]) => ({
        action,
        n: xs.length,
        p50Ms: round(quantile(xs, 0.5)),
        p95Ms: round(quantile(xs, 0.95)),
        maxMs: round(Math.max(...xs)),
      })),
    longestTaskMs: round(task),
    cpu,
    ...(top ? { profile: top } : {}),
  };
}

export async function stepFramesBench(profile = false): Promise<ScenarioFigures[]> {
  return withPreviewSite(PORT, async ({ base, longTaskPage: open }) => {
    const out: ScenarioFigures[] = [];
    const only = process.env.IOLAB_BENCH_ONLY; // 'longest' or 'c10k': one of the two
    const longest = longestShipped();
    let page = await open();
    if (only !== 'c10k') {
      await page.goto(`${base}#/${longest.id}?lang=en`);
      await page.waitForSelector('svg.stage-svg');
      await page.waitForSelector('.side-column:not(.side-waiting)');
      out.push(await measure(page, longest.id, profile));
      await page.context().close();
    }
    if (only === 'longest') return out;

    page = await open();
    await page.goto(`${base}#/blocking-two-clients?lang=en`);
    await page.waitForSelector('svg.stage-svg');
    await page.getByTestId('scenario-file').setInputFiles({
      name: 'c10k.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(c10kScenario())),
    });
    await page.waitForFunction(
      `/of [0-9,]{6,}/.test(document.querySelector('[data-testid="step-counter"]')?.textContent ?? '')`,
      null,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(500);
    out.push(await measure(page, '10,000 clients (epoll)', profile));
    await page.context().close();
    return out;
  });
}

export function printStepFrames(rs: ScenarioFigures[]): void {
  console.log(
    `\nkey → next painted frame in Chromium (goal ≤ ${FRAME_GOAL_MS} ms p95; play: frame gaps at 32 steps/s):`,
  );
  console.log('| scenario | action | n | p50 ms | p95 ms | max ms | goal ms | p95 / goal |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rs) {
    for (const a of r.actions)
      console.log(
        `| ${r.scenario} | ${a.action} | ${a.n} | ${a.p50Ms} | ${a.p95Ms} | ${a.maxMs} | ${FRAME_GOAL_MS} | ${(a.p95Ms / FRAME_GOAL_MS).toFixed(2)} |`,
      );
    console.log(
      `| ${r.scenario} | longest main-thread task | | | | ${r.longestTaskMs} | ${TASK_GOAL_MS} | ${(r.longestTaskMs / TASK_GOAL_MS).toFixed(2)} |`,
    );
  }
  console.log(
    `\nmain-thread CPU per key press, to the first frame after it (thread time from a Chrome trace: what the machine's other load does not inflate):`,
  );
  console.log('| scenario | action | p50 ms | p95 ms | goal ms | p95 / goal | of which (mean ms) |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const r of rs)
    for (const [action, c] of Object.entries(r.cpu)) {
      console.log(
        `| ${r.scenario} | ${action} | ${c.p50Ms} | ${c.p95Ms} | ${FRAME_GOAL_MS} | ${(c.p95Ms / FRAME_GOAL_MS).toFixed(2)} | ${Object.entries(
          c.parts,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`,
      );
    }
  for (const r of rs)
    if (r.profile) {
      console.log(`\nself time while stepping, ${r.scenario}:`);
      for (const p of r.profile) console.log(`  ${String(p.selfMs).padStart(8)} ms  ${p.fn}`);
    }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  printStepFrames(await stepFramesBench(process.argv.includes('--profile')));
}
