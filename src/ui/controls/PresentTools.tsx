/**
 * Beside the playback controls: the stage view's button (the F key), and the important moments:
 * ◀ ▶ (the [ and ] keys) jump to the previous/next one, the menu chooses which kinds count.
 */
import { useLab, useLabApi, useRun, useT } from '../hooks.ts';
import { useVisibleSteps } from './use-visible.ts';
import { MOMENT_KINDS, nearestMoment } from './moments.ts';

export function PresentTools() {
  const t = useT();
  const api = useLabApi();
  const kinds = useLab((s) => s.momentKinds);
  const step = useLab((s) => s.step);
  const { index } = useRun();
  const visible = useVisibleSteps();
  const jump = (dir: 1 | -1) => {
    const at = nearestMoment(index, visible, step, dir, kinds);
    if (at !== null) api.getState().goTo(at);
  };
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
}
