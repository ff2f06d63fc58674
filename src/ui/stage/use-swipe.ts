/**
 * Swipe to step on a touch screen: a horizontal swipe over the stage goes forward (to the left)
 * or back (to the right); vertical moves and pinches stay the browser's (CSS touch-action: pan-y pinch-zoom).
 */
import { useEffect, type RefObject } from 'react';
import { useLabApi } from '../hooks.ts';

/** How far a finger must travel sideways, and how little up or down, to count as a swipe (CSS px). */
const MIN_DX = 50;
const MAX_DY = 60;

export function swipeDirection(dx: number, dy: number): 1 | -1 | 0 {
  if (Math.abs(dx) < MIN_DX || Math.abs(dy) > MAX_DY || Math.abs(dy) > Math.abs(dx)) return 0;
  return dx < 0 ? 1 : -1;
}

export function useSwipe(ref: RefObject<HTMLElement | null>): void {
  const api = useLabApi();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let start: { id: number; x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      if (e.pointerType === 'touch' && e.isPrimary) start = { id: e.pointerId, x: e.clientX, y: e.clientY };
    };
    const up = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.id) return;
      const dir = swipeDirection(e.clientX - start.x, e.clientY - start.y);
      start = null;
      if (dir === 1) api.getState().next();
      else if (dir === -1) api.getState().prev();
    };
    const cancel = () => {
      start = null;
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', cancel);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', cancel);
    };
  }, [ref, api]);
}
