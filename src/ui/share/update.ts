/**
 * After a deploy. The service worker (tools/offline/sw-plugin.ts) installs a new version and takes
 * over at once; the page still runs the old code, so it says "A new version of IO Lab is ready —
 * Reload" (never on a first visit, when the worker taking control is not a new version). And a
 * chunk of the old version that is gone from the server (a 404 after the deploy) reloads the page
 * once into the new version (Vite's `vite:preloadError`), instead of "are you offline?".
 */
import { translate } from '../../i18n/index.ts';
import type { Lang } from '../../i18n/core.ts';

export interface ControllerEvents {
  readonly controller: unknown;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

/** Calls `onUpdate` once when a new worker takes over a page an older one controlled. */
export function watchForUpdate(sw: ControllerEvents, onUpdate: () => void): void {
  if (!sw.controller) return;
  let told = false;
  sw.addEventListener('controllerchange', () => {
    if (told) return;
    told = true;
    onUpdate();
  });
}

/** The prompt (plain DOM, above whatever page is open). */
export function showUpdatePrompt(lang: Lang): void {
  if (document.querySelector('.update-prompt')) return;
  const bar = document.createElement('div');
  bar.className = 'update-prompt';
  bar.setAttribute('role', 'status');
  bar.dataset.testid = 'update-prompt';
  const text = document.createElement('span');
  text.textContent = translate(lang, 'app.update.ready');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = translate(lang, 'app.update.reload');
  reload.addEventListener('click', () => window.location.reload());
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = translate(lang, 'app.notice.dismiss');
  later.addEventListener('click', () => bar.remove());
  bar.append(text, reload, later);
  document.body.append(bar);
}

const KEY = 'iolab-stale-chunk-reload';
/** A second failure this soon after a reload is a chunk really missing (or no network): the page says so. */
export const RELOAD_AGAIN_AFTER_MS = 60_000;

/** Reloads for a chunk that failed to load, unless it did so moments ago; true when it reloads. */
export function reloadForStaleChunk(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  nowMs: number,
  reload: () => void,
): boolean {
  const last = Number(storage.getItem(KEY) ?? '0');
  if (nowMs - last < RELOAD_AGAIN_AFTER_MS) return false;
  storage.setItem(KEY, String(nowMs));
  reload();
  return true;
}

/** Listens for Vite's preload errors: the first reloads the page into the deployed version. */
export function reloadOnStaleChunks(): void {
  window.addEventListener('vite:preloadError', (event) => {
    try {
      if (reloadForStaleChunk(window.sessionStorage, Date.now(), () => window.location.reload()))
        event.preventDefault();
    } catch {
      /* no session storage: the page's own "could not be loaded" message stands */
    }
  });
}
