/**
 * The C10K lab: what each server model costs as the connections grow from 1 to 100,000, every
 * number computed by the simulation kernel. The default settings draw at once from a sweep
 * computed at build time (to 10,000; the points past it are computed in a Web Worker); other
 * settings are recomputed in the worker (progress, cancel).
 * URL: #/scaling?idle=0.9&rate=10&max=10000&models=select,poll,epoll
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLab, useLabApi, useT } from '../hooks.ts';
import { backgroundRect, download, SVG_NS, svgFileText, withComputedStyles } from '../download.ts';
import { CHARTS, toCsv } from '../../scaling/metrics.ts';
import { REFERENCE_POINTS, CITATIONS, THIS_MACHINE } from '../../scaling/references.ts';
import {
  DEFAULT_CONNECTIONS,
  DEFAULT_PARAMS,
  LAB_CONNECTIONS,
  RAMP_ABOVE,
  SWEEP_BACKLOG,
  IDLE_SHARE_MAX,
  SCALING_MODELS,
  BUSY_MAX_CONNECTIONS,
  FD_SETSIZE,
  type Point,
  type ScalingModel,
  type SweepParams,
} from '../../scaling/sweep.ts';
import shipped from '../../scaling/default-sweep.generated.json';
import { Chart, MODEL_STYLES, stopX } from './Chart.tsx';
import { SweepClient } from './sweepClient.ts';
import { formatInt, formatValue } from './format.ts';
import { symbol } from 'd3-shape';
import './scaling.css';

export const RATES = [1, 10, 100] as const;
export const MAXES = [1000, 10000, 100000] as const;

interface Settings {
  idle: number;
  rate: number;
  max: number;
  models: ScalingModel[];
}
const DEFAULTS: Settings = {
  idle: DEFAULT_PARAMS.idleShare,
  rate: DEFAULT_PARAMS.rate,
  max: 10000,
  models: [...SCALING_MODELS],
};

/** Reads the page's URL parameters; every bad one is reported and replaced by its default. */
export function readSettings(p: Record<string, string>): {
  settings: Settings;
  bad: { name: string; value: string; fallback: string }[];
} {
  const bad: { name: string; value: string; fallback: string }[] = [];
  const s: Settings = { ...DEFAULTS, models: [...DEFAULTS.models] };
  if (p.idle !== undefined) {
    const v = Number(p.idle);
    if (p.idle.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= IDLE_SHARE_MAX)
      s.idle = Math.round(v * 100) / 100;
    else bad.push({ name: 'idle', value: p.idle, fallback: String(DEFAULTS.idle) });
  }
  if (p.rate !== undefined) {
    const v = Number(p.rate);
    if ((RATES as readonly number[]).includes(v)) s.rate = v;
    else bad.push({ name: 'rate', value: p.rate, fallback: String(DEFAULTS.rate) });
  }
  if (p.max !== undefined) {
    const v = Number(p.max);
    if ((MAXES as readonly number[]).includes(v)) s.max = v;
    else bad.push({ name: 'max', value: p.max, fallback: String(DEFAULTS.max) });
  }
  if (p.models !== undefined) {
    const names = p.models.split(',').filter(Boolean);
    const known = names.filter((m): m is ScalingModel => (SCALING_MODELS as readonly string[]).includes(m));
    if (known.length === names.length && known.length > 0)
      s.models = SCALING_MODELS.filter((m) => known.includes(m));
    else {
      bad.push({ name: 'models', value: p.models, fallback: known.length > 0 ? known.join(',') : 'all' });
      if (known.length > 0) s.models = SCALING_MODELS.filter((m) => known.includes(m));
    }
  }
  return { settings: s, bad };
}

function writeSettings(s: Settings): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.idle !== DEFAULTS.idle) out.idle = String(s.idle);
  if (s.rate !== DEFAULTS.rate) out.rate = String(s.rate);
  if (s.max !== DEFAULTS.max) out.max = String(s.max);
  if (s.models.length !== SCALING_MODELS.length) out.models = s.models.join(',');
  return out;
}

