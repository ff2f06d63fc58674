import { SCENARIOS } from '../scenarios/index.ts';
import { MODELS } from '../programs/models.ts';
import { LANGS } from '../i18n/core.ts';
import { useLab, useT } from './hooks.ts';
import type { Theme } from '../store/lab.ts';
import { PAGE_VIEWS } from './pages.ts';
import { labHash } from './lab-link.ts';
import { changedShipped } from '../scenarios/link.ts';
import { baseOf } from '../scenarios/student.ts';
import { rememberLang } from './lang-choice.ts';
import { OfflineMark } from './share/OfflineMark.tsx';

const THEMES: Theme[] = ['system', 'light', 'dark'];

/** Title, the pages, the scenario picker (in the lab), language and colour scheme. */
export function Header() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario);
  const theme = useLab((s) => s.theme);
  const selectScenario = useLab((s) => s.selectScenario);
  const setLang = useLab((s) => s.setLang);
  const setTheme = useLab((s) => s.setTheme);
  const page = useLab((s) => s.page);
  const shipped = SCENARIOS.some((s) => s.id === scenario.id);
  // A shipped id with changed contents is not the shipped scenario: its own entry says so.
  const modified = useLab((s) => changedShipped(baseOf(s.scenario)) !== undefined);
  const labHref = useLab(labHash);
  const pages = Object.entries(PAGE_VIEWS).filter(([, def]) => def.inNav);
  return (
    <header className="app-header">
      <h1>
        <a href={labHref} className="home-link">
          {t('app.title')}
        </a>
      </h1>
      <nav aria-label={t('app.nav')} className="app-nav">
        <a href={labHref} aria-current={page === 'lab' ? 'page' : undefined}>
          {t('nav.lab')}
        </a>
        {pages.map(([id, def]) => (
          <a
            key={id}
            href={`#/${id}`}
            aria-current={page === id || (id === 'lessons' && page === 'lesson') ? 'page' : undefined}
          >
            {t(def.nav)}
          </a>
        ))}
      </nav>
      {page === 'lab' ? (
        <label>
          {t('app.scenario')}
          <select
            className={modified ? 'is-modified' : undefined}
            value={modified ? '' : scenario.id}
            onChange={(e) => {
              if (e.target.value !== '') selectScenario(e.target.value);
            }}
          >
            {modified ? (
              <option value="">{t('app.scenario.modified', { title: scenario.title[lang] })}</option>
            ) : null}
            {shipped ? null : <option value={scenario.id}>{scenario.title[lang]}</option>}
            {/* In teaching order: grouped by I/O model, the models in the course's order. */}
            {MODELS.map((m) => {
              const group = SCENARIOS.filter((s) => s.model === m);
              return group.length === 0 ? null : (
                <optgroup key={m} label={t(`app.scenario.group.${m}`)}>
                  {group.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title[lang]}
                    </option>
                  ))}
                </optgroup>
              );
            })}
            {SCENARIOS.filter((s) => !(MODELS as readonly string[]).includes(s.model)).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[lang]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="tagline">{t('app.tagline')}</span>
      )}
      <div className="toolbar">
        <OfflineMark />
        <div className="segmented" role="group" aria-label={t('app.language')}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={lang === l}
              onClick={() => {
                rememberLang(l);
                setLang(l);
              }}
            >
              {t(`app.language.${l}`)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('app.theme')}>
          {THEMES.map((th) => (
            <button key={th} type="button" aria-pressed={theme === th} onClick={() => setTheme(th)}>
              {t(`app.theme.${th}`)}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
