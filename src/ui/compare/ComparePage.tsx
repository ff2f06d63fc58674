/**
 * The models side by side: the same client workload run under every chosen model, one lane per
 * model, on one time axis. One cursor in virtual time is shared by every lane: stepping moves it
 * to the next (previous) moment at which anything changes in any shown lane, and every lane
 * shows its threads' state at that moment. The URL keeps the lanes, the moment and the axis.
 */
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Ns } from '../../kernel/types.ts';
import type { WaitOn } from '../../kernel/types.ts';
import type { Model } from '../../scenarios/format.ts';
import { runScenario } from '../../scenarios/run.ts';
import {
  CLASSIC_MODELS,
  COMPARE_MODELS,
  COMPARE_POLL_SLEEP_MS,
  buildLane,
  compareScenario,
  intervalAt,
  laneSummary,
  stepFrom,
  stepTimes,
  workloadActions,
  workloadEnd,
  type Interval,
  type Lane,
  type LaneThread,
  type Phase,
} from '../../compare/compare.ts';
import { useLab, useLabApi, useT, type T } from '../hooks.ts';
import { Icon, type IconName } from '../controls/icons.tsx';
import { isTextEntry } from '../keyboard.ts';
import { canonicalModels, readParams, writeParams, type CompareParams, type Scale } from './params.ts';
import {
  LaneBars,
  LegendMarks,
  PAD_TOP,
  PhasePatterns,
  ROW,
  ROW_GAP,
  Swatch,
  TimeAxis,
  laneHeight,
  makeScale,
  ms,
  type TimeScale,
} from './LaneChart.tsx';
import './compare.css';

const lanes = new Map<Model, Lane>();
/** One lane per model, computed once: the runs are deterministic. */
export function laneOf(model: Model): Lane {
  let lane = lanes.get(model);
  if (!lane) {
    lane = buildLane(model, runScenario(compareScenario(model)).trace);
    lanes.set(model, lane);
  }
  return lane;
}

const END = workloadEnd();
const ACTIONS = workloadActions();
const PLAY_MS = 350;

function sameParams(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export function threadName(t: T, th: Pick<LaneThread, 'role' | 'index'>): string {
  return t(`compare.thread.${th.role}`, { n: th.index + 1 });
}

function onText(t: T, on: WaitOn | null): string {
  if (!on) return '';
  switch (on.kind) {
    case 'recv':
      return t('compare.on.recv', { fd: on.fd });
    case 'select':
      return t('compare.on.select', { n: on.fds.length });
    case 'poll':
      return t('compare.on.poll', { n: on.fds.length });
    default:
      return t(`compare.on.${on.kind}`);
  }
}

export function stateText(t: T, iv: Pick<Interval, 'phase' | 'call' | 'on'>): string {
  const call = iv.call ? `${iv.call}()` : '';
  switch (iv.phase) {
    case 'waiting':
      return t('compare.state.waiting', { call, what: onText(t, iv.on) });
    case 'copying':
      return t('compare.state.copying', { call });
    case 'syscall':
      return t('compare.state.syscall', { call });
    case 'blocked':
      return t('compare.state.blocked', { what: iv.on ? onText(t, iv.on) : call });
    default:
      return t(`compare.state.${iv.phase}`);
  }
}

/** The page's parameters, validated once per change; bad parts become notices and are rewritten. */
function useCompareParams(): [CompareParams, (p: CompareParams) => void] {
  const api = useLabApi();
  const raw = useLab((s) => s.pageParams);
  const { params, problems } = useMemo(() => readParams(raw, END), [raw]);
  const handled = useRef('');
  useEffect(() => {
    const key = JSON.stringify(raw);
    if (handled.current === key) return;
    handled.current = key;
    for (const p of problems) api.getState().notify(p);
    const want = writeParams(params);
    if (!sameParams(raw, want)) api.getState().setPageParams(want);
  }, [api, raw, params, problems]);
  const set = useCallback((p: CompareParams) => api.getState().setPageParams(writeParams(p)), [api]);
  return [params, set];
}

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(160, Math.floor(el.getBoundingClientRect().width) - 16));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** A button's tooltip: what it does and its key, in the reader's words (the arrows as arrows). */
function keyTitle(t: T, label: string, keys: string): string {
  return t('compare.withKey', {
    label,
    key:
      keys === 'Space' ? t('compare.key.space') : keys.replace('ArrowLeft', '←').replace('ArrowRight', '→'),
  });
}

