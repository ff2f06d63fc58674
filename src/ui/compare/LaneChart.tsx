/**
 * The drawing of the compare page: the shared time axis (d3-axis), one chart per lane (a row of
 * phase bars per thread, reply markers, the cursor), the client workload, and the phase patterns.
 * Colour is never the only cue: every phase has its own pattern, markers carry letters.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { axisTop } from 'd3-axis';
import { select } from 'd3-selection';
import type { Ns } from '../../kernel/types.ts';
import { PHASES, squeezeAxis, type Lane, type Phase, type Squeeze } from '../../compare/compare.ts';
import type { T } from '../hooks.ts';
import type { Scale } from './params.ts';

export const ROW = 18;
const ROW_GAP = 5;
const REPLY_ROW = 18;
const PAD_TOP = 4;
/** A copy lasts about a microsecond: never draw it thinner than this. */
const MIN_COPY_PX = 3;

export type TimeScale = ScaleLinear<number, number>;

export function makeScale(
  mode: Scale,
  times: readonly Ns[],
  end: Ns,
  width: number,
  focus: Ns | null,
): { x: TimeScale; squeeze: Squeeze | null } {
  if (mode === 'linear')
    return { x: scaleLinear().domain([0, end]).range([0, width]).clamp(true), squeeze: null };
  const squeeze = squeezeAxis(times, end, focus);
  return {
    x: scaleLinear()
      .domain(squeeze.domain)
      .range(squeeze.range.map((r) => r * width))
      .clamp(true),
    squeeze,
  };
}

/** Milliseconds for an axis or a label: at most 3 decimals (microseconds), no trailing zeros. */
export function ms(ns: Ns, lang: 'en' | 'zh', digits = 3): string {
  const key = `${lang}${digits}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    FORMATS.set(key, f);
  }
  return f.format(ns / 1e6);
}
const FORMATS = new Map<string, Intl.NumberFormat>();

/** The patterns every bar refers to (one set per document). */
export function PhasePatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern id="cmp-pat-waiting" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" className="cmp-bg-waiting" />
          <path d="M-2 2L2 -2M0 8L8 0M6 10L10 6" className="cmp-ink-waiting" strokeWidth="2.5" />
        </pattern>
        <pattern id="cmp-pat-copying" width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" className="cmp-bg-copying" />
          <path d="M0 0L5 5M5 0L0 5" className="cmp-ink-copying" strokeWidth="1.2" />
        </pattern>
        <pattern id="cmp-pat-syscall" width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" className="cmp-bg-syscall" />
          <line x1="0" y1="1" x2="4" y2="1" className="cmp-ink-syscall" strokeWidth="1.5" />
        </pattern>
        <pattern id="cmp-pat-running" width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" className="cmp-bg-running" />
        </pattern>
        <pattern id="cmp-pat-ready" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" className="cmp-bg-ready" />
          <circle cx="3" cy="3" r="1.3" className="cmp-dot-ready" />
        </pattern>
        <pattern id="cmp-pat-blocked" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" className="cmp-bg-blocked" />
          <path d="M-2 6L2 10M0 0L8 8M6 -2L10 2" className="cmp-ink-blocked" strokeWidth="1.5" />
        </pattern>
      </defs>
    </svg>
  );
}

/** A small square of a phase's pattern (legend, labels). */
export function Swatch({ phase }: { phase: Phase }) {
  return (
    <svg
      className="cmp-swatch"
      width="22"
      height="14"
      viewBox="0 0 22 14"
      aria-hidden="true"
      focusable="false"
    >
      <rect
        x="0.5"
        y="0.5"
        width="21"
        height="13"
        rx="2"
        fill={`url(#cmp-pat-${phase})`}
        className={`cmp-edge-${phase}`}
      />
    </svg>
  );
}

export function LegendMarks({ t }: { t: T }) {
  return (
    <ul className="cmp-legend-list">
      {PHASES.map((p) => (
        <li key={p}>
          <Swatch phase={p} /> {t(`compare.phase.${p}`)}
        </li>
      ))}
      <li>
        <svg width="18" height="16" aria-hidden="true" focusable="false">
          <ReplyMark x={9} y={1} letter="b" />
        </svg>{' '}
        {t('compare.legend.reply')}
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true" focusable="false">
          <KernelCopyMark x={7} y={7} />
        </svg>{' '}
        {t('compare.legend.kernelCopy')}
      </li>
      <li>
        <svg width="10" height="16" aria-hidden="true" focusable="false">
          <line x1="5" x2="5" y1="0" y2="16" className="cmp-cursor" />
        </svg>{' '}
        {t('compare.legend.cursor')}
      </li>
    </ul>
  );
}

function ReplyMark({ x, y, letter }: { x: number; y: number; letter: string }) {
  return (
    <g transform={`translate(${x},${y})`} className="cmp-reply">
      <path d="M-7 0H7L0 8Z" />
      <text y="16" textAnchor="middle">
        {letter}
      </text>
    </g>
  );
}

function KernelCopyMark({ x, y }: { x: number; y: number }) {
  return <path className="cmp-kcopy" d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} />;
}

export function laneHeight(lane: Lane): number {
  return PAD_TOP + lane.threads.length * (ROW + ROW_GAP) + REPLY_ROW;
}

interface LaneProps {
  lane: Lane;
  x: TimeScale;
  width: number;
  t: T;
  lang: 'en' | 'zh';
  describe: (lane: Lane, tid: number, phase: Phase, call: string | null, start: Ns, end: Ns) => string;
}

