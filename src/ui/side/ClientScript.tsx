/** What the scenario's clients do, and when: the script a student needs to read the run. */
import { Fragment } from 'react';
import type { MachineView } from '../../kernel/view.ts';
import { encodeUtf8 } from '../../kernel/bytes.ts';
import { showBytes } from '../../narration/index.ts';
import { useLab, useRun, useT } from '../hooks.ts';
import { RichText } from '../text/rich-text.tsx';
import { useListings } from '../listings.ts';
import { CODE_LANG, ListingLine } from './listing-lang.tsx';

const fmtMs = (ms: number, lang: string) =>
  ms.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 3 });

export function ClientScript({ view }: { view: MachineView }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const { run } = useRun();
  const listings = useListings();
  const s = run.scenario;
  const o = run.options;
  const idle = s.idleConnections ?? 0;
  const chat = s.model === 'select-chat';
  const list = (items: string[]) =>
    new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(items);
  return (
    <div className="pn-clients" data-testid="client-script">
      <p className="pn-muted">{t('panels.clients.intro')}</p>
      {s.clients.length === 0 && idle === 0 ? (
        <p>{t('panels.clients.none')}</p>
      ) : (
        <table className="pn-client-table">
          <thead>
            <tr>
              <th scope="col">{t('panels.clients.table.client')}</th>
              <th scope="col">{t('panels.clients.table.now')}</th>
              <th scope="col">{t('panels.clients.table.script')}</th>
            </tr>
          </thead>
          <tbody>
            {s.clients.map((c) => {
              const cv = view.clients[c.name];
              const state = cv?.state ?? 'idle';
              return (
                <tr key={c.name}>
                  <th scope="row" className="pn-client-name">
                    {c.name}
                  </th>
                  <td className="pn-client-now">
                    <span className="pn-client-state" data-state={state}>
                      {t(`panels.clients.state.${state}`)}
                    </span>
                    {cv && cv.replies.length > 0 && (
                      <span className="pn-muted">
                        {' '}
                        · {t('panels.clients.replies', { n: cv.replies.length })}
                      </span>
                    )}
                  </td>
                  <td>
                    <ol className="pn-actions">
                      {c.actions.map((a, i) => (
                        <li key={i}>
                          <span className="pn-at">{t('panels.clients.at', { ms: fmtMs(a.at, lang) })}</span>{' '}
                          <span className="pn-act" data-do={a.do}>
                            {a.do === 'send'
                              ? t('panels.clients.send', { data: showBytes(encodeUtf8(a.data ?? ''), 32) })
                              : t(`panels.clients.${a.do}`)}
                          </span>
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {idle > 0 && (
        <p>{idle === 1 ? t('panels.clients.idle.one') : t('panels.clients.idle.many', { n: idle })}</p>
      )}
      {chat ? (
        <>
          <p>{t('panels.clients.operator', { ms: fmtMs(o.answerDelayMs, lang) })}</p>
          <p>
            {o.answers.length
              ? t('panels.clients.answers', { list: list(o.answers.map((a) => `'${a}'`)) })
              : t('panels.clients.upper')}
          </p>
        </>
      ) : (
        <p>
          <RichText text={t('panels.clients.echo')} />
        </p>
      )}
      <p className="pn-muted">{t('panels.clients.latency', { ms: fmtMs(o.latencyMs, lang) })}</p>
      <h3 className="pn-client-listing-title">{t('panels.clients.listing')}</h3>
      <pre className="pn-code pn-client-listing" {...CODE_LANG} data-testid="client-listing">
        {listings.client.split('\n').map((line, i) => (
          <Fragment key={i}>
            {i > 0 && '\n'}
            <ListingLine text={line} />
          </Fragment>
        ))}
      </pre>
    </div>
  );
}
