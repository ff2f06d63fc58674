import { SCENARIOS } from '../scenarios/index.ts';
import { LANGS } from '../i18n/core.ts';
import { useLab, useT } from './hooks.ts';
import type { Theme } from '../store/lab.ts';

const THEMES: Theme[] = ['system', 'light', 'dark'];

/** Title, scenario picker, language and colour scheme. */
export function Header() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario);
  const theme = useLab((s) => s.theme);
  const selectScenario = useLab((s) => s.selectScenario);
  const setLang = useLab((s) => s.setLang);
  const setTheme = useLab((s) => s.setTheme);
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <span className="tagline">{t('app.tagline')}</span>
      <label>
        {t('app.scenario')}
        <select value={scenario.id} onChange={(e) => selectScenario(e.target.value)}>
          {SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.title[lang]}</option>)}
        </select>
      </label>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('app.language')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>{t(`app.language.${l}`)}</button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('app.theme')}>
          {THEMES.map((th) => (
            <button key={th} type="button" aria-pressed={theme === th} onClick={() => setTheme(th)}>{t(`app.theme.${th}`)}</button>
          ))}
        </div>
      </div>
    </header>
  );
}
