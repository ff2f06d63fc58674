// `npm run shots`: the README's two screenshots, from the built site as a reader gets it, so they
// stay true: the lab in English (an en-US browser) and in Chinese (a zh-CN browser), same moment.
// Builds the site (skip with --no-build), serves dist/ with vite preview on a free port, and writes
// docs/shots/lab-en.png and docs/shots/lab-zh.png.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { ensureDeps } from './ensure-deps.mjs';
import { browserFixText, ensureBrowser } from './find-browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
ensureDeps();

/** The moment shown: select with three clients, the server between two calls, data in the kernel. */
const MOMENT = '#/select?step=60';
const SIZE = { width: 1280, height: 800 };
const OUT = resolve(ROOT, 'docs/shots');

const browserAt = await ensureBrowser();
if (!browserAt.ok) {
  console.error(`No browser to take the screenshots with: ${browserAt.why}.\n${browserFixText()}`);
  process.exit(1);
}
if (!process.argv.includes('--no-build')) {
  console.log('Building the site…');
  await build({ root: ROOT, logLevel: 'warn' });
}
const server = await preview({
  root: ROOT,
  logLevel: 'warn',
  preview: { port: 0, host: '127.0.0.1', strictPort: false },
});
const base = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath: browserAt.path,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const [lang, locale] of [
    ['en', 'en-US'],
    ['zh', 'zh-CN'],
  ]) {
    // A fresh profile per language: the browser's language picks the site's, as on a first visit.
    const context = await browser.newContext({
      locale,
      viewport: SIZE,
      deviceScaleFactor: 1,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}${MOMENT}`);
    await page.getByTestId('step-counter').waitFor();
    await page.locator('.side-column [role="tab"]').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const shown = await page.evaluate(() => document.documentElement.lang);
    if (shown !== (lang === 'zh' ? 'zh-CN' : 'en'))
      throw new Error(`a ${locale} browser got the site in "${shown}"`);
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    const file = resolve(OUT, `lab-${lang}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
