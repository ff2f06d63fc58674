/**
 * The exam hall page: the article's analogy for select and epoll, drawn from the same run and
 * the same step as the kernel stage beside it. `#/hall?n=30&mech=select&pattern=several&order=1&view=both&step=K`.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useLab, useLabApi, useRun, useT, useView } from '../hooks.ts';
import { Controls } from '../Controls.tsx';
import { Stage } from '../Stage.tsx';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { getRun } from '../../runs/runs.ts';
import {
  finishingMoments,
  hallScenario,
  MAX_CLASS,
  MECHANISMS,
  MIN_CLASS,
  PATTERNS,
  SELECT_MAX_CLASS,
  type HallConfig,
  type Mechanism,
} from '../../hall/hall.ts';
import { countersAtEvent, countersAtTime, hallTimeline, type HallTimeline } from '../../hall/hall-trace.ts';
import type { TraceEvent } from '../../kernel/types.ts';
import { readHallParams, VIEWS, writeHallParams, type HallParams } from './params.ts';
import { hallStateAt, lastEventOfStep } from './hall-state.ts';
import { HallFloor } from './HallFloor.tsx';
import { HallCounters, type Column } from './HallCounters.tsx';
import { describeNow, describeRoom } from './describe.ts';
import './hall.css';

const PRESETS = [30, 100, 1000, SELECT_MAX_CLASS, 1100, 2000];

const timelines = new WeakMap<readonly TraceEvent[], HallTimeline>();
function timelineOf(trace: readonly TraceEvent[], n: number): HallTimeline {
  let tl = timelines.get(trace);
  if (!tl) {
    tl = hallTimeline(trace, n);
    timelines.set(trace, tl);
  }
  return tl;
}

const configOf = (p: HallParams, mech: Mechanism = p.mech): HallConfig => ({
  n: p.n,
  mech,
  pattern: p.pattern,
  seed: p.order,
});

export default function HallPage() {
  const api = useLabApi();
  const t = useT();
  const pageParams = useLab((s) => s.pageParams);
  const { value: params, bad } = useMemo(() => readHallParams(pageParams), [pageParams]);

  // Bad values: a notice each, and the URL shows what is used instead.
  const told = useRef('');
  useEffect(() => {
    const st = api.getState();
    // Once per link (React's strict mode runs effects twice in development).
    const key = JSON.stringify(bad);
    if (bad.length > 0 && told.current !== key) {
      told.current = key;
      for (const b of bad) st.notify({ key: 'hall.notice.badParam', params: { ...b } });
    }
    const want = writeHallParams(params);
    if (JSON.stringify(want) !== JSON.stringify(st.pageParams)) st.setPageParams(want);
  }, [api, bad, params]);

  const { n, mech, pattern, order } = params;
  const scenario = useMemo(() => hallScenario({ n, mech, pattern, seed: order }), [n, mech, pattern, order]);
  const shown = useLab((s) => s.scenario);
  useEffect(() => {
    const st = api.getState();
    if (st.scenario.id !== scenario.id || st.seed !== scenario.seed)
      st.setScenario(scenario, { step: st.step });
  }, [api, scenario]);

  const update = (change: Partial<HallParams>) => {
    const next = { ...params, ...change };
    const st = api.getState();
    // A different class is a different run: start it from the beginning.
    if (
      next.n !== params.n ||
      next.mech !== params.mech ||
      next.pattern !== params.pattern ||
      next.order !== params.order
    )
      st.first();
    st.setPageParams(writeHallParams(next));
  };

  const ready = shown.id === scenario.id;
  return (
    <article className="page page-hall">
      <h2>{t('hall.title')}</h2>
      <p className="hall-intro">{t('hall.intro')}</p>
      <Setup params={params} update={update} />
      {mech === 'select' && n > SELECT_MAX_CLASS ? (
        <div className="panel hall-fdset" role="note" data-testid="hall-fdset">
          <h3>{t('hall.fdset.title')}</h3>
          <p>{t('hall.fdset.body', { max: SELECT_MAX_CLASS, first: SELECT_MAX_CLASS + 1 })}</p>
          <span className="hall-fdset-actions">
            {ready ? <FailJump n={n} /> : null}
            <button type="button" onClick={() => update({ mech: 'epoll' })}>
              {t('hall.fdset.switch')}
            </button>
          </span>
        </div>
      ) : null}
      {pattern !== 'burst' && finishingMoments(n) < n ? (
        <p className="hall-note">{t('hall.partial', { n, m: finishingMoments(n) })}</p>
      ) : null}
      {ready ? (
        <Live params={params} />
      ) : (
        <p className="page-loading" role="status">
          {t('hall.running', { n })}
        </p>
      )}
    </article>
  );
}

/** Jumps to the step where Python raises ValueError. */
function FailJump({ n }: { n: number }) {
  const t = useT();
  const api = useLabApi();
  const { run, index } = useRun();
  const failed = timelineOf(run.trace, n).failed;
  if (!failed) return null;
  return (
    <button
      type="button"
      data-testid="hall-fail-jump"
      onClick={() => api.getState().goTo(index.stepOfEvent(failed.ev))}
    >
      {t('hall.fdset.jump')}
    </button>
  );
}

