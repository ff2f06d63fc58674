import { useEffect, useState } from 'react';
import { useLab, useT } from '../../hooks.ts';
import { runScenario } from '../../../scenarios/run.ts';
import { validateScenario } from '../../../scenarios/format.ts';

const SIZES = [1, 10, 100, 1000];
interface Row {
  n: number;
  threads: number;
  memory: number;
  switches: number;
}

/** Runs the thread-per-connection server with n clients that connect, send once and stay (metrics only). */
function measure(n: number): Row {
  const clients = Array.from({ length: n }, (_, i) => ({
    name: `c${i + 1}`,
    actions: [
      { at: i * 0.1, do: 'connect' },
      { at: 200 + i * 0.1, do: 'send', data: 'hi' },
    ],
  }));
  const v = validateScenario({
    format: 'iolab/scenario@1',
    id: 'lesson-thread-cost',
    title: { en: 'cost', zh: 'cost' },
    seed: 1,
    model: 'thread-per-connection',
    clients,
    untilMs: 500,
  });
  if (!v.ok) throw new Error('thread-cost scenario is invalid');
  const r = runScenario(v.scenario, { keepTrace: false });
  return { n, threads: r.threadsPeak, memory: r.memoryPeakBytes, switches: r.contextSwitches };
}

/** Threads, memory and context switches as the clients grow, computed by the simulation, one size at a time. */
export default function ThreadCost() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    let live = true;
    let i = 0;
    const next = () => {
      if (!live || i >= SIZES.length) return;
      const row = measure(SIZES[i++]!);
      setRows((old) => [...old, row]);
      setTimeout(next, 0);
    };
    const timer = setTimeout(next, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  const num = (v: number, digits = 0) =>
    v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    });
  return (
    <figure className="fig fig-cost">
      <table className="fig-table" data-testid="thread-cost">
        <thead>
          <tr>
            <th scope="col">{t('fig.cost.clients')}</th>
            <th scope="col">{t('fig.cost.threads')}</th>
            <th scope="col">{t('fig.cost.memory')}</th>
            <th scope="col">{t('fig.cost.stacks')}</th>
            <th scope="col">{t('fig.cost.switches')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.n}>
              <th scope="row">{num(r.n)}</th>
              <td>{num(r.threads)}</td>
              <td>{t('fig.cost.mib', { n: num(r.memory / 1048576, 1) })}</td>
              <td>
                {r.threads * 8 >= 1024
                  ? t('fig.cost.gib', { n: num((r.threads * 8) / 1024, 1) })
                  : t('fig.cost.mib', { n: num(r.threads * 8) })}
              </td>
              <td>{num(r.switches)}</td>
            </tr>
          ))}
          {rows.length < SIZES.length ? (
            <tr>
              <td colSpan={5} role="status">
                {t('fig.cost.running', { n: num(SIZES[rows.length]!) })}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <figcaption className="fig-caption">{t('fig.cost.caption')}</figcaption>
    </figure>
  );
}
