/**
 * Playback controls: the transport buttons, the speed, where we are (step counter and virtual
 * time), folding of busy loops, and the timeline scrubber. Big targets: a lecture hall drives
 * this with a clicker (the page-wide keys are in keyboard.ts).
 */
import { memo } from 'react';
import { SPEEDS, type LabState, type MotionSetting } from '../store/lab.ts';
import type { Fold } from '../runs/folding.ts';
import { useLab, useLabApi, useRun, useT } from './hooks.ts';
import { Icon, type IconName } from './controls/icons.tsx';
import { Timeline } from './controls/Timeline.tsx';
import { useVisibleSteps } from './controls/use-visible.ts';
import { PresentTools } from './controls/PresentTools.tsx';
import { foldedHere, formatCount, formatTime, positionOf, timeOfStep } from './controls/position.ts';
import './controls.css';

export function Controls() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const step = useLab((s) => s.step);
  const playing = useLab((s) => s.playing);
  const fold = useLab((s) => s.fold);
  const { first, prev, togglePlay, next, last } = useLabApi().getState();
  const { index, folds } = useRun();
  const visible = useVisibleSteps();

  const n = visible.length;
  const pos = positionOf(visible, step);
  const atStart = step <= (visible[0] ?? 0);
  const atEnd = step >= (visible[n - 1] ?? 0);
  const folded = foldedHere(folds, fold, step);
  // With a fold before or at this step, the visible count and the trace's own step differ: say both.
  const hiding = fold && step !== pos;
  const num = (v: number) => formatCount(v, lang);

  return (
    <section className="controls" aria-label={t('controls.region')}>
      <div className="controls-row">
        <div className="transport" role="group" aria-label={t('controls.region')}>
          <CtlButton
            icon="first"
            label={t('controls.first')}
            keys="Home"
            disabled={atStart}
            onClick={first}
          />
          <CtlButton
            icon="back"
            label={t('controls.back')}
            keys="ArrowLeft"
            disabled={atStart}
            onClick={prev}
          />
          <button
            type="button"
            className="ctl ctl-play"
            aria-label={playing ? t('controls.pause') : t('controls.play')}
            aria-keyshortcuts="Space"
            title={playing ? t('controls.pause') : t('controls.play')}
            onClick={togglePlay}
            data-playing={playing}
          >
            <Icon name={playing ? 'pause' : 'play'} />
            <span aria-hidden="true">{playing ? t('controls.pause') : t('controls.play')}</span>
          </button>
          <CtlButton
            icon="forward"
            label={t('controls.forward')}
            keys="ArrowRight"
            disabled={atEnd}
            onClick={next}
          />
          <CtlButton icon="last" label={t('controls.last')} keys="End" disabled={atEnd} onClick={last} />
        </div>

        <Settings />

        <div
          className="step-counter"
          data-testid="step-counter"
          aria-live={playing ? 'off' : 'polite'}
          aria-atomic="true"
        >
          <strong>{t('controls.counter', { k: num(pos + 1), n: num(n) })}</strong>{' '}
          <span className="sub">
            {hiding && (
              <>
                <span className="raw">
                  {t('controls.counter.raw', { raw: num(step + 1), total: num(index.steps) })}
                </span>{' '}
              </>
            )}
            <span className="vtime">
              {t('controls.time', { time: formatTime(timeOfStep(index, step), lang) })}
            </span>
          </span>
        </div>

        <PresentTools />

        <FoldArea fold={fold} folded={folded} />
      </div>
      <Timeline />
    </section>
  );
}

/** Speed and motion: drawn again when they change, not at every step. */
const Settings = memo(function Settings() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const speed = useLab((s) => s.speed);
  const motion = useLab((s) => s.motion);
  const { setSpeed, setMotion } = useLabApi().getState();
  return (
    <>
      <label className="speed">
        <span>{t('controls.speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as LabState['speed'])}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('controls.speed.option', { n: s.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}
            </option>
          ))}
        </select>
      </label>

      <label className="speed motion-setting" title={t('controls.motion.title')}>
        <span>{t('controls.motion')}</span>
        <select value={motion} onChange={(e) => setMotion(e.target.value as MotionSetting)}>
          {(['auto', 'on', 'off'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`controls.motion.${m}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
});

/** Folding of repeated rounds, and the chip of the fold the step is in (the same object while in it). */
const FoldArea = memo(function FoldArea({ fold, folded }: { fold: boolean; folded: Fold | undefined }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const { setFold } = useLabApi().getState();
  const num = (v: number) => formatCount(v, lang);
  return (
    <div className="fold-area">
      <label className="fold-toggle">
        <input type="checkbox" checked={fold} onChange={(e) => setFold(e.target.checked)} />
        <span>{t('controls.fold')}</span>
      </label>
      {folded && (
        <div
          className="fold-chip"
          data-testid="fold-chip"
          title={t('controls.folded.detail', {
            n: num(folded.repeats - 1),
            period: num(folded.period),
            from: num(folded.first + folded.period + 1),
            to: num(folded.last + 1),
          })}
        >
          <span>{t('controls.folded', { n: num(folded.repeats - 1) })}</span>
          <button type="button" aria-label={t('controls.unfold.label')} onClick={() => setFold(false)}>
            {t('controls.unfold')}
          </button>
        </div>
      )}
    </div>
  );
});

const CtlButton = memo(function CtlButton({
  icon,
  label,
  keys,
  disabled,
  onClick,
}: {
  icon: IconName;
  label: string;
  keys: string;
  disabled: boolean;
  onClick: () => void;
}) {
  // aria-disabled, not disabled: a button that goes dead under the keyboard focus must keep it.
  // The tooltip is the label alone: the keys, in the reader's words, are in the legend under the timeline.
  return (
    <button
      type="button"
      className="ctl"
      aria-label={label}
      aria-keyshortcuts={keys}
      aria-disabled={disabled}
      title={label}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      <Icon name={icon} />
    </button>
  );
});
