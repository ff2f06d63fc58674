/**
 * `npm run bench`: speed and memory, measured (never asserted in tests).
 * Prints a table and writes bench/results/latest.json. Run with `--expose-gc` for stable heap
 * figures (the npm script does).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runScenario } from '../src/scenarios/run.ts';
import type { Scenario, ScenarioClient } from '../src/scenarios/format.ts';
import { findScenario } from '../src/scenarios/index.ts';
import { appBench, longestId } from './app.ts';
import { initialBreakdown, printBreakdown } from './initial-breakdown.ts';
import { indexTrace } from '../src/kernel/trace-index.ts';
import { scalingBench } from './scaling.ts';
import { framesBench, printFrames } from './frames.ts';
import { printSite, siteBench } from './site.ts';
import { printStepFrames, stepFramesBench } from './step-frames.ts';
import { inputsBench, printInputs } from './inputs.ts';
import { pythonBench } from './python.ts';
import { printScale, scaleBench } from './scale.ts';
import { openTasksBench, printOpenTasks } from './open-tasks.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = (): number => process.memoryUsage().heapUsed / 1048576;

function scenario(
  model: Scenario['model'],
  clients: ScenarioClient[],
  options: Scenario['options'] = {},
  extra: Partial<Scenario> = {},
): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: 'bench',
    title: { en: 'bench', zh: '基准' },
    seed: 1,
    model,
    options,
    clients,
    ...extra,
  };
}

function measure(label: string, s: Scenario, keepTrace: boolean, maxEvents = 50_000_000) {
  gc?.();
  const before = heapMiB();
  const t0 = performance.now();
  const r = runScenario(s, { keepTrace, maxEvents });
  const ms = performance.now() - t0;
  const heapAfter = heapMiB();
  const row = {
    label,
    events: r.events,
    wallMs: Math.round(ms),
    eventsPerSec: Math.round(r.events / (ms / 1000)),
    heapMiB: Math.round((heapAfter - before) * 10) / 10,
    replies: r.replies.length,
    errors: r.errors.length,
  };
  return { row, run: r };
}

const results: Record<string, unknown> = {};
const rows: ReturnType<typeof measure>['row'][] = [];

// 1. Raw speed: a busy-polling loop (the event-heaviest model), with and without the trace.
const busy = scenario(
  'nonblocking',
  [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 100, do: 'send', data: 'hello' },
      ],
    },
  ],
  {},
  { untilMs: 400 },
);
rows.push(measure('busy polling 400 ms, metrics only', busy, false).row);
rows.push(measure('busy polling 400 ms, full trace', busy, true).row);

// 2. C10K: 10,000 connections on epoll, three messages each.
const c10k: ScenarioClient[] = Array.from({ length: 10_000 }, (_, i) => {
  const at = i * 0.05;
  return {
    name: `c${i}`,
    actions: [
      { at, do: 'connect' },
      { at: at + 600, do: 'send', data: `m1-${i}` },
      { at: at + 1200, do: 'send', data: `m2-${i}` },
      { at: at + 1800, do: 'send', data: `m3-${i}` },
    ],
  };
});
const c10kScenario = scenario('epoll', c10k, { backlog: 4096, fdLimit: 20_000 }, { untilMs: 3000 });
const c10kLean = measure('C10K on epoll (10,000 conns × 3 msgs), metrics only', c10kScenario, false);
rows.push(c10kLean.row);
const c10kFull = measure('C10K on epoll, full trace', c10kScenario, true);
rows.push(c10kFull.row);
results.c10k = {
  replies: c10kLean.run.replies.length,
  expected: 30_000,
  cpuBusy: c10kLean.run.cpu.busyFraction,
  memoryPeakBytes: c10kLean.run.memoryPeakBytes,
};

// 3. Every shipped scenario, as the app will run it.
let shippedMs = 0;
let longest = { id: '', events: 0 };
for (const id of [
  'blocking-two-clients',
  'select',
  'epoll-level',
  'asyncio',
  'chat-order-burst',
  'nonblocking',
]) {
  const s = findScenario(id);
  if (!s) continue;
  const m = measure(`shipped: ${id}`, s, true);
  shippedMs += m.row.wallMs;
  if (m.row.events > longest.events) longest = { id, events: m.row.events };
}
results.shipped = { totalWallMs: shippedMs, longest };

// 4. select vs epoll_wait: simulated kernel time per call with N idle connections, once they are
// all accepted (the calls that wake for ann's three messages), beside the real calls measured here.
const perCall: Record<string, Record<string, number>> = {};
for (const model of ['select', 'poll', 'epoll'] as const) {
  perCall[model] = {};
  for (const idle of [10, 100, 1000]) {
    const s = scenario(
      model,
      [
        {
          name: 'ann',
          actions: [
            { at: 0, do: 'connect' },
            { at: 500, do: 'send', data: 'x' },
            { at: 600, do: 'send', data: 'y' },
            { at: 700, do: 'send', data: 'z' },
          ],
        },
      ],
      { backlog: 4096, fdLimit: 4096 },
      { idleConnections: idle, untilMs: 1000 },
    );
    const r = runScenario(s, { keepTrace: true });
    const name = model === 'select' ? 'pselect6' : model === 'poll' ? 'poll' : 'epoll_wait';
    const calls = r.trace.filter((e) => e.type === 'sys.exit' && e.name === name && e.enterT > 400e6) as {
      kernelNs: number;
    }[];
    perCall[model]![String(idle)] = Math.round(calls.reduce((a, c) => a + c.kernelNs, 0) / calls.length);
  }
}
results.costPerCallNs = perCall;
const measuredPath = new URL('./calibrate/results.json', import.meta.url);
if (existsSync(measuredPath)) results.measuredOnThisMachine = JSON.parse(readFileSync(measuredPath, 'utf8'));

// 4b. Scale (issue 16): poll over 10,000 idle connections, epoll over 100,000, a 5 M-event summary, each in its own process.
const scale = scaleBench();
results.scale = scale;

// 5. Seeking far into a long trace (the busy loop's, kept in full): checkpoints, not replays.
{
  const r = runScenario(busy, { keepTrace: true });
  const t0 = performance.now();
  const index = indexTrace(r.trace, 1);
  const indexMs = performance.now() - t0;
  const t1 = performance.now();
  index.viewAt(index.steps - 1); // builds the checkpoints once
  const firstMs = performance.now() - t1;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const k = Math.floor((((i * 7919) % 200) / 200) * index.steps);
    const t = performance.now();
    index.viewAt(k);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  results.longSeek = {
    events: r.trace.length,
    steps: index.steps,
    indexMs: Math.round(indexMs),
    firstSeekMs: Math.round(firstMs),
    p50Ms: +times[100]!.toFixed(3),
    p95Ms: +times[190]!.toFixed(3),
  };
  console.log(
    `\nseek into a ${r.trace.length}-event trace (${index.steps} steps): index ${Math.round(indexMs)} ms, first seek ${Math.round(firstMs)} ms, then p50 ${times[100]!.toFixed(2)} ms, p95 ${times[190]!.toFixed(2)} ms`,
  );
}

// 5b. Hostile input: the parsers' slowest calls on fuzzed and huge values (bench/inputs.ts).
const inputs = inputsBench();
results.inputs = inputs;
printInputs(inputs);

// 6. The app: initial JS (gzip) and seek time into the longest shipped trace.
const app = await appBench();
results.app = app;
const breakdown = await initialBreakdown();
results.initialBreakdown = breakdown;

// 7. The C10K lab's full sweep (every model, 1 to 10,000 connections), in Node and in Chromium's worker.
const scaling = await scalingBench();
results.scaling = scaling;
// 8. Playback frame times in Chromium, the long scenario played (bench/frames.ts).
const frames = await framesBench().catch((e: unknown) => {
  console.log(`frame times skipped: ${String(e).split('\n')[0]}`);
  return null;
});
if (frames) results.frames = frames;

results.rows = rows;
console.log('\nIO Lab benchmark (node ' + process.version + ')\n');
console.log('| run | events | wall ms | events/s | heap MiB | replies |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.events} | ${r.wallMs} | ${r.eventsPerSec.toLocaleString('en')} | ${r.heapMiB} | ${r.replies} |`,
  );
console.log(
  `\nC10K: ${(results.c10k as { replies: number }).replies} of 30000 replies; wall time ${c10kLean.row.wallMs} ms (metrics only), ${c10kFull.row.wallMs} ms with the trace`,
);
console.log(
  '\nsimulated kernel time of a call that sleeps until one message arrives (ns), by idle connections:',
);
for (const [model, byIdle] of Object.entries(perCall))
  console.log(
    `  ${model.padEnd(7)} ${Object.entries(byIdle)
      .map(([n, ns]) => `${n}: ${ns}`)
      .join('   ')}`,
  );
printScale(scale);
console.log(
  `\napp: initial JS ${(app.initialJsGzipBytes! / 1024).toFixed(1)} KiB gzip; seek into ${longestId}: mean ${app.seekMeanMs} ms, p95 ${app.seekP95Ms} ms`,
);
printBreakdown(breakdown);
const chromiumSweep =
  scaling.chromium && 'fullMs' in scaling.chromium
    ? `; in Chromium's worker (idle 89 %): ${scaling.chromium.upTo1000Ms} ms up to 1,000 connections, ${scaling.chromium.fullMs} ms in all`
    : '';
console.log(
  `\nC10K lab sweep (${scaling.points} points, ${scaling.events.toLocaleString('en')} events) in Node: ${scaling.nodeUpTo1000Ms} ms up to 1,000 connections, ${scaling.nodeFullMs} ms to 10,000${chromiumSweep}; slowest: ${scaling.slowest.map((p) => `${p.model} ${p.connections} ${p.ms} ms`).join(', ')}`,
);
if (frames) printFrames(frames);

// 9. The site in Chromium: built size per chunk, first render, seek and frame times (bench/site.ts).
const python = await pythonBench();
results.python = python;
console.log(
  `\nyour own server (CPython in Pyodide, Node): interpreter load ${python.loadMs} ms; a ${python.tenThousandCalls}-call program ${python.runMs} ms after load (${python.callsPerSec.toLocaleString('en')} system calls/s through the shims)`,
);

results.site = await siteBench();
printSite(results.site as Record<string, unknown>);
// 10. Step, step back, seek and play in Chromium, key to painted frame and main-thread CPU, beside the goal (bench/step-frames.ts).
const stepFrames = await stepFramesBench().catch((e: unknown) => {
  console.log(`step frames skipped: ${String(e).split('\n')[0]}`);
  return null;
});
if (stepFrames) {
  results.stepFrames = stepFrames;
  printStepFrames(stepFrames);
}
// 11. Opening big scenarios (a file of 10,000 / 20,000 clients, the poll crash link) in Chromium: the longest main-thread task beside the goal (bench/open-tasks.ts).
const openTasks = await openTasksBench().catch((e: unknown) => {
  console.log(`open tasks skipped: ${String(e).split('\n')[0]}`);
  return null;
});
if (openTasks) {
  results.openTasks = openTasks;
  printOpenTasks(openTasks);
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2));
console.log('\nwrote bench/results/latest.json');