type Status =
  | { kind: 'shipped' }
  | { kind: 'computing'; done: number; total: number }
  | { kind: 'done'; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'font-size',
  'font-family',
  'font-weight',
  'opacity',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
];

/** The chart as a standalone SVG file: computed colours and fonts written in (the page's CSS variables do not travel). */
function svgText(
  svg: SVGSVGElement,
  caption: string,
  legend: { label: string; color: string; dash: string }[],
): string {
  const clone = withComputedStyles(svg, STYLE_PROPS, 'attributes');
  // The legend travels with the file: a row of line samples and names under the plot.
  const ns = SVG_NS;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const ink = getComputedStyle(svg).color;
  const perRow = Math.max(1, Math.floor(width / 190));
  const g = document.createElementNS(ns, 'g');
  legend.forEach((item, i) => {
    const x = 10 + (i % perRow) * 190;
    const y = height + 16 + Math.floor(i / perRow) * 18;
    const l = document.createElementNS(ns, 'line');
    for (const [k, v] of Object.entries({
      x1: x,
      x2: x + 26,
      y1: y - 4,
      y2: y - 4,
      stroke: item.color,
      'stroke-width': 2,
      'stroke-dasharray': item.dash,
    }))
      l.setAttribute(k, String(v));
    const text = document.createElementNS(ns, 'text');
    for (const [k, v] of Object.entries({
      x: x + 32,
      y,
      fill: ink,
      'font-size': 12,
      'font-family': 'sans-serif',
    }))
      text.setAttribute(k, String(v));
    text.textContent = item.label;
    g.append(l, text);
  });
  const rows = Math.ceil(legend.length / perRow);
  const title = document.createElementNS(ns, 'text');
  for (const [k, v] of Object.entries({
    x: 10,
    y: height + 16 + rows * 18 + 6,
    fill: ink,
    'font-size': 12,
    'font-family': 'sans-serif',
  }))
    title.setAttribute(k, String(v));
  title.textContent = caption;
  g.append(title);
  clone.append(g);
  clone.setAttribute('height', String(height + 30 + rows * 18));
  clone.setAttribute('width', String(width + 24)); // the last x tick label overhangs the plot
  clone.removeAttribute('tabindex');
  clone.setAttribute('xmlns', SVG_NS);
  clone.prepend(
    backgroundRect(getComputedStyle(svg.closest('.scaling-chart') ?? svg).backgroundColor || '#fff'),
  );
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.textContent = caption;
  clone.prepend(desc);
  return svgFileText(clone);
}

/** The models whose kernel scan time makes the lecture's point (select and poll grow with idle fds, epoll does not). */
const SCAN_TRIO: readonly ScalingModel[] = ['select', 'poll', 'epoll'];

