/**
 * Page-wide keys, the ones a presentation clicker sends: ←/→ step, Space plays or pauses,
 * Home/End go to the first/last step, PageUp/PageDown jump 10 steps, ] and [ jump to the
 * next/previous important moment (controls/moments.ts), F opens the stage view. In the stage
 * view a remote's PageDown/PageUp step one at a time, B or . blank the screen (in a lesson's
 * presentation too) and Esc leaves. Used once, in App; the `?` list is KeyHelp.tsx.
 * A key is left alone when a focused control needs it: typing in a field or a select, arrows in
 * a widget that uses arrows (the timeline slider handles its own and marks them handled),
 * Space on a button or checkbox (it presses it), and any key with Ctrl/Alt/Meta.
 */
import { useEffect } from 'react';
import { useLabApi } from './hooks.ts';
import { stepsOf, type LabStore } from '../store/lab.ts';
import { getRun } from '../runs/runs.ts';
import { nearestMoment } from './controls/moments.ts';

const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
  'range',
  'color',
]);
const ARROW_WIDGETS =
  '[role="slider"],[role="spinbutton"],[role="textbox"],[role="combobox"],[role="listbox"],[role="tablist"],[role="radiogroup"],[role="menu"],[role="menubar"],[role="tree"],[role="grid"],[role="application"]';
const PRESSABLE =
  'button,a[href],summary,[role="button"],[role="checkbox"],[role="switch"],[role="tab"],[role="menuitem"],[role="option"],[role="radio"],[role="link"]';

/** A place where keys are text (or a native list): every key belongs to it. */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) || el.type === 'radio';
  return el instanceof HTMLElement && el.isContentEditable;
}

const ACTIONS: Record<string, (s: LabStore) => void> = {
  ArrowRight: (s) => s.next(),
  ArrowLeft: (s) => s.prev(),
  Home: (s) => s.first(),
  End: (s) => s.last(),
  PageDown: (s) => s.jump(10),
  PageUp: (s) => s.jump(-10),
  ' ': (s) => s.togglePlay(),
  ']': (s) => toMoment(s, 1),
  '[': (s) => toMoment(s, -1),
};

/** In the stage view a remote's page keys step one at a time, and Esc leaves it. */
const STAGE_VIEW: Record<string, (s: LabStore) => void> = {
  PageDown: (s) => s.next(),
  PageUp: (s) => s.prev(),
  Escape: (s) => s.setStageView(false),
};

/** To the next (1) or previous (-1) important moment of the kinds chosen, from the store's step. */
export function toMoment(s: LabStore, dir: 1 | -1): void {
  const at = nearestMoment(getRun(s.scenario, s.seed).index, stepsOf(s), s.step, dir, s.momentKinds);
  if (at !== null) s.goTo(at);
}

/** Showing to a room: the stage view, or a lesson in presentation mode. */
export function presenting(s: LabStore): boolean {
  return s.stageView || (s.page === 'lesson' && s.pageParams.present === '1');
}

/** Keys that change the view rather than the step: F the stage view, B or . (a remote's blank key) the screen. */
function viewKey(s: LabStore, key: string): boolean {
  if ((key === 'f' || key === 'F') && (s.page === 'lab' || s.page === 'lesson')) {
    s.setStageView(!s.stageView);
    return true;
  }
  if ((key === 'b' || key === 'B' || key === '.') && presenting(s)) {
    s.setBlank(!s.blank);
    return true;
  }
  return false;
}

export function useKeyboard(): void {
  const api = useLabApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      const key = e.key === 'Spacebar' ? ' ' : e.key;
      const target = e.target instanceof Element ? e.target : null;
      if (isTextEntry(target)) return;
      const st = api.getState();
      if (viewKey(st, key)) {
        e.preventDefault();
        return;
      }
      const action = (st.stageView ? STAGE_VIEW[key] : undefined) ?? ACTIONS[key];
      if (!action) return;
      if (key === ' ') {
        if (target?.closest(PRESSABLE) || target instanceof HTMLInputElement) return;
        e.preventDefault(); // no page scroll
        if (!e.repeat) action(api.getState());
        return;
      }
      if (target?.closest(ARROW_WIDGETS)) return;
      e.preventDefault();
      action(api.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}
