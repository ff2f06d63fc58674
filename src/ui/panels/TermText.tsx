/**
 * Narration text with its `code spans` (as RichText) and the first mention of each glossary term
 * linked to its entry (src/i18n/glossary-terms.ts). Code spans are never linked. The matcher is
 * a static import: the narration's sentences are a download after the first paint themselves
 * (src/ui/NarrationText.tsx), so the links come with the text.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../../i18n/core.ts';
import { glossaryHref, linkTerms } from '../../i18n/glossary-terms.ts';
import './term-text.css';

/** `used` is shared by the sentences of one narration, so a term is linked once in all. */
export function TermText({ text, lang, used }: { text: string; lang: Lang; used: Set<string> }): ReactNode {
  const parts = text.split('`');
  return parts.map((part, i) => {
    if (i % 2 === 1) return <code key={i}>{part}</code>;
    return linkTerms(part, lang, used).map((run, j) => (run.term
      ? <a key={`${i}.${j}`} className="gl-term" href={glossaryHref(run.term)} data-term={run.term}>{run.text}</a>
      : run.text));
  });
}

/** The same text without the backticks, for the screen-reader announcement. */
export function plainText(text: string): string {
  return text.split('`').join('');
}
