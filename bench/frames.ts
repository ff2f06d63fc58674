/**
 * Playback frame times in Chromium (part of `npm run bench`; alone: `node --import tsx bench/frames.ts`):
 * builds the site if there is no dist/, serves it with `vite preview`, opens the longest shipped
 * scenario, plays it for a few seconds at a speed where every step animates (4 steps/s; and
 * the same with motion off, for comparison) and at one where steps come too fast to animate
 * (16 steps/s), and records the time between animation
 * frames (requestAnimationFrame deltas). 60 Hz leaves 16.7 ms per frame.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBenchChromium } from './preview.ts';
// @ts-expect-error plain ES module shared with the test script
import { findChromium } from '../scripts/find-browser.mjs';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { runScenario } from '../src/scenarios/run.ts';
import { APP_MAX_EVENTS } from '../src/runs/simulate.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface FrameFigures {
  speed: number;
  motion: 'auto' | 'off';
  frames: number;
  steps: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  over16_7: number;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const round = (v: number): number => Math.round(v * 10) / 10;

const PLAYS: readonly { speed: number; motion: 'auto' | 'off' }[] = [
  { speed: 4, motion: 'auto' },
  { speed: 4, motion: 'off' },
  { speed: 16, motion: 'auto' },
];

export async function framesBench(
  seconds = 5,
  plays = PLAYS,
): Promise<{ scenario: string; runs: FrameFigures[] }> {
  if (!existsSync(join(ROOT, 'dist', 'index.html')))
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  // The longest shipped scenario, in steps a student plays through.
  let id = SCENARIOS[0]!.id;
  let most = -1;
  for (const s of SCENARIOS) {
    const n = runScenario(s, { seed: s.seed, keepTrace: false, maxEvents: APP_MAX_EVENTS }).events;
    if (n > most) {
      most = n;
      id = s.id;
    }
  }
  const port = await freePort();
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  const executablePath: string | undefined = findChromium();
  const browser = await launchBenchChromium(executablePath);
  const runs: FrameFigures[] = [];
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    for (const { speed, motion } of plays) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/#/${id}?step=0&lang=en`);
      await page.getByTestId('step-counter').waitFor();
      await page.waitForFunction(() => document.documentElement.dataset.motion === 'ready', null, {
        timeout: 10_000,
      });
      await page.getByLabel('Speed').selectOption(String(speed));
      await page.getByLabel('Motion').selectOption(motion);
      const urlStep = (): Promise<number> =>
        page.evaluate(() => Number(/step=(\d+)/.exec(location.hash)?.[1] ?? 0));
      const before = await urlStep();
      // A string, not a function: tsx would wrap named functions in a helper the page does not have.
      await page.evaluate(`(() => {
        window.__frames = [];
        let last = performance.now();
        const tick = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(tick); };
        requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
      })()`);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(seconds * 1000);
      const deltas = await page.evaluate(() =>
        (window as unknown as { __frames: number[] }).__frames.slice(),
      );
      const steps = (await urlStep()) - before;
      await page.close();
      const sorted = deltas.slice(1).sort((a, b) => a - b);
      runs.push({
        speed,
        motion,
        frames: sorted.length,
        steps,
        p50Ms: round(quantile(sorted, 0.5)),
        p95Ms: round(quantile(sorted, 0.95)),
        maxMs: round(sorted[sorted.length - 1] ?? 0),
        over16_7: sorted.filter((d) => d > 17.5).length,
      });
    }
  } finally {
    await browser.close();
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        /* gone */
      }
    }
  }
  return { scenario: id, runs };
}

export function printFrames(f: { scenario: string; runs: FrameFigures[] }): void {
  console.log(`\nplayback frame times in Chromium (${f.scenario}, requestAnimationFrame deltas):`);
  for (const r of f.runs)
    console.log(
      `  ${String(r.speed).padStart(2)} steps/s, motion ${r.motion.padEnd(4)}: ${r.steps} steps, ${r.frames} frames, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms, ${r.over16_7} frames over 16.7 ms`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printFrames(await framesBench());
