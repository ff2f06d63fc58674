// `npm test`: every check the project has, in order, stopping at the first failure:
// lint, types, unit and property tests (Vitest), the sim CLI contract, then the production
// build and the end-to-end tests in Chromium (Playwright).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDeps } from './ensure-deps.mjs';
import { findChromium } from './find-browser.mjs';

ensureDeps();

const steps = [
  ['lint', ['npx', 'eslint', '.']],
  ['types', ['npx', 'tsc', '--noEmit', '-p', '.']],
  ['unit and property tests', ['npx', 'vitest', 'run']],
  ['production build', ['npx', 'vite', 'build']],
  ['end-to-end tests', ['npx', 'playwright', 'test']],
];
const contract = '../shared/tools/check-sim-contract.mjs';
if (existsSync(contract)) steps.splice(3, 0, ['sim CLI contract', ['node', contract]]);

if (!findChromium()) {
  console.warn('No system Chromium found (set IOLAB_CHROMIUM, or run scripts/install-browser.sh as root); Playwright will try its own browser.');
}

for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log('\nAll checks passed.');
