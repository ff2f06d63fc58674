/**
 * The lab's side panels are a download of their own (code and words), after the first one.
 * main.tsx starts it before the first render, so it arrives while the stage draws instead of
 * after it.
 */
import { ensureMessages } from '../i18n/index.ts';
import type { Lang } from '../i18n/core.ts';
import { lazyModule } from './lazy-part.ts';

export const sidePanels = lazyModule(() => import('./side/SidePanels.tsx'));
export const SIDE_WORDS = ['side'] as const;

export function preloadLabParts(lang: Lang): void {
  sidePanels.preload();
  // A failure shows where the panels would be, when they are drawn.
  ensureMessages(lang, SIDE_WORDS).catch(() => undefined);
}
