/**
 * The Chinese listing comments, downloaded when a Chinese page first needs them. Kept apart from
 * listings.ts so that what only needs the Chinese ones (the narration, which quotes the English
 * listings by itself) does not bring the English listings into the first download.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Listings } from '../programs/lines.ts';
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

/** The Chinese listings once loaded, else null. */
export const loadedZhListings = (): Listings | null => zh;

/** The Chinese listings on a Chinese page once they arrived (asked for on a Chinese page), else undefined. */
export function useZhListings(): Listings | undefined {
  const lang = useLab((s) => s.lang);
  const loaded = useSyncExternalStore(
    subscribe,
    () => zh,
    () => zh,
  );
  useEffect(() => {
    if (lang === 'zh' && loaded === null) void loadZh();
  }, [lang, loaded]);
  return lang === 'zh' && loaded !== null ? loaded : undefined;
}
