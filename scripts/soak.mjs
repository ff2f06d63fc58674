// npm run soak [-- --runs N] [--seed S]: the kernel's property tests (src/fidelity/properties.test.ts)
// with N random schedules per model (default 10,000; `npm test` runs 50). Not part of npm test:
// it takes long. Prints the seed first (replay a failure with FC_SEED=<seed> FC_PATH=<path>),
// the count per model, and how long it took. Exit status: vitest's.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const value = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = value('--runs') ?? '10000';
const seed = value('--seed') ?? String(Math.floor(Math.random() * 0x7fffffff));
if (!/^\d+$/.test(runs) || Number(runs) < 1 || !/^\d+$/.test(seed)) {
  console.error('usage: npm run soak [-- --runs N] [--seed S]   (N and S whole numbers, N at least 1)');
  process.exit(2);
}
console.log(`soak: ${runs} random schedules per model, seed ${seed}`);
const started = Date.now();
const child = spawn(
  'npx',
  ['vitest', 'run', 'src/fidelity/properties.test.ts', '--reporter=dot', '--testTimeout=0'],
  {
    env: { ...process.env, FC_RUNS: runs, FC_SEED: seed, FC_SOAK: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let buffered = '';
child.stdout.on('data', (d) => {
  buffered += d.toString();
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const raw of lines) {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trim(); // eslint-disable-line no-control-regex
    if (/^(soak: |Test Files|Tests |FAIL|Error|AssertionError|Counterexample|.*seed)/.test(line))
      console.log(line);
  }
});
child.on('close', (code) => {
  const s = Math.round((Date.now() - started) / 1000);
  console.log(
    `soak: ${code === 0 ? 'passed' : 'FAILED'} in ${Math.floor(s / 60)} min ${s % 60} s (seed ${seed}, ${runs} schedules per model)`,
  );
  process.exitCode = code ?? 1;
});
