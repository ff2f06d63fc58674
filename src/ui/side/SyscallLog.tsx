/**
 * The system calls as `strace -f -ttt` prints them, up to the current step: the step's own lines
 * highlighted, errors marked, calls still asleep in the kernel shown as open. Each line jumps to
 * its step. Only the last WINDOW lines are drawn, so a run of any length stays fast.
 */
import { memo, useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { ERRNO } from '../../kernel/errors.ts';
import { useLab, useLabApi, useRun, useT, useView, type T } from '../hooks.ts';
import { logRows, type LogRow as Row } from './log-rows.ts';
import { useKeepInView } from './scroll.ts';
import '../panels.css';

const WINDOW = 400;

export function SyscallLog() {
  const t = useT();
  const { run, index } = useRun();
  const { view, step } = useView();
  const goTo = useLabApi().getState().goTo;
  const lang = useLab((s) => s.lang);
  // The same log, line for line, as the CLI's `--format strace` (a test checks it).
  const { rows, first } = useMemo(
    () => logRows(run.trace, index, step, view, WINDOW),
    [run, index, step, view],
  );

  let currentIdx = -1;
  for (let i = rows.length - 1; i >= 0; i--)
    if (rows[i]!.step === step) {
      currentIdx = i;
      break;
    }

  const boxRef = useRef<HTMLDivElement>(null);
  useKeepInView(boxRef, currentIdx >= 0 ? '[aria-current="true"]' : null, 'bottom', [
    step,
    currentIdx,
    rows.length,
  ]);

  const focusIdx = currentIdx >= 0 ? currentIdx : rows.length - 1;
  // The same function at every step, so the rows that did not change are not drawn again (memo).
  const onKey = useCallback(
    (e: KeyboardEvent<HTMLLIElement>, row: Row) => {
      const li = e.currentTarget;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        goTo(row.step);
        return;
      }
      const move =
        e.key === 'ArrowDown'
          ? li.nextElementSibling
          : e.key === 'ArrowUp'
            ? li.previousElementSibling
            : null;
      if (move instanceof HTMLElement) {
        e.preventDefault();
        move.focus();
      }
    },
    [goTo],
  );

  return (
    <section className="panel pn-panel pn-log-panel" aria-label={t('app.panel.log')}>
      <div className="pn-head">
        <h2>{t('app.panel.log')}</h2>
        <span className="pn-muted pn-small" aria-hidden="true">
          {t('panels.log.columns')}
        </span>
      </div>
      <div className="pn-scroll pn-log-scroll" ref={boxRef}>
        {first > 0 && (
          <p className="pn-hidden-lines">
            {t('panels.log.hidden', { n: first.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}
          </p>
        )}
        {rows.length === 0 && <p className="pn-muted pn-small">{t('panels.log.empty')}</p>}
        <ol className="pn-log" aria-label={t('panels.log.list')} lang="en">
          {rows.map((row, i) => (
            <LogRow
              key={row.key}
              row={row}
              current={row.step === step}
              last={i === currentIdx}
              focusable={i === focusIdx}
              t={t}
              onGo={goTo}
              onKey={onKey}
            />
          ))}
        </ol>
      </div>
    </section>
  );
}

interface RowProps {
  row: Row;
  current: boolean;
  last: boolean;
  focusable: boolean;
  t: T;
  onGo: (step: number) => void;
  onKey: (e: KeyboardEvent<HTMLLIElement>, row: Row) => void;
}

const LogRow = memo(function LogRow({ row, current, last, focusable, t, onGo, onKey }: RowProps) {
  const err = row.errno ? ERRNO[row.errno] : null;
  const exc = row.errno === 'EINTR' ? 'EINTR' : err?.python;
  const title = `${t('panels.log.goto', { step: row.step + 1 })}${err && exc ? ` · ${t('panels.log.error', { errno: row.errno ?? '', exc })}` : ''}`;
  return (
    <li
      data-testid="log-line"
      data-step={row.step}
      data-kind={row.kind}
      {...(row.pending ? { 'data-pending': 'true' } : {})}
      {...(row.errno ? { 'data-errno': row.errno } : {})}
      {...(current ? { 'data-current-step': 'true' } : {})}
      {...(last ? { 'aria-current': 'true' as const } : {})}
      className="pn-log-line"
      tabIndex={focusable ? 0 : -1}
      title={title}
      onClick={() => onGo(row.step)}
      onKeyDown={(e) => onKey(e, row)}
    >
      <span className="pn-log-prefix">{row.prefix}</span>
      <StraceText text={row.text} />
      {row.pending && (
        <span className="pn-log-pending">
          <span>… {t('panels.log.pending')}</span>
        </span>
      )}
      {err && exc && (
        <span className="pn-log-err">
          <span>✗ {exc}</span>
        </span>
      )}
    </li>
  );
});

/** The call's name in bold and its result set apart. */
function StraceText({ text }: { text: string }) {
  const m = /^([a-z_0-9]+)\(/.exec(text);
  if (!m) return <span className="pn-log-text">{text}</span>;
  const at = text.lastIndexOf(' = ');
  const eq = at >= 0 ? at + 1 : -1;
  const body = eq > 0 ? text.slice(m[1]!.length, eq) : text.slice(m[1]!.length);
  return (
    <span className="pn-log-text">
      <b>{m[1]}</b>
      {body}
      {eq > 0 && <span className="pn-log-ret">{text.slice(eq)}</span>}
    </span>
  );
}
