/**
 * One chart of the C10K lab: a metric against connections (log x), a curve per model, where a
 * curve stops and why, and real measurements beside it. Keyboard: the chart is one tab stop;
 * arrow keys walk the points (left/right along a curve, up/down across curves) and a live
 * region reads each one; a table of the same numbers sits under it.
 */
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import {
  line,
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import type { ChartDef, MetricKey } from '../../scaling/metrics.ts';
import type { Point, ScalingModel } from '../../scaling/sweep.ts';
import type { RefPoint } from '../../scaling/references.ts';
import type { T } from '../hooks.ts';
import { formatInt, formatValue } from './format.ts';

export interface ModelStyle {
  color: string;
  dash: string;
  symbol: SymbolType;
}
export const MODEL_STYLES: Record<ScalingModel, ModelStyle> = {
  'thread-per-connection': { color: 'var(--orange)', dash: '', symbol: symbolCircle },
  'process-per-connection': { color: 'var(--vermillion)', dash: '6 3', symbol: symbolSquare },
  'thread-pool': { color: 'var(--yellow)', dash: '2 3', symbol: symbolTriangle },
  nonblocking: { color: 'var(--purple)', dash: '', symbol: symbolDiamond },
  'signal-driven': { color: 'var(--sky)', dash: '6 3', symbol: symbolStar },
  select: { color: 'var(--blue)', dash: '', symbol: symbolCross },
  poll: { color: 'var(--green)', dash: '6 3', symbol: symbolWye },
  epoll: { color: 'var(--ink)', dash: '', symbol: symbolSquare },
  asyncio: { color: 'var(--green)', dash: '2 3', symbol: symbolCircle },
  'async-io': { color: 'var(--orange)', dash: '2 3', symbol: symbolDiamond },
};

const HEIGHT = 260;
const M = { top: 14, right: 14, bottom: 38, left: 64 };

interface Props {
  def: ChartDef;
  models: readonly ScalingModel[];
  points: readonly Point[];
  refs: readonly RefPoint[];
  xMax: number;
  lang: string;
  t: T;
}

interface Dot {
  model: ScalingModel;
  metric: MetricKey;
  x: number;
  y: number;
  point: Point & { ok: true };
}

/** Where a stopped curve's marker goes: at the exact limit when the kernel told it, else at the point that failed. */
export function stopX(p: Point & { ok: false }, lastOk: number | undefined): number {
  if ((p.stop.kind === 'fd-setsize' || p.stop.kind === 'emfile') && p.stop.accepted !== undefined)
    return p.stop.accepted;
  if (p.stop.kind === 'too-slow' && lastOk !== undefined) return lastOk;
  return p.connections;
}

export function Chart({ def, models, points, refs, xMax, lang, t }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const [width, setWidth] = useState(560);
  const [active, setActive] = useState<{ model: number; index: number; metric: number } | null>(null);
  const unitLabel = t(`scaling.unit.${def.unit}`);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(280, Math.floor(el.clientWidth))));
    ro.observe(el);
    setWidth(Math.max(280, Math.floor(el.clientWidth)));
    return () => ro.disconnect();
  }, []);

  const series = useMemo(
    () =>
      models.map((model) => {
        const mine = points.filter((p) => p.model === model).sort((a, b) => a.connections - b.connections);
        const ok = mine.filter((p): p is Point & { ok: true } => p.ok);
        const stop = mine.find((p): p is Point & { ok: false } => !p.ok);
        const dots: Dot[][] = def.metrics.map((metric) =>
          ok
            .map((p) => ({ model, metric, x: p.connections, y: p.metrics[metric], point: p }))
            .filter((d) => d.y > 0 || def.scale === 'linear'),
        );
        return { model, dots, stop, lastOk: ok.at(-1)?.connections };
      }),
    [models, points, def],
  );

  const shownRefs = refs.filter((r) => def.metrics.includes(r.metric) && models.includes(r.model));
  const values = [...series.flatMap((s) => s.dots.flat().map((d) => d.y)), ...shownRefs.map((r) => r.value)];
  const yMin = def.scale === 'log' ? Math.max(1e-3, Math.min(...values.filter((v) => v > 0), Infinity)) : 0;
  const yMaxV = Math.max(...values, def.scale === 'log' ? 10 : 1);
  const innerW = width - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;
  const x = scaleLog().domain([1, xMax]).range([0, innerW]).clamp(true);
  const y =
    def.scale === 'log'
      ? scaleLog()
          .domain([Number.isFinite(yMin) ? yMin / 1.5 : 1, yMaxV * 1.5])
          .range([innerH, 0])
          .nice()
      : scaleLinear()
          .domain([0, yMaxV * 1.1])
          .range([innerH, 0])
          .nice();

  useLayoutEffect(() => {
    if (!xAxis.current || !yAxis.current) return;
    const fmtX = (v: number) => (Math.log10(v) % 1 === 0 ? formatInt(v, lang) : '');
    select(xAxis.current).call(
      axisBottom(x)
        .ticks(innerW < 400 ? 4 : 8)
        .tickFormat((v) => fmtX(Number(v))),
    );
    const [lo, hi] = y.domain() as [number, number];
    const yTicks =
      def.scale === 'linear'
        ? (y.ticks(5) as number[])
        : def.unit === 'bytes'
          ? Array.from({ length: 60 }, (_, i) => 2 ** i).filter((v, i) => i % 5 === 0 && v >= lo && v <= hi) // 1 KiB, 32 KiB, 1 MiB…
          : (y.ticks() as number[]).filter((v) => Math.abs(Math.log10(v) % 1) < 1e-9);
    const thinned =
      yTicks.length > 7 ? yTicks.filter((_, i) => i % Math.ceil(yTicks.length / 7) === 0) : yTicks;
    select(yAxis.current).call(
      axisLeft(y)
        .tickValues(thinned)
        .tickFormat((v) => formatValue(Number(v), def.unit, lang, 2)),
    );
  });

  const path = line<Dot>()
    .x((d) => x(d.x))
    .y((d) => y(d.y));
  const flat = series.map((s) => s.dots);
  const current = active ? flat[active.model]?.[active.metric]?.[active.index] : undefined;

  function describe(d: Dot): string {
    const m = d.point.metrics;
    return t('scaling.tip.point', {
      model: t(`scaling.model.${d.model}`),
      n: formatInt(d.x, lang),
      metric: t(`scaling.metric.${d.metric}`),
      value: formatValue(d.y, def.unit, lang),
      idle: formatInt(d.point.idle, lang),
      load: formatValue(m.load * 100, 'count', lang, 2),
    });
  }

  function onKey(e: KeyboardEvent<SVGSVGElement>) {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Escape'];
    if (!keys.includes(e.key)) return;
    e.preventDefault();
    if (e.key === 'Escape') {
      setActive(null);
      return;
    }
    const nonEmpty = flat.map((s, i) => ({ i, n: s[0]?.length ?? 0 })).filter((s) => s.n > 0);
    if (nonEmpty.length === 0) return;
    let a = active ?? { model: nonEmpty[0]!.i, index: 0, metric: 0 };
    const len = (mi: number, me: number) => flat[mi]?.[me]?.length ?? 0;
    if (active) {
      if (e.key === 'ArrowRight') a = { ...a, index: Math.min(len(a.model, a.metric) - 1, a.index + 1) };
      if (e.key === 'ArrowLeft') a = { ...a, index: Math.max(0, a.index - 1) };
      if (e.key === 'Home') a = { ...a, index: 0 };
      if (e.key === 'End') a = { ...a, index: len(a.model, a.metric) - 1 };
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const pos = nonEmpty.findIndex((s) => s.i === a.model);
        const next = nonEmpty[(pos + (e.key === 'ArrowDown' ? 1 : nonEmpty.length - 1)) % nonEmpty.length]!;
        a = { model: next.i, metric: 0, index: Math.min(a.index, next.n - 1) };
      }
    }
    setActive(a);
  }

  const title = t(`scaling.chart.${def.id}.title`);
  return (
    <figure className="scaling-chart" data-chart={def.id}>
      <figcaption>
        <strong>{title}</strong>{' '}
        <span className="scaling-unit">
          ({unitLabel}, {t(def.scale === 'log' ? 'scaling.scale.log' : 'scaling.scale.linear')})
        </span>
        <span className="scaling-chart-note">{t(`scaling.chart.${def.id}.note`)}</span>
      </figcaption>
      <div className="scaling-plot" ref={wrap}>
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          tabIndex={0}
          onKeyDown={onKey}
          onBlur={() => setActive(null)}
          aria-label={t('scaling.chart.aria', { title })}
          xmlns="http://www.w3.org/2000/svg"
        >
          <g transform={`translate(${M.left},${M.top})`}>
            <g className="scaling-axis" ref={yAxis} />
            <g className="scaling-axis" ref={xAxis} transform={`translate(0,${innerH})`} />
            <text className="scaling-axis-label" x={innerW} y={innerH + 32} textAnchor="end">
              {t('scaling.axis.x')}
            </text>
            <text className="scaling-axis-label" x={-M.left + 4} y={-4} textAnchor="start">
              {unitLabel}
            </text>
            {series.map((s, si) => {
              const st = MODEL_STYLES[s.model];
              return (
                <g key={s.model} className="scaling-series" data-model={s.model}>
                  {s.dots.map(
                    (dots, mi) =>
                      dots.length > 0 && (
                        <path
                          key={mi}
                          d={path(dots) ?? ''}
                          fill="none"
                          stroke={st.color}
                          strokeWidth={mi === 0 ? 2 : 1.5}
                          strokeDasharray={mi === 0 ? st.dash : '1 4'}
                          className="scaling-line"
                          data-model={s.model}
                          data-metric={def.metrics[mi]}
                          data-last-x={dots.at(-1)!.x}
                          data-points={dots.length}
                        />
                      ),
                  )}
                  {s.dots.map((dots, mi) =>
                    dots.map((d, i) => (
                      <path
                        key={`${mi}-${i}`}
                        transform={`translate(${x(d.x)},${y(d.y)})`}
                        d={symbol(st.symbol, mi === 0 ? 36 : 24)() ?? ''}
                        fill={mi === 0 ? st.color : 'var(--panel)'}
                        stroke={st.color}
                        className="scaling-dot"
                        onMouseEnter={() => setActive({ model: si, metric: mi, index: i })}
                        onMouseLeave={() => setActive(null)}
                      >
                        <title>{describe(d)}</title>
                      </path>
                    )),
                  )}
                  {s.stop && (
                    <g
                      className="scaling-stop"
                      data-model={s.model}
                      data-x={stopX(s.stop, s.lastOk)}
                      data-kind={s.stop.stop.kind}
                    >
                      <line
                        x1={x(stopX(s.stop, s.lastOk))}
                        x2={x(stopX(s.stop, s.lastOk))}
                        y1={0}
                        y2={innerH}
                        stroke={st.color}
                        strokeDasharray="3 3"
                      />
                      <text
                        x={x(stopX(s.stop, s.lastOk)) + (x(stopX(s.stop, s.lastOk)) > innerW / 2 ? -3 : 3)}
                        y={10 + 12 * (si % 4)}
                        textAnchor={x(stopX(s.stop, s.lastOk)) > innerW / 2 ? 'end' : 'start'}
                        fill="var(--ink)"
                        className="scaling-stop-label"
                      >
                        <tspan fill={st.color}>✕</tspan>{' '}
                        {innerW < 420 // narrow: the name only (the reasons are listed above the charts)
                          ? t(`scaling.model.${s.model}`)
                          : t(`scaling.stopShort.${s.stop.stop.kind}`, {
                              model: t(`scaling.model.${s.model}`),
                              n: formatInt(stopX(s.stop, s.lastOk), lang),
                            })}
                      </text>
                    </g>
                  )}
                </g>
              );
            })}
            {shownRefs.map((r, i) => (
              <g
                key={`ref-${i}`}
                className="scaling-ref"
                data-model={r.model}
                transform={`translate(${x(r.connections)},${y(r.value)})`}
              >
                <circle r={6} fill="none" stroke={MODEL_STYLES[r.model].color} strokeWidth={2} />
                <circle r={1.5} fill={MODEL_STYLES[r.model].color} />
                <title>
                  {t('scaling.tip.ref', {
                    model: t(`scaling.model.${r.model}`),
                    n: formatInt(r.connections, lang),
                    value: formatValue(r.value, def.unit, lang),
                    source: t(r.source.titleKey),
                    what: t(r.source.whatKey),
                    year: r.source.year,
                  })}
                </title>
              </g>
            ))}
            {current && (
              <circle
                className="scaling-focus"
                cx={x(current.x)}
                cy={y(current.y)}
                r={9}
                fill="none"
                stroke="var(--focus, var(--accent))"
                strokeWidth={2}
              />
            )}
          </g>
        </svg>
        {current && (
          <div
            className="scaling-tooltip"
            role="tooltip"
            style={{
              left: Math.min(width - 220, Math.max(0, M.left + x(current.x) - 100)),
              top: Math.max(0, M.top + y(current.y) - 64),
            }}
          >
            {describe(current)}
          </div>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {current ? describe(current) : ''}
      </p>
    </figure>
  );
}
