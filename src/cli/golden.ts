/**
 * The golden set: what every shipped scenario produces today — its full trace, its strace, its
 * JSON report and the narration of every step in both languages — and the traces of a few
 * hundred generated scenarios. A refactor keeps every byte; an intended change rewrites the set
 * (`npm run golden -- --update`) in the same commit and says why.
 *
 * Each shipped scenario has `fixtures/golden/<id>.txt`: hashes first (a changed hash names what
 * changed), then the summary and the strace as text, so a diff shows the change itself.
 */
import { createHash } from 'node:crypto';
import { nextInt, seedRng, type RngState } from '../kernel/rng.ts';
import { indexTrace } from '../kernel/view.ts';
import { MODELS, SCENARIO_FORMAT, validateScenario, type Scenario, type ScenarioClient } from '../scenarios/format.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { runScenario } from '../scenarios/run.ts';
import { narrate } from '../narration/index.ts';
import { LANGS } from '../i18n/core.ts';
import { toStrace } from '../kernel/strace-log.ts';
import { toJsonReport, toSummary } from './report.ts';

export const GOLDEN_DIR = 'fixtures/golden';
/** How many generated scenarios the set holds, and the seed they come from. */
export const GENERATED_COUNT = 300;
export const GENERATED_SEED = 20261207;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The golden file of one shipped scenario. */
export function goldenOf(scenario: Scenario): string {
  const run = runScenario(scenario);
  const index = indexTrace(run.trace, run.options.cores);
  const narration: Record<string, string[]> = {};
  for (const lang of LANGS) narration[lang] = [];
  for (let k = 0; k < index.steps; k++) {
    const views = { view: index.viewAt(k), before: k > 0 ? index.viewAt(k - 1) : null };
    for (const lang of LANGS) {
      const n = narrate(run, index, k, lang, views);
      narration[lang]!.push(`${k}\t${n.text}\t${n.detail ?? ''}`);
    }
  }
  const strace = toStrace(run);
  return [
    `# golden: ${scenario.id} (seed ${run.seed})`,
    `trace     ${sha(JSON.stringify(run.trace))}  ${run.trace.length} events`,
    `json      ${sha(JSON.stringify(toJsonReport(run)))}`,
    `strace    ${sha(strace)}`,
    `steps     ${index.steps}`,
    ...LANGS.map((lang) => `narration.${lang} ${sha(narration[lang]!.join('\n'))}`),
    '',
    '## summary',
    toSummary(run),
    '## strace',
    strace,
  ].join('\n');
}

/** A deterministic stream of valid scenarios over every model (the same for a given seed). */
export function generatedScenarios(count = GENERATED_COUNT, seed = GENERATED_SEED): Scenario[] {
  const rng = seedRng(seed);
  const out: Scenario[] = [];
  for (let i = 0; out.length < count; i++) {
    const model = MODELS[i % MODELS.length]!;
    const scenario = generatedScenario(rng, model, out.length);
    if (validateScenario(scenario).ok) out.push(scenario);
  }
  return out;
}

function generatedScenario(rng: RngState, model: Scenario['model'], n: number): Scenario {
  const pick = <T,>(xs: readonly T[]): T => xs[nextInt(rng, xs.length)]!;
  const clients: ScenarioClient[] = [];
  const count = 1 + nextInt(rng, 4);
  for (let c = 0; c < count; c++) {
    let at = nextInt(rng, 40);
    const actions: ScenarioClient['actions'] = [{ at, do: 'connect' }];
    const sends = nextInt(rng, 4);
    for (let s = 0; s < sends; s++) {
      at += 1 + nextInt(rng, 60);
      actions.push({ at, do: 'send', data: pick(['hi', 'hello', 'ping', 'a longer message', 'x', 'bye']) });
    }
    const end = pick(['close', 'close', 'reset', 'stay'] as const);
    if (end !== 'stay') actions.push({ at: at + 1 + nextInt(rng, 80), do: end });
    clients.push({ name: pick(['ann', 'bob', 'cat', 'dan', 'eve']) + String(c), actions });
  }
  const options: NonNullable<Scenario['options']> = {};
  if (nextInt(rng, 2)) options.recvSize = pick([1, 4, 16, 1024]);
  if (nextInt(rng, 3) === 0) options.backlog = pick([0, 1, 2, 5]);
  if (nextInt(rng, 3) === 0) options.cores = pick([1, 2, 4]);
  if (model === 'thread-pool') options.poolSize = pick([1, 2, 4]);
  if (model === 'nonblocking') options.variant = pick(['fixed', 'pitfall'] as const);
  if (model === 'epoll') options.trigger = pick(['level', 'edge'] as const);
  if (model === 'select' || model === 'poll' || model === 'epoll') options.timeoutMs = pick([null, 0.5, 5, 50]);
  if (model === 'select-chat') options.mechanism = pick(['select', 'poll', 'epoll'] as const);
  // Busy polling makes millions of events a second: its runs end soon after the last action.
  const lastAt = Math.max(...clients.flatMap((c) => c.actions.map((a) => a.at)));
  return {
    ...(model === 'nonblocking' ? { untilMs: lastAt + 15 } : {}),
    format: SCENARIO_FORMAT, id: `gen-${n}`, title: { en: `generated ${n}`, zh: `生成 ${n}` }, seed: nextInt(rng, 1000),
    model, ...(Object.keys(options).length ? { options } : {}), clients,
    ...(nextInt(rng, 4) === 0 ? { idleConnections: 1 + nextInt(rng, 5) } : {}),
  };
}

/** One line per generated scenario: its id, model, and the hashes of its trace and strace. */
export function generatedGolden(): string {
  const lines = [`# golden: ${GENERATED_COUNT} generated scenarios (seed ${GENERATED_SEED})`];
  for (const s of generatedScenarios()) {
    const run = runScenario(s);
    lines.push(`${s.id}\t${s.model}\t${run.trace.length}\t${sha(JSON.stringify(run.trace))}\t${sha(toStrace(run))}\t${sha(JSON.stringify(toJsonReport(run)))}`);
  }
  return lines.join('\n') + '\n';
}

/** Every golden file, by name. */
export function goldenFiles(): Map<string, () => string> {
  const files = new Map<string, () => string>();
  for (const s of SCENARIOS) files.set(`${s.id}.txt`, () => goldenOf(s));
  files.set('generated.tsv', generatedGolden);
  return files;
}