export default function ComparePage() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const embed = useLab((s) => s.embed);
  const api = useLabApi();
  const [params, setParams] = useCompareParams();
  const [playing, setPlaying] = useState(false);
  const [plotRef, width] = useWidth();

  const modelsKey = params.models.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the list
  const shown = useMemo(() => params.models.map(laneOf), [modelsKey]);
  const times = useMemo(() => stepTimes(shown, ACTIONS), [shown]);
  // The lens follows the cursor a moment later: quick steps move the cursor and the labels at
  // once, and the whole picture is laid out again only when the stepping pauses.
  const lensAt = useDeferredValue(params.scale === 'squeezed' ? params.t : null);
  const { x, squeeze } = useMemo(
    () => makeScale(params.scale, times, END, width, lensAt),
    [params.scale, times, width, lensAt],
  );
  const cursor = params.t;
  const k = times.findIndex((v) => v >= cursor);
  const atStart = cursor <= (times[0] ?? 0);
  const atEnd = cursor >= (times[times.length - 1] ?? END);

  // Read the latest parameters at the moment of the action (playback and keys outlive renders).
  const current = useCallback(() => readParams(api.getState().pageParams, END).params, [api]);
  const moveTo = useCallback((to: Ns) => setParams({ ...current(), t: to }), [current, setParams]);
  const step = useCallback(
    (dir: 1 | -1) => {
      const p = current();
      const ts = stepTimes(p.models.map(laneOf), ACTIONS);
      const to = stepFrom(ts, p.t, dir);
      setParams({ ...p, t: to });
      return to < (ts[ts.length - 1] ?? END);
    },
    [current, setParams],
  );
  const first = useCallback(() => {
    setPlaying(false);
    moveTo(0);
  }, [moveTo]);
  const last = useCallback(() => {
    setPlaying(false);
    moveTo(times[times.length - 1] ?? END);
  }, [moveTo, times]);
  const togglePlay = useCallback(() => {
    if (playing) {
      setPlaying(false);
      return;
    }
    // Play from the start again when already at the end.
    if (current().t >= (times[times.length - 1] ?? END)) moveTo(0);
    setPlaying(true);
  }, [playing, current, moveTo, times]);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      if (!step(1)) setPlaying(false);
    }, PLAY_MS);
    return () => window.clearInterval(timer);
  }, [playing, step]);

  // The page's own keys, taken before the lab's page-wide ones (capture phase, default prevented).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isTextEntry(target)) return;
      const key = e.key === 'Spacebar' ? ' ' : e.key;
      const actions: Record<string, () => void> = {
        ArrowRight: () => {
          setPlaying(false);
          step(1);
        },
        ArrowLeft: () => {
          setPlaying(false);
          step(-1);
        },
        Home: first,
        End: last,
        ' ': togglePlay,
      };
      const action = actions[key];
      if (!action) {
        // The page still scrolls, but the lab's page-wide keys must not jump its (hidden) steps.
        if (key === 'PageUp' || key === 'PageDown') e.stopPropagation();
        return;
      }
      // Space presses a focused button or checkbox (the lab's keys leave it alone too).
      if (key === ' ' && target?.closest('button,a[href],summary,input,[role="button"]')) return;
      e.preventDefault();
      if (!e.repeat || key !== ' ') action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [step, first, last, togglePlay]);

  const toggleModel = (m: Model, on: boolean) => {
    const next = canonicalModels(on ? [...params.models, m] : params.models.filter((x) => x !== m));
    if (next.length) setParams({ ...params, models: next });
  };
  const setScale = (scale: Scale) => setParams({ ...params, scale });

  const describe = useCallback(
    (lane: Lane, tid: number, phase: Phase, call: string | null, start: Ns, end: Ns) => {
      const th = lane.threads.find((x) => x.tid === tid)!;
      const what = stateText(t, intervalAt(th, start) ?? { phase, call: call as Interval['call'], on: null });
      return `${t('compare.thread.label', { name: threadName(t, th) })} ${what} · ${t('compare.span', { from: ms(start, lang, 6), to: ms(end, lang, 6), ms: ms(end - start, lang, 6) })}`;
    },
    [t, lang],
  );

  const seek = (e: React.MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const want = x.invert(e.clientX - box.left - 8);
    let best = times[0] ?? 0;
    for (const v of times) if (Math.abs(x(v) - x(want)) < Math.abs(x(best) - x(want))) best = v;
    setPlaying(false);
    moveTo(best);
  };

  const transport: { icon: IconName; label: string; keys: string; disabled: boolean; onClick: () => void }[] =
    [
      { icon: 'first', label: t('compare.first'), keys: 'Home', disabled: atStart, onClick: first },
      {
        icon: 'back',
        label: t('compare.back'),
        keys: 'ArrowLeft',
        disabled: atStart,
        onClick: () => {
          setPlaying(false);
          step(-1);
        },
      },
    ];
  const transportEnd: typeof transport = [
    {
      icon: 'forward',
      label: t('compare.forward'),
      keys: 'ArrowRight',
      disabled: atEnd,
      onClick: () => {
        setPlaying(false);
        step(1);
      },
    },
    { icon: 'last', label: t('compare.last'), keys: 'End', disabled: atEnd, onClick: last },
  ];
  const ctl = (b: (typeof transport)[number]) => (
    <button
      key={b.icon}
      type="button"
      className="ctl"
      aria-label={b.label}
      aria-keyshortcuts={b.keys}
      aria-disabled={b.disabled}
      title={keyTitle(t, b.label, b.keys)}
      onClick={() => {
        if (!b.disabled) b.onClick();
      }}
    >
      <Icon name={b.icon} />
    </button>
  );

  return (
    <article className="page page-compare">
      <PhasePatterns />
      <h2>{t('compare.title')}</h2>
      {embed ? null : <p className="cmp-intro">{t('compare.intro')}</p>}

      <section className="cmp-toolbar" aria-label={t('controls.region')}>
        <div className="transport" role="group" aria-label={t('controls.region')}>
          {transport.map(ctl)}
          <button
            type="button"
            className="ctl ctl-play"
            aria-label={playing ? t('controls.pause') : t('controls.play')}
            aria-keyshortcuts="Space"
            title={keyTitle(t, playing ? t('controls.pause') : t('controls.play'), 'Space')}
            onClick={togglePlay}
            data-playing={playing}
          >
            <Icon name={playing ? 'pause' : 'play'} />
            <span aria-hidden="true">{playing ? t('controls.pause') : t('controls.play')}</span>
          </button>
          {transportEnd.map(ctl)}
        </div>
        <p className="cmp-readout" data-testid="compare-time" data-t={cursor} aria-live="polite">
          <strong>{t('compare.at', { ms: ms(cursor, lang, 6) })}</strong>
          <span>
            {t('compare.moment', { k: Math.max(1, k < 0 ? times.length : k + 1), n: times.length })}
          </span>
        </p>
        <div className="cmp-scale">
          <div className="segmented" role="group" aria-label={t('compare.scale')}>
            {(['squeezed', 'linear'] as const).map((s) => (
              <button key={s} type="button" aria-pressed={params.scale === s} onClick={() => setScale(s)}>
                {t(`compare.scale.${s}`)}
              </button>
            ))}
          </div>
          <span className="cmp-help">{t(`compare.scale.help.${params.scale}`)}</span>
        </div>
      </section>

      <section className="cmp-legend" aria-label={t('compare.legend')}>
        <LegendMarks t={t} />
        <p className="cmp-help">
          {t('compare.legend.copyWidth')} {t('compare.keys')}
        </p>
      </section>

      <div className="cmp-grid">
        <div className="cmp-lane cmp-axis-row">
          <div className="cmp-labels" />
          <div className="cmp-plot" ref={plotRef}>
            <TimeAxis x={x} squeeze={squeeze} width={width} t={t} lang={lang} cursor={cursor} />
          </div>
        </div>
        <ClientsLane x={x} width={width} cursor={cursor} t={t} lang={lang} onSeek={seek} />
        {shown.map((lane) => (
          <LaneView
            key={lane.model}
            lane={lane}
            x={x}
            width={width}
            cursor={cursor}
            t={t}
            lang={lang}
            describe={describe}
            onSeek={seek}
          />
        ))}
      </div>

      {/* Below the lanes: at 1280×720 the first lanes are on the first screen. */}
      <fieldset className="cmp-chooser">
        <legend>{t('compare.choose')}</legend>
        <div className="cmp-chooser-models">
          {COMPARE_MODELS.map((m) => {
            const on = params.models.includes(m);
            return (
              <label key={m} className="cmp-choice">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && params.models.length === 1}
                  onChange={(e) => toggleModel(m, e.target.checked)}
                  data-model={m}
                />
                <span>{t(`compare.model.${m}`)}</span>
                {CLASSIC_MODELS.includes(m) ? <span className="cmp-tag">{t('compare.classic')}</span> : null}
              </label>
            );
          })}
        </div>
        <div className="cmp-chooser-sets">
          <button type="button" onClick={() => setParams({ ...params, models: [...CLASSIC_MODELS] })}>
            {t('compare.choose.classic')}
          </button>
          <button type="button" onClick={() => setParams({ ...params, models: [...COMPARE_MODELS] })}>
            {t('compare.choose.all', { n: COMPARE_MODELS.length })}
          </button>
        </div>
      </fieldset>

      <p className="cmp-intro">{t('compare.workload', { sleep: COMPARE_POLL_SLEEP_MS })}</p>

      <SummaryTable shown={shown} t={t} lang={lang} />
    </article>
  );
}

