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
import { indexTrace } from '../kernel/trace-index.ts';
import type { Scenario } from '../scenarios/format.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { runScenario } from '../scenarios/run.ts';
import { narrate } from '../narration/index.ts';
import { LANGS } from '../i18n/core.ts';
import { toStrace } from '../kernel/strace-log.ts';
import { toJsonReport, toSummary } from './report.ts';
import { LISTINGS } from '../programs/listings.generated.ts';
import { LISTINGS_ZH } from '../programs/listings-zh.ts';

export const GOLDEN_DIR = 'fixtures/golden';
import { GENERATED_COUNT, GENERATED_SEED, generatedScenarios } from './generate.ts';

export { GENERATED_COUNT, GENERATED_SEED, generatedScenarios };

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
      // The listings of the student's language, as the code panel shows them.
      const n = narrate(run, index, k, lang, views, lang === 'zh' ? LISTINGS_ZH : LISTINGS);
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

/** One line per generated scenario: its id, model, and the hashes of its trace and strace. */
export function generatedGolden(): string {
  const lines = [`# golden: ${GENERATED_COUNT} generated scenarios (seed ${GENERATED_SEED})`];
  for (const s of generatedScenarios()) {
    const run = runScenario(s);
    lines.push(
      `${s.id}\t${s.model}\t${run.trace.length}\t${sha(JSON.stringify(run.trace))}\t${sha(toStrace(run))}\t${sha(JSON.stringify(toJsonReport(run)))}`,
    );
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
