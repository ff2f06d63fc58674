/**
 * `npm run fidelity -- --generate N --seed S [--models a,b,…] [--keep DIR] [--jobs 1|2]`
 *
 * Differential testing against the real thing: N generated scenarios (src/cli/golden.ts, the
 * fidelity profile: no real-time races, see FIDELITY_RACES), each recorded on this machine's
 * Linux + CPython with tools/record-strace, run in the simulator, and compared (normalized
 * strace per thread and each client's bytes: src/fidelity/differential.ts, docs/fidelity.md).
 * A scenario that disagrees is recorded once more: if the new recording agrees, the first was a
 * recording race (counted and printed, never hidden); if not, it is a disagreement.
 *
 * `--replay DIR` compares the scenarios kept in DIR (`<id>.json`, `.strace`, `.replies.json`)
 * again without recording: after a kernel fix, or in CI.
 * Exit: 0 when every scenario agrees, 1 when some disagree, 2 on bad input or a missing tool.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIDELITY_RACES, RECORDABLE_MODELS, SETTLE_LIMIT_S, generatedScenarios } from './generate.ts';
import { validateScenario, type Model, type Scenario } from '../scenarios/format.ts';
import { differences, simulate, type Reply } from '../fidelity/differential.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RECORDER = join(ROOT, 'tools', 'record-strace', 'record.py');
const USAGE =
  'usage: npm run fidelity -- --generate N --seed S [--models a,b,…] [--keep DIR [--keep-all]] [--jobs 1|2]\n' +
  '       npm run fidelity -- --replay DIR';

interface Args {
  generate: number;
  seed: number;
  models: readonly Model[];
  keep: string | null;
  keepAll: boolean;
  jobs: number;
  replay: string | null;
}

class BadInput extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    generate: 0,
    seed: -1,
    models: RECORDABLE_MODELS,
    keep: null,
    keepAll: false,
    jobs: 2,
    replay: null,
  };
  const whole = (flag: string, v: string | undefined, min: number, max: number): number => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
      throw new BadInput(`${flag} needs a whole number from ${min} to ${max} (got ${v ?? 'nothing'})`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (flag === '--keep-all') {
      args.keepAll = true;
      continue;
    } // every scenario, agreeing or not (the CI slice's fixtures)
    if (flag === '--generate') args.generate = whole(flag, value, 1, 100_000);
    else if (flag === '--seed') args.seed = whole(flag, value, 0, 0xffffffff);
    else if (flag === '--jobs')
      args.jobs = whole(flag, value, 1, 2); // 2 cores shared: at most 2 recordings at once
    else if (flag === '--keep' || flag === '--replay') {
      if (!value || value.startsWith('--')) throw new BadInput(`${flag} needs a directory`);
      if (flag === '--keep') args.keep = value;
      else args.replay = value;
    } else if (flag === '--models') {
      const names = (value ?? '').split(',').filter(Boolean);
      const bad = names.filter((m) => !(RECORDABLE_MODELS as readonly string[]).includes(m));
      if (!names.length || bad.length)
        throw new BadInput(
          `--models takes a comma-separated list of ${RECORDABLE_MODELS.join(', ')}${bad.length ? ` (not recordable: ${bad.join(', ')})` : ''}`,
        );
      args.models = names as Model[];
    } else throw new BadInput(`unknown argument ${flag}`);
    i++;
  }
  if (args.keepAll && args.keep === null) throw new BadInput('--keep-all needs --keep DIR');
  if (args.replay === null && (args.generate === 0 || args.seed < 0))
    throw new BadInput('--generate N and --seed S are both needed (a fixed seed makes a run repeatable)');
  return args;
}

/** How long the recorder waited for the server to catch up (record.py's Settler), summed over a run. */
const lag = { waits: 0, longestMs: 0, unsettled: 0, recordings: 0 };