function Setup({ params, update }: { params: HallParams; update: (c: Partial<HallParams>) => void }) {
  const t = useT();
  const [size, setSize] = useState(String(params.n));
  const [shownN, setShownN] = useState(params.n);
  // The field follows the class when it changes elsewhere (a preset, the URL).
  if (shownN !== params.n) {
    setShownN(params.n);
    setSize(String(params.n));
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = Number(size);
    if (Number.isInteger(v) && v >= MIN_CLASS && v <= MAX_CLASS) update({ n: v });
    else setSize(String(params.n));
  };
  return (
    <form className="panel hall-setup" onSubmit={submit} aria-label={t('hall.setup')}>
      <div className="hall-field">
        <label htmlFor="hall-size">{t('hall.size')}</label>
        <span className="hall-size">
          <input
            id="hall-size"
            type="number"
            inputMode="numeric"
            min={MIN_CLASS}
            max={MAX_CLASS}
            value={size}
            onChange={(e) => setSize(e.target.value)}
          />
          <button type="submit">{t('hall.size.apply')}</button>
        </span>
        <span className="hall-presets" role="group" aria-label={t('hall.size.presets')}>
          {PRESETS.map((v) => (
            <button key={v} type="button" aria-pressed={params.n === v} onClick={() => update({ n: v })}>
              {v}
            </button>
          ))}
        </span>
      </div>
      <div className="hall-field">
        <span id="hall-mech-l">{t('hall.mech')}</span>
        <span className="segmented" role="group" aria-labelledby="hall-mech-l">
          {MECHANISMS.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={params.mech === m}
              onClick={() => update({ mech: m })}
            >
              {m}
            </button>
          ))}
        </span>
      </div>
      <div className="hall-field">
        <label htmlFor="hall-pattern">{t('hall.pattern')}</label>
        <span className="hall-size">
          <select
            id="hall-pattern"
            value={params.pattern}
            onChange={(e) => update({ pattern: e.target.value as HallParams['pattern'] })}
          >
            {PATTERNS.map((p) => (
              <option key={p} value={p}>
                {t(`hall.pattern.${p}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => update({ order: params.order >= 99_999 ? 1 : params.order + 1 })}
            title={t('hall.order.now', { order: params.order })}
          >
            {t('hall.order')}
          </button>
        </span>
      </div>
      <div className="hall-field">
        <span id="hall-view-l">{t('hall.view')}</span>
        <span className="segmented" role="group" aria-labelledby="hall-view-l">
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={params.view === v}
              onClick={() => update({ view: v })}
            >
              {t(`hall.view.${v}`)}
            </button>
          ))}
        </span>
      </div>
    </form>
  );
}

/** The hall and the kernel at the store's step. */
function Live({ params }: { params: HallParams }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const { run, index } = useRun();
  const { view, step } = useView();
  const tl = useMemo(() => timelineOf(run.trace, params.n), [run.trace, params.n]);
  const state = useMemo(
    () => hallStateAt(index, tl, view, step, params.mech),
    [index, tl, view, step, params.mech],
  );
  const now = describeNow(state, t);
  const room = describeRoom(state, t);

  // The same class under the other mechanism, for the counters (cached like every run).
  const other: Mechanism = params.mech === 'select' ? 'epoll' : 'select';
  const otherTl = useMemo(() => {
    const s = hallScenario(configOf(params, other));
    return timelineOf(getRun(s, s.seed).run.trace, params.n);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.n, params.pattern, params.order, other]);

  const endEv = lastEventOfStep(index, step);
  const column = (mech: Mechanism, line: HallTimeline, current: boolean): Column => ({
    mech,
    current,
    now: current ? countersAtEvent(line, endEv) : countersAtTime(line, view.t),
    end: countersAtEvent(line, Number.MAX_SAFE_INTEGER),
    failedAt: line.failed?.t ?? null,
  });
  const columns = [column(params.mech, tl, true), column(other, otherTl, false)].sort((a, b) =>
    a.mech.localeCompare(b.mech),
  );

  const showHall = params.view !== 'kernel';
  const showStage = params.view !== 'hall';
  return (
    <>
      <div className="hall-controls">
        <ErrorBoundary area="controls">
          <Controls />
        </ErrorBoundary>
      </div>
      <div className={`hall-views hall-views-${params.view}`}>
        {showHall ? (
          <section
            className="panel hall-panel"
            aria-labelledby="hall-floor-h"
            data-testid="hall"
            data-step={step}
          >
            <h3 id="hall-floor-h" className="visually-hidden">
              {t('hall.floor')}
            </h3>
            <p className="hall-now" aria-live="polite" data-testid="hall-now">
              {now}
            </p>
            <div className="hall-box">
              <HallFloor g={tl.geometry} state={state} t={t} step={step} label={`${now} ${room}`} />
            </div>
            <p className="hall-room">{room}</p>
            <Legend t={t} mech={params.mech} />
          </section>
        ) : null}
        {showStage ? (
          <div className="hall-stage">
            <ErrorBoundary area="stage">
              <Stage />
            </ErrorBoundary>
          </div>
        ) : null}
      </div>
      <HallCounters columns={columns} t={t} ns={view.t} lang={lang} />
    </>
  );
}

function Legend({ t, mech }: { t: ReturnType<typeof useT>; mech: Mechanism }) {
  const item = (cls: string, key: string) => (
    <span className="hall-legend-item">
      <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
        <rect x="1" y="1" width="16" height="12" rx="2" className={`hall-mark ${cls}`} />
      </svg>
      {t(key)}
    </span>
  );
  return (
    <div className="hall-legend" aria-hidden="true">
      {item('hall-l-writing', 'hall.legend.writing')}
      {item('hall-l-finished', 'hall.legend.finished')}
      {item('hall-l-handed', 'hall.legend.handedIn')}
      {item('hall-l-leaving', 'hall.legend.leaving')}
      {mech === 'select' ? (
        <span className="hall-legend-item">
          <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
            <path d="M1 7 H17" className="hall-trail" strokeWidth="2.5" />
          </svg>
          {t('hall.legend.walk')}
        </span>
      ) : null}
    </div>
  );
}
