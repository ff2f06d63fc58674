import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { toStrace, UNFINISHED } from '../../kernel/strace-log.ts';
import { logRows } from './log-rows.ts';

// What students read in the lab's system-call panel is what `npm run sim -- <id> --format strace`
// prints, and so what src/fidelity compares with the real recordings.
describe("the lab's strace panel prints the CLI's lines", () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: at every step the lines so far, at the end every line`, () => {
      const { run, index } = getRun(scenario, scenario.seed);
      const cli = toStrace(run).split('\n').slice(0, -1);
      for (let k = 0; k < index.steps; k++) {
        const { rows, count } = logRows(run.trace, index, k, index.viewAt(k));
        const printed = rows.filter((r) => !r.pending).map((r) => r.prefix + r.text);
        expect(printed, `${scenario.id} step ${k}`).toEqual(cli.slice(0, count));
      }
      const last = index.steps - 1;
      const { rows } = logRows(run.trace, index, last, index.viewAt(last));
      expect(rows.map((r) => r.prefix + r.text + (r.pending ? UNFINISHED : ''))).toEqual(cli);
    });
  }

  it('draws only the last lines of a long log, ending where the CLI has got to', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'asyncio') ?? SCENARIOS[0]!;
    const { run, index } = getRun(scenario, scenario.seed);
    const cli = toStrace(run).split('\n');
    const last = index.steps - 1;
    const { rows, first, count } = logRows(run.trace, index, last, index.viewAt(last), 10);
    const printed = rows.filter((r) => !r.pending);
    expect(printed.length).toBe(Math.min(10, count));
    expect(first).toBe(count - printed.length);
    expect(printed.map((r) => r.prefix + r.text)).toEqual(cli.slice(first, count));
  });

  it('gives a line the same row at the next step, so the panel redraws only the rows that are new', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'asyncio') ?? SCENARIOS[0]!;
    const { run, index } = getRun(scenario, scenario.seed);
    const k = Math.floor(index.steps / 2);
    const now = logRows(run.trace, index, k, index.viewAt(k), 50).rows.filter((r) => !r.pending);
    const next = logRows(run.trace, index, k + 1, index.viewAt(k + 1), 50).rows;
    const byKey = new Map(next.map((r) => [r.key, r]));
    const kept = now.filter((r) => byKey.has(r.key));
    expect(kept.length).toBeGreaterThan(0);
    for (const r of kept) expect(byKey.get(r.key)).toBe(r);
  });
});