/** Runs the recorder on one scenario file; resolves with its stderr on failure, null on success. */
function record(file: string, out: string): Promise<string | null> {
  return new Promise((done) => {
    const child = spawn('python3', [RECORDER, '--serial', file, '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e) => done(String(e)));
    child.on('close', (code) => {
      const settle = /settle: (\d+) waits, longest (\d+) ms, unsettled (\d+)/.exec(err);
      if (settle) {
        lag.recordings++;
        lag.waits += Number(settle[1]);
        lag.longestMs = Math.max(lag.longestMs, Number(settle[2]));
        lag.unsettled += Number(settle[3]);
      }
      done(
        code === 0 && existsSync(join(out, `${file.replace(/^.*\//, '').replace(/\.json$/, '')}.strace`))
          ? null
          : err.trim().split('\n').slice(-3).join(' / ') || `exit ${code}`,
      );
    });
  });
}

interface Recording {
  strace: string;
  replies: Reply[];
}
function readRecording(dir: string, id: string): Recording {
  return {
    strace: readFileSync(join(dir, `${id}.strace`), 'utf8'),
    replies: JSON.parse(readFileSync(join(dir, `${id}.replies.json`), 'utf8')) as Reply[],
  };
}

function keep(dir: string, s: Scenario, real: Recording, sim: Recording, suffix = ''): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${s.id}${suffix}.json`), JSON.stringify(s, null, 1) + '\n');
  writeFileSync(join(dir, `${s.id}${suffix}.strace`), real.strace);
  writeFileSync(join(dir, `${s.id}${suffix}.replies.json`), JSON.stringify(real.replies, null, 1) + '\n');
  writeFileSync(join(dir, `${s.id}${suffix}.sim.strace`), sim.strace);
}

type Verdict =
  { kind: 'agree' } | { kind: 'race'; first: string } | { kind: 'disagree'; first: string; count: number };

async function check(s: Scenario, work: string, keepDir: string | null, keepAll: boolean): Promise<Verdict> {
  const file = join(work, `${s.id}.json`);
  writeFileSync(file, JSON.stringify(s));
  const sim = simulate(s);
  const failed = await record(file, join(work, 'a'));
  if (failed) return { kind: 'disagree', first: `the recording failed: ${failed}`, count: 1 };
  const real = readRecording(join(work, 'a'), s.id);
  const diff = differences(real, sim);
  if (keepAll && keepDir && !diff.length) keep(keepDir, s, real, sim);
  if (!diff.length) return { kind: 'agree' };
  // Once more: a difference that goes away was a race in the recording, not the simulator's.
  const again = await record(file, join(work, 'b'));
  const second = again ? null : readRecording(join(work, 'b'), s.id);
  const diff2 = second ? differences(second, sim) : [`the second recording failed: ${again}`];
  if (keepDir) keep(keepDir, s, real, sim, diff2.length ? '' : '.race');
  if (keepAll && keepDir && second && !diff2.length) keep(keepDir, s, second, sim);
  if (!diff2.length) return { kind: 'race', first: diff[0]! };
  return { kind: 'disagree', first: diff2[0]!, count: diff2.length };
}

function replay(dir: string): number {
  if (!existsSync(dir)) throw new BadInput(`no such directory: ${dir}`);
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.replies.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  let agree = 0;
  for (const id of ids) {
    const v = validateScenario(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
    if (!v.ok) {
      console.log(
        `${id}: not a valid scenario: ${v.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      );
      continue;
    }
    const diff = differences(readRecording(dir, id), simulate(v.scenario));
    if (diff.length)
      console.log(
        `${id} (${v.scenario.model}): ${diff[0]}${diff.length > 1 ? ` (+${diff.length - 1} more)` : ''}`,
      );
    else agree++;
  }
  console.log(`fidelity: ${agree} of ${ids.length} kept scenarios agree`);
  return agree === ids.length ? 0 : 1;
}

function toolsMissing(): string | null {
  for (const [cmd, arg] of [
    ['python3', '--version'],
    ['strace', '-V'],
  ] as const) {
    const r = spawnSync(cmd, [arg], { stdio: 'ignore' });
    if (r.error || r.status !== 0)
      return `${cmd} is needed to record the real side (is it installed and on PATH?)`;
  }
  return null;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.replay !== null) return replay(args.replay);
  const missing = toolsMissing();
  if (missing) throw new BadInput(missing);
  const scenarios = generatedScenarios(args.generate, args.seed, {
    profile: 'fidelity',
    models: args.models,
  });
  console.log(
    `fidelity: ${args.generate} scenarios, seed ${args.seed}, round-robin over ${args.models.join(', ')}; ${args.jobs} recording(s) at once`,
  );
  console.log('races avoided (their outcome on real Linux is timing, so a recording could not decide):');
  for (const r of FIDELITY_RACES) console.log(`  - ${r}`);
  const work = mkdtempSync(join(tmpdir(), 'iolab-fidelity-'));
  const started = Date.now();
  let agree = 0;
  let races = 0;
  let done = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < scenarios.length) {
      const s = scenarios[next++]!;
      const v = await check(s, work, args.keep, args.keepAll);
      done++;
      if (v.kind === 'disagree')
        console.log(`${s.id} (${s.model}): ${v.first}${v.count > 1 ? ` (+${v.count - 1} more)` : ''}`);
      else agree++;
      if (v.kind === 'race') {
        races++;
        console.log(
          `${s.id} (${s.model}): recording race (agreed when recorded again; the first recording had ${v.first})`,
        );
      }
      if (done % 10 === 0)
        process.stderr.write(
          `  ${done}/${scenarios.length} (${Math.round((Date.now() - started) / 1000)} s)\n`,
        );
    }
  };
  await Promise.all(Array.from({ length: args.jobs }, worker));
  rmSync(work, { recursive: true, force: true });
  console.log(
    `disagreements: ${scenarios.length - agree}; recording races: ${races} (counted as agreeing: the second recording agreed); ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(
    `the recorder waited for the server to catch up ${lag.waits} times in ${lag.recordings} recordings (longest ${lag.longestMs} ms); it gave up waiting ${lag.unsettled} times (after ${SETTLE_LIMIT_S} s each)`,
  );
  console.log(`fidelity: ${agree} of ${scenarios.length} generated scenarios agree`);
  return agree === scenarios.length ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof BadInput) {
      console.error(`fidelity: ${e.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw e;
  },
);
