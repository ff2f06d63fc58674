/**
 * Page-wide keys, the ones a presentation clicker sends: ←/→ step, Space plays or pauses,
 * Home/End go to the first/last step, PageUp/PageDown jump 10 steps. Used once, in App.
 * A key is left alone when a focused control needs it: typing in a field or a select, arrows in
 * a widget that uses arrows (the timeline slider handles its own and marks them handled),
 * Space on a button or checkbox (it presses it), and any key with Ctrl/Alt/Meta.
 */
import { useEffect } from 'react';
import { useLabApi } from './hooks.ts';
import type { LabStore } from '../store/lab.ts';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week', 'range', 'color']);
const ARROW_WIDGETS = '[role="slider"],[role="spinbutton"],[role="textbox"],[role="combobox"],[role="listbox"],[role="tablist"],[role="radiogroup"],[role="menu"],[role="menubar"],[role="tree"],[role="grid"],[role="application"]';
const PRESSABLE = 'button,a[href],summary,[role="button"],[role="checkbox"],[role="switch"],[role="tab"],[role="menuitem"],[role="option"],[role="radio"],[role="link"]';

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
};

export function useKeyboard(): void {
  const api = useLabApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      const key = e.key === 'Spacebar' ? ' ' : e.key;
      const action = ACTIONS[key];
      if (!action) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isTextEntry(target)) return;
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
