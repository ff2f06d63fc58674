import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import { sceneOfStep, type StageScene } from './scene.ts';
import { layoutStage, MIN_WIDTH } from './layout.ts';
import { fitScreen, fitStage } from './fit.ts';
import { placedGroups, placedTexts, type PlacedText } from './nodes.ts';
import { metricsMeasure } from './text.ts';
import { METRICS, METRIC_CHARS } from './font-metrics.ts';

const measures = {
  en: metricsMeasure('en', METRICS, METRIC_CHARS),
  zh: metricsMeasure('zh', METRICS, METRIC_CHARS),
};

function sceneAt(id: string, step: number): StageScene {
  const s = SCENARIOS.find((x) => x.id === id)!;
  const { run, index } = getRun(s, s.seed);
  return sceneOfStep(index, step, run.scenario.model);
}

function stepsOf(id: string): number {
  const s = SCENARIOS.find((x) => x.id === id)!;
  return getRun(s, s.seed).index.steps;
}

const t = (lang: Lang) => (key: string, params?: Record<string, string | number>) =>
  translate(lang, key, params);

function overlaps(a: PlacedText, b: PlacedText): boolean {
  const e = 0.5;
  return a.x + e < b.x + b.w && b.x + e < a.x + a.w && a.y + e < b.y + b.h && b.y + e < a.y + a.h;
}

function firstOverlap(texts: PlacedText[]): [PlacedText, PlacedText] | null {
  const sorted = [...texts].sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.y < sorted[i]!.y + sorted[i]!.h; j++) {
      if (overlaps(sorted[i]!, sorted[j]!)) return [sorted[i]!, sorted[j]!];
    }
  }
  return null;
}

