import { useLab, useT } from './hooks.ts';
import { useReasonText } from './reason-text.ts';
import type { Notice } from '../store/lab.ts';
import type { Reason } from '../i18n/reason.ts';

const reasonOf = (n: Notice): Reason | undefined => ('reason' in n ? n.reason : undefined);

/** Messages about what a link or a file could not give us, and what we show instead. */
export function Notices() {
  const t = useT();
  const notices = useLab((s) => s.notices);
  const dismiss = useLab((s) => s.dismissNotice);
  const { ready, say } = useReasonText(notices.map(reasonOf));
  // A notice that gives a reason waits (a moment) for the reasons' words.
  if (notices.length === 0 || !ready) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n, i) => {
        const reason = reasonOf(n);
        const params = {
          ...(n.params as Record<string, string | number>),
          ...(reason ? { reason: say(reason) } : {}),
        };
        return (
          <div className="notice" key={`${n.key}-${i}`}>
            <span>{t(n.key, params)}</span>
            <button type="button" onClick={() => dismiss(i)}>
              {t('app.notice.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
