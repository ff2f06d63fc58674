/**
 * Reasons (src/i18n/reason.ts) in the reader's language. A reason that quotes the scenario
 * validator (English, the command line's wording) has that part translated once the validator's
 * words and rules arrive (src/ui/editor/problems.ts: a download of their own, fetched only when
 * such a reason is on screen); until then it reads in English.
 */
import { useEffect } from 'react';
import { reasonText, type Reason } from '../i18n/reason.ts';
import { useLab, useT } from './hooks.ts';
import { lazyModule, usePageMessages } from './lazy-part.ts';

const problemRules = lazyModule(() => import('./editor/problems.ts'));
const PROBLEM_WORDS = ['problems'] as const;
const NO_WORDS = [] as const;

export const quotesValidator = (reason: Reason | undefined): boolean => typeof reason?.params?.problem === 'string';

/** The validator's messages in the reader's language; `needed`: whether any is on screen. */
export function useValidatorWords(needed: boolean): (message: string) => string {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const words = usePageMessages(lang, needed ? PROBLEM_WORDS : NO_WORDS);
  useEffect(() => { if (needed) problemRules.preload(); }, [needed]);
  const rules = problemRules.useModule();
  const local = needed && words === true && rules.state === 'ready' ? rules.module.localProblem : null;
  return (message) => (local ? local(t, message).text : message);
}

/** `needed`: whether any reason on screen quotes the validator. */
export function useReasonText(needed: boolean): (reason: Reason) => string {
  const lang = useLab((s) => s.lang);
  const word = useValidatorWords(needed);
  return (reason) => reasonText(lang, reason, word);
}
