import { useState } from 'react';
import { useT } from '../../hooks.ts';

const STEPS = 6;

/** The six things a process switch does, one at a time: save A, file A, pick B, switch memory, restore B. */
export default function ProcessSwitch() {
  const t = useT();
  const [k, setK] = useState(0);
  const aState = k >= 2 ? 'blocked' : 'running';
  const bState = k >= 4 ? 'running' : 'ready';
  const cpuOf = k >= 6 ? 'B' : 'A';
  const mmuOf = k >= 5 ? 'B' : 'A';
  return (
    <figure className="fig fig-switch" aria-label={t('fig.switch.label')}>
      <div className="fig-switch-grid">
        <div className="fig-box fig-cpu" data-changed={k === 1 || k === 6}>
          <strong>{t('fig.switch.cpu')}</strong>
          <div>
            {t('fig.switch.pc')}: <code>{cpuOf === 'A' ? '0x4012a0 (A)' : '0x40ff10 (B)'}</code>
          </div>
          <div>
            {t('fig.switch.regs')}: <code>{cpuOf === 'A' ? 'rax…r15 (A)' : 'rax…r15 (B)'}</code>
          </div>
          <div data-changed={k === 5}>
            {t('fig.switch.mmu')}: <code>{mmuOf}</code>
          </div>
        </div>
        <div className="fig-box" data-changed={k >= 1 && k <= 3}>
          <strong>{t('fig.switch.pcb', { p: 'A' })}</strong>
          <div>{t('fig.switch.state', { state: t(`fig.switch.${aState}`) })}</div>
          <div>
            {k >= 1 ? t('fig.switch.saved', { what: 'PC 0x4012a0, rax…r15' }) : t('fig.switch.nothing')}
          </div>
        </div>
        <div className="fig-box" data-changed={k === 4 || k === 6}>
          <strong>{t('fig.switch.pcb', { p: 'B' })}</strong>
          <div>{t('fig.switch.state', { state: t(`fig.switch.${bState}`) })}</div>
          <div>
            {k >= 6 ? t('fig.switch.nothing') : t('fig.switch.saved', { what: 'PC 0x40ff10, rax…r15' })}
          </div>
        </div>
        <div className="fig-box fig-queues">
          <div>
            <strong>{t('fig.switch.queue.ready')}</strong>: {k >= 4 ? t('fig.switch.empty') : 'B'}
          </div>
          <div data-changed={k === 3}>
            <strong>{t('fig.switch.queue.wait')}</strong>: {k >= 3 ? 'A' : t('fig.switch.empty')}
          </div>
        </div>
      </div>
      <ol className="fig-steps">
        {Array.from({ length: STEPS }, (_, i) => (
          <li key={i} aria-current={i + 1 === k ? 'step' : undefined} data-done={i + 1 < k}>
            {t(`fig.switch.s${i + 1}`)}
          </li>
        ))}
      </ol>
      <div className="fig-buttons">
        <button type="button" onClick={() => setK((v) => Math.max(0, v - 1))} disabled={k === 0}>
          ← {t('fig.switch.prev')}
        </button>
        <span aria-live="polite" className="fig-step-count">
          {t('fig.switch.step', { k, n: STEPS })}
        </span>
        {k < STEPS ? (
          <button
            type="button"
            className="lesson-primary"
            onClick={() => setK((v) => Math.min(STEPS, v + 1))}
          >
            {t('fig.switch.next')} →
          </button>
        ) : (
          <button type="button" onClick={() => setK(0)}>
            {t('fig.switch.restart')}
          </button>
        )}
      </div>
    </figure>
  );
}
