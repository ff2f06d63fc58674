import { useEffect } from 'react';
import { useLabApi } from './hooks.ts';
import { formatHash, parseHash } from '../store/url.ts';
import { scenarioLinkParam, tooBigForLink } from '../scenarios/link.ts';
import { additionsOf, baseOf } from '../scenarios/student.ts';
import type { Scenario } from '../scenarios/format.ts';
import { createLabStore, labTarget, type LabState, type LabStoreApi } from '../store/lab.ts';
import { notRunNotice, prepareRun, runsAtOnce } from './run-first.ts';
import type { Lang } from '../i18n/core.ts';
import { keepForTab } from './lang-choice.ts';
import { writeViewParams } from '../store/view-params.ts';

/** The hash each store was built from (labStoreFromUrl), so the sync does not apply it twice. */
const builtFrom = new WeakMap<LabStoreApi, string>();

/**
 * A store that already shows what the URL asks for, in the language chosen for this visit, so the first render is the link's moment:
 * not the default scenario drawn, then replaced (and, in an embedded lab, no side panels
 * mounted for a frame and fetched for nothing).
 */
export function labStoreFromUrl(lang: Lang = 'en'): LabStoreApi {
  const store = createLabStore();
  // At once when its words are here (main.tsx fetched them), else a notice that they did not come.
  store.getState().setLang(lang);
  const hash = window.location.hash;
  if (hash) {
    const { location, notices } = parseHash(hash);
    store.getState().applyLocation(location, notices);
    builtFrom.set(store, hash);
  }
  return store;
}

/**
 * The lab's parameters follow its scenario: `s=` (written by formatHash) is the scenario before the
 * student's additions, and `add=` only while the scenario has additions (a scenario opened from a
 * file or the editor has none, whatever `add` was before).
 */
function labParams(scenario: Scenario, params: Record<string, string>): Record<string, string> {
  const { s: _s, add, ...rest } = params;
  return add !== undefined && additionsOf(scenario).length > 0 ? { add, ...rest } : rest;
}

/** The lab's `s=`: none for a shipped scenario; none either past what a link may carry (the reader would refuse it; this browser keeps it: share/keep-large.ts). */
function carried(scenario: Scenario): string | null {
  const base = baseOf(scenario);
  return tooBigForLink(base) ? null : scenarioLinkParam(base);
}

/**
 * The hash that reproduces what the store shows, but for its language: a link opens in the
 * reader's language (a reload in the one remembered), unless the sender asks for a link in theirs.
 */
export function hashOf(s: LabState): string {
  return formatHash({
    page: s.page,
    arg: s.pageArg,
    params:
      s.page === 'lab' ? { ...labParams(s.scenario, s.pageParams), ...writeViewParams(s) } : s.pageParams,
    embed: s.embed,
    scenarioId: s.scenario.id,
    seed: s.page !== 'lab' || s.seed === s.scenario.seed ? null : s.seed,
    step: s.step,
    scenario: s.page === 'lab' ? carried(s.scenario) : null,
  });
}

/** Keeps `location.hash` and the store in step: a reload or a shared link shows the same moment. */
export function useUrlSync(): void {
  const api = useLabApi();
  useEffect(() => {
    // The address this page last read or wrote: when `location.hash` differs, someone navigated
    // (a link, Back, the address bar) and its hashchange is on its way; a step's deferred write
    // must not replace that address with the old page's.
    let known = window.location.hash;
    const read = () => {
      const hash = window.location.hash;
      known = hash;
      const { location, notices } = parseHash(hash);
      if (location.lang !== null) keepForTab(location.lang);
      const st = api.getState();
      const target = location.page === 'lab' ? labTarget(st.scenario, location) : null;
      if (!target || runsAtOnce(target.scenario, target.seed)) {
        st.applyLocation(location, notices);
        return;
      }
      // A scenario not run yet runs in the simulation worker first (src/ui/simulating.ts).
      void prepareRun(target.scenario, target.seed, st.lang, { ask: true }).then((prepared) => {
        if (window.location.hash !== hash) return; // the reader went elsewhere meanwhile
        if (prepared.ok) {
          api.getState().applyLocation(location, notices);
          return;
        }
        const now = api.getState();
        now.notify(notRunNotice(target.scenario, now.lang, prepared, now.scenario.title[now.lang]));
        write();
      });
    };
    if (window.location.hash && builtFrom.get(api) !== window.location.hash) read();
    const write = () => {
      if (window.location.hash !== known) return;
      const hash = hashOf(api.getState());
      if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
      known = window.location.hash;
    };
    write();
    // While playing, the URL follows a few times a second, not on every step (replaceState costs
    // a frame's worth of time at 16 steps/s); when paused, just after the step's frame is painted
    // (not in the key press's task: the step is drawn first).
    let timer = 0;
    let frame = 0;
    const sync = () => {
      if (api.getState().playing) {
        if (!timer && !frame)
          timer = window.setTimeout(() => {
            timer = 0;
            write();
          }, 300);
        return;
      }
      if (frame) return; // a write is on its way, and writes what the store holds then
      if (timer) {
        window.clearTimeout(timer);
        timer = 0;
      }
      frame = window.requestAnimationFrame(() => {
        timer = window.setTimeout(() => {
          timer = 0;
          frame = 0;
          write();
        }, 0);
      });
    };
    const unsubscribe = api.subscribe(sync);
    const onHash = () => read();
    window.addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      window.cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', onHash);
    };
  }, [api]);
}
