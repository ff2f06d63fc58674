/** The counters the class reads: select and epoll on the same class, up to this moment. */
import { MS } from '../../kernel/types.ts';
import type { Mechanism } from '../../hall/hall.ts';
import type { HallCounters as Counters } from '../../hall/hall-trace.ts';
import type { T } from '../hooks.ts';

/** `failedAt`: when the server died (select past FD_SETSIZE), in ns, or null. */
export interface Column {
  mech: Mechanism;
  now: Counters;
  end: Counters;
  failedAt: number | null;
  current: boolean;
}

const ROWS = ['questions', 'walk', 'papers', 'waits'] as const;

export function HallCounters({
  columns,
  t,
  ns,
  lang,
}: {
  columns: Column[];
  t: T;
  ns: number;
  lang: 'en' | 'zh';
}) {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const num = (v: number) => v.toLocaleString(locale);
  const cell = (c: Counters, row: (typeof ROWS)[number]) =>
    row === 'walk' ? t('hall.counters.metres', { m: num(Math.round(c.walk)) }) : num(c[row]);
  const sel = columns.find((c) => c.mech === 'select');
  const ep = columns.find((c) => c.mech === 'epoll');
  return (
    <section className="panel hall-counters" aria-labelledby="hall-counters-h" data-testid="hall-counters">
      <h3 id="hall-counters-h">{t('hall.counters')}</h3>
      <table>
        <caption>
          {t('hall.counters.caption', { ms: (ns / MS).toLocaleString(locale, { maximumFractionDigits: 3 }) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('hall.counters.what')}</th>
            {columns.map((c) => (
              <th scope="col" key={c.mech} className={c.current ? 'hall-col-current' : undefined}>
                {c.current ? t('hall.counters.this', { mech: c.mech }) : c.mech}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row}>
              <th scope="row">
                {t(`hall.counters.${row}`)}
                <span className="hall-help">{t(`hall.counters.${row}.help`)}</span>
              </th>
              {columns.map((c) => (
                <td
                  key={c.mech}
                  className={c.current ? 'hall-col-current' : undefined}
                  data-testid={`count-${c.mech}-${row}`}
                  data-value={row === 'walk' ? c.now.walk.toFixed(3) : c.now[row]}
                >
                  {cell(c.now, row)}
                  {c.failedAt !== null && c.failedAt <= ns && row === 'questions' ? (
                    <span className="hall-stopped">{t('hall.counters.stopped')}</span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sel && ep ? (
        <p className="hall-end">
          {sel.failedAt !== null
            ? t('hall.counters.endFailed', { epoll: num(ep.end.questions) })
            : t('hall.counters.end', { select: num(sel.end.questions), epoll: num(ep.end.questions) })}
        </p>
      ) : null}
    </section>
  );
}
