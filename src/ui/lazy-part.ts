/**
 * Parts of a page whose code and words are separate downloads, fetched when first drawn (the
 * first download stays small): the other pages, the lab's side panels, the narration's sentence.
 */
import { useEffect, useState } from 'react';
import { ensureMessages, messagesReady } from '../i18n/index.ts';
import type { Lang } from '../i18n/core.ts';

/** Loads page message files in `lang` (and English): true when ready, 'failed' when a download failed. */
export function usePageMessages(lang: Lang, pages: readonly string[]): boolean | 'failed' {
  const [state, setState] = useState<{ key: string; ready: boolean | 'failed' }>({ key: '', ready: false });
  const key = `${lang}:${pages.join(',')}`;
  const ready = messagesReady(lang, pages);
  useEffect(() => {
    if (ready) return;
    let live = true;
    ensureMessages(lang, pages).then(() => { if (live) setState({ key, ready: true }); }, () => { if (live) setState({ key, ready: 'failed' }); });
    return () => { live = false; };
    // pages is a constant of the caller's
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready]);
  return ready || (state.key === key ? state.ready : false);
}

/**
 * A part drawn once its words and its code are here: starts both downloads on first render and
 * says whether to draw it. Once drawn it stays while another language's words load (the store
 * switches language only when they are here, and English fills any gap).
 */
export function useLazyPart(lang: Lang, words: readonly string[], loadCode: () => Promise<unknown>): boolean | 'failed' {
  const ready = usePageMessages(lang, words);
  // The code comes while the words do.
  useEffect(() => { void loadCode().catch(() => undefined); }, [loadCode]);
  const [shown, setShown] = useState(false);
  if (ready === true && !shown) setShown(true);
  return shown || ready;
}
