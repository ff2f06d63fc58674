/** The thin React binding of the lab store, and the derived data every panel reads. */
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { LabStore, LabStoreApi } from '../store/lab.ts';
import { getRun, type LabRun } from '../runs/runs.ts';
import type { MachineView } from '../kernel/view.ts';
import { translate, type Lang } from '../i18n/index.ts';

export const LabContext = createContext<LabStoreApi | null>(null);

export function useLabApi(): LabStoreApi {
  const api = useContext(LabContext);
  if (!api) throw new Error('useLab outside <LabContext.Provider>');
  return api;
}

/** Select the little a component needs from the store. */
export function useLab<T>(selector: (s: LabStore) => T): T {
  return useStore(useLabApi(), selector);
}

/** The run of the selected scenario and seed (cached, deterministic). */
export function useRun(): LabRun {
  const scenario = useLab((s) => s.scenario);
  const seed = useLab((s) => s.seed);
  return useMemo(() => getRun(scenario, seed), [scenario, seed]);
}

/** The machine after the current step, and after the step before (for what changed). */
export function useView(): { view: MachineView; before: MachineView | null; step: number } {
  const { index } = useRun();
  const step = useLab((s) => s.step);
  return useMemo(() => {
    // The step before first: the step itself then starts from it (one step's events), not from a
    // checkpoint again (a seek replays once, not twice).
    const before = step > 0 ? index.viewAt(step - 1) : null;
    return { view: index.viewAt(step), before, step };
  }, [index, step]);
}

export type T = (key: string, params?: Record<string, string | number>) => string;

/** The translator for the current language. */
export function useT(): T {
  const lang = useLab((s) => s.lang);
  return useMemo(() => translator(lang), [lang]);
}

export function translator(lang: Lang): T {
  return (key, params) => translate(lang, key, params);
}
