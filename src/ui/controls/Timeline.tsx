/**
 * The timeline scrubber: the whole run across, one position per visible step, marks for what
 * happened where, and a playhead to drag, click or move with the keyboard (an ARIA slider).
 * D3 does the axis and its ticks (on a slim linear scale, linear-scale.ts); the marks are a few SVG paths whatever the trace length.
 */
import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { linearScale } from './linear-scale.ts';
import { useLab, useLabApi, useRun, useT } from '../hooks.ts';
import type * as AxisModule from './axis.ts';
import { useVisibleSteps } from './use-visible.ts';
import { formatCount, formatTime, positionOf, timeOfStep } from './position.ts';
import { binColumns, glyphPath, LANE, LANES, MARKER_KINDS, markerIndex, type MarkerKind } from './markers.ts';

const MARGIN = 12;
const TOP = 12;
const LANE_H = 11;
const LANES_BOTTOM = TOP + LANES * LANE_H;
const AXIS_H = 20;
const HEIGHT = LANES_BOTTOM + AXIS_H;
const GLYPH = 8;
/** Marks closer than this many pixels share one glyph. */
const BIN_PX = 3;

let axisModule: Promise<typeof AxisModule> | undefined;
const loadAxis = () =>
  (axisModule ??= import('./axis.ts').catch((err: unknown) => {
    axisModule = undefined;
    throw err;
  }));

const laneY = (lane: number) => TOP + lane * LANE_H + LANE_H / 2;

