import { useEffect } from 'react';
import { useLab } from './hooks.ts';

/** The page's language (for screen readers and fonts) and colour scheme follow the store. */
export function useDocumentSettings(): void {
  const lang = useLab((s) => s.lang);
  const theme = useLab((s) => s.theme);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.documentElement.dataset.theme = theme;
  }, [lang, theme]);
}
