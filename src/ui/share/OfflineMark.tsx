import { useSyncExternalStore } from 'react';
import { useT } from '../hooks.ts';

/** What offline.ts wrote on `<html data-offline>`: `ready`, `insecure`, or nothing yet. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-offline'] });
  return () => observer.disconnect();
}
const offlineState = () => document.documentElement.dataset.offline;

/**
 * A small mark once the service worker has kept the site ("Available offline"), or, where no
 * service worker can run (plain HTTP, not localhost), one line saying why there is no offline copy.
 */
export function OfflineMark() {
  const t = useT();
  const state = useSyncExternalStore(subscribe, offlineState, () => undefined);
  if (state !== 'ready' && state !== 'insecure') return null;
  return (
    <span className={`offline-mark is-${state}`} role="status" title={t(`app.offline.${state}.title`)}>
      {state === 'ready' ? <span aria-hidden="true">✓ </span> : null}
      {t(`app.offline.${state}`)}
    </span>
  );
}
