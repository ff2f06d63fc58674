/**
 * A shipped scenario's id with changed contents (a link's `s=`, a file): said plainly, with the
 * way back to the original, for as long as it is on the lab.
 */
import { useLab, useT } from './hooks.ts';
import { changedShipped } from '../scenarios/link.ts';
import { baseOf } from '../scenarios/student.ts';
import { formatHash } from '../store/url.ts';

export function ModifiedNotice() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const original = useLab((s) => changedShipped(baseOf(s.scenario)));
  if (!original) return null;
  return (
    <div className="notices" role="status">
      <div className="notice" data-testid="modified-notice">
        <span>{t('app.modified.notice', { title: original.title[lang] })}</span>
        <a href={formatHash({ scenarioId: original.id, seed: null, step: 0, lang })}>
          {t('app.modified.original')}
        </a>
      </div>
    </div>
  );
}
