/**
 * The Python listings in the page's language: the comments in Chinese for a Chinese page (the same
 * code on the same lines, so a step highlights the same line), in English otherwise. The Chinese
 * text is downloaded when first needed, like the Chinese dictionaries: until it arrives, English.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { LISTINGS } from '../programs/listings.generated.ts';
import type { Listings } from '../programs/lines.ts';
import type { Lang } from '../i18n/index.ts';
import { useLab } from './hooks.ts';

let zh: Listings | null = null;
let pending: Promise<void> | null = null;
const listeners = new Set<() => void>();

function loadZh(): Promise<void> {
  pending ??= import('../programs/listings-zh.ts').then(
    (m) => {
      zh = m.LISTINGS_ZH;
      for (const fn of listeners) fn();
    },
    // Offline on a first visit: English comments now, another try on the next need.
    () => {
      pending = null;
    },
  );
  return pending;
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The listings for `lang` as far as they are loaded (English until the Chinese ones arrive). */
export function listingsFor(lang: Lang): Listings {
  return lang === 'zh' && zh !== null ? zh : LISTINGS;
}

/** The listings in the page's language; asks for the Chinese ones on a Chinese page. */
export function useListings(): Listings {
  const lang = useLab((s) => s.lang);
  const loaded = useSyncExternalStore(
    subscribe,
    () => zh,
    () => zh,
  );
  useEffect(() => {
    if (lang === 'zh' && loaded === null) void loadZh();
  }, [lang, loaded]);
  return lang === 'zh' && loaded !== null ? loaded : LISTINGS;
}
