import { useMemo } from 'react';
import { visibleSteps } from '../../runs/folding.ts';
import { useLab, useRun } from '../hooks.ts';

/** The steps a student moves through (with folding on, a busy loop's repeats are one step). */
export function useVisibleSteps(): number[] {
  const { index, folds } = useRun();
  const fold = useLab((s) => s.fold);
  return useMemo(() => visibleSteps(index.steps, fold ? folds : null), [index, folds, fold]);
}
