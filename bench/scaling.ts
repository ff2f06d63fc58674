/**
 * The C10K lab's sweep (part of `npm run bench`; alone: `node --import tsx bench/scaling.ts`):
 * - in Node: every model from 1 to 10,000 connections at the default settings (what
 *   `npm run generate:scaling` ships), the part up to 1,000 connections, and the slowest points;
 * - in Chromium (when one is found and dist/ is built): the page's Web Worker computing the same
 *   sweeps for non-default settings (idle share 0.89), read from the page's status (`data-ms`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONNECTIONS, DEFAULT_PARAMS, SCALING_MODELS, sweep } from '../src/scaling/sweep.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ScalingBench {
  nodeFullMs: number;
  nodeUpTo1000Ms: number;
  points: number;
  events: number;
  slowest: { model: string; connections: number; ms: number }[];
  chromium?: { upTo1000Ms: number; fullMs: number } | { skipped: string };
}

function nodeSweep(max: number) {
  const times: { model: string; connections: number; ms: number; events: number }[] = [];
  let t = performance.now();
  for (const p of sweep(
    SCALING_MODELS,
    DEFAULT_PARAMS,
    DEFAULT_CONNECTIONS.filter((n) => n <= max),
  )) {
    const now = performance.now();
    times.push({ model: p.model, connections: p.connections, ms: Math.round(now - t), events: p.events });
    t = now;
  }
  return times;
}

export async function chromiumSweeps(): Promise<NonNullable<ScalingBench['chromium']>> {
  // @ts-expect-error plain ES module shared with the test script
  const { findChromium } = await import('../scripts/find-browser.mjs');
  const executablePath: string | undefined = findChromium();
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) return { skipped: 'no dist/ (run vite build)' };
  const { launchBenchChromium } = await import('./preview.ts');
  const port = Number(process.env.IOLAB_BENCH_PORT ?? 4391);
  // Its own process group, so that stopping it also stops the vite process npx starts.
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let i = 0; i < 60; i++) {
      // wait for the preview server (slow on a loaded machine)
      if (
        await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const browser = await launchBenchChromium(executablePath);
    try {
      const page = await browser.newPage();
      const time = async (max: number): Promise<number> => {
        await page.goto(`http://127.0.0.1:${port}/#/scaling?idle=0.89&max=${max}`);
        const status = page.locator('.scaling-status[data-ms]');
        await status.waitFor({ timeout: 600_000 });
        return Number(await status.getAttribute('data-ms'));
      };
      const upTo1000Ms = await time(1000);
      await page.goto('about:blank');
      const fullMs = await time(10000);
      return { upTo1000Ms, fullMs };
    } finally {
      await browser.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

export async function scalingBench(withChromium = true): Promise<ScalingBench> {
  const full = nodeSweep(10000);
  const upTo1000 = full.filter((p) => p.connections <= 1000);
  const result: ScalingBench = {
    nodeFullMs: full.reduce((a, p) => a + p.ms, 0),
    nodeUpTo1000Ms: upTo1000.reduce((a, p) => a + p.ms, 0),
    points: full.length,
    events: full.reduce((a, p) => a + p.events, 0),
    slowest: [...full]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map(({ model, connections, ms }) => ({ model, connections, ms })),
  };
  if (withChromium) {
    try {
      result.chromium = await chromiumSweeps();
    } catch (e) {
      result.chromium = { skipped: String(e).slice(0, 200) };
    }
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  console.log(JSON.stringify(await scalingBench(!process.argv.includes('--node-only')), null, 2));
}
