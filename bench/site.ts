/**
 * Site benchmarks (part of `npm run bench`; alone: `node --import tsx bench/site.ts`), on the
 * production build served by `vite preview` and loaded in headless Chromium:
 * - the built size: every chunk, raw and gzipped, and the initial JavaScript (what index.html loads);
 * - time to first render: of the home page (first contentful paint, the stage drawn, the side
 *   panels drawn: they are a second download), and of a
 *   scenario opened by link at a step; a cold cache, no service worker; the home page again on a
 *   throttled network (40 ms round trips, 20 Mbit/s);
 * - seek time in the browser: End / Home / PageDown in the longest shipped trace, from the key to
 *   the next frame with the new step drawn;
 * - frame times while playing at the highest speed.
 * `vite build` runs first when there is no dist/. Without a Chromium, the browser figures are skipped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { initialScripts } from './app.ts';
import { launchBenchChromium } from './preview.ts';
// @ts-expect-error plain ES module shared with the test script
import { findChromium } from '../scripts/find-browser.mjs';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { runScenario } from '../src/scenarios/run.ts';
import { APP_MAX_EVENTS } from '../src/runs/simulate.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const PORT = Number(process.env.IOLAB_BENCH_PORT ?? 4399);

const KiB = (n: number): number => Math.round((n / 1024) * 10) / 10;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const round = (v: number, d = 1): number => Math.round(v * 10 ** d) / 10 ** d;

export interface SiteSizes {
  chunks: { file: string; bytes: number; gzipBytes: number }[];
  totalJsGzipKiB: number;
  initialJsGzipKiB: number;
  initialCssGzipKiB: number;
  distMiB: number;
}

export function siteSizes(dist = DIST): SiteSizes {
  if (!existsSync(join(dist, 'index.html')))
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dist);
  const gz = (p: string) => gzipSync(readFileSync(p), { level: 9 }).length;
  const chunks = files
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => ({ file: relative(dist, f), bytes: statSync(f).size, gzipBytes: gz(f) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const initial = initialScripts(dist);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const css = [...html.matchAll(/href="([^"]+\.css)"/g)].map((m) => resolve(dist, m[1]!.replace(/^\//, '')));
  return {
    chunks,
    totalJsGzipKiB: KiB(chunks.filter((c) => c.file.endsWith('.js')).reduce((a, c) => a + c.gzipBytes, 0)),
    initialJsGzipKiB: KiB(initial.reduce((a, f) => a + gz(f), 0)),
    initialCssGzipKiB: KiB(css.filter((f) => existsSync(f)).reduce((a, f) => a + gz(f), 0)),
    distMiB: round(files.reduce((a, f) => a + statSync(f).size, 0) / 1048576, 2),
  };
}

async function serve(): Promise<() => void> {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  const url = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return () => {
    try {
      process.kill(-child.pid!);
    } catch {
      /* gone */
    }
  };
}

interface FirstRender {
  fcp: number;
  stage: number;
  side: number;
}