function LaneView({
  lane,
  x,
  width,
  cursor,
  t,
  lang,
  describe,
  onSeek,
}: {
  lane: Lane;
  x: TimeScale;
  width: number;
  cursor: Ns;
  t: T;
  lang: 'en' | 'zh';
  describe: Parameters<typeof LaneBars>[0]['describe'];
  onSeek: (e: React.MouseEvent<SVGSVGElement>) => void;
}) {
  const height = laneHeight(lane);
  const got = lane.replies.filter((r) => r.t <= cursor);
  const headId = `cmp-lane-${lane.model}`;
  return (
    <section className="cmp-lane" aria-labelledby={headId} data-testid="compare-lane" data-model={lane.model}>
      <div className="cmp-lane-head">
        <h3 id={headId}>{t(`compare.model.${lane.model}`)}</h3>
        <p className="cmp-hint">{t(`compare.hint.${lane.model}`)}</p>
        <span className="cmp-replies" data-testid="compare-replies">
          {t('compare.replies')}{' '}
          {got.length
            ? got.map((r, i) => (
                <span key={i} className="cmp-reply-chip">
                  ✓ {r.client} {t('compare.ms', { ms: ms(r.t, lang) })}
                </span>
              ))
            : t('compare.replies.none')}
        </span>
      </div>
      <ul className="cmp-labels">
        {lane.threads.map((th) => {
          const iv = intervalAt(th, cursor);
          const gone = !iv && cursor >= th.end && th.end < lane.end;
          const text = iv ? stateText(t, iv) : gone ? t('compare.state.gone') : t('compare.state.none');
          return (
            <li
              key={th.tid}
              data-testid="compare-state"
              data-tid={th.tid}
              data-phase={iv?.phase ?? (gone ? 'gone' : 'none')}
              data-call={iv?.call ?? ''}
              style={{ height: ROW + ROW_GAP }}
            >
              {iv ? <Swatch phase={iv.phase} /> : <span className="cmp-swatch-empty" aria-hidden="true" />}
              <span className="cmp-thread">
                {t('compare.thread.label', { name: threadName(t, th) })}
              </span>{' '}
              <span title={text}>{text}</span>
            </li>
          );
        })}
      </ul>
      <div className="cmp-plot">
        <svg
          width={width + 16}
          height={height}
          role="img"
          aria-label={t('compare.lane.chart', { model: t(`compare.model.${lane.model}`) })}
          onClick={onSeek}
          className="cmp-chart"
        >
          <g transform="translate(8,0)">
            <LaneBars lane={lane} x={x} width={width} t={t} lang={lang} describe={describe} />
            <line
              className="cmp-cursor"
              x1={x(cursor)}
              x2={x(cursor)}
              y1={0}
              y2={height}
              data-testid="compare-cursor"
            />
          </g>
        </svg>
      </div>
    </section>
  );
}

