/**
 * The narration's sentences for the current step (src/i18n/narrate.ts), with glossary links, and
 * the same words as plain text in a live region for screen readers. Loaded with the narration's
 * words just after the first paint (src/ui/Narration.tsx draws the panel around it at once).
 */
import { useMemo } from 'react';
import { narrate } from '../i18n/narrate.ts';
import { useLab, useRun, useView } from './hooks.ts';
import { plainText, TermText } from './panels/TermText.tsx';

export default function NarrationText() {
  const lang = useLab((s) => s.lang);
  const { run, index } = useRun();
  const { view, before, step } = useView();
  const n = useMemo(() => narrate(run, index, step, lang, { view, before }), [run, index, step, lang, view, before]);
  const used = new Set<string>();
  return (
    <>
      {/* Glossary terms are links; the announcement stays plain text, in its own live region. */}
      <div className="pn-narr-body" data-testid="narration">
        <p className="pn-narr-text"><TermText text={n.text} lang={lang} used={used} /></p>
        {n.detail && <p className="pn-narr-detail"><TermText text={n.detail} lang={lang} used={used} /></p>}
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration-live">
        {plainText(n.text)}{n.detail ? ` ${plainText(n.detail)}` : ''}
      </p>
    </>
  );
}
