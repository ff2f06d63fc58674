/**
 * Beside the playback controls: the stage view's button (the F key), and the important moments:
 * ◀ ▶ (the [ and ] keys) jump to the previous/next one, the menu chooses which kinds count.
 */
import { memo } from 'react';
import { useLab, useLabApi, useT } from '../hooks.ts';
import { MOMENT_KINDS } from './moments.ts';
import { toMoment } from '../keyboard.ts';

/** Reads the step when a button is pressed: it does not draw again at every step. */
export const PresentTools = memo(function PresentTools() {
  const t = useT();
  const api = useLabApi();
  const kinds = useLab((s) => s.momentKinds);
  const jump = (dir: 1 | -1) => toMoment(api.getState(), dir);
  const toggle = (kind: string, on: boolean) =>
    api.getState().setMomentKinds(on ? [...kinds, kind] : kinds.filter((k) => k !== kind));
  return (
    <div className="present-tools">
      <button
        type="button"
        className="ctl ctl-text"
        onClick={() => api.getState().setStageView(true)}
        aria-keyshortcuts="F"
        title={t('controls.stageView.title')}
        data-testid="stage-view-open"
      >
        {t('controls.stageView')}
      </button>
      <div className="moments" role="group" aria-label={t('controls.moments')}>
        <button
          type="button"
          className="ctl"
          onClick={() => jump(-1)}
          aria-label={t('controls.moments.prev')}
          title={t('controls.moments.prev')}
          aria-keyshortcuts="["
        >
          ◀
        </button>
        <details className="moments-menu">
          <summary title={t('controls.moments.title')}>{t('controls.moments')}</summary>
          <div className="moments-list">
            {MOMENT_KINDS.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={kinds.includes(k)}
                  onChange={(e) => toggle(k, e.target.checked)}
                />
                {t(`controls.moment.${k}`)}
              </label>
            ))}
          </div>
        </details>
        <button
          type="button"
          className="ctl"
          onClick={() => jump(1)}
          aria-label={t('controls.moments.next')}
          title={t('controls.moments.next')}
          aria-keyshortcuts="]"
          data-testid="moment-next"
        >
          ▶
        </button>
      </div>
    </div>
  );
});