/** The bars of one lane (memoized: moving the cursor does not redraw them). */
export const LaneBars = memo(function LaneBars({ lane, x, width, t, lang, describe }: LaneProps) {
  const replyY = PAD_TOP + lane.threads.length * (ROW + ROW_GAP);
  // The words do not change when the axis does (the lens moves with every step): made once.
  const titles = useMemo(
    () =>
      lane.threads.map((th) =>
        th.intervals.map((iv) => describe(lane, th.tid, iv.phase, iv.call, iv.start, iv.end)),
      ),
    [lane, describe],
  );
  return (
    <g>
      {lane.threads.map((th, i) => {
        const y = PAD_TOP + i * (ROW + ROW_GAP);
        const words = titles[i]!;
        return (
          <g key={th.tid}>
            <line
              className="cmp-row-base"
              x1={x(th.start)}
              x2={x(th.end)}
              y1={y + ROW / 2}
              y2={y + ROW / 2}
            />
            {th.intervals.map((iv, j) => {
              const x0 = x(iv.start);
              const w = Math.max(iv.phase === 'copying' ? MIN_COPY_PX : 0.75, x(iv.end) - x0);
              return (
                <rect
                  key={iv.start}
                  x={Math.min(x0, width - w)}
                  y={y}
                  width={w}
                  height={ROW}
                  fill={`url(#cmp-pat-${iv.phase})`}
                  className={`cmp-bar cmp-edge-${iv.phase}`}
                >
                  <title>{words[j]}</title>
                </rect>
              );
            })}
            {lane.kernelCopies
              .filter((c) => c.tid === th.tid)
              .map((c) => (
                <g key={`k${c.t}-${c.fd}`}>
                  <KernelCopyMark x={x(c.t)} y={y + ROW / 2} />
                  <title>{t('compare.kernelCopy', { bytes: c.bytes, ms: ms(c.t, lang, 6) })}</title>
                </g>
              ))}
          </g>
        );
      })}
      {lane.replies.map((r, i) => (
        <g key={`${r.t}-${i}`}>
          <ReplyMark x={x(r.t)} y={replyY} letter={r.client.slice(0, 1)} />
          <title>
            {t('compare.reply', { client: r.client, data: JSON.stringify(r.data), ms: ms(r.t, lang, 6) })}
          </title>
        </g>
      ))}
    </g>
  );
});

/** The shared time axis, drawn by d3-axis; ticks at the start of each busy stretch when squeezed. */
export function TimeAxis({
  x,
  squeeze,
  width,
  t,
  lang,
  cursor,
}: {
  x: TimeScale;
  squeeze: Squeeze | null;
  width: number;
  t: T;
  lang: 'en' | 'zh';
  cursor: Ns;
}) {
  const ref = useRef<SVGGElement>(null);
  // The unit's words, as a value: the ticks are redrawn when the page's words arrive.
  const unit = t('compare.ms', { ms: '#' });
  useEffect(() => {
    if (!ref.current) return;
    const withUnit = (text: string) => unit.replace('#', text);
    const axis = axisTop(x)
      .tickSizeOuter(0)
      .tickFormat((v) => withUnit(ms(Number(v), lang)));
    if (squeeze) {
      // Ticks at moments, at least 84 px apart (each with its unit); more decimals where two would read the same.
      const values: number[] = [];
      let last = -Infinity;
      for (const v of squeeze.domain) {
        const px = x(v);
        if (px - last >= 84 && px <= width - 36) {
          values.push(v);
          last = px;
        }
      }
      const labels = new Map<number, string>();
      values.forEach((v, i) => {
        let text = ms(v, lang);
        const prev = i > 0 ? labels.get(values[i - 1]!) : undefined;
        if (prev === text || (i + 1 < values.length && ms(values[i + 1]!, lang) === text))
          text = ms(v, lang, 6);
        labels.set(v, text);
      });
      // With the unit on every tick: "50 ms", not a bare number.
      axis.tickValues(values).tickFormat((v) => withUnit(labels.get(Number(v)) ?? ms(Number(v), lang)));
    } else axis.ticks(Math.max(2, Math.floor(width / 110)));
    select(ref.current).call(axis);
  }, [x, squeeze, width, lang, unit]);
  const cx = x(cursor);
  return (
    <svg className="cmp-axis" width={width + 16} height={40} role="img" aria-label={t('compare.axis')}>
      <g transform="translate(8,0)">
        <g ref={ref} transform="translate(0,22)" />
        {squeeze
          ? squeeze.breaks
              .filter((b) => x(b.end) - x(b.start) >= 14)
              .map((b) => {
                const bx = (x(b.start) + x(b.end)) / 2;
                return (
                  <g key={b.start} className="cmp-break-mark" transform={`translate(${bx},22)`}>
                    <rect x="-5" y="-5" width="10" height="10" />
                    <text y="4" textAnchor="middle">
                      ≈
                    </text>
                    <title>{t('compare.gap', { ms: ms(b.end - b.start, lang, 3) })}</title>
                  </g>
                );
              })
          : null}
        <g transform={`translate(${cx},0)`} className="cmp-axis-cursor">
          <path d="M-5 28H5L0 36Z" />
          <line y1={28} y2={40} />
        </g>
      </g>
    </svg>
  );
}

export { ROW_GAP, PAD_TOP, REPLY_ROW };
