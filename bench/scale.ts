/**
 * Scale figures of issue 16's kernel half (part of `npm run bench`; alone:
 * `node --import tsx bench/scale.ts`). Each figure runs in a fresh Node process, the way the CLI
 * runs (`--format summary`: metrics only, no trace), so its wall time and peak memory are its own.
 * Printed beside its goal and the ratio (figure / goal: at most 1 meets it).
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Scenario, ScenarioClient } from '../src/scenarios/format.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '..');

export interface ScaleFigure {
  label: string;
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  events: number;
  stop: string;
  goalMs: number;
  goalMiB: number | null;
}

const scenario = (
  id: string,
  model: Scenario['model'],
  clients: ScenarioClient[],
  idle: number,
  untilMs: number,
  fdLimit = 1_048_576,
): Scenario => ({
  format: 'iolab/scenario@1',
  id,
  title: { en: id, zh: id },
  seed: 1,
  model,
  options: { backlog: 4096, fdLimit },
  clients,
  idleConnections: idle,
  untilMs,
});

const oneActive: ScenarioClient[] = [
  {
    name: 'ann',
    actions: [
      { at: 0, do: 'connect' },
      ...[1000, 5000, 10000, 15000, 20000].map((at, i) => ({ at, do: 'send' as const, data: `m${i}` })),
    ],
  },
];
const threeActive: ScenarioClient[] = ['ann', 'ben', 'cat'].map((name, i) => ({
  name,
  actions: [
    { at: i * 10, do: 'connect' as const },
    { at: 1000 + i * 100, do: 'send' as const, data: `m${i}` },
    { at: 2000 + i * 100, do: 'send' as const, data: `n${i}` },
  ],
}));
const busy: ScenarioClient[] = [
  {
    name: 'ann',
    actions: [
      { at: 0, do: 'connect' },
      { at: 100, do: 'send', data: 'hello' },
    ],
  },
];

/** The runs, their goals (issue 16) and the event budget each is given. */
export const SCALE_RUNS: {
  label: string;
  scenario: Scenario;
  maxEvents: number;
  goalMs: number;
  goalMiB: number | null;
}[] = [
  {
    label: 'poll, 10,000 idle + 1 active, 22 s virtual',
    scenario: scenario('poll-10k', 'poll', oneActive, 10_000, 22_000),
    maxEvents: 5_000_000,
    goalMs: 1000,
    goalMiB: null,
  },
  {
    label: 'epoll, 100,000 idle + 3 active, 3 s virtual',
    scenario: scenario('epoll-100k', 'epoll', threeActive, 100_000, 3000),
    maxEvents: 50_000_000,
    goalMs: 2000,
    goalMiB: 1024,
  },
  // select and poll over the same 100,000: each call's reply comes from the ready set ∩ the
  // watched set (src/kernel/fs/select.ts), its cost still charged per watched fd by formula.
  // CPython's select() refuses fd 1024 (FD_SETSIZE): that run ends there, as on Linux.
  ...(['poll', 'select'] as const).map((model) => ({
    label: `${model}, 100,000 idle + 3 active, 3 s virtual`,
    scenario: scenario(`${model}-100k`, model, threeActive, 100_000, 3000),
    maxEvents: 50_000_000,
    goalMs: 2000,
    goalMiB: 1024,
  })),
  {
    // Fast-forward (src/kernel/fast-forward.ts): accepting 1,000 clients is 0.5 M failed recv calls, then ~2,500 calls a ms.
    label: 'busy polling, 1,000 connections, 10 s virtual',
    scenario: scenario('busy-1k', 'nonblocking', busy, 999, 10_000),
    maxEvents: 100_000_000,
    goalMs: Infinity,
    goalMiB: null,
  },
  {
    // Events are counted as if every call were made (≈ 200 M here): the cap is raised past the CLI's 100 M.
    label: 'busy polling, 10,000 connections, 90 s virtual',
    scenario: scenario('busy-10k', 'nonblocking', busy, 9_999, 90_000),
    maxEvents: 1_000_000_000,
    goalMs: 5000,
    goalMiB: null,
  },
  {
    label: 'busy polling, 5 M events (--format summary)',
    scenario: scenario('busy-5m', 'nonblocking', busy, 0, 3_600_000, 1024),
    maxEvents: 5_000_000,
    goalMs: Infinity,
    goalMiB: 200,
  },
];

/** In the child: run one scenario (metrics only) and print what it cost. */
async function child(index: number): Promise<void> {
  const { runScenario } = await import('../src/scenarios/run.ts');
  const run = SCALE_RUNS[index]!;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = runScenario(run.scenario, { keepTrace: false, maxEvents: run.maxEvents });
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  console.log(
    JSON.stringify({
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((c.user + c.system) / 1000),
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      events: r.events,
      stop: r.stopReason,
    }),
  );
}

export function scaleBench(): ScaleFigure[] {
  return SCALE_RUNS.map((run, i) => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', HERE, '--child', String(i)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const line = out.stdout.trim().split('\n').pop() ?? '';
    const m = (
      line.startsWith('{')
        ? JSON.parse(line)
        : { wallMs: NaN, cpuMs: NaN, maxRssMiB: NaN, events: 0, stop: `failed: ${out.stderr.split('\n')[0]}` }
    ) as Omit<ScaleFigure, 'label' | 'goalMs' | 'goalMiB'>;
    return { label: run.label, goalMs: run.goalMs, goalMiB: run.goalMiB, ...m };
  });
}

const ratio = (x: number, goal: number): string =>
  Number.isFinite(goal) ? `${(x / goal).toFixed(2)}×` : '—';

export function printScale(figures: ScaleFigure[]): void {
  console.log(
    '\nscale (issue 16, kernel): each run in a fresh process, metrics only, as `npm run sim -- --format summary` runs it',
  );
  console.log(
    '(the goals are for an idle machine: on a loaded one the CPU time is the fairer figure, and its ratio is shown too)',
  );
  console.log('| run | events | wall ms (goal, ratio) | CPU ms (ratio) | peak RSS MiB (goal, ratio) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const f of figures) {
    const wall = Number.isFinite(f.goalMs)
      ? `${f.wallMs} (< ${f.goalMs}, ${ratio(f.wallMs, f.goalMs)})`
      : `${f.wallMs}`;
    const cpu = Number.isFinite(f.goalMs) ? `${f.cpuMs} (${ratio(f.cpuMs, f.goalMs)})` : `${f.cpuMs}`;
    const rss =
      f.goalMiB !== null
        ? `${f.maxRssMiB} (< ${f.goalMiB}, ${ratio(f.maxRssMiB, f.goalMiB)})`
        : `${f.maxRssMiB}`;
    console.log(`| ${f.label} | ${f.events.toLocaleString('en')} (${f.stop}) | ${wall} | ${cpu} | ${rss} |`);
  }
}

if (process.argv[1] === HERE) {
  const i = process.argv.indexOf('--child');
  if (i >= 0) await child(Number(process.argv[i + 1]));
  else printScale(scaleBench());
}
