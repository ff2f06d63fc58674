/**
 * Why part of a link was refused, in words either language can say: a message key (worded in
 * src/i18n/{en,zh}/pages/reasons.ts, said by src/i18n/reason.ts) and its values. A `problem` value is
 * a message of the scenario validator, in English (the command line's public wording); the page
 * shows it translated when it can (src/ui/editor/problems.ts).
 */
export interface Reason {
  key: string;
  params?: Record<string, string | number>;
}

/** The first of the validator's problems (and how many more there are). */
export function problemReason(problems: readonly { path: string; message: string }[]): Reason {
  const first = problems[0] ?? { path: '', message: '' };
  const more = problems.length - 1;
  return more > 0
    ? { key: 'reason.problems', params: { path: first.path, problem: first.message, more } }
    : { key: 'reason.problem', params: { path: first.path, problem: first.message } };
}