/** ms from navigation start until the stage's SVG (and then the side panels, a download of their own) are in the page and a frame has been painted. */
async function firstRender(page: Page, url: string): Promise<FirstRender> {
  // In-page code is passed as text: tsx would wrap functions in helpers the page does not have.
  await page.addInitScript(`(() => {
    const check = () => {
      if (window.__stageAt === undefined && document.querySelector('svg.stage-svg') && document.querySelector('[data-testid="step-counter"]')) window.__stageAt = performance.now();
      if (window.__sideAt === undefined && document.querySelector('.side-column:not(.side-waiting)')) window.__sideAt = performance.now();
      if (window.__stageAt === undefined || window.__sideAt === undefined) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  page.on('crash', () => console.log('site bench: the page crashed'));
  page.on('pageerror', (e) => console.log('site bench: page error', e.message));
  await page.goto(url);
  for (
    let i = 0;
    i < 600 && !(await page.evaluate('window.__stageAt !== undefined && window.__sideAt !== undefined'));
    i++
  )
    await page.waitForTimeout(50);
  return page.evaluate(
    `({ fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? -1, stage: window.__stageAt, side: window.__sideAt })`,
  ) as Promise<FirstRender>;
}

/** ms from a key press to the frame after the counter shows a new step. */
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

export async function siteBench(): Promise<Record<string, unknown>> {
  const sizes = siteSizes();
  const out: Record<string, unknown> = { sizes: { ...sizes, chunks: sizes.chunks.slice(0, 12) } };
  const executablePath: string | undefined = findChromium();
  if (!executablePath) {
    console.log('site bench: no Chromium, browser figures skipped');
    return out;
  }
  const stop = await serve();
  const browser = await launchBenchChromium(executablePath);
  try {
    const base = `http://127.0.0.1:${PORT}/`;
    // The browser's language picks the site's on a first visit: en-US unless said otherwise.
    const cold = async (url: string, slow = false, locale = 'en-US') => {
      const ctx = await browser.newContext({
        serviceWorkers: 'block',
        viewport: { width: 1440, height: 900 },
        locale,
      });
      const page = await ctx.newPage();
      if (slow) {
        // A busy school network: 40 ms round trips, 20 Mbit/s down.
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 40,
          downloadThroughput: 20e6 / 8,
          uploadThroughput: 5e6 / 8,
        });
      }
      const r = await firstRender(page, url);
      await ctx.close();
      return r;
    };
    let longest = SCENARIOS[0]!;
    let most = -1;
    for (const s of SCENARIOS) {
      const e = runScenario(s, { seed: s.seed, keepTrace: false, maxEvents: APP_MAX_EVENTS }).events;
      if (e > most) {
        most = e;
        longest = s;
      }
    }
    const home: FirstRender[] = [];
    const scen: FirstRender[] = [];
    const slow: FirstRender[] = [];
    const homeZh: FirstRender[] = [];
    for (let i = 0; i < 5; i++) {
      home.push(await cold(base));
      homeZh.push(await cold(base, false, 'zh-CN'));
      slow.push(await cold(base, true));
      scen.push(await cold(`${base}#/${longest.id}?step=40&lang=zh`));
    }
    out.firstRender = {
      homeFcpMs: round(median(home.map((r) => r.fcp))),
      homeStageMs: round(median(home.map((r) => r.stage))),
      homeSideMs: round(median(home.map((r) => r.side))),
      // A zh-CN browser's first visit: Chinese words and font faces load before the first paint.
      homeZhFcpMs: round(median(homeZh.map((r) => r.fcp))),
      homeZhStageMs: round(median(homeZh.map((r) => r.stage))),
      homeZhSideMs: round(median(homeZh.map((r) => r.side))),
      scenario: `${longest.id} (zh, step 40)`,
      scenarioFcpMs: round(median(scen.map((r) => r.fcp))),
      scenarioStageMs: round(median(scen.map((r) => r.stage))),
      scenarioSideMs: round(median(scen.map((r) => r.side))),
      slowNetwork: '40 ms RTT, 20 Mbit/s',
      slowHomeFcpMs: round(median(slow.map((r) => r.fcp))),
      slowHomeStageMs: round(median(slow.map((r) => r.stage))),
      slowHomeSideMs: round(median(slow.map((r) => r.side))),
    };

    const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}#/${longest.id}?lang=en`);
    await page.waitForSelector('svg.stage-svg');
    const seeks: number[] = [];
    for (let i = 0; i < 6; i++) {
      seeks.push(await keyToFrame(page, 'End'));
      seeks.push(await keyToFrame(page, 'Home'));
      seeks.push(await keyToFrame(page, 'PageDown'));
    }
    const steps: number[] = [];
    for (let i = 0; i < 30; i++) steps.push(await keyToFrame(page, 'ArrowRight'));
    out.seek = {
      scenario: longest.id,
      seekP50Ms: round(median(seeks)),
      seekMaxMs: round(Math.max(...seeks)),
      stepP50Ms: round(median(steps)),
      stepP95Ms: round(quantile(steps, 0.95)),
    };

    // Frame times while playing at 32 steps/s for 3 s.
    await page.keyboard.press('Home');
    await page.getByLabel('Speed').selectOption('32');
    const frames = (await page.evaluate(`new Promise((resolve) => {
      document.querySelector('.ctl-play').click();
      const gaps = [];
      let last = performance.now();
      const end = last + 3000;
      const tick = (now) => { gaps.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(gaps); };
      requestAnimationFrame(tick);
    })`)) as number[];
    out.frames = {
      playingAt: '32 steps/s',
      frames: frames.length,
      p50Ms: round(median(frames)),
      p95Ms: round(quantile(frames, 0.95)),
      maxMs: round(Math.max(...frames)),
    };
    await ctx.close();
  } finally {
    await browser.close();
    stop();
  }
  return out;
}

export function printSite(r: Record<string, unknown>): void {
  const s = r.sizes as SiteSizes;
  console.log(
    `\nsite: dist ${s.distMiB} MiB; initial JS ${s.initialJsGzipKiB} KiB gzip, initial CSS ${s.initialCssGzipKiB} KiB gzip, all JS ${s.totalJsGzipKiB} KiB gzip`,
  );
  for (const c of s.chunks.slice(0, 12))
    console.log(
      `  ${c.file.padEnd(44)} ${KiB(c.bytes).toString().padStart(7)} KiB  ${KiB(c.gzipBytes).toString().padStart(6)} KiB gzip`,
    );
  if (r.firstRender) console.log('first render (cold, median of 5):', JSON.stringify(r.firstRender));
  if (r.seek) console.log('seek in the browser:', JSON.stringify(r.seek));
  if (r.frames) console.log('frames while playing:', JSON.stringify(r.frames));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  printSite(await siteBench());
}
