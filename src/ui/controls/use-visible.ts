import { useMemo } from 'react';
import { stepsOf } from '../../store/lab.ts';
import { useLab } from '../hooks.ts';

/**
 * The steps a student moves through (with folding on, a busy loop's repeats are one step): the
 * store's list, made once per run and fold setting (a run of 10,000 clients has 200,000 steps,
 * and half a dozen components ask for them on its first drawing).
 */
export function useVisibleSteps(): number[] {
  const scenario = useLab((s) => s.scenario);
  const seed = useLab((s) => s.seed);
  const fold = useLab((s) => s.fold);
  return useMemo(() => stepsOf({ scenario, seed, fold }), [scenario, seed, fold]);
}
