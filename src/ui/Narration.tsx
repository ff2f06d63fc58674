/**
 * What just happened, in one or two plain sentences (src/narration), with where it happened
 * (Python, a system call, the kernel, the network…), the step number and the virtual time.
 * The sentences' code and words are a download of their own (narration-part.ts): the head and
 * the stage draw first, the sentences as soon as they are here.
 */
import { useMemo } from 'react';
import { formatNumber, positionOf } from './controls/position.ts';
import { useZhListings } from './listings-zh-state.ts';
import { useVisibleSteps } from './controls/use-visible.ts';
import type { TraceEvent } from '../kernel/types.ts';
import type { TraceIndex } from '../kernel/trace-index.ts';
import { useLab, useRun, useT, useView } from './hooks.ts';
import { useLazyPart } from './lazy-part.ts';
import { NARRATION_WORDS, narrationPart } from './narration-part.ts';
import { plainText, TermText } from './text/TermText.tsx';
import './panels.css';

type Where = 'start' | 'python' | 'syscall' | 'kernel' | 'network' | 'client' | 'operator' | 'error' | 'end';

/** Where the step's main event happens, for the coloured chip. */
export function whereOf(index: TraceIndex, step: number): Where {
  if (step === 0) return 'start';
  const from = index.stepStart[step]!;
  const ev: TraceEvent = index.trace[from]!;
  switch (ev.type) {
    case 'py': {
      const next = index.trace[from + 1];
      const end = step + 1 < index.stepStart.length ? index.stepStart[step + 1]! : index.trace.length;
      return next && from + 1 < end && next.type === 'sys.enter' ? 'syscall' : 'python';
    }
    case 'sys.enter':
    case 'sys.exit':
      return 'syscall';
    case 'net.packet':
      return 'network';
    case 'client.reply':
    case 'client.connected':
    case 'client.retry':
    case 'client.eof':
      return 'client';
    case 'stdin.line':
      return 'operator';
    case 'error':
      return 'error';
    case 'stop':
      return 'end';
    default:
      return 'kernel';
  }
}

export function Narration() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const { run, index } = useRun();
  const { view, before, step } = useView();
  const part = useLazyPart(lang, NARRATION_WORDS, narrationPart);
  const narrate = part.state === 'ready' ? part.module.narrate : null;
  // English listings are the narration's own default: only the Chinese ones are passed.
  const listings = useZhListings();
  const n = useMemo(
    () => narrate?.(run, index, step, lang, { view, before }, listings) ?? null,
    [narrate, run, index, step, lang, view, before, listings],
  );
  const visible = useVisibleSteps();

  const lo = positionOf(visible, step);
  const tNs = index.steps > 0 ? index.trace[index.stepStart[Math.min(step, index.steps - 1)]!]!.t : 0;
  const ms = formatNumber(tNs / 1e6, lang, 3);
  const where = index.steps > 0 ? whereOf(index, Math.min(step, index.steps - 1)) : 'start';
  const used = new Set<string>();

  return (
    <section className="panel pn-panel pn-narration" aria-label={t('app.panel.narration')}>
      <div className="pn-head pn-narr-head">
        <h2>{t('app.panel.narration')}</h2>
        <span className="pn-where" data-where={where}>
          {t(`panels.where.${where}`)}
        </span>
        <span className="pn-narr-pos">
          <span data-testid="narration-step">
            {t('panels.narr.step', { k: formatNumber(lo + 1, lang), n: formatNumber(visible.length, lang) })}
          </span>
          {' · '}
          <span data-testid="narration-time">{t('panels.narr.time', { ms })}</span>
        </span>
      </div>
      {/* Glossary terms are links; the announcement stays plain text, in its own live region. */}
      <div className="pn-narr-body" data-testid="narration" aria-busy={n === null}>
        <p className="pn-narr-text" role={part.state === 'failed' ? 'alert' : undefined}>
          {n ? (
            <TermText text={n.text} lang={lang} used={used} />
          ) : (
            part.state === 'failed' && t('app.narr.failed')
          )}
        </p>
        {n?.detail && (
          <p className="pn-narr-detail">
            <TermText text={n.detail} lang={lang} used={used} />
          </p>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration-live">
        {n && plainText(n.text)}
        {n?.detail ? ` ${plainText(n.detail)}` : ''}
      </p>
    </section>
  );
}
