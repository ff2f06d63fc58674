/**
 * Registers the service worker that the build writes (tools/offline/sw-plugin.ts). Its URL is
 * relative to the site's base, so a site under a sub-path caches only its own files. Once the
 * worker is active, the page hands it the list of files it already loaded (the fonts of its
 * language, a page's code); when they are kept, `<html data-offline="ready">` says the site
 * will work without the network (OfflineMark.tsx shows it); on plain HTTP, `insecure` says why not.
 */
import { watchForUpdate } from './update.ts';
export function registerOffline(onUpdate?: () => void): void {
  // Plain HTTP (not localhost): browsers run no service worker there; the page says why (OfflineMark).
  if (!window.isSecureContext) document.documentElement.dataset.offline = 'insecure';
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // A new version taking over this page: the page says so (src/ui/share/update.ts).
  if (onUpdate) watchForUpdate(navigator.serviceWorker, onUpdate);
  const url = new URL(`${import.meta.env.BASE_URL}sw.js`, document.baseURI);
  const start = () => {
    navigator.serviceWorker
      .register(url.href)
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => new URL(u).origin === location.origin);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          document.documentElement.dataset.offline = 'ready';
        };
        reg.active?.postMessage({ type: 'iolab-keep', urls }, [channel.port2]);
      })
      .catch(() => undefined);
  };
  // After the page has drawn: the worker's precache must not compete with the first render.
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

/**
 * Asks the service worker to keep files fetched outside the page (the Python worker's script and
 * the interpreter, fetched on the playground's first run and never precached): the playground
 * then works offline. Nothing happens where there is no service worker.
 */
export function keepForOffline(urls: string[]): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || urls.length === 0) return;
  navigator.serviceWorker.ready
    .then((reg) => reg.active?.postMessage({ type: 'iolab-keep', urls }))
    .catch(() => undefined);
}
