import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { ensureMessages } from './i18n/index.ts';
import { parseHash } from './store/url.ts';
import { findScenario } from './scenarios/index.ts';
import { loadChineseFonts } from './ui/document-settings.ts';
import { preloadLabParts } from './ui/lab-parts.ts';
import { preloadNarration } from './ui/narration-part.ts';
import { setDocumentLang, startingLang } from './ui/lang-choice.ts';
import { labStoreFromUrl } from './ui/url-sync.ts';
import { DEFAULT_SCENARIO, labTarget } from './store/lab.ts';
import { notRunNotice, prepareRun, runsAtOnce } from './ui/run-first.ts';
import { loadSimulation } from './runs/runs.ts';
// Before the store: the default scenario's run, made when the site was built.
import './runs/first-run.ts';
import { reloadOnStaleChunks, showUpdatePrompt } from './ui/share/update.ts';
import './ui/styles.css';

// A chunk of an older deploy that is gone reloads the page once into the new version.
reloadOnStaleChunks();

const { lang: linked, page, embed, scenarioId, params } = parseHash(window.location.hash).location;
// The link's `lang=`, else this tab's, else the switch's remembered choice, else the browser's.
const lang = startingLang(linked);
// The narration's code and words are a download of their own: started first, they arrive while
// the stage draws (the caption fills in then), instead of making the first picture wait.
const narration = preloadNarration(lang);
// A custom scenario too large for a link is named by its id alone: this browser may have kept it
// (src/ui/share/kept-db.ts). Look before the first render, so the store built from the address finds it.
if (page === 'lab' && scenarioId !== null && params.s === undefined && !findScenario(scenarioId)) {
  await import('./ui/share/kept-db.ts').then(
    (m) => m.restoreKept(scenarioId),
    () => undefined,
  );
}
// The lab's side panels are a download of their own: start it now, so it arrives while the
// first picture draws (an embedded lab shows none).
if (page === 'lab' && !embed) preloadLabParts(lang);
// Chinese draws in Chinese from the first frame: fetch its words and font faces before drawing
// (the narration comes meanwhile: the first picture has its caption too).
// (Should the words not come, the store says so and the page draws in English.)
if (lang === 'zh')
  await Promise.all([ensureMessages(lang).catch(() => undefined), loadChineseFonts(), narration]);
setDocumentLang(lang);

// A scenario that is neither shipped nor run yet (a link's `s=`, one kept in this browser) runs in
// the simulation worker, behind a "Simulating…" panel with a Cancel: never here, before the first paint.
let notRun: ReturnType<typeof notRunNotice> | null = null;
if (page === 'lab') {
  const target = labTarget(DEFAULT_SCENARIO, parseHash(window.location.hash).location);
  if (!runsAtOnce(target.scenario, target.seed)) {
    const prepared = await prepareRun(target.scenario, target.seed, lang, { ask: true });
    if (!prepared.ok) {
      // The lab opens on the default scenario; the link stays one Back away.
      window.history.pushState(null, '', '#/');
      notRun = notRunNotice(target.scenario, lang, prepared, DEFAULT_SCENARIO.title[lang]);
    }
  }
}

const root = document.getElementById('root');
const store = labStoreFromUrl(lang);
if (notRun) store.getState().notify(notRun);
if (root)
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );

// The simulation (the kernel, the server programs) comes right after the first paint: the first
// picture draws from the default scenario's run made when the site was built (src/runs/runs.ts).
requestAnimationFrame(() => setTimeout(() => void loadSimulation().catch(() => undefined)));

// After the first visit the site works offline (production builds only: dev serves live files).
// Its code is not needed to draw, so it comes after.
if (import.meta.env.PROD)
  void import('./ui/share/offline.ts').then(
    (m) => m.registerOffline(() => showUpdatePrompt(store.getState().lang)),
    () => undefined,
  );
