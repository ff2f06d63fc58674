import { describe, expect, it } from 'vitest';
import { applyShared } from '../kernel/view-share.ts';
import { applyEvent, emptyView } from '../kernel/view.ts';
import { indexTrace } from '../kernel/trace-index.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { runScenario } from '../scenarios/run.ts';

/** Every step of a trace built both ways: by copy-on-write from the step before, and by folding a private copy. */
function compareAllSteps(trace: readonly TraceEvent[], cores: number): void {
  const ix = indexTrace(trace, cores);
  const plain = emptyView(cores);
  let shared = emptyView(cores);
  for (let k = 0; k < ix.steps; k++) {
    const from = ix.stepStart[k]!;
    const to = k + 1 < ix.steps ? ix.stepStart[k + 1]! : trace.length;
    const before = JSON.stringify(shared);
    const next = applyShared(shared, trace, from, to);
    // The view it started from is left as it was.
    expect(JSON.stringify(shared), `step ${k}: the view before was changed`).toBe(before);
    for (let i = from; i < to; i++) applyEvent(plain, trace[i]!);
    expect(JSON.stringify(next), `step ${k}`).toBe(JSON.stringify(plain));
    shared = next;
  }
}

describe('a step applied by copy-on-write', () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: equals the fold of a private copy at every step, and leaves the step before as it was`, () => {
      const run = runScenario(s, { seed: s.seed, keepTrace: true });
      compareAllSteps(run.trace, run.options.cores);
    });
  }

  it('shares what a step did not touch and copies what it did', () => {
    const s = SCENARIOS.find((x) => x.id === 'epoll') ?? SCENARIOS[0]!;
    const run = runScenario(s, { seed: s.seed, keepTrace: true });
    const ix = indexTrace(run.trace, run.options.cores);
    const k = Math.floor(ix.steps / 2);
    const before = ix.viewAt(k - 1);
    const after = applyShared(before, run.trace, ix.stepStart[k]!, ix.stepStart[k + 1]!);
    expect(after).not.toBe(before);
    // Some sockets are shared (the same objects), and what changed is a new object.
    const ids = Object.keys(before.socks).map(Number);
    expect(ids.filter((id) => after.socks[id] === before.socks[id]).length).toBeGreaterThan(0);
    for (const id of ids)
      if (JSON.stringify(after.socks[id]) !== JSON.stringify(before.socks[id]))
        expect(after.socks[id]).not.toBe(before.socks[id]);
  });

  it('the step index gives the same views walking forward, back and seeking as a replay from the start', () => {
    const s = SCENARIOS.find((x) => x.id === 'nonblocking')!;
    const run = runScenario(s, { seed: s.seed, keepTrace: true });
    const ix = indexTrace(run.trace, run.options.cores);
    const replay: string[] = [];
    const v = emptyView(run.options.cores);
    for (let k = 0; k < ix.steps; k++) {
      const to = k + 1 < ix.steps ? ix.stepStart[k + 1]! : run.trace.length;
      for (let i = k === 0 ? 0 : ix.stepStart[k]!; i < to; i++) applyEvent(v, run.trace[i]!);
      replay.push(JSON.stringify(v));
    }
    const mid = Math.min(300, ix.steps - 50);
    const walk = [
      ...Array.from({ length: 40 }, (_, i) => mid + i), // forward
      ...Array.from({ length: 80 }, (_, i) => mid + 39 - i), // back, past the trail built at once
      ix.steps - 1, // a seek
      0,
      mid,
    ];
    for (const k of walk) {
      // As the page asks: the step before, then the step.
      if (k > 0) expect(JSON.stringify(ix.viewAt(k - 1)), `step ${k - 1}`).toBe(replay[k - 1]);
      expect(JSON.stringify(ix.viewAt(k)), `step ${k}`).toBe(replay[k]);
    }
    // Seeks asking for the step first, then the step before (built together, sharing objects).
    for (const k of [ix.steps - 2, 1, mid + 7, Math.floor(mid / 2), ix.steps - 1]) {
      const view = ix.viewAt(k);
      expect(JSON.stringify(view), `step ${k}`).toBe(replay[k]);
      expect(JSON.stringify(ix.viewAt(k - 1)), `step ${k - 1}`).toBe(replay[k - 1]);
      expect(JSON.stringify(view), `step ${k} after the step before`).toBe(replay[k]);
    }
  });
});
