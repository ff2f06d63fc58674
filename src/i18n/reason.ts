/** Reasons (src/scenarios/reason.ts) in words: their templates are in src/i18n/{en,zh}/pages/reasons.ts. */
import { translate, type Lang } from './index.ts';
import type { Reason } from '../scenarios/reason.ts';

export type { Reason };

/** The reason in `lang`; `problem` rewords a validator message it quotes (by default it stays in English). */
export function reasonText(
  lang: Lang,
  reason: Reason,
  problem: (message: string) => string = (m) => m,
): string {
  const params = reason.params ?? {};
  return translate(
    lang,
    reason.key,
    typeof params.problem === 'string' ? { ...params, problem: problem(params.problem) } : params,
  );
}
