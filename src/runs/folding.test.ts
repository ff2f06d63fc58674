import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { stepStarts } from '../kernel/trace-index.ts';
import { foldSteps, stepSignature, visibleSteps } from './folding.ts';

const busy = (model: Scenario['model'], idle: number, untilMs: number): Scenario => ({
  format: 'iolab/scenario@1',
  id: 'busy-fold',
  title: { en: 'busy', zh: '忙' },
  seed: 1,
  model,
  options: { backlog: 64 },
  clients: [{ name: 'ann', actions: [{ at: 0, do: 'connect' }] }],
  idleConnections: idle,
  untilMs,
});

function traced(s: Scenario) {
  const run = runScenario(s, { keepTrace: true });
  const index = { trace: run.trace, stepStart: stepStarts(run.trace) };
  return { index, signature: (k: number) => stepSignature(run.trace[index.stepStart[k]!]!) };
}

describe('folding a traced busy-polling run', () => {
  it('folds whole identical rounds when a round is longer than 16 steps (20 sockets)', () => {
    const { index, signature } = traced(busy('nonblocking', 20, 12));
    const { folds } = foldSteps(index);
    // 21 connections: a round is the loop's head (accept4, EAGAIN) then a failed recv per socket.
    const round = 2 + 2 * 21;
    const whole = folds.filter((f) => f.period === round);
    expect(whole.length).toBeGreaterThan(0);
    const last = whole[whole.length - 1]!;
    expect(last.repeats).toBeGreaterThan(50);
    // Every folded round is step for step the same as the first one it stands beside.
    for (let r = 1; r < last.repeats; r++)
      for (let i = 0; i < round; i++)
        expect(signature(last.first + r * round + i)).toBe(signature(last.first + i));
    // Shown as its first round, then one step for the rest; nothing else hides in it.
    const visible = visibleSteps(index.stepStart.length, { folds });
    const at = visible.indexOf(last.first);
    expect(visible.slice(at, at + round + 1)).toEqual([
      ...Array.from({ length: round }, (_, i) => last.first + i),
      last.last,
    ]);
  });

  it('never folds steps that happen once, even at the same moment (20 SYNs sent at 0 ms)', () => {
    const { index, signature } = traced(busy('epoll', 20, 5));
    const { folds } = foldSteps(index);
    for (const f of folds)
      for (let k = f.first; k <= f.last; k++) expect(signature(k), `step ${k}`).not.toBeNull();
    expect(signature(1)).toBeNull(); // the first client's SYN
  });

  it('keeps folds apart and in order, and every step reachable unfolded', () => {
    const { index } = traced(busy('nonblocking', 8, 6));
    const { folds } = foldSteps(index);
    for (let i = 1; i < folds.length; i++) expect(folds[i]!.first).toBeGreaterThan(folds[i - 1]!.last);
    const total = index.stepStart.length;
    expect(visibleSteps(total, null)).toEqual(Array.from({ length: total }, (_, k) => k));
    const visible = visibleSteps(total, { folds });
    for (let i = 1; i < visible.length; i++) expect(visible[i]!).toBeGreaterThan(visible[i - 1]!);
    expect(visible[visible.length - 1]).toBe(total - 1);
  });
});
