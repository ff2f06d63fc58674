/**
 * The two phases of a read, for the thread that matters in this step: which one is current,
 * whether the thread sleeps through it, and one sentence on what that means in this I/O model.
 * Test contract: data-testid="phase", data-phase = waiting | copying | none, data-blocked.
 */
import type { T } from '../hooks.ts';
import type { PhaseInfo } from './phase.ts';
import { phaseBadge, phaseSentence } from './describe.ts';
import { iconShape } from './Svg.tsx';

export interface PhaseIndicatorProps {
  info: PhaseInfo;
  /** "MainThread (4000)", or null when no thread is concerned. */
  thread: string | null;
  /** What the thread is doing instead (for "no read in progress"). */
  doing: string | null;
  t: T;
}

export function PhaseIndicator({ info, thread, doing, t }: PhaseIndicatorProps) {
  const sentence =
    info.via === 'none'
      ? thread && doing
        ? t('stage.phase.noneThread', { thread, what: doing })
        : t('stage.phase.none')
      : phaseSentence(info, t, thread);
  const badge = (phase: 'waiting' | 'copying'): string | null => phaseBadge(info, phase, t);
  const step = (phase: 'waiting' | 'copying', label: string) => {
    const current = info.phase === phase;
    const b = badge(phase);
    const badgeCls =
      info.via === 'eagain'
        ? 'phase-badge is-eagain'
        : info.via === 'uring'
          ? 'phase-badge is-kernel'
          : info.blocked
            ? 'phase-badge is-blocked'
            : 'phase-badge';
    return (
      <li className={`phase-step${current ? ' is-current' : ''}`} aria-current={current ? 'step' : undefined}>
        <span className="phase-step-label">{label}</span>
        {current ? <span className="visually-hidden"> ({t('stage.phase.now')})</span> : null}
        {b ? (
          <span className={badgeCls}>
            {info.via === 'uring' ? null : (
              <svg
                width="12"
                height="12"
                viewBox="0 0 12 12"
                aria-hidden="true"
                className={`icon ${info.via === 'eagain' ? 'icon-warn' : info.blocked ? 'icon-blocked' : 'icon-running'}`}
              >
                {iconShape(info.via === 'eagain' ? 'warn' : info.blocked ? 'blocked' : 'running', 6, 6, 10)}
              </svg>
            )}
            {b}
          </span>
        ) : null}
      </li>
    );
  };
  return (
    <div
      className={`phase phase-${info.phase}`}
      data-testid="phase"
      data-phase={info.phase}
      data-blocked={String(info.blocked)}
      data-via={info.via}
      role="group"
      aria-label={t('stage.phase.title')}
    >
      <div className="phase-row">
        <span className="phase-title">{t('stage.phase.title')}</span>
        <ol className="phase-steps">
          {step('waiting', t('stage.phase.waiting'))}
          <li className="phase-arrow" aria-hidden="true">
            →
          </li>
          {step('copying', t('stage.phase.copying'))}
        </ol>
      </div>
      <p className="phase-sentence" aria-live="polite">
        {sentence}
      </p>
    </div>
  );
}