const CLIENTS = [...new Set(ACTIONS.map((a) => a.client))];

/** The workload itself: when each client connects, sends and leaves (the same in every lane). */
function ClientsLane({
  x,
  width,
  cursor,
  t,
  lang,
  onSeek,
}: {
  x: TimeScale;
  width: number;
  cursor: Ns;
  t: T;
  lang: 'en' | 'zh';
  onSeek: (e: React.MouseEvent<SVGSVGElement>) => void;
}) {
  const height = PAD_TOP + CLIENTS.length * (ROW + ROW_GAP);
  return (
    <section className="cmp-lane cmp-clients" aria-labelledby="cmp-clients-head">
      <div className="cmp-lane-head">
        <h3 id="cmp-clients-head">{t('compare.clients')}</h3>
      </div>
      <ul className="cmp-labels">
        {CLIENTS.map((c) => {
          const acts = ACTIONS.filter((a) => a.client === c);
          return (
            <li key={c} style={{ height: ROW + ROW_GAP }}>
              <span className="cmp-thread">{t('compare.thread.label', { name: c })}</span>{' '}
              {acts.map((a) => t(`compare.client.${a.do}`, { ms: ms(a.t, lang) })).join(t('compare.sep'))}
            </li>
          );
        })}
      </ul>
      <div className="cmp-plot">
        <svg
          width={width + 16}
          height={height}
          role="img"
          aria-label={t('compare.clients')}
          onClick={onSeek}
          className="cmp-chart"
        >
          <g transform="translate(8,0)">
            {CLIENTS.map((c, i) => {
              const acts = ACTIONS.filter((a) => a.client === c);
              const y = PAD_TOP + i * (ROW + ROW_GAP) + ROW / 2;
              const from = acts[0]!.t;
              const to = acts[acts.length - 1]!.t;
              return (
                <g key={c} className="cmp-client">
                  <line x1={x(from)} x2={x(to)} y1={y} y2={y} className="cmp-conn" />
                  {acts.map((a) => (
                    <g
                      key={`${a.t}-${a.do}`}
                      transform={`translate(${x(a.t)},${y})`}
                      className={`cmp-act cmp-act-${a.do}`}
                    >
                      {a.do === 'send' ? (
                        <path d="M0 -7L7 5H-7Z" />
                      ) : a.do === 'connect' ? (
                        <circle r="5" />
                      ) : (
                        <path d="M-5 -5L5 5M5 -5L-5 5" />
                      )}
                      {a.do === 'send' ? (
                        <text x="9" y="4">
                          {c.slice(0, 1)}
                        </text>
                      ) : null}
                      <title>{`${t('compare.thread.label', { name: c })} ${t(`compare.client.${a.do}`, { ms: ms(a.t, lang) })}${a.data ? ` ${JSON.stringify(a.data)}` : ''}`}</title>
                    </g>
                  ))}
                </g>
              );
            })}
            <line className="cmp-cursor" x1={x(cursor)} x2={x(cursor)} y1={0} y2={height} />
          </g>
        </svg>
      </div>
    </section>
  );
}

