/**
 * App benchmarks (part of `npm run bench`; alone: `node --import tsx bench/app.ts`):
 * - the initial JavaScript a student downloads: the scripts dist/index.html loads (entry and
 *   module preloads, and what they import statically), raw and gzipped; `vite build` runs first
 *   if there is no dist/;
 * - seeking in the longest shipped trace: `index.viewAt(k)` for random k after the run (as `getRun`), the
 *   work the app does on every step, click or drag of the timeline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { SCENARIOS } from '../src/scenarios/index.ts';
import { runScenario } from '../src/scenarios/run.ts';
import { APP_MAX_EVENTS, simulate } from '../src/runs/simulate.ts';
import { indexTrace } from '../src/kernel/trace-index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/** Scripts the page loads before it can run: the entry, its preloads, and their static imports. */
export function initialScripts(dist = DIST): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue: string[] = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"[^>]*>/g))
    queue.push(resolve(dist, m[1]!.replace(/^\//, '')));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports between chunks (`import … from "./x.js"` / `import "./x.js"`), not import().
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[^'"();]*?\sfrom\s*)?["'](\.\.?\/[^"']+\.js)["']/g,
    ))
      queue.push(resolve(dirname(file), m[1]!));
  }
  return [...seen];
}

function ensureBuild(): void {
  if (existsSync(join(DIST, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** A small seeded PRNG (mulberry32), so every run seeks the same steps. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** The id of the scenario the last appBench() seeked in (the result holds numbers only). */
export let longestId = '';

export async function appBench(): Promise<Record<string, number>> {
  ensureBuild();
  const scripts = initialScripts();
  let raw = 0;
  let gz = 0;
  for (const file of scripts) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }

  // The longest shipped trace, by events (counted without keeping traces, so the run below is cold).
  let scenario = SCENARIOS[0]!;
  let most = -1;
  for (const s of SCENARIOS) {
    const events = runScenario(s, { seed: s.seed, keepTrace: false, maxEvents: APP_MAX_EVENTS }).events;
    if (events > most) {
      most = events;
      scenario = s;
    }
  }
  longestId = scenario.id;
  const t0 = performance.now();
  // What getRun does (src/runs/runs.ts), without its build-time precomputed runs (a Vite module).
  const made = simulate(scenario, scenario.seed);
  const index = indexTrace(made.trace, made.options.cores);
  const runMs = performance.now() - t0;

  // The first seek to the end builds the checkpoints; after that, seeks are from the nearest one.
  const t1 = performance.now();
  index.viewAt(index.steps - 1);
  const firstSeekMs = performance.now() - t1;

  const random = rng(42);
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const k = Math.floor(random() * index.steps);
    const t = performance.now();
    index.viewAt(k);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;

  return {
    initialJsFiles: scripts.length,
    initialJsBytes: raw,
    initialJsGzipBytes: gz,
    longestTraceEvents: index.trace.length,
    longestTraceSteps: index.steps,
    runAndIndexMs: round(runMs, 2),
    firstSeekMs: round(firstSeekMs),
    seekMeanMs: round(mean),
    seekP50Ms: round(quantile(times, 0.5)),
    seekP95Ms: round(quantile(times, 0.95)),
    seekMaxMs: round(times[times.length - 1] ?? 0),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const results = await appBench();
  console.log(`\nIO Lab app benchmark (seeks in ${longestId})\n`);
  for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(20)} ${v.toLocaleString('en')}`);
}
