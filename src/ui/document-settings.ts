import { useEffect } from 'react';
import { useLab } from './hooks.ts';
import { setDocumentLang } from './lang-choice.ts';

/** The page's language (for screen readers and fonts) and colour scheme follow the store. */
export function useDocumentSettings(): void {
  const lang = useLab((s) => s.lang);
  const theme = useLab((s) => s.theme);
  useEffect(() => {
    if (lang === 'zh') void loadChineseFonts();
    setDocumentLang(lang);
    document.documentElement.dataset.theme = theme;
  }, [lang, theme]);
}

/** The Chinese faces' stylesheet, fetched once, the first time the page shows Chinese. */
export function loadChineseFonts(): Promise<unknown> {
  return import('./fonts-zh.css').catch(() => undefined);
}
