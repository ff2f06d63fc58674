import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios/index.ts';
import { getRun } from '../runs/runs.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { narrate } from './index.ts';

// Issue 20, "every sentence true": the narration of a scenario's step, read as a student reads it,
// in both languages; each test fails on the old, wrong words.
function runOf(id: string) {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return getRun(s, s.seed);
}

/** Every step whose events match. */
function stepsWhere(id: string, pred: (ev: TraceEvent, stepEvents: TraceEvent[]) => boolean): number[] {
  const { index } = runOf(id);
  const out: number[] = [];
  for (let k = 0; k < index.steps; k++) {
    const from = index.stepStart[k]!;
    const to = k + 1 < index.steps ? index.stepStart[k + 1]! : index.trace.length;
    if (pred(index.trace[from]!, index.trace.slice(from, to) as TraceEvent[])) out.push(k);
  }
  if (out.length === 0) throw new Error(`no such step in ${id}`);
  return out;
}

function say(id: string, step: number, lang: 'en' | 'zh' = 'en'): string {
  const { run, index } = runOf(id);
  const n = narrate(run, index, step, lang);
  return `${n.text} ${n.detail ?? ''}`;
}

describe('item 4: a dropped SYN comes again after five 1 s waits, then doubling', () => {
  it('blocking-backlog-full: the drop says so in both languages', () => {
    const [k] = stepsWhere('blocking-backlog-full', (_ev, all) => all.some((e) => e.type === 'sock.syn' && e.outcome !== 'queued'));
    expect(say('blocking-backlog-full', k!)).not.toMatch(/1 s, then 2 s/);
    expect(say('blocking-backlog-full', k!)).toMatch(/6\.7\+.*five waits of 1 s, then doubling/);
    expect(say('blocking-backlog-full', k!, 'zh')).not.toMatch(/先等 1 秒，再等 2 秒/);
    expect(say('blocking-backlog-full', k!, 'zh')).toMatch(/6\.7.*五次各等 1 秒/);
  });
});

describe('item 5: select’s scan, as narrated', () => {
  it('select: the call and its scan say the kernel checks only the fds in the set', () => {
    const steps = stepsWhere('select', (_ev, all) => all.some((e) => e.type === 'select.scan'));
    for (const k of steps.slice(0, 3)) {
      expect(say('select', k)).not.toMatch(/every fd (number )?from 0/);
      expect(say('select', k)).toMatch(/walks the bitmap up to fd \d+ and checks each fd in the set/);
      expect(say('select', k, 'zh')).not.toMatch(/从 0 到 \d+ 的每个 fd/);
      expect(say('select', k, 'zh')).toMatch(/把位图走到 fd \d+，检查集合里的每个 fd/);
    }
  });
});