export default function ScalingPage() {
  const t = useT();
  const api = useLabApi();
  const lang = useLab((s) => s.lang);
  const pageParams = useLab((s) => s.pageParams);
  const { settings, bad } = useMemo(() => readSettings(pageParams), [pageParams]);
  const [idleDraft, setIdleDraft] = useState(settings.idle);
  const [points, setPoints] = useState<Point[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'shipped' });
  const client = useRef<SweepClient | null>(null);
  const charts = useRef<HTMLDivElement>(null);

  // Bad URL parameters: say so once, then show (and write back) the fallback.
  useEffect(() => {
    if (bad.length === 0) return;
    for (const b of bad) api.getState().notify({ key: 'scaling.notice.badParam', params: b });
    api.getState().setPageParams(writeSettings(settings));
  }, [bad, settings, api]);

  useEffect(() => setIdleDraft(settings.idle), [settings.idle]);

  // The sweep for these settings: shipped when they are the defaults, else computed in a worker.
  const { idle, rate, max } = settings;
  useEffect(() => {
    let connections = LAB_CONNECTIONS.filter((n) => n <= max);
    let models: ScalingModel[] = [...SCALING_MODELS];
    let start: Point[] = [];
    if (idle === DEFAULT_PARAMS.idleShare && rate === DEFAULT_PARAMS.rate) {
      client.current?.cancel();
      start = (shipped.points as Point[]).filter((p) => p.connections <= max);
      setPoints(start);
      setStatus({ kind: 'shipped' });
      // Past the shipped sweep: the worker goes on with the models whose curve has not stopped.
      connections = connections.filter((n) => !DEFAULT_CONNECTIONS.includes(n));
      models = models.filter((m) => start.every((p) => p.model !== m || p.ok));
      if (connections.length === 0 || models.length === 0) return;
    } else setPoints([]);
    const params: SweepParams = { ...DEFAULT_PARAMS, idleShare: idle, rate };
    client.current ??= new SweepClient();
    setStatus({ kind: 'computing', done: 0, total: models.length * connections.length });
    client.current.run(
      { models, params, connections },
      {
        onPoint: (p, done, total) => {
          setPoints((ps) => [...ps, p]);
          setStatus({ kind: 'computing', done, total });
        },
        onDone: (ms) => setStatus({ kind: 'done', ms }),
        onError: (message) => setStatus({ kind: 'error', message }),
      },
    );
  }, [idle, rate, max]);
  useEffect(() => () => client.current?.cancel(), []);

  // The idle slider writes the URL (and so recomputes) once it rests.
  useEffect(() => {
    if (idleDraft === settings.idle) return;
    const timer = setTimeout(
      () => api.getState().setPageParams(writeSettings({ ...settings, idle: idleDraft })),
      350,
    );
    return () => clearTimeout(timer);
  }, [idleDraft, settings, api]);

  const set = (patch: Partial<Settings>) =>
    api.getState().setPageParams(writeSettings({ ...settings, ...patch }));
  const toggle = (m: ScalingModel) => {
    const next = settings.models.includes(m)
      ? settings.models.filter((x) => x !== m)
      : SCALING_MODELS.filter((x) => x === m || settings.models.includes(x));
    if (next.length > 0) set({ models: next });
  };

  // The lecture's point in one click: select, poll and epoll alone, the kernel's scan time first.
  const scanFirst =
    SCAN_TRIO.length === settings.models.length && SCAN_TRIO.every((m) => settings.models.includes(m));
  const ordered = scanFirst
    ? [...CHARTS.filter((c) => c.id === 'scan'), ...CHARTS.filter((c) => c.id !== 'scan')]
    : CHARTS;
  const showScan = () => {
    set({ models: [...SCAN_TRIO] });
    requestAnimationFrame(() =>
      charts.current?.querySelector('[data-chart="scan"]')?.scrollIntoView({ block: 'start' }),
    );
  };
  const shown = points.filter((p) => settings.models.includes(p.model));
  const stops = settings.models.flatMap((m) => {
    const failed = points.find((p): p is Point & { ok: false } => p.model === m && !p.ok);
    if (!failed) return [];
    const lastOk =
      points.filter((p) => p.model === m && p.ok).reduce((a, p) => Math.max(a, p.connections), 0) ||
      undefined;
    return [{ model: m, failed, x: stopX(failed, lastOk) }];
  });

  // Where a model first needs more than one core (the busy loop always uses one: left out).
  const saturated = settings.models.flatMap((m) => {
    if (m === 'nonblocking') return [];
    const first = points
      .filter((p): p is Point & { ok: true } => p.model === m && p.ok && p.metrics.load > 1)
      .sort((a, b) => a.connections - b.connections)[0];
    return first ? [{ model: m, n: first.connections, load: first.metrics.load }] : [];
  });

  const exportSvg = (id: string) => {
    const svg = charts.current?.querySelector<SVGSVGElement>(`[data-chart="${id}"] svg`);
    if (!svg) return;
    const probe = (color: string) => {
      const el = document.createElement('span');
      el.style.color = color;
      svg.parentElement!.append(el);
      const c = getComputedStyle(el).color;
      el.remove();
      return c;
    };
    const legend = settings.models.map((m) => ({
      label: t(`scaling.model.${m}`),
      color: probe(MODEL_STYLES[m].color),
      dash: MODEL_STYLES[m].dash,
    }));
    download(
      `c10k-${id}.svg`,
      svgText(
        svg,
        `${t(`scaling.chart.${id}.title`)} — ${t('scaling.svgCaption', { idle: Math.round(idle * 100), rate })}`,
        legend,
      ),
      'image/svg+xml',
    );
  };
  const exportCsv = () =>
    download(
      `c10k-idle${Math.round(idle * 100)}-rate${rate}.csv`,
      toCsv(points, { idleShare: idle, rate }),
      'text/csv',
    );

  return (
    <article className="page page-scaling">
      <h2>{t('scaling.title')}</h2>
      <p className="scaling-intro">{t('scaling.intro')}</p>

      <form
        className="scaling-controls panel"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('scaling.controls')}
      >
        <label className="scaling-idle">
          <span>{t('scaling.idle', { pct: Math.round(idleDraft * 100) })}</span>
          <input
            type="range"
            min={0}
            max={IDLE_SHARE_MAX}
            step={0.01}
            value={idleDraft}
            onChange={(e) => setIdleDraft(Number(e.target.value))}
          />
        </label>
        <label>
          <span>{t('scaling.rate')}</span>
          <select value={rate} onChange={(e) => set({ rate: Number(e.target.value) })}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {t('scaling.rateOption', { rate: r })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('scaling.max')}</span>
          <select value={max} onChange={(e) => set({ max: Number(e.target.value) })}>
            {MAXES.map((m) => (
              <option key={m} value={m}>
                {formatInt(m, lang)}
              </option>
            ))}
          </select>
        </label>
        {max > RAMP_ABOVE && (
          <p className="scaling-ramp">
            {t('scaling.ramp', { n: formatInt(RAMP_ABOVE, lang), wave: formatInt(SWEEP_BACKLOG, lang) })}
          </p>
        )}
        <fieldset className="scaling-models">
          <legend>{t('scaling.models')}</legend>
          {SCALING_MODELS.map((m) => (
            <label key={m} className="scaling-model">
              <input type="checkbox" checked={settings.models.includes(m)} onChange={() => toggle(m)} />
              <svg width={30} height={12} aria-hidden="true">
                <line
                  x1={0}
                  x2={30}
                  y1={6}
                  y2={6}
                  stroke={MODEL_STYLES[m].color}
                  strokeWidth={2}
                  strokeDasharray={MODEL_STYLES[m].dash}
                />
                <path
                  transform="translate(15,6)"
                  d={symbol(MODEL_STYLES[m].symbol, 30)() ?? ''}
                  fill={MODEL_STYLES[m].color}
                />
              </svg>
              {t(`scaling.model.${m}`)}
            </label>
          ))}
          <button type="button" className="scaling-preset" data-testid="preset-scan" onClick={showScan}>
            {t('scaling.preset.scan')}
          </button>
        </fieldset>
        <div
          className="scaling-status"
          role="status"
          aria-live="polite"
          data-ms={status.kind === 'done' ? Math.round(status.ms) : undefined}
        >
          {status.kind === 'shipped' && t('scaling.status.shipped')}
          {status.kind === 'computing' && (
            <>
              <progress
                max={status.total || 1}
                value={status.done}
                aria-label={t('scaling.status.progressLabel')}
              />{' '}
              {t('scaling.status.computing', { done: status.done, total: status.total })}{' '}
              <button
                type="button"
                onClick={() => {
                  client.current?.cancel();
                  setStatus({ kind: 'cancelled' });
                }}
              >
                {t('scaling.cancel')}
              </button>
            </>
          )}
          {status.kind === 'done' &&
            t('scaling.status.done', { s: formatValue(status.ms * 1e6, 'ns', lang, 2) })}
          {status.kind === 'cancelled' && t('scaling.status.cancelled')}
          {status.kind === 'error' && t('scaling.status.error', { message: status.message })}
        </div>
        <button type="button" className="scaling-csv" onClick={exportCsv} disabled={points.length === 0}>
          {t('scaling.csv')}
        </button>
      </form>

      <section className="scaling-stops" aria-labelledby="scaling-stops-h">
        <h3 id="scaling-stops-h">{t('scaling.stops.title')}</h3>
        {stops.length === 0 ? (
          <p>{t('scaling.stops.none')}</p>
        ) : (
          <ul>
            {stops.map(({ model, failed, x }) => (
              <li key={model} data-model={model} data-kind={failed.stop.kind}>
                <strong>{t(`scaling.model.${model}`)}</strong>
                {': '}
                {t(`scaling.stop.${failed.stop.kind}`, {
                  n: formatInt(x, lang),
                  fd: FD_SETSIZE,
                  limit: FD_SETSIZE - 4,
                  busy: formatInt(BUSY_MAX_CONNECTIONS, lang),
                  pool: DEFAULT_PARAMS.poolSize,
                })}
                {failed.stop.python && (
                  <>
                    {' '}
                    <code>{failed.stop.python}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {saturated.length > 0 && (
          <ul className="scaling-saturated">
            {saturated.map(({ model, n, load }) => (
              <li key={model} data-model={model}>
                <strong>{t(`scaling.model.${model}`)}</strong>
                {': '}
                {t('scaling.saturated', { n: formatInt(n, lang), load: formatValue(load, 'cores', lang, 3) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="scaling-charts" ref={charts}>
        {ordered.map((def) => (
          <div key={def.id} className="scaling-chart-wrap">
            <Chart
              def={def}
              models={settings.models}
              points={shown}
              refs={REFERENCE_POINTS}
              xMax={max}
              lang={lang}
              t={t}
            />
            <div className="scaling-chart-actions">
              <button type="button" onClick={() => exportSvg(def.id)}>
                {t('scaling.svg')}
              </button>
              <details>
                <summary>{t('scaling.table')}</summary>
                <div className="scaling-table-wrap">
                  <table>
                    <caption>
                      {t(`scaling.chart.${def.id}.title`)} ({t(`scaling.unit.${def.unit}`)})
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('scaling.axis.x')}</th>
                        {settings.models.map((m) => (
                          <th key={m} scope="col">
                            {t(`scaling.model.${m}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {LAB_CONNECTIONS.filter((n) => n <= max).map((n) => (
                        <tr key={n}>
                          <th scope="row">{formatInt(n, lang)}</th>
                          {settings.models.map((m) => {
                            const p = shown.find((q) => q.model === m && q.connections === n);
                            return (
                              <td key={m}>
                                {!p
                                  ? ''
                                  : p.ok
                                    ? def.metrics
                                        .map((k) => formatValue(p.metrics[k], def.unit, lang))
                                        .join(' / ')
                                    : `✕ ${t(`scaling.stopShort.${p.stop.kind}`, { model: '', n: '' }).trim()}`}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </div>
          </div>
        ))}
      </div>

      <section className="scaling-refs" aria-labelledby="scaling-refs-h">
        <h3 id="scaling-refs-h">{t('scaling.refs.title')}</h3>
        <p>
          <svg width={14} height={14} aria-hidden="true">
            <circle cx={7} cy={7} r={5} fill="none" stroke="currentColor" strokeWidth={2} />
          </svg>{' '}
          {t('scaling.refs.machine', {
            title: t(THIS_MACHINE.titleKey),
            what: t(THIS_MACHINE.whatKey),
            year: THIS_MACHINE.year,
            where: THIS_MACHINE.where,
          })}
        </p>
        <ul>
          {CITATIONS.map((c) => (
            <li key={c.key}>
              {t(c.key)}{' '}
              <cite>
                {c.source}, {c.year}
              </cite>{' '}
              <a href={c.where} rel="noreferrer" target="_blank">
                {c.where}
              </a>
            </li>
          ))}
        </ul>
        <p className="scaling-method">{t('scaling.method', { window: 40 })}</p>
      </section>
    </article>
  );
}
