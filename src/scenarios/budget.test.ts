import { describe, expect, it } from 'vitest';
import { findScenario } from './index.ts';
import { runScenario } from './run.ts';
import type { Scenario } from './format.ts';
import { ASK_ABOVE, asksFirst, scenarioSize } from './budget.ts';

/** The crash link's shape (issue 22): poll with a zero timeout over many idle connections for an hour. */
const crash = (model: 'poll' | 'select', idle: number): Scenario =>
  ({
    format: 'iolab/scenario@1',
    id: `crash-${model}`,
    title: { en: 'crash', zh: 'crash' },
    seed: 1,
    model,
    options: { timeoutMs: 0, fdLimit: 1_048_576, backlog: 4096 },
    clients: [{ name: 'c1', actions: [{ at: 0, do: 'connect' }] }],
    idleConnections: idle,
    untilMs: 3_600_000,
  }) as Scenario;

describe('the work budget', () => {
  it('stops a busy poll over many fds by the fds it looked at, and says so', () => {
    const run = runScenario(crash('poll', 200), { budget: { fdsLooked: 200_000, traceBytes: 1e12 } });
    expect(run.stopReason).toBe('budget');
    expect(run.budgetStop).toMatchObject({ budget: 'fds', limit: 200_000 });
    expect(run.budgetStop!.used).toBeGreaterThan(200_000);
    expect(run.trace.at(-1)).toMatchObject({ type: 'stop', reason: 'budget' });
    expect(run.endNs).toBeLessThan(3_600_000 * 1e6);
  });

  it('stops the same run by the size of its trace', () => {
    const run = runScenario(crash('poll', 200), { budget: { fdsLooked: 1e12, traceBytes: 4 * 2 ** 20 } });
    expect(run.budgetStop).toMatchObject({ budget: 'traceBytes', limit: 4 * 2 ** 20 });
    expect(run.budgetStop!.used).toBeGreaterThan(4 * 2 ** 20);
  });

  it("lets the driver stop a run with a budget of its own (the CLI's heap)", () => {
    let calls = 0;
    const run = runScenario(crash('poll', 50), {
      onProgress: (p) => (++calls === 3 ? { budget: 'heap', limit: 1, used: p.events } : null),
    });
    expect(run.stopReason).toBe('budget');
    expect(run.budgetStop?.budget).toBe('heap');
  });

  it('leaves a run within its budget exactly as it was', () => {
    const s = findScenario('select')!;
    const plain = runScenario(s);
    const budgeted = runScenario(s, { budget: { fdsLooked: 1e9, traceBytes: 1e12 }, onProgress: () => null });
    expect(budgeted.budgetStop).toBeUndefined();
    expect(budgeted.trace).toEqual(plain.trace);
    expect(budgeted.stopReason).toBe(plain.stopReason);
  });
});

describe('which link asks before running (ASK_ABOVE)', () => {
  it('asks for the crash links and for many connections or actions, not for the shipped scenarios', () => {
    expect(asksFirst(scenarioSize(crash('poll', 2_000)))).toBe(true);
    expect(asksFirst(scenarioSize(crash('select', ASK_ABOVE.busyConnections)))).toBe(true);
    expect(asksFirst(scenarioSize(crash('poll', ASK_ABOVE.busyConnections - 2)))).toBe(false);
    const many = (n: number, actions: number): Scenario => ({
      ...findScenario('epoll-level')!,
      clients: Array.from({ length: n }, (_, i) => ({
        name: `c${i}`,
        actions: Array.from({ length: actions }, (_, k) => ({ at: k, do: 'send' as const, data: 'x' })),
      })),
    });
    expect(scenarioSize(many(1_001, 1))).toMatchObject({ connections: 1_001, actions: 1_001, busy: false });
    expect(asksFirst(scenarioSize(many(1_001, 1)))).toBe(true);
    expect(asksFirst(scenarioSize(many(1_000, 1)))).toBe(false);
    expect(asksFirst(scenarioSize(many(100, 101)))).toBe(true);
    for (const id of ['select', 'poll', 'epoll-level', 'nonblocking', 'asyncio'])
      expect(asksFirst(scenarioSize(findScenario(id)!)), id).toBe(false);
  });
});
