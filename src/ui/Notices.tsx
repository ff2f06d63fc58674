import { useLab, useT } from './hooks.ts';

/** Messages about what a link or a file could not give us, and what we show instead. */
export function Notices() {
  const t = useT();
  const notices = useLab((s) => s.notices);
  const dismiss = useLab((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n, i) => (
        <div className="notice" key={`${n.key}-${i}`}>
          <span>{t(n.key, n.params as Record<string, string | number>)}</span>
          <button type="button" onClick={() => dismiss(i)}>{t('app.notice.dismiss')}</button>
        </div>
      ))}
    </div>
  );
}
