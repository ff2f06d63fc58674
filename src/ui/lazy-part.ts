/**
 * Parts of a page whose code and words are separate downloads, fetched when first drawn (the
 * first download stays small): the other pages and the lab's side panels.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
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
    ensureMessages(lang, pages).then(
      () => {
        if (live) setState({ key, ready: true });
      },
      () => {
        if (live) setState({ key, ready: 'failed' });
      },
    );
    return () => {
      live = false;
    };
    // pages is a constant of the caller's
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready]);
  return ready || (state.key === key ? state.ready : false);
}

export type LazyState<M> = { state: 'waiting' } | { state: 'failed' } | { state: 'ready'; module: M };

export interface LazyModule<M> {
  /** The module's state, for a component: re-renders when it arrives (preload starts it). */
  useModule(): LazyState<M>;
  /** Starts the download now (before anything draws it); a failed one is retried on next use. */
  preload(): void;
  /** Resolves when the download has ended (arrived or failed); starts it if need be. */
  loaded(): Promise<void>;
}

/**
 * A module fetched when asked (preload), for a part drawn as soon as it arrives. React.lazy
 * with Suspense would do, but React holds a resolved Suspense boundary back for up to 300 ms to
 * batch reveals: measured, a part that had arrived with the stage was drawn up to 0.3 s after it.
 */
/**
 * A chunk that failed to load is, after a deploy, a chunk of the old version: say so the way Vite
 * does for its own preloads (`vite:preloadError`), so share/update.ts reloads the page once.
 * Not every lazy import goes through Vite's preload helper (one with nothing to preload does not).
 */
function staleChunk(error: unknown): void {
  if (typeof window === 'undefined') return;
  const event = new Event('vite:preloadError', { cancelable: true }) as Event & { payload?: unknown };
  event.payload = error;
  window.dispatchEvent(event);
}

export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let state: LazyState<M> = { state: 'waiting' };
  let started = false;
  let ended: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();
  const preload = () => {
    if (started && state.state !== 'failed') return;
    const retry = started;
    started = true;
    state = { state: 'waiting' };
    if (retry) for (const fn of listeners) fn();
    ended = load()
      .then(
        (module) => {
          state = { state: 'ready', module };
        },
        (error: unknown) => {
          state = { state: 'failed' };
          staleChunk(error);
        },
      )
      .finally(() => {
        for (const fn of listeners) fn();
      });
  };
  const subscribe = (fn: () => void) => {
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  };
  const snapshot = () => state;
  return {
    preload,
    loaded: () => {
      preload();
      return ended;
    },
    useModule: () => useSyncExternalStore(subscribe, snapshot, snapshot),
  };
}

/**
 * A part drawn once its words and its code are here: starts both downloads on first render and
 * gives its module when to draw it. Once drawn it stays while another language's words load (the
 * store switches language only when they are here, and English fills any gap).
 */
export function useLazyPart<M>(lang: Lang, words: readonly string[], part: LazyModule<M>): LazyState<M> {
  const ready = usePageMessages(lang, words);
  useEffect(() => {
    part.preload();
  }, [part]);
  const code = part.useModule();
  const [shown, setShown] = useState(false);
  if (ready === true && code.state === 'ready' && !shown) setShown(true);
  if (code.state === 'failed' || (ready === 'failed' && !shown)) return { state: 'failed' };
  return shown || ready === true ? code : { state: 'waiting' };
}
