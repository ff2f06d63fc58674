/**
 * The narration's code and words (src/narration, i18n `narration`) are a download of their own,
 * started by main.tsx before the first render: the stage draws without waiting for them, and the
 * caption fills in as soon as they are here (in English a frame or so later; a Chinese page
 * waits for its words anyway, and these come with them).
 */
import { ensureMessages } from '../i18n/index.ts';
import type { Lang } from '../i18n/core.ts';
import { lazyModule } from './lazy-part.ts';

export const narrationPart = lazyModule(() => import('../narration/index.ts'));
export const NARRATION_WORDS = ['narration'] as const;

/** Starts both downloads; resolves when both are here (never rejects: a failure shows where the caption would be). */
export function preloadNarration(lang: Lang): Promise<void> {
  narrationPart.preload();
  return Promise.all([ensureMessages(lang, NARRATION_WORDS), narrationPart.loaded()]).then(
    () => undefined,
    () => undefined,
  );
}
