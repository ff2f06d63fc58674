import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { ensureMessages } from './i18n/index.ts';
import { parseHash } from './store/url.ts';
import { findScenario } from './scenarios/index.ts';
import { loadChineseFonts } from './ui/document-settings.ts';
import { preloadLabParts } from './ui/lab-parts.ts';
import './ui/styles.css';

const { lang, page, embed, scenarioId, params } = parseHash(window.location.hash).location;
// A custom scenario too large for a link is named by its id alone: this browser may have kept it
// (src/ui/share/kept-db.ts). Look before the first render, so the store built from the address finds it.
if (page === 'lab' && scenarioId !== null && params.s === undefined && !findScenario(scenarioId)) {
  await import('./ui/share/kept-db.ts').then((m) => m.restoreKept(scenarioId), () => undefined);
}
// The lab's side panels are a download of their own: start it now, so it arrives while the
// first picture draws (an embedded lab shows none).
if (page === 'lab' && !embed) preloadLabParts(lang ?? 'en');
// A link in Chinese draws in Chinese from the first frame: fetch those words before drawing.
if (lang === 'zh') await Promise.all([ensureMessages(lang).catch(() => undefined), loadChineseFonts()]);

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);

// After the first visit the site works offline (production builds only: dev serves live files).
// Its code is not needed to draw, so it comes after.
if (import.meta.env.PROD) void import('./ui/share/offline.ts').then((m) => m.registerOffline(), () => undefined);