export function Timeline() {
  const t = useT();
  const api = useLabApi();
  const lang = useLab((s) => s.lang);
  const step = useLab((s) => s.step);
  const { index, folds } = useRun();
  const fold = useLab((s) => s.fold);
  const visible = useVisibleSteps();
  const n = visible.length;
  const pos = positionOf(visible, step);
  const helpId = useId();

  const wrapRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<number | null>(null);
  const dragging = useRef(false);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Positions are 0 … n-1; the axis reads 1 … n, as the step counter does.
  const x = useMemo(
    () => linearScale([1, Math.max(2, n)], [MARGIN, Math.max(MARGIN + 1, width - MARGIN)]),
    [n, width],
  );
  const xAt = useMemo(() => (p: number) => x(p + 1), [x]);

  const marks = useMemo(() => markerIndex(index, visible), [index, visible]);
  const paths = useMemo(() => {
    if (width === 0) return [];
    return MARKER_KINDS.map((kind) => ({
      kind,
      d: glyphPath(kind, binColumns(marks.at[kind], xAt, BIN_PX), laneY(LANE[kind]), GLYPH),
    }));
  }, [marks, xAt, width]);

  // Where loops fold: with folding on, a dashed line at the step that stands for the repeats;
  // with it off, a band over the rounds that folding would hide.
  const foldPath = useMemo(() => {
    if (width === 0) return '';
    const parts: string[] = [];
    for (const f of folds.folds) {
      if (fold) {
        const fx = Math.round(xAt(positionOf(visible, f.last)));
        parts.push(`M${fx},${TOP}V${LANES_BOTTOM}`);
      } else {
        const x0 = Math.round(xAt(f.first + f.period) - 2);
        const x1 = Math.max(x0 + 2, Math.round(xAt(f.last) + 2));
        parts.push(`M${x0},${TOP}H${x1}V${LANES_BOTTOM}H${x0}Z`);
      }
    }
    return parts.join('');
  }, [folds, fold, visible, xAt, width]);

  useEffect(() => {
    const g = axisRef.current;
    if (!g || width === 0) return;
    const ticks = x
      .ticks(Math.max(2, Math.floor(width / 90)))
      .filter((v) => Number.isInteger(v) && v >= 1 && v <= n);
    let live = true;
    // D3 draws the axis; its code arrives after the first paint (the axis has its own place).
    void loadAxis().then(
      (m) => {
        if (live) m.drawAxis(g, x, ticks, (v) => formatCount(v, lang));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [x, width, n, lang]);

  const posAtClientX = (clientX: number): number => {
    const rect = wrapRef.current!.getBoundingClientRect();
    return Math.max(0, Math.min(n - 1, Math.round(x.invert(clientX - rect.left)) - 1));
  };
  const seek = (p: number) => {
    const target = visible[p];
    if (target !== undefined && target !== api.getState().step) api.getState().goTo(target);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || n === 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    dragging.current = true;
    if (api.getState().playing) api.getState().pause();
    seek(posAtClientX(e.clientX));
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = posAtClientX(e.clientX);
    setHover(p);
    if (dragging.current) seek(p);
  };
  const endDrag = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const s = api.getState();
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        s.next();
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        s.prev();
        break;
      case 'PageDown':
        s.jump(10);
        break;
      case 'PageUp':
        s.jump(-10);
        break;
      case 'Home':
        s.first();
        break;
      case 'End':
        s.last();
        break;
      default:
        return;
    }
    // The page-wide keys (keyboard.ts) leave a handled key alone.
    e.preventDefault();
  };

  const valueText = (p: number) =>
    t('controls.timeline.valuetext', {
      k: formatCount(p + 1, lang),
      n: formatCount(n, lang),
      time: formatTime(timeOfStep(index, visible[p] ?? 0), lang),
    });
  const px = width > 0 ? xAt(pos) : 0;
  const hoverPx = hover !== null && width > 0 ? xAt(hover) : null;

  return (
    <div className="timeline-block">
      <div
        ref={wrapRef}
        className="timeline"
        data-testid="timeline"
        role="slider"
        tabIndex={0}
        aria-label={t('controls.timeline')}
        aria-valuemin={1}
        aria-valuemax={Math.max(1, n)}
        aria-valuenow={pos + 1}
        aria-valuetext={valueText(pos)}
        aria-describedby={helpId}
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerLeave={() => setHover(null)}
      >
        <svg width={width} height={HEIGHT} aria-hidden="true" focusable="false">
          {Array.from({ length: LANES }, (_, lane) => (
            <rect
              key={lane}
              className={`tl-lane tl-lane-${lane % 2}`}
              x={MARGIN - 4}
              y={TOP + lane * LANE_H}
              width={Math.max(0, width - 2 * MARGIN + 8)}
              height={LANE_H}
            />
          ))}
          <rect
            className="tl-past"
            x={MARGIN - 4}
            y={TOP}
            width={Math.max(0, px - MARGIN + 4)}
            height={LANES * LANE_H}
          />
          {foldPath && <path className={fold ? 'tl-fold-line' : 'tl-fold-band'} d={foldPath} />}
          {paths.map(({ kind, d }) => (
            <path key={kind} className={`mk mk-${kind}`} d={d} data-kind={kind} />
          ))}
          <g ref={axisRef} className="tl-axis" transform={`translate(0,${LANES_BOTTOM})`} />
          {hoverPx !== null && (
            <line className="tl-hover" x1={hoverPx} x2={hoverPx} y1={TOP} y2={LANES_BOTTOM} />
          )}
          <g className="tl-playhead" data-testid="playhead" transform={`translate(${px},0)`}>
            <line y1={TOP - 2} y2={LANES_BOTTOM + 2} />
            <path d={`M-7,0h14v6l-7,7l-7,-7Z`} />
          </g>
        </svg>
        {hover !== null && width > 0 && (
          <div
            className="tl-tip"
            aria-hidden="true"
            style={{ left: Math.min(Math.max(hoverPx ?? 0, 80), width - 80) }}
          >
            {valueText(hover)}
          </div>
        )}
      </div>
      <TimelineLegend id={helpId} folds={folds.folds.length > 0} />
    </div>
  );
}

const LEGEND: MarkerKind[] = ['syscall', 'failed', 'error', 'block', 'wake', 'rx', 'copy'];

/** The same at every step: not drawn again. */
const TimelineLegend = memo(function TimelineLegend({ id, folds }: { id: string; folds: boolean }) {
  const t = useT();
  return (
    <div className="tl-legend">
      <span className="tl-axis-note" title={t('controls.timeline.axis')}>
        {t('controls.timeline.across')}
      </span>
      <span className="visually-hidden" id={id}>
        {t('controls.timeline.axis')}
      </span>
      <ul aria-label={t('controls.legend')}>
        {LEGEND.map((kind) => (
          <li key={kind}>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
              <path className={`mk mk-${kind}`} d={glyphPath(kind, [7], 7, kind === 'error' ? 8 : 9)} />
            </svg>
            {t(`controls.legend.${kind}`)}
          </li>
        ))}
        {folds && (
          <li>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
              <path className="tl-fold-line" d="M7,0V14" />
            </svg>
            {t('controls.legend.fold')}
          </li>
        )}
      </ul>
      <span className="tl-keys">{t('controls.keys')}</span>
    </div>
  );
});
