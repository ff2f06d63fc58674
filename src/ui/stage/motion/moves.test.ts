import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../scenarios/index.ts';
import { getRun } from '../../../runs/runs.ts';
import { visibleSteps } from '../../../runs/folding.ts';
import { translate } from '../../../i18n/index.ts';
import type { TraceEvent } from '../../../kernel/types.ts';
import { sceneOfStep } from '../scene.ts';
import { layoutStage } from '../layout.ts';
import { byteGlyph, metricsMeasure } from '../text.ts';
import { METRICS, METRIC_CHARS } from '../font-metrics.ts';
import { stepRange } from '../facts.ts';
import { cellsIn, placeKeys, planMotion, type MotionPlan } from './moves.ts';

const ctx = {
  t: (key: string, params?: Record<string, string | number>) => translate('en', key, params),
  measure: metricsMeasure('en', METRICS, METRIC_CHARS),
};
const PER_MODEL = [...new Map(SCENARIOS.map((s) => [s.model, s.id])).values()];

function setup(id: string) {
  const s = SCENARIOS.find((x) => x.id === id)!;
  const { index, folds } = getRun(s, s.seed);
  const steps = visibleSteps(index.steps, folds);
  const layout = (k: number) => layoutStage(sceneOfStep(index, k, s.model), 960, ctx);
  const events = (k: number): TraceEvent[] => {
    const [a, b] = stepRange(index, k);
    return index.trace.slice(a, b);
  };
  const plan = (i: number): MotionPlan =>
    planMotion({
      events: events(steps[i]!),
      before: index.viewAt(steps[i - 1]!),
      view: index.viewAt(steps[i]!),
      from: layout(steps[i - 1]!).nodes,
      to: layout(steps[i]!).nodes,
    });
  const first = (is: (e: TraceEvent) => boolean): number =>
    steps.findIndex((k, i) => i > 0 && events(k).some(is));
  return { steps, layout, events, plan, first };
}

describe('motion plans', () => {
  it.each(PER_MODEL)(
    '%s: arriving bytes and copied bytes land exactly on their cells in the new picture',
    (id) => {
      const { steps, layout, plan, first, events } = setup(id);
      for (const is of [
        (e: TraceEvent) => e.type === 'sock.rx' && e.data.length > 0,
        (e: TraceEvent) => e.type === 'copy' && e.dir === 'to-user' && e.bytes > 0,
      ]) {
        const i = first(is);
        expect(i).toBeGreaterThan(0);
        const p = plan(i);
        const cells = p.moves.filter((m) => m.shape === 'cell');
        expect(cells.length).toBeGreaterThan(0);
        const places = placeKeys(layout(steps[i]!).nodes);
        for (const m of cells.filter((x) => x.hide)) {
          const hide = m.hide?.[0];
          expect(hide?.cell).toBeDefined();
          const target = cellsIn(places.get(hide!.key)!)[hide!.cell!]!;
          const end = m.path[m.path.length - 1]!;
          expect([end.x, end.y]).toEqual([target.x, target.y]);
          expect(target.ch).toBe(m.text);
        }
        // The bytes that move are the event's bytes, in order.
        const ev = events(steps[i]!).find(is)!;
        const data = ev.type === 'sock.rx' || ev.type === 'copy' ? ev.data : '';
        expect(cells.map((m) => m.text)).toEqual(
          [...data.slice(0, cells.length)].map((ch) => byteGlyph(ch.charCodeAt(0))),
        );
      }
    },
  );

  it.each([
    'select',
    'poll',
    'epoll-level',
    'signal-driven',
    'async-io',
    'thread-per-connection',
    'chat-order-burst',
  ])('%s: every step plans sane moves (times in order, boxes finite)', (id) => {
    const { steps, plan } = setup(id);
    let animated = 0;
    for (let i = 1; i < Math.min(steps.length, 160); i++) {
      const p = plan(i);
      if (p.moves.length) animated++;
      expect(p.weight).toBeGreaterThanOrEqual(0);
      for (const m of p.moves) {
        expect(m.t0).toBeGreaterThanOrEqual(0);
        expect(m.t1).toBeLessThanOrEqual(1 + 1e-9);
        expect(m.t0).toBeLessThanOrEqual(m.t1);
        for (const b of m.path) expect([b.x, b.y, b.w, b.h].every(Number.isFinite)).toBe(true);
      }
    }
    expect(animated).toBeGreaterThan(10);
  });

  it('select: the fd list goes in, the scan visits each watched fd in order, the result comes back', () => {
    const { plan, first, events, steps } = setup('select');
    const i = first((e) => e.type === 'select.scan' && e.ready.length > 0);
    const scan = events(steps[i]!).find((e) => e.type === 'select.scan')!;
    if (scan.type !== 'select.scan') throw new Error('no scan');
    const p = plan(i);
    const rings = p.moves.filter((m) => m.shape === 'ring' && m.cls.startsWith('scan'));
    expect(rings.map((m) => m.hide?.[0]?.key)).toEqual(scan.watched.map((fd) => `scan-${fd}`));
    expect(rings.filter((m) => m.cls.includes('ready')).length).toBe(scan.ready.length);
    const tokens = p.moves.filter((m) => m.shape === 'token');
    expect(tokens[0]!.cls).toBe('fdset');
    expect(tokens[tokens.length - 1]!.cls).toBe('result');
    for (let j = 1; j < rings.length; j++) expect(rings[j]!.t0).toBeGreaterThan(rings[j - 1]!.t0);
  });

  it('epoll: the callback drops the fd into the ready list the moment the data lands', () => {
    const { plan, first, steps, events } = setup('epoll-level');
    const i = first((e) => e.type === 'epoll.ready' && e.op === 'add');
    const ev = events(steps[i]!).find((e) => e.type === 'epoll.ready')!;
    if (ev.type !== 'epoll.ready') throw new Error('no ready');
    const m = plan(i).moves.find((x) => x.cls === 'ready')!;
    expect(m.hide).toEqual([{ key: `ready-${ev.ep}-${ev.fd}` }]);
  });
});
