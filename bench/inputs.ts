/**
 * Hostile input, timed (the unit fuzz tests only check what comes back, never the clock): the
 * slowest single call of parseHash, decodeScenario and parseScenario over a few thousand fuzzed
 * values, and the huge values each refuses by its length or its limits. The figures the unit
 * tests used to assert (parseHash and decodeScenario under 100 ms, a huge link or hash under 50 ms,
 * parseScenario under 500 ms, 20,001 clients under 3 s) are printed beside what was measured.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { parseHash, MAX_HASH } from '../src/store/url.ts';
import { decodeScenario, encodeScenario, MAX_LINK_CHARS } from '../src/scenarios/link.ts';
import { parseScenario, validateScenario } from '../src/scenarios/format.ts';
import { SCENARIOS } from '../src/scenarios/index.ts';

function slowest<T>(values: T[], call: (v: T) => unknown): number {
  let worst = 0;
  for (const v of values) {
    const t0 = performance.now();
    call(v);
    worst = Math.max(worst, performance.now() - t0);
  }
  return +worst.toFixed(3);
}

function once(call: () => unknown): number {
  const t0 = performance.now();
  call();
  return +(performance.now() - t0).toFixed(3);
}

export interface InputsBench {
  [figure: string]: { ms: number; limitMs: number };
}

export function inputsBench(): InputsBench {
  const hashes = fc.sample(
    fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 })),
    { numRuns: 2000, seed: 20261127 },
  );
  const good = SCENARIOS.map(encodeScenario);
  const links = [
    ...good,
    ...fc.sample(
      fc.tuple(fc.constantFrom(...good), fc.nat()).map(([t, i]) => t.slice(0, i % (t.length + 1))),
      { numRuns: 1000, seed: 20261127 },
    ),
  ];
  const texts = fc.sample(
    fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v) ?? 'null'),
    { numRuns: 1500, seed: 2 },
  );
  const many = {
    ...SCENARIOS[0]!,
    clients: Array.from({ length: 20_001 }, (_, i) => ({ name: `c${i}`, actions: [] })),
  };
  return {
    'parseHash, slowest of 2,000 fuzzed hashes': { ms: slowest(hashes, parseHash), limitMs: 100 },
    'parseHash, a hash over MAX_HASH': {
      ms: once(() => parseHash(`#/select?${'a=1&'.repeat(MAX_HASH)}`)),
      limitMs: 50,
    },
    'decodeScenario, slowest of the shipped links and 1,000 cut ones': {
      ms: slowest(links, decodeScenario),
      limitMs: 100,
    },
    'decodeScenario, a value over MAX_LINK_CHARS': {
      ms: once(() => decodeScenario(`1.${'QUFB'.repeat(MAX_LINK_CHARS)}`)),
      limitMs: 50,
    },
    'parseScenario, slowest of 1,500 fuzzed JSON values': { ms: slowest(texts, parseScenario), limitMs: 500 },
    'validateScenario, 20,001 clients': { ms: once(() => validateScenario(many)), limitMs: 3000 },
  };
}

export function printInputs(b: InputsBench): void {
  console.log('\nhostile input (ms, the slowest call; the limit the unit tests used to assert):');
  for (const [figure, { ms, limitMs }] of Object.entries(b))
    console.log(`  ${figure.padEnd(66)} ${String(ms).padStart(9)}   (limit ${limitMs})`);
}
