/**
 * The stage: the whole machine at the current step. User space on top (processes, threads,
 * fd tables), kernel space below (readiness machinery, sockets, wait queues), the network at
 * the right (client hosts, packets on the wire); what changed since the step before is haloed.
 * The phase indicator above says which phase of a read the thread that matters is in.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { useLab, useRun, useT, useView } from './hooks.ts';
import { sceneOfStep, type StageScene } from './stage/scene.ts';
import { fitScreen, fitStage } from './stage/fit.ts';
import { metricsMeasure } from './stage/text.ts';
import { METRICS, METRIC_CHARS } from './stage/font-metrics.ts';
import { renderNodes, iconShape } from './stage/Svg.tsx';
import { PhaseIndicator } from './stage/PhaseIndicator.tsx';
import { StateTable } from './stage/StateTable.tsx';
import { callText, stateText, threadName } from './stage/describe.ts';
import { useMotion } from './stage/motion/use-motion.ts';
import { clientHeight, useBoxSize } from './stage/use-box.ts';
import { useSwipe } from './stage/use-swipe.ts';
import type { T } from './hooks.ts';
import './stage.css';

export function Stage() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const { view, before, step } = useView();
  const { run, index } = useRun();
  const scene = useMemo(
    () => sceneOfStep(index, step, run.scenario.model, { view, before }),
    [index, step, view, before, run.scenario.model],
  );

  // In an iframe (embed=1) the whole stage is drawn in the box, scaled to fit both ways.
  const embed = useLab((s) => s.embed);
  const boxRef = useRef<HTMLDivElement>(null);
  const box = useBoxSize(boxRef, embed ? clientHeight : maxHeightOf);
  // Widths from the bundled fonts' own metrics: the layout never shifts when the fonts arrive.
  const measure = useMemo(() => metricsMeasure(lang, METRICS, METRIC_CHARS), [lang]);
  const { layout, scale } = useMemo(
    () => (embed ? fitScreen : fitStage)(scene, box, { t, measure, projector: embed }),
    [embed, scene, box, t, measure],
  );
  const stageRef = useRef<HTMLElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  useMotion({ stage: stageRef, svg: svgRef, layout, step, index, view });
  useSwipe(boxRef);

  // A box that scrolls must be reachable by keyboard.
  const scrolls =
    layout.width * scale > box.width + 1 || (box.height > 0 && layout.height * scale > box.height + 1);
  const focus = scene.phase.tid !== null ? scene.threads[scene.phase.tid] : undefined;
  const doing = focus ? (callText(focus, t) ?? stateText(focus, t, scene.t)) : null;
  // A name cut with "…" keeps its whole text in its <title>: shown on hover, and here on a tap (touch has no hover).
  const [full, setFull] = useState<{ step: number; text: string } | null>(null);
  const showFull = (target: EventTarget) => {
    const text = (target as Element).closest?.('text')?.querySelector('title')?.textContent;
    setFull(text ? { step, text } : null);
  };

  return (
    <section ref={stageRef} className="panel stage" data-testid="stage" aria-label={t('stage.label')}>
      <h2 className="visually-hidden">{t('app.panel.stage')}</h2>
      <PhaseIndicator info={scene.phase} thread={focus ? threadName(focus) : null} doing={doing} t={t} />
      <div
        className="stage-box"
        ref={boxRef}
        {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': t('stage.scroll') } : {})}
      >
        <svg
          ref={svgRef}
          className="stage-svg"
          role="img"
          aria-label={summary(scene, step, t)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          preserveAspectRatio="xMinYMin meet"
          width={Math.floor(layout.width * scale)}
          height={Math.ceil(layout.height * scale)}
          onClick={(e) => showFull(e.target)}
        >
          {renderNodes(layout.nodes)}
        </svg>
      </div>
      {full?.step === step && (
        <p className="stage-full" role="status" data-testid="stage-full">
          {full.text}
        </p>
      )}
      <Legend t={t} />
      <StateTable scene={scene} t={t} />
    </section>
  );
}

function summary(scene: StageScene, step: number, t: T): string {
  const threads = Object.values(scene.threads)
    .filter((th) => th.state !== 'exited')
    .map((th) => `${threadName(th)} ${stateText(th, t, scene.t)}`);
  return t('stage.summary', {
    step,
    threads: threads.join('; ') || t('stage.none'),
    sockets: scene.sockets.length,
    clients:
      scene.clients.map((c) => `${c.name} ${t(`stage.client.${c.state}`)}`).join(', ') || t('stage.none'),
    packets: scene.packets.length,
  });
}

/** The same at every step: not drawn again. */
const Legend = memo(function Legend({ t }: { t: T }) {
  const item = (name: 'running' | 'ready' | 'blocked' | 'exited') => (
    <span className="legend-item">
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className={`icon icon-${name}`}>
        {iconShape(name, 7, 7, 12)}
      </svg>
      {t(`stage.legend.${name}`)}
    </span>
  );
  return (
    <div className="stage-legend" aria-hidden="true">
      {item('running')}
      {item('ready')}
      {item('blocked')}
      {item('exited')}
      <span className="legend-item">
        <span className="legend-halo" />
        {t('stage.legend.changed')}
      </span>
      <span className="legend-item">
        <span className="legend-cell">a</span>
        {t('stage.legend.byte')}
      </span>
    </div>
  );
});

/** The most height the page lets the box take (its CSS max-height), 0 when unbounded. */
function maxHeightOf(el: HTMLDivElement): number {
  const max = parseFloat(getComputedStyle(el).maxHeight);
  return Number.isFinite(max) ? max : 0;
}
