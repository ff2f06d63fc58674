import { useEffect } from 'react';
import { useLabApi } from './hooks.ts';
import { formatHash, parseHash } from '../store/url.ts';

/** Keeps `location.hash` and the store in step: a reload or a shared link shows the same moment. */
export function useUrlSync(): void {
  const api = useLabApi();
  useEffect(() => {
    const read = () => {
      const { location, notices } = parseHash(window.location.hash);
      api.getState().applyLocation(location, notices);
    };
    if (window.location.hash) read();
    const write = () => {
      const s = api.getState();
      const hash = formatHash({
        page: s.page, arg: s.pageArg, params: s.pageParams, embed: s.embed,
        scenarioId: s.scenario.id, seed: s.page !== 'lab' || s.seed === s.scenario.seed ? null : s.seed, step: s.step, lang: s.lang,
      });
      if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
    };
    write();
    const unsubscribe = api.subscribe(write);
    const onHash = () => read();
    window.addEventListener('hashchange', onHash);
    return () => { unsubscribe(); window.removeEventListener('hashchange', onHash); };
  }, [api]);
}
