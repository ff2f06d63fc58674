// `npm test`: every check the project has, in order, stopping at the first failure:
// lint, formatting, types, unit and property tests (Vitest), the sim CLI contract, then the production
// build and the end-to-end tests in Chromium (Playwright). A machine with no browser gets one
// first (find-browser.mjs); where that is impossible, the run stops before the browser tests
// with the one line that fixes it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';
import { browserFixText, ensureBrowser } from './find-browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
ensureDeps();

// The contract is shared with the other implementations of the sim CLI, next to this checkout.
const contract = resolve(ROOT, '../shared/tools/check-sim-contract.mjs');

const steps = [
  ['lint', ['npx', 'eslint', '.']],
  [
    'formatting (Prettier; `npm run format` fixes it)',
    ['npx', 'prettier', '--check', '--log-level', 'warn', '.'],
  ],
  ['types', ['npx', 'tsc', '--noEmit', '-p', '.']],
  ['unit and property tests', ['npx', 'vitest', 'run']],
  [
    'sim CLI contract',
    ['node', contract],
    () =>
      existsSync(contract)
        ? null
        : `the contract checker is missing: ${contract} (the shared tools belong in ../shared next to this checkout).\n` +
          'This check is not optional: get ../shared/tools/check-sim-contract.mjs, then run npm test again.',
  ],
  ['production build', ['npx', 'vite', 'build']],
  [
    'end-to-end tests',
    ['npx', 'playwright', 'test'],
    () => (browser.ok ? null : `no browser for them: ${browser.why}.\n${browserFixText()}`),
  ],
];

// Find (or fetch) the browser first, so a download starts at once and a missing one is said up front.
const browser = await ensureBrowser();
if (browser.ok) console.log(`Browser for the end-to-end tests: ${browser.path}`);
else
  console.warn(
    `\nWARNING: no browser for the end-to-end tests (${browser.why}); the other checks run, then npm test stops before them.\n${browserFixText()}\n`,
  );

for (const [name, [cmd, ...args], missing] of steps) {
  const why = missing?.();
  if (why) {
    console.error(`\n=== ${name}: cannot run: ${why}`);
    process.exit(1);
  }
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log('\nAll checks passed.');
