/**
 * Reasons (src/i18n/reason.ts) in the reader's language. Their words (src/i18n/{en,zh}/pages/reasons.ts)
 * are a download of their own, fetched when a reason is on screen: a refused link is rare, so
 * the first download does not carry them. A reason that quotes the scenario validator (English,
 * the command line's wording) has that part translated once the validator's words and rules
 * arrive too (src/ui/editor/problems.ts); until then that part reads in English.
 */
import { useEffect } from 'react';
import { reasonText, type Reason } from '../i18n/reason.ts';
import { useLab, useT } from './hooks.ts';
import { lazyModule, usePageMessages } from './lazy-part.ts';

const problemRules = lazyModule(() => import('./editor/problems.ts'));
const PROBLEM_WORDS = ['problems'] as const;
const NO_WORDS = [] as const;

export const quotesValidator = (reason: Reason | undefined): boolean =>
  typeof reason?.params?.problem === 'string';

/** The validator's messages in the reader's language; `needed`: whether any is on screen. */
export function useValidatorWords(needed: boolean): (message: string) => string {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const words = usePageMessages(lang, needed ? PROBLEM_WORDS : NO_WORDS);
  useEffect(() => {
    if (needed) problemRules.preload();
  }, [needed]);
  const rules = problemRules.useModule();
  const local = needed && words === true && rules.state === 'ready' ? rules.module.localProblem : null;
  return (message) => (local ? local(t, message).text : message);
}

const REASON_WORDS = ['reasons'] as const;

/**
 * Says the reasons on screen: `ready` once their words are here (or could not come: then a
 * reason reads as "…"), and `say` for each.
 */
export function useReasonText(onScreen: readonly (Reason | undefined)[]): {
  ready: boolean;
  say: (reason: Reason) => string;
} {
  const lang = useLab((s) => s.lang);
  const any = onScreen.some((r) => r !== undefined);
  const words = usePageMessages(lang, any ? REASON_WORDS : NO_WORDS);
  const word = useValidatorWords(onScreen.some(quotesValidator));
  return { ready: words !== false, say: (reason) => (words === true ? reasonText(lang, reason, word) : '…') };
}
