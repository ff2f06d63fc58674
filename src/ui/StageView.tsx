/**
 * The stage view, for a projector (F, or the button by the controls): the stage alone, filling
 * the window, drawn as large as it fits (the SVG's viewBox scales it: nothing scrolls), user and
 * kernel space both in sight; the scenario and the step with its virtual time on top, what just
 * happened as one caption line below. Keys (keyboard.ts): →/PgDn and ←/PgUp step, B or . blanks,
 * Esc leaves. Used by the lab (App.tsx) and by a lesson's stops (LessonPage.tsx).
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useLab, useLabApi, useRun, useT, useView } from './hooks.ts';
import { sceneOfStep } from './stage/scene.ts';
import { fitScreen } from './stage/fit.ts';
import { metricsMeasure } from './stage/text.ts';
import { METRICS, METRIC_CHARS } from './stage/font-metrics.ts';
import { renderNodes } from './stage/Svg.tsx';
import { clientHeight, useBoxSize } from './stage/use-box.ts';
import { useSwipe } from './stage/use-swipe.ts';
import { useLazyPart } from './lazy-part.ts';
import { NARRATION_WORDS, narrationPart } from './narration-part.ts';
import { useZhListings } from './listings-zh-state.ts';
import { plainText } from './text/TermText.tsx';
import { useVisibleSteps } from './controls/use-visible.ts';
import { formatCount, formatTime, positionOf, timeOfStep } from './controls/position.ts';
import './stage.css';
import './stage-view.css';

export function StageView() {
  const t = useT();
  const api = useLabApi();
  const lang = useLab((s) => s.lang);
  const title = useLab((s) => s.scenario.title[lang]);
  const { view, before, step } = useView();
  const { run, index } = useRun();
  // English listings are the narration's own default: only the Chinese ones are passed.
  const listings = useZhListings();
  const visible = useVisibleSteps();
  const scene = useMemo(
    () => sceneOfStep(index, step, run.scenario.model, { view, before }),
    [index, step, view, before, run.scenario.model],
  );
  const boxRef = useRef<HTMLDivElement>(null);
  const box = useBoxSize(boxRef, clientHeight);
  useSwipe(boxRef);
  const measure = useMemo(() => metricsMeasure(lang, METRICS, METRIC_CHARS), [lang]);
  const { layout, scale } = useMemo(
    () => fitScreen(scene, box, { t, measure, projector: true }),
    [scene, box, t, measure],
  );
  const part = useLazyPart(lang, NARRATION_WORDS, narrationPart);
  const narrate = part.state === 'ready' ? part.module.narrate : null;
  const caption = useMemo(
    () => (narrate ? plainText(narrate(run, index, step, lang, { view, before }, listings).text) : ''),
    [narrate, run, index, step, lang, view, before, listings],
  );
  // The view takes the focus itself (not its button: Space must not press "leave").
  const selfRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    selfRef.current?.focus();
  }, []);

  return (
    <div
      ref={selfRef}
      tabIndex={-1}
      className="stage-view stage"
      role="dialog"
      aria-modal="true"
      aria-label={t('stageView.label')}
      data-testid="stage-view"
      lang={lang}
    >
      <div className="sv-bar">
        <span className="sv-title">{title}</span>
        <span className="sv-pos" data-testid="stage-view-pos">
          {t('controls.counter', {
            k: formatCount(positionOf(visible, step) + 1, lang),
            n: formatCount(visible.length, lang),
          })}
          {' · '}
          {formatTime(timeOfStep(index, step), lang)}
        </span>
        <span className="sv-keys" aria-hidden="true">
          {t('stageView.keys')}
        </span>
        <button
          type="button"
          className="sv-exit"
          onClick={() => api.getState().setStageView(false)}
          aria-keyshortcuts="Escape"
        >
          {t('stageView.exit')}
        </button>
      </div>
      <div className="sv-box" ref={boxRef}>
        <svg
          className="stage-svg"
          role="img"
          aria-label={caption}
          data-scale={scale.toFixed(3)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          preserveAspectRatio="xMidYMid meet"
        >
          {renderNodes(layout.nodes)}
        </svg>
      </div>
      <p className="sv-caption" data-testid="stage-view-caption" aria-live="polite" title={caption}>
        {caption}
      </p>
    </div>
  );
}

/** Black, over everything, until B or . again (or a click). */
export function BlankScreen() {
  const t = useT();
  const api = useLabApi();
  const blank = useLab((s) => s.blank);
  if (!blank) return null;
  return (
    <div className="screen-blank" data-testid="blank" onClick={() => api.getState().setBlank(false)}>
      <span className="visually-hidden" role="status">
        {t('stageView.blanked')}
      </span>
    </div>
  );
}
