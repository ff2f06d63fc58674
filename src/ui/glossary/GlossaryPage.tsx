/**
 * The glossary: every term IO Lab uses, grouped, each with an anchor. `#/glossary?term=<id>`
 * scrolls to the entry and highlights it; the narration links its terms here.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLab, useLabApi, useT } from '../hooks.ts';
import { GLOSSARY_IDS, GLOSSARY_TERMS, glossaryHref, type GlossaryTerm } from '../../i18n/glossary-terms.ts';
import './glossary.css';

const GROUPS: GlossaryTerm['group'][] = ['files', 'kernel', 'errors', 'readiness', 'python'];

/** A definition's `code spans` as <code> (names from programs and the kernel, kept as they are). */
function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export default function GlossaryPage() {
  const t = useT();
  const api = useLabApi();
  const param = useLab((s) => s.pageParams.term);
  const term = param !== undefined && GLOSSARY_IDS.has(param) ? param : null;
  const [query, setQuery] = useState('');
  const warned = useRef<string | null>(null);

  // An unknown term: say so once, and drop it from the URL.
  useEffect(() => {
    if (param === undefined || term !== null || warned.current === param) return;
    warned.current = param;
    const s = api.getState();
    s.notify({ key: 'glossary.notice.unknown', params: { term: param.slice(0, 60) } });
    const rest = { ...s.pageParams };
    delete rest.term;
    s.setPageParams(rest);
  }, [api, param, term]);

  // A chosen term: clear the filter so it shows, then scroll it into view.
  useEffect(() => {
    if (term === null) return;
    setQuery('');
    const el = document.getElementById(`glossary-${term}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [term]);

  const q = query.trim().toLowerCase();
  const shown = useMemo(
    () =>
      GLOSSARY_TERMS.filter(
        (x) =>
          !q ||
          `${t(`glossary.term.${x.id}`)} ${t(`glossary.def.${x.id}`)} ${x.id}`.toLowerCase().includes(q),
      ),
    [q, t],
  );

  return (
    <article className="page page-glossary">
      <h2>{t('glossary.title')}</h2>
      <p>{t('glossary.intro')}</p>
      <div className="gl-filter" role="search">
        <label htmlFor="gl-filter">{t('glossary.filter')}</label>
        <input id="gl-filter" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="gl-count" aria-live="polite">
          {t('glossary.count', { n: shown.length, total: GLOSSARY_TERMS.length })}
        </span>
      </div>
      {shown.length === 0 ? <p>{t('glossary.none', { q: query })}</p> : null}
      {GROUPS.map((group) => {
        const terms = shown.filter((x) => x.group === group);
        if (terms.length === 0) return null;
        return (
          <section key={group} className="gl-group" aria-labelledby={`gl-group-${group}`}>
            <h3 id={`gl-group-${group}`}>{t(`glossary.group.${group}`)}</h3>
            <ul className="gl-list">
              {terms.map((x) => (
                <li
                  key={x.id}
                  id={`glossary-${x.id}`}
                  className="gl-entry"
                  data-term={x.id}
                  data-highlight={x.id === term ? 'true' : undefined}
                  tabIndex={-1}
                  aria-current={x.id === term ? 'true' : undefined}
                >
                  <h4>
                    <span>{t(`glossary.term.${x.id}`)}</span>
                    <a
                      className="gl-anchor"
                      href={glossaryHref(x.id)}
                      aria-label={`${t('glossary.link')}: ${t(`glossary.term.${x.id}`)}`}
                    >
                      #
                    </a>
                  </h4>
                  <p>{withCode(t(`glossary.def.${x.id}`))}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
