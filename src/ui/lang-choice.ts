/**
 * The browser's side of the language choice (the order is src/store/lang.ts's): the switch's
 * choice is remembered for later visits (localStorage), a link's `lang=` for this tab's reloads
 * (sessionStorage). Storage may be refused (private modes, sandboxed frames): then nothing is
 * remembered, and nothing breaks.
 */
import { chooseLang } from '../store/lang.ts';
import type { Lang } from '../i18n/core.ts';

const SAVED = 'iolab.lang';
const TAB = 'iolab.lang.link';

/** Reads `key`, or writes `value` to it. */
function storage(kind: 'localStorage' | 'sessionStorage', key: string, value?: string): string | null {
  try {
    if (value === undefined) return window[kind].getItem(key);
    window[kind].setItem(key, value);
  } catch {
    /* refused: not remembered */
  }
  return null;
}

/** The language to draw the first frame in; a link's own `lang=` is kept for this tab. */
export function startingLang(link: Lang | null): Lang {
  const tab = storage('sessionStorage', TAB);
  if (link !== null) keepForTab(link);
  return chooseLang(link, tab, storage('localStorage', SAVED), navigator.languages);
}

/** A link opened in this tab asked for `lang`: reloads keep it. */
export function keepForTab(lang: Lang): void {
  storage('sessionStorage', TAB, lang);
}

/** The reader chose `lang` with the switch: later visits open in it, this tab's reloads too. */
export function rememberLang(lang: Lang): void {
  storage('localStorage', SAVED, lang);
  keepForTab(lang);
}

/** `<html lang>` for screen readers, fonts and line breaking. */
export function setDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
