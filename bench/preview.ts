/**
 * The built site served by `vite preview` and a headless Chromium, for the browser benchmarks
 * that count main-thread long tasks (bench/step-frames.ts, bench/open-tasks.ts). Builds first
 * when there is no dist/; always stops the server and the browser.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with the Playwright config, without types
import { findChromium } from '../scripts/find-browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface PreviewSite {
  base: string;
  browser: Browser;
  /** A fresh page (no service worker, 1440×900) whose long tasks collect in `window.__long`. */
  longTaskPage(): Promise<Page>;
}

/** Chromium as every browser bench launches it (quiet: no background traffic to skew the figures). */
export function launchBenchChromium(executablePath: string | undefined) {
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function withPreviewSite<T>(port: number, use: (site: PreviewSite) => Promise<T>): Promise<T> {
  if (!existsSync(join(ROOT, 'dist', 'index.html')))
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  const executablePath: string | undefined = findChromium();
  const browser = await launchBenchChromium(executablePath);
  try {
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const longTaskPage = async (): Promise<Page> => {
      const ctx = await browser.newContext({
        serviceWorkers: 'block',
        bypassCSP: true,
        viewport: { width: 1440, height: 900 },
      });
      const page = await ctx.newPage();
      await page.addInitScript(
        `window.__long = []; window.__obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }); window.__obs.observe({ type: 'longtask', buffered: true });`,
      );
      return page;
    };
    return await use({ base, browser, longTaskPage });
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
}
