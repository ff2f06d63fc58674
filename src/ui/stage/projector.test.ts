/**
 * The stage view on a 1280×720 projector, for every shipped scenario: how small its smallest
 * text is drawn, and that every condensed summary (idle connections, threads asleep alike) says
 * what the machine's view holds at that step.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { translate, type Lang } from '../../i18n/index.ts';
import { sceneOfStep } from './scene.ts';
import { fitScreen } from './fit.ts';
import { placedGroups, placedTexts } from './nodes.ts';
import { metricsMeasure } from './text.ts';
import { METRICS, METRIC_CHARS } from './font-metrics.ts';
import { fdList } from './layout/condense.ts';
import { STILL_SMALL } from './projector-floors.ts';

/** The stage view's box at 1280×720 (the bar and the caption line take the rest). */
const BOX = { width: 1260, height: 630 };

const measures = {
  en: metricsMeasure('en', METRICS, METRIC_CHARS),
  zh: metricsMeasure('zh', METRICS, METRIC_CHARS),
};
const tr = (lang: Lang) => (key: string, params?: Record<string, string | number>) =>
  translate(lang, key, params);

describe('the stage view on a 1280×720 projector', () => {
  it('knows every scenario it lists as still small', () => {
    for (const id of Object.keys(STILL_SMALL)) expect(SCENARIOS.map((s) => s.id)).toContain(id);
  });

  for (const s of SCENARIOS) {
    const floor = STILL_SMALL[s.id] ?? 20;
    it(`${s.id}: no text under ${floor} px at any sampled step, and every summary is true (en, zh)`, () => {
      const { run, index } = getRun(s, s.seed);
      const stride = Math.max(1, Math.floor(index.steps / 24));
      const problems: string[] = [];
      for (let step = 0; step < index.steps; step += stride) {
        const scene = sceneOfStep(index, step, run.scenario.model);
        const view = index.viewAt(step);
        for (const lang of ['en', 'zh'] as const) {
          const t = tr(lang);
          const { layout, scale } = fitScreen(scene, BOX, { t, measure: measures[lang], projector: true });
          const where = `${s.id} step ${step} ${lang}`;
          const texts = placedTexts(layout.nodes);
          const smallest = Math.min(...texts.map((x) => x.h)) * scale;
          if (smallest < floor) problems.push(`${where}: smallest text ${smallest.toFixed(1)} px`);
          for (const g of placedGroups(layout.nodes)) {
            const id = g.attrs?.['data-testid'];
            if (id === 'idle-socks') {
              const socks = g.attrs!['data-socks']!.split(',').map(Number);
              // the fds that hold these sockets, read from the view's fd tables
              const fds = Object.values(view.procs).flatMap((p) =>
                Object.entries(p.fds)
                  .filter(([, w]) => w.kind === 'conn' && socks.includes(w.sock))
                  .map(([fd]) => Number(fd)),
              );
              if (g.title !== t('stage.idle.title', { n: socks.length, fds: fdList(fds) }))
                problems.push(`${where}: idle summary "${g.title}" but the fds are ${fds.join(',')}`);
              for (const id of socks) {
                const v = view.socks[id]!;
                if (v.kind !== 'conn' || v.rx.length > 0 || v.fin || v.err !== null || v.closed)
                  problems.push(`${where}: socket ${id} is summed up as idle but is not`);
              }
            }
            if (id === 'thread-group') {
              const tids = g.attrs!['data-tids']!.split(',').map(Number);
              const ths = tids.map((tid) => view.threads[tid]!);
              if (ths.length < 2 || ths.some((th) => th.state !== 'blocked'))
                problems.push(`${where}: threads ${tids.join(',')} summed up as asleep`);
              const kinds = new Set(ths.map((th) => th.on?.kind));
              if (kinds.size !== 1)
                problems.push(`${where}: threads ${tids.join(',')} asleep in different ways`);
              const head = placedTexts(g.children)
                .map((x) => x.text)
                .join(' ');
              if (!head.includes(String(tids.length)))
                problems.push(`${where}: "${head}" does not count ${tids.length} threads`);
            }
          }
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }
});