function SummaryTable({ shown, t, lang }: { shown: Lane[]; t: T; lang: 'en' | 'zh' }) {
  return (
    <details className="cmp-table">
      <summary>{t('compare.table')}</summary>
      <table>
        <caption>{t('compare.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.table.model')}</th>
            <th scope="col">{t('compare.table.threads')}</th>
            <th scope="col">{t('compare.table.waitCalls')}</th>
            <th scope="col">{t('compare.table.waiting')}</th>
            <th scope="col">{t('compare.table.copying')}</th>
            <th scope="col">{t('compare.table.copier')}</th>
            {CLIENTS.map((c) => (
              <th key={c} scope="col">
                {t('compare.table.reply', { client: c })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((lane) => {
            const s = laneSummary(lane);
            return (
              <tr key={lane.model}>
                <th scope="row">{t(`compare.model.${lane.model}`)}</th>
                <td>{s.threads}</td>
                <td>
                  {s.waitCalls.length
                    ? s.waitCalls.map((c) => `${c}()`).join(', ')
                    : t('compare.table.never')}
                </td>
                <td>{ms(s.waitingNs, lang, 1)}</td>
                <td>
                  {(s.copyingNs / 1000).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', {
                    maximumFractionDigits: 2,
                  })}
                </td>
                <td>{s.copier === 'none' ? '—' : t(`compare.table.copier.${s.copier}`)}</td>
                {CLIENTS.map((c) => (
                  <td key={c}>{s.firstReply[c] !== undefined ? ms(s.firstReply[c], lang) : '—'}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
