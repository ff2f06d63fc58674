/**
 * The lab store (Zustand, vanilla: testable without React). It holds only what the user chose —
 * scenario, seed, step, language, playback — and derives everything else (the run, the view at
 * the step) from it through memoized functions, so nothing is stored twice.
 */
import { createStore } from 'zustand/vanilla';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';
import type { Scenario } from '../scenarios/format.ts';
import type { Lang } from '../i18n/core.ts';
import { getRun } from './runs.ts';
import { visibleSteps } from './folding.ts';
import type { Location, UrlNotice } from './url.ts';

export type Theme = 'system' | 'light' | 'dark';
export type Notice = UrlNotice | { key: 'app.notice.badScenario'; params: { id: string; fallback: string } } | { key: 'app.notice.badStep'; params: { step: number; steps: number; shown: number } };
export const SPEEDS = [0.5, 1, 2, 4, 8, 16, 32] as const;

export interface LabState {
  scenario: Scenario;
  seed: number;
  step: number;
  lang: Lang;
  theme: Theme;
  playing: boolean;
  speed: (typeof SPEEDS)[number];
  fold: boolean;
  notices: Notice[];
}

export interface LabActions {
  selectScenario(id: string): void;
  setSeed(seed: number): void;
  goTo(step: number): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  /** Jump by n visible steps (PageUp/PageDown). */
  jump(n: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: LabState['speed']): void;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setFold(fold: boolean): void;
  dismissNotice(index: number): void;
  /** Applies a location read from the URL, with notices for anything that had to fall back. */
  applyLocation(location: Location, notices: Notice[]): void;
}

export type LabStore = LabState & LabActions;

const DEFAULT_SCENARIO = SCENARIOS.find((s) => s.id === 'blocking-two-clients') ?? SCENARIOS[0]!;

export function stepsOf(s: Pick<LabState, 'scenario' | 'seed' | 'fold'>): number[] {
  const { index, folds } = getRun(s.scenario, s.seed);
  return visibleSteps(index.steps, s.fold ? folds : null);
}

/** The visible step nearest to `step` (a raw step inside a fold maps to the fold's step). */
function nearestVisible(steps: number[], step: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]! <= step) lo = mid; else hi = mid - 1;
  }
  return lo;
}

export function createLabStore(initial: Partial<LabState> = {}) {
  return createStore<LabStore>()((set, get) => {
    const moveBy = (n: number): void => {
      const st = get();
      const steps = stepsOf(st);
      const i = nearestVisible(steps, st.step);
      const j = Math.max(0, Math.min(steps.length - 1, i + n));
      set({ step: steps[j]!, ...(j === steps.length - 1 && n > 0 ? { playing: false } : {}) });
    };
    return {
      scenario: DEFAULT_SCENARIO, seed: DEFAULT_SCENARIO.seed, step: 0, lang: 'en', theme: 'system', playing: false, speed: 2, fold: true, notices: [],
      ...initial,
      selectScenario(id) {
        const scenario = findScenario(id);
        if (!scenario) {
          set((st) => ({ notices: [...st.notices, { key: 'app.notice.badScenario', params: { id, fallback: st.scenario.id } }] }));
          return;
        }
        set({ scenario, seed: scenario.seed, step: 0, playing: false });
      },
      setSeed(seed) { set({ seed, step: 0, playing: false }); },
      goTo(step) {
        const steps = stepsOf(get());
        const max = steps[steps.length - 1] ?? 0;
        set({ step: Math.max(0, Math.min(max, Math.round(step))) });
      },
      next() { moveBy(1); },
      prev() { moveBy(-1); },
      first() { set({ step: 0, playing: false }); },
      last() { const steps = stepsOf(get()); set({ step: steps[steps.length - 1] ?? 0, playing: false }); },
      jump(n) { moveBy(n); },
      play() {
        const st = get();
        const steps = stepsOf(st);
        // Play from the start again when already at the end.
        if (st.step >= (steps[steps.length - 1] ?? 0)) set({ step: 0 });
        set({ playing: true });
      },
      pause() { set({ playing: false }); },
      togglePlay() { if (get().playing) get().pause(); else get().play(); },
      setSpeed(speed) { set({ speed }); },
      setLang(lang) { set({ lang }); },
      setTheme(theme) { set({ theme }); },
      setFold(fold) { set({ fold }); },
      dismissNotice(index) { set((st) => ({ notices: st.notices.filter((_, i) => i !== index) })); },
      applyLocation(location, notices) {
        const all: Notice[] = [...notices];
        let scenario = get().scenario;
        if (location.scenarioId !== null) {
          const found = findScenario(location.scenarioId);
          if (found) scenario = found;
          else all.push({ key: 'app.notice.badScenario', params: { id: location.scenarioId, fallback: scenario.id } });
        }
        const seed = location.seed ?? scenario.seed;
        let step = location.step ?? 0;
        const steps = stepsOf({ scenario, seed, fold: false });
        const total = steps.length;
        if (step >= total) {
          const shown = Math.max(0, total - 1);
          all.push({ key: 'app.notice.badStep', params: { step, steps: total, shown } });
          step = shown;
        }
        set((st) => ({ scenario, seed, step, lang: location.lang ?? st.lang, playing: false, notices: [...st.notices, ...all] }));
      },
    };
  });
}

export type LabStoreApi = ReturnType<typeof createLabStore>;
