/**
 * Narration text with its `code spans` (as RichText) and the first mention of each glossary term
 * linked to its entry (src/i18n/glossary-terms.ts). Code spans are never linked.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import type { Lang } from '../../i18n/core.ts';
import type * as Glossary from '../../i18n/glossary-terms.ts';
import './term-text.css';

// The phrase matcher arrives just after the first paint: until then the text is shown unlinked
// (a link only adds a dotted underline, so nothing moves when the links appear).
let glossary: typeof Glossary | undefined;
let loading: Promise<void> | undefined;
const waiting = new Set<() => void>();
function subscribe(fn: () => void): () => void {
  waiting.add(fn);
  loading ??= import('../../i18n/glossary-terms.ts').then(
    (m) => {
      glossary = m;
      for (const f of waiting) f();
    },
    () => {
      loading = undefined;
    },
  );
  return () => waiting.delete(fn);
}
const useGlossary = () =>
  useSyncExternalStore(
    subscribe,
    () => glossary,
    () => glossary,
  );

/** `used` is shared by the sentences of one narration, so a term is linked once in all. */
export function TermText({ text, lang, used }: { text: string; lang: Lang; used: Set<string> }): ReactNode {
  const g = useGlossary();
  const parts = text.split('`');
  return parts.map((part, i) => {
    if (i % 2 === 1) return <code key={i}>{part}</code>;
    if (!g) return part;
    return g.linkTerms(part, lang, used).map((run, j) =>
      run.term ? (
        <a key={`${i}.${j}`} className="gl-term" href={g.glossaryHref(run.term)} data-term={run.term}>
          {run.text}
        </a>
      ) : (
        run.text
      ),
    );
  });
}

/** The same text without the backticks, for the screen-reader announcement. */
export function plainText(text: string): string {
  return text.split('`').join('');
}