describe('stage layout', () => {
  // The lab's widths, the projector's drawing (the stage view) and the phone's (stacked).
  const widths: [number, { projector?: boolean; stacked?: boolean }][] = [
    [MIN_WIDTH, {}],
    [1000, {}],
    [1500, {}],
    [750, { projector: true }],
    [360, { projector: true, stacked: true }],
  ];
  for (const s of SCENARIOS) {
    it(`${s.id}: no text overlaps another or leaves the stage, at every width, on a projector and a phone, in both languages`, () => {
      const total = stepsOf(s.id);
      const stride = Math.max(1, Math.floor(total / 40));
      const problems: string[] = [];
      for (let step = 0; step < total; step += stride) {
        const scene = sceneAt(s.id, step);
        for (const lang of ['en', 'zh'] as const) {
          for (const [width, mode] of widths) {
            const layout = layoutStage(scene, width, { t: t(lang), measure: measures[lang], ...mode });
            const texts = placedTexts(layout.nodes);
            const where = `${s.id} step ${step} ${lang} ${width}px ${JSON.stringify(mode)}`;
            const hit = firstOverlap(texts);
            if (hit)
              problems.push(
                `${where}: "${hit[0].text}" (${hit[0].path}) overlaps "${hit[1].text}" (${hit[1].path})`,
              );
            for (const tx of texts) {
              if (tx.x < -0.5) problems.push(`${where}: "${tx.text}" starts left of the stage`);
              if (tx.x + tx.w > layout.width + 0.5)
                problems.push(`${where}: "${tx.text}" (${tx.path}) runs past the right edge`);
              if (tx.y + tx.h > layout.height + 0.5)
                problems.push(`${where}: "${tx.text}" runs past the bottom`);
            }
          }
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }

  it('keys are unique, and texts stay inside the box of the object they belong to', () => {
    for (const id of [
      'thread-pool',
      'chat-order-burst',
      'epoll-level',
      'process-per-connection',
      'async-io',
      'signal-driven',
    ]) {
      const total = stepsOf(id);
      for (let step = 0; step < total; step += 7) {
        const layout = layoutStage(sceneAt(id, step), 900, { t: t('en'), measure: measures.en });
        const groups = placedGroups(layout.nodes).filter((g) => g.key);
        const keys = groups.map((g) => g.key);
        expect(
          new Set(keys).size,
          `${id} step ${step}: duplicate keys ${keys.filter((k, i) => keys.indexOf(k) !== i).join(', ')}`,
        ).toBe(keys.length);
        for (const g of groups.filter(
          (x) => /^(thread|sock|host|proc|epoll|scan|uring|signals)-?/.test(x.key!) && x.h > 0,
        )) {
          for (const tx of placedTexts(g.children, g.ax, g.ay)) {
            expect(tx.x + tx.w, `${id} step ${step}: "${tx.text}" leaves ${g.key}`).toBeLessThanOrEqual(
              g.ax + g.w + 0.5,
            );
            expect(
              tx.y + tx.h,
              `${id} step ${step}: "${tx.text}" leaves ${g.key} at the bottom`,
            ).toBeLessThanOrEqual(g.ay + g.h + 0.5);
          }
        }
      }
    }
  });

  it('gives every thread, receive buffer, accept queue and ready list the test id others rely on', () => {
    const scene = sceneAt('blocking-two-clients', 26);
    const layout = layoutStage(scene, 900, { t: t('en'), measure: measures.en });
    const ids = new Map(
      placedGroups(layout.nodes)
        .filter((g) => g.attrs?.['data-testid'])
        .map((g) => [g.attrs!['data-testid']!, g]),
    );
    expect(ids.get('thread-4000')?.attrs?.['data-state']).toBe('running');
    const buffer = ids.get('user-buffer-4000');
    expect(
      placedTexts(buffer!.children)
        .map((x) => x.text)
        .join(''),
    ).toContain('hello');
    expect(ids.has('accept-queue-4')).toBe(true);
    expect(ids.has('rx-6')).toBe(true);

    const ep = sceneAt('epoll-level', 35);
    const epLayout = layoutStage(ep, 900, { t: t('en'), measure: measures.en });
    const ready = placedGroups(epLayout.nodes).find((g) => g.attrs?.['data-testid'] === 'epoll-ready-6');
    expect(ready?.attrs?.['data-fds']).toBe('5');
  });

  it('wider stages are never taller (boxes flow into rows)', () => {
    for (const id of ['thread-per-connection', 'chat-order-burst', 'process-per-connection']) {
      const scene = sceneAt(id, stepsOf(id) - 1);
      const narrow = layoutStage(scene, MIN_WIDTH, { t: t('en'), measure: measures.en });
      const wide = layoutStage(scene, 1600, { t: t('en'), measure: measures.en });
      expect(wide.height).toBeLessThanOrEqual(narrow.height);
    }
  });

  it('a machine too big to draw shows the part that matters and counts the rest', () => {
    for (const [id, extra] of [
      ['poll', { idleConnections: 60 }],
      ['thread-per-connection', { idleConnections: 40 }],
      ['blocking-backlog-full', { idleConnections: 30, options: { backlog: 128 } }],
    ] as const) {
      const base = SCENARIOS.find((x) => x.id === id)!;
      const big = { ...base, ...extra, id: `${id}-big` } as typeof base;
      const { run, index } = getRun(big, big.seed);
      for (const step of [Math.floor(index.steps / 2), index.steps - 1]) {
        const scene = sceneOfStep(index, step, run.scenario.model);
        expect(scene.sockets.length).toBeLessThanOrEqual(24);
        expect(scene.clients.length).toBeLessThanOrEqual(16);
        expect(scene.hiddenClients + scene.clients.length).toBe(
          Object.keys(index.viewAt(step).clients).length,
        );
        for (const lang of ['en', 'zh'] as const) {
          const layout = layoutStage(scene, 1000, { t: t(lang), measure: measures[lang] });
          const hit = firstOverlap(placedTexts(layout.nodes));
          expect(hit, `${id} big, step ${step}: "${hit?.[0].text}" overlaps "${hit?.[1].text}"`).toBeNull();
          expect(layout.height).toBeLessThan(4000);
        }
      }
    }
  });

  it('below the minimum width it keeps the minimum (the stage scrolls instead)', () => {
    const layout = layoutStage(sceneAt('select', 50), 320, { t: t('en'), measure: measures.en });
    expect(layout.width).toBe(MIN_WIDTH);
  });

  it('a phone gets one column at its own width, drawn 1:1 with nothing under 12 px', () => {
    for (const lang of ['en', 'zh'] as const) {
      const scene = sceneAt('select', 90);
      const { layout, scale } = fitStage(
        scene,
        { width: 358, height: 0 },
        { t: t(lang), measure: measures[lang] },
      );
      expect(layout.width).toBe(358);
      expect(scale).toBe(1);
      const sizes = placedTexts(layout.nodes).map((x) => x.h);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      // user space, then kernel space, then the network, one under the other
      const bands = placedGroups(layout.nodes).filter((g) => g.key?.startsWith('band-'));
      expect(bands.map((b) => b.key)).toEqual(['band-user', 'band-kernel', 'band-net']);
      expect(bands.every((b) => b.ax === 0 && b.w === 358)).toBe(true);
      expect(bands[2]!.ay).toBeGreaterThanOrEqual(bands[1]!.ay + 1);
    }
  });

  it("the stage view draws a 1280×720 projector's stage with no text under 20 px (scenarios with a few connections)", () => {
    // The stage view's box at 1280×720 (the bar and the caption line take the rest).
    const box = { width: 1260, height: 630 };
    for (const id of ['blocking-two-clients', 'nonblocking', 'nonblocking-pitfall', 'epoll-timeout']) {
      const total = stepsOf(id);
      for (const lang of ['en', 'zh'] as const)
        for (let step = 0; step < total; step += 5) {
          const { layout, scale } = fitScreen(sceneAt(id, step), box, {
            t: t(lang),
            measure: measures[lang],
            projector: true,
          });
          const smallest = Math.min(...placedTexts(layout.nodes).map((x) => x.h)) * scale;
          expect(smallest, `${id} step ${step} ${lang}`).toBeGreaterThanOrEqual(20);
        }
    }
  });
});
