/**
 * The meters at this step, all derived from the trace: CPU busy (Python vs kernel time over
 * cores × elapsed virtual time), system calls by name, and the counters a student compares
 * between I/O models. What changed in this very step is marked.
 */
import { useMemo } from 'react';
import { useLab, useT, useView } from '../hooks.ts';
import { formatNumber } from '../controls/position.ts';
import { cpuNow } from './cpu-now.ts';
import '../panels.css';

const SHOWN = 4;

export function Meters() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const { view, before } = useView();
  const num = (n: number, digits = 0) => formatNumber(n, lang, digits);
  const pct = (x: number) =>
    x > 0 && x < 0.0001 ? `< ${num(0.01, 2)} %` : `${num(x * 100, x > 0 && x < 0.1 ? 2 : 1)} %`;
  const time = (ns: number) => (ns < 1_000_000 ? `${num(ns / 1000, 1)} µs` : `${num(ns / 1_000_000, 3)} ms`);

  const m = view.meters;
  const b = before?.meters;
  const cores = view.cores.length;
  const total = cores * view.t;
  const user = total > 0 ? Math.min(1, m.userNs / total) : 0;
  const system = total > 0 ? Math.min(1 - user, m.systemNs / total) : 0;
  const busy = user + system;

  const calls = useMemo(
    () => Object.entries(view.meters.syscalls).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])),
    [view],
  );
  // Bar lengths in percent of the most frequent call.
  const x = (count: number): number => (100 * count) / Math.max(1, calls[0]?.[1] ?? 1);
  const shown = calls.slice(0, SHOWN);
  const rest = calls.slice(SHOWN);
  const changedCall = (name: string) => (b ? (m.syscalls[name] ?? 0) - (b.syscalls[name] ?? 0) : 0);

  const counters: { key: string; value: string; delta: number }[] = [
    { key: 'ctx', value: num(m.contextSwitches), delta: b ? m.contextSwitches - b.contextSwitches : 0 },
    { key: 'eagain', value: num(m.eagain), delta: b ? m.eagain - b.eagain : 0 },
    {
      key: 'bytes',
      value: t('panels.meters.bytesUnit', { n: num(m.bytesCopied) }),
      delta: b ? m.bytesCopied - b.bytesCopied : 0,
    },
    { key: 'threads', value: num(m.threads), delta: b ? m.threads - b.threads : 0 },
    { key: 'memory', value: t('panels.meters.mib', { n: num(m.memoryBytes / 1048576, 2) }), delta: 0 },
    { key: 'replies', value: num(m.replies), delta: b ? m.replies - b.replies : 0 },
  ];

  return (
    <section className="panel pn-panel pn-meters" aria-label={t('app.panel.meters')} data-testid="meters">
      <h2 className="visually-hidden">{t('app.panel.meters')}</h2>
      <div className="pn-meters-grid">
        <div
          className="pn-cpu"
          title={t('panels.meters.cpu.title', {
            cores,
            user: time(m.userNs),
            system: time(m.systemNs),
            total: time(total),
          })}
        >
          <div className="pn-meter-label">
            <strong>{t('panels.meters.cpu')}</strong>{' '}
            <span data-testid="cpu-busy">{t('panels.meters.cpu.busy', { pct: pct(busy) })}</span>
          </div>
          <div
            className="pn-cpu-bar"
            role="img"
            aria-label={`${t('panels.meters.cpu.busy', { pct: pct(busy) })}: ${t('panels.meters.cpu.user', { pct: pct(user) })}, ${t('panels.meters.cpu.system', { pct: pct(system) })}`}
          >
            <span className="pn-cpu-user" style={{ width: `${user * 100}%` }} />
            <span className="pn-cpu-system" style={{ width: `${system * 100}%` }} />
          </div>
          <div className="pn-cpu-legend">
            <span>
              <i className="pn-swatch pn-cpu-user" aria-hidden="true" />
              {t('panels.meters.cpu.user', { pct: pct(user) })}
            </span>
            <span>
              <i className="pn-swatch pn-cpu-system" aria-hidden="true" />
              {t('panels.meters.cpu.system', { pct: pct(system) })}
            </span>
            <span>
              <i className="pn-swatch pn-cpu-idle" aria-hidden="true" />
              {t('panels.meters.cpu.idle', { pct: pct(1 - busy) })}
            </span>
          </div>
          <div className="pn-cpu-now" data-testid="cpu-now">
            {cpuNow(view, t)}
          </div>
        </div>

        <dl className="pn-counters">
          {counters.map((c) => (
            <div
              key={c.key}
              className="pn-counter"
              data-changed={c.delta !== 0}
              title={t(`panels.meters.${c.key}.hint`)}
              data-testid={`meter-${c.key}`}
            >
              <dt>{t(`panels.meters.${c.key}`)}</dt>
              <dd>
                {c.value}
                {c.delta > 0 && (
                  <span className="pn-delta" title={t('panels.meters.delta', { n: num(c.delta) })}>
                    {t('panels.meters.deltaShort', { n: num(c.delta) })}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>

        <div className="pn-calls">
          <div className="pn-meter-label">
            <strong>{t('panels.meters.syscalls')}</strong>{' '}
            <span className="pn-muted">{num(calls.reduce((s, [, n]) => s + n, 0))}</span>
          </div>
          {calls.length === 0 ? (
            <p className="pn-muted pn-small">{t('panels.meters.syscalls.none')}</p>
          ) : (
            <ul className="pn-call-bars">
              {shown.map(([name, n]) => (
                <li key={name} data-changed={changedCall(name) > 0}>
                  <span className="pn-call-name">{name}</span>
                  <span className="pn-call-track">
                    <span className="pn-call-bar" style={{ width: `${Math.max(2, x(n))}%` }} />
                  </span>
                  <span className="pn-call-n">{num(n)}</span>
                </li>
              ))}
            </ul>
          )}
          {rest.length > 0 && (
            <p className="pn-muted pn-small pn-call-more">
              {t('panels.meters.syscalls.more', {
                n: rest.length,
                names: rest.map(([name, n]) => `${name} ${num(n)}`).join(', '),
              })}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
