/**
 * The scene of a step reuses the parts made for the objects a step did not change (the views
 * share them). Whatever order the steps are visited in, each scene must equal the scene made
 * from scratch: from copies of the same views, which share nothing with anything seen before.
 */
import { describe, expect, it } from 'vitest';
import { getRun } from '../../runs/runs.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import type { Scenario } from '../../scenarios/format.ts';
import { stepRange, traceFacts } from './facts.ts';
import { buildScene, pickTop, sceneOfStep } from './scene.ts';
import type { TraceIndex } from '../../kernel/trace-index.ts';
import { nextInt, seedRng } from '../../kernel/rng.ts';

function crowd(n: number, model: string): Scenario {
  const clients = Array.from({ length: n }, (_, i) => ({
    name: `c${i}`,
    actions: [
      { at: i * 0.05, do: 'connect' as const },
      { at: i * 0.05 + 40 + (i % 7), do: 'send' as const, data: `m-${i}` },
      ...(i % 3 === 0 ? [{ at: i * 0.05 + 90, do: 'close' as const }] : []),
    ],
  }));
  return {
    format: 'iolab/scenario@1',
    id: `crowd-${model}`,
    title: { en: 'Crowd', zh: '人群' },
    seed: 3,
    model,
    options: { backlog: 16 },
    clients,
    untilMs: 120,
  } as Scenario;
}

/** The scene from scratch: views copied, so no part made before can be reused. */
function fresh(index: TraceIndex, k: number, model: string): ReturnType<typeof buildScene> {
  const [start, end] = stepRange(index, k);
  return buildScene({
    view: structuredClone(index.viewAt(k)),
    before: k > 0 ? structuredClone(index.viewAt(k - 1)) : null,
    stepEvents: index.trace.slice(start, end),
    stepEnd: end,
    facts: traceFacts(index),
    model,
  });
}

/** Forward through every step, back a stretch, then random seeks, each followed by a few steps. */
function visits(steps: number, seed: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < steps; k++) out.push(k);
  for (let k = steps - 1; k >= Math.max(0, steps - 60); k--) out.push(k);
  const rng = seedRng(seed);
  for (let i = 0; i < 12; i++) {
    const at = nextInt(rng, steps);
    for (let k = at; k < Math.min(steps, at + 5); k++) out.push(k);
  }
  return out;
}

describe('a scene made from the parts kept from earlier steps', () => {
  const cases: Scenario[] = [
    ...SCENARIOS.filter((s) =>
      [
        'epoll-level',
        'select-chat',
        'thread-per-connection',
        'signal-driven',
        'async-io',
        'asyncio',
      ].includes(s.id),
    ),
    crowd(30, 'epoll'),
    crowd(26, 'select'),
  ];
  for (const s of cases)
    it(`equals the scene made from scratch at every step visited (${s.id})`, () => {
      const { index } = getRun(s, s.seed);
      expect(index.steps).toBeGreaterThan(10);
      for (const k of visits(index.steps, 7))
        expect(sceneOfStep(index, k, s.model)).toEqual(fresh(index, k, s.model));
    });
});

describe('pickTop', () => {
  it('keeps the highest scores, the earlier first among equals, in their order', () => {
    const rng = seedRng(5);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: nextInt(rng, 60) }, () => nextInt(rng, 6));
      const max = 1 + nextInt(rng, 10);
      const ranked = items
        .map((s, i) => ({ s, i }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .slice(0, max)
        .sort((a, b) => a.i - b.i)
        .map((r) => r.i);
      const picked = pickTop(
        items.map((s, i) => ({ s, i })),
        max,
        (x) => x.s,
      ).map((x) => x.i);
      expect(picked).toEqual(ranked);
    }
  });
});
