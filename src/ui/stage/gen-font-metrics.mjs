// Regenerates font-metrics.ts: the advance width of every character the stage draws, in each
// bundled face, measured by Chromium once the web fonts have loaded. With these the layout is
// the same before and after the fonts arrive, in tests and in every browser.
//
//   npx vite --port 5199 &   # any server of the app
//   node src/ui/stage/gen-font-metrics.mjs http://127.0.0.1:5199/
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:5173/';
const executablePath = process.env.IOLAB_CHROMIUM ?? '/usr/bin/chromium';

const CHARS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i)),
  ...'‘’“”–—…→←↔↵⇥•◇✓✕⚠■□▶',
].join('');

const FACES = {
  en: '"Noto Sans", "Noto Sans SC", system-ui, sans-serif',
  zh: '"Noto Sans SC", "Noto Sans", system-ui, sans-serif',
  mono: '"JetBrains Mono", "Noto Sans SC", ui-monospace, monospace',
};

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(url);
const table = await page.evaluate(
  async ({ chars, faces }) => {
    const out = {};
    for (const family of Object.values(faces)) {
      for (const weight of [400, 700]) {
        await document.fonts.load(`${weight} 100px ${family}`, chars);
        await document.fonts.load(`${weight} 100px ${family}`, '用户空间内核');
      }
    }
    await document.fonts.ready;
    const ctx = document.createElement('canvas').getContext('2d');
    for (const [name, family] of Object.entries(faces)) {
      for (const weight of [400, 700]) {
        ctx.font = `${weight} 100px ${family}`;
        out[`${name}${weight === 700 ? '-bold' : ''}`] = [...chars].map(
          (ch) => Math.round(ctx.measureText(ch).width * 10) / 1000,
        );
        out[`${name}${weight === 700 ? '-bold' : ''}-cjk`] =
          Math.round(ctx.measureText('用').width * 10) / 1000;
      }
    }
    return out;
  },
  { chars: CHARS, faces: FACES },
);
await browser.close();

const lines = Object.entries(table)
  .filter(([k]) => !k.endsWith('-cjk'))
  .map(([k, v]) => `  '${k}': [${v.join(',')}],`);
const cjk = Object.entries(table)
  .filter(([k]) => k.endsWith('-cjk'))
  .map(([k, v]) => `${k}=${v}`)
  .join(', ');
const src = `/**
 * Advance widths (in em) of the characters the stage draws, per bundled face, measured in
 * Chromium with the web fonts loaded (gen-font-metrics.mjs). CJK characters are 1 em in every
 * face (measured: ${cjk}).
 * Generated: do not edit by hand.
 */
export const METRIC_CHARS = ${JSON.stringify(CHARS)};

export const METRICS: Record<string, number[]> = {
${lines.join('\n')}
};
`;
writeFileSync(new URL('./font-metrics.ts', import.meta.url), src);
console.log('wrote font-metrics.ts', Object.keys(table).length, 'faces');
