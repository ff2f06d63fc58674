/**
 * The server's Python listing, lightly coloured, with a tag on the line each live thread is on;
 * the panel follows the most recently active thread. A second tab shows the clients' script.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { programText } from '../../programs/lines.ts';
import type { ThreadView } from '../../kernel/view.ts';
import { useRun, useT, useView, type T } from '../hooks.ts';
import { tokenizePython } from './python-tokens.ts';
import { CODE_LANG, commentLang } from './listing-lang.tsx';
import { useListings } from '../listings.ts';
import { ClientScript } from './ClientScript.tsx';
import { RichText } from '../text/rich-text.tsx';
import { useKeepInView } from './scroll.ts';
import { activeThread, mainPidOf, threadTag } from './threads.ts';
import '../panels.css';

type Tab = 'server' | 'clients';

export function CodePanel() {
  const t = useT();
  const { run, index } = useRun();
  const { view, step } = useView();
  const [tab, setTab] = useState<Tab>('server');
  const listings = useListings();

  const lines = useMemo(() => {
    const all = programText(run, listings).split('\n');
    if (all[all.length - 1] === '') all.pop();
    return all;
  }, [run, listings]);

  const mainPid = mainPidOf(view);
  const active = useMemo(() => activeThread(index, step, view), [index, step, view]);
  const byLine = useMemo(() => {
    const map = new Map<number, ThreadView[]>();
    for (const th of Object.values(view.threads)) {
      if (th.state === 'exited' || th.line <= 0) continue;
      const list = map.get(th.line) ?? [];
      list.push(th);
      map.set(th.line, list);
    }
    return map;
  }, [view]);
  const currentLine = active !== null ? (view.threads[active]?.line ?? 0) : 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  useKeepInView(
    scrollRef,
    tab === 'server' && currentLine > 0 ? `[data-line="${currentLine}"]` : null,
    'third',
    [currentLine, step, tab],
  );

  const file = `${run.listing ?? 'server'}.py`;
  const tabId = (which: Tab) => `pn-code-tab-${which}`;
  return (
    <section className="panel pn-panel pn-code-panel" aria-label={t('app.panel.code')}>
      <div className="pn-head">
        <h2>{t('app.panel.code')}</h2>
        <div className="pn-tabs" role="tablist" aria-label={t('panels.code.tabs')}>
          {(['server', 'clients'] as Tab[]).map((which) => (
            <button
              key={which}
              id={tabId(which)}
              type="button"
              role="tab"
              aria-selected={tab === which}
              aria-controls={`pn-code-panel-${which}`}
              tabIndex={tab === which ? 0 : -1}
              onClick={() => setTab(which)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  e.preventDefault();
                  const next: Tab = which === 'server' ? 'clients' : 'server';
                  setTab(next);
                  document.getElementById(tabId(next))?.focus();
                }
              }}
            >
              {which === 'server' ? t('panels.code.tab.server', { file }) : t('panels.code.tab.clients')}
            </button>
          ))}
        </div>
      </div>
      {tab === 'server' ? (
        <div
          id="pn-code-panel-server"
          role="tabpanel"
          aria-labelledby={tabId('server')}
          className="pn-tabpanel"
        >
          {run.listing !== null && run.listing !== 'async_io' ? (
            <p className="pn-note pn-playground">
              <a href={`#/playground?listing=${run.listing}`} data-testid="open-in-playground">
                {t('panels.code.playground')}
              </a>
            </p>
          ) : null}
          {run.listing === 'async_io' && (
            <p className="pn-note" data-testid="illustrative-note">
              <RichText text={t('panels.code.illustrative')} />
            </p>
          )}
          <div
            className="pn-scroll pn-code-scroll"
            ref={scrollRef}
            tabIndex={0}
            aria-label={t('panels.code.listing')}
          >
            <div className="pn-code" {...CODE_LANG}>
              {lines.map((text, i) => (
                <CodeLine
                  key={i}
                  n={i + 1}
                  text={text}
                  threads={byLine.get(i + 1)}
                  current={currentLine === i + 1}
                  mainPid={mainPid}
                  active={active}
                  t={t}
                />
              ))}
            </div>
          </div>
          <p className="pn-legend" aria-hidden="true">
            {t('panels.code.legend')}
          </p>
        </div>
      ) : (
        <div
          id="pn-code-panel-clients"
          role="tabpanel"
          aria-labelledby={tabId('clients')}
          className="pn-tabpanel pn-scroll pn-clients-scroll"
        >
          <ClientScript view={view} />
        </div>
      )}
    </section>
  );
}

const GLYPH: Record<ThreadView['state'], string> = { running: '▶', ready: '◇', blocked: 'zz', exited: '✓' };

interface LineProps {
  n: number;
  text: string;
  threads: ThreadView[] | undefined;
  current: boolean;
  mainPid: number;
  active: number | null;
  t: T;
}

const CodeLine = memo(function CodeLine({ n, text, threads, current, mainPid, active, t }: LineProps) {
  const tokens = useMemo(() => tokenizePython(text), [text]);
  const here = threads && threads.length > 0;
  return (
    <div
      className="pn-line"
      data-line={n}
      {...(here ? { 'data-current': 'true' } : {})}
      {...(current ? { 'data-testid': 'current-line', 'data-active': 'true' } : {})}
    >
      <span className="pn-ln" aria-hidden="true">
        {n}
      </span>
      <span className="pn-src">
        {tokens.map((tk, i) =>
          tk.kind === 'plain' ? (
            tk.text
          ) : (
            <span key={i} className={`tk-${tk.kind}`} {...(tk.kind === 'com' ? commentLang(tk.text) : {})}>
              {tk.text}
            </span>
          ),
        )}
        {text === '' ? ' ' : null}
      </span>
      {here && (
        <span className="pn-tags">
          {threads.map((th) => {
            const label = threadTag(th, mainPid);
            const state = t(`panels.code.state.${th.state}`);
            return (
              <span
                key={th.tid}
                className="pn-tag"
                data-state={th.state}
                data-active={th.tid === active}
                title={t('panels.code.thread', { name: th.name, tid: th.tid, state })}
              >
                <span aria-hidden="true" className="pn-glyph">
                  {GLYPH[th.state]}
                </span>
                {label}
                <span className="visually-hidden">: {state}</span>
              </span>
            );
          })}
        </span>
      )}
    </div>
  );
});
