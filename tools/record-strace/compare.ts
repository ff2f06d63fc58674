// Compares two traces after normalization, e.g. a recording and the simulator's output:
//   npx tsx tools/record-strace/compare.ts fixtures/strace/select.strace sim.strace
// Prints the first difference per thread; exits 1 if they differ. With one file, prints it normalized.
import { readFileSync } from 'node:fs';
import { compareTraces, normalize, parseStrace } from '../../src/fidelity/strace.ts';

const [real, sim] = process.argv.slice(2);
if (!real) {
  console.error('usage: compare.ts REAL.strace [SIM.strace]');
  process.exit(2);
}
if (!sim) {
  for (const t of normalize(parseStrace(readFileSync(real, 'utf8'))))
    for (const l of t.lines) console.log(`${t.tid}  ${l}`);
} else {
  const { equal, diff } = compareTraces(readFileSync(real, 'utf8'), readFileSync(sim, 'utf8'));
  console.log(equal ? 'same after normalization' : diff);
  process.exit(equal ? 0 : 1);
}
