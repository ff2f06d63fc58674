/**
 * Which language a visit starts in (pure; src/ui/lang-choice.ts reads the browser for it):
 * an explicit `lang=` in the link, else the language this tab was opened in by such a link
 * (so a reload keeps it, though the address bar no longer shows it), else the choice made with
 * the language switch (remembered), else the browser's languages: any Chinese one → Chinese.
 */
import { isLang, type Lang } from '../i18n/core.ts';

/** Any `zh*` among the browser's languages (zh, zh-CN, zh-Hant-TW…) → Chinese, else English. */
export function browserLang(languages: readonly string[]): Lang {
  return languages.some((l) => /^zh(?:-|$)/i.test(l)) ? 'zh' : 'en';
}

/**
 * link: `lang=` in the link being opened; tab: what this tab's last link with `lang=` asked for
 * (sessionStorage); saved: the language switch's remembered choice (localStorage) — anything
 * else in storage is ignored; browser: navigator.languages.
 */
export function chooseLang(
  link: Lang | null,
  tab: unknown,
  saved: unknown,
  browser: readonly string[],
): Lang {
  return link ?? (isLang(tab) ? tab : isLang(saved) ? saved : browserLang(browser));
}
