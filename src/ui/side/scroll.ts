import { useEffect, type RefObject } from 'react';

/**
 * Keeps the element `selector` finds inside the scroll box `ref` in view, scrolling only the box
 * (never the page, never moving focus). Runs when `deps` change and again whenever the box or its
 * content is resized (late web fonts change line heights after the first paint). The positions are
 * read after the browser's own layout of the next frame (the observer's first report): read in
 * the step's own task they forced a layout of their own (measured: 2–5 ms of a step).
 */
export function useKeepInView(
  ref: RefObject<HTMLElement | null>,
  selector: string | null,
  place: 'third' | 'bottom',
  deps: unknown[],
): void {
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const apply = () => {
      const el = selector ? box.querySelector<HTMLElement>(selector) : null;
      if (!el) {
        if (place === 'bottom') box.scrollTop = box.scrollHeight;
        return;
      }
      const top = el.offsetTop;
      const h = el.offsetHeight;
      const margin = Math.min(h * 1.5, box.clientHeight / 4);
      if (top >= box.scrollTop + margin && top + h <= box.scrollTop + box.clientHeight - margin) return;
      box.scrollTop =
        place === 'third'
          ? Math.max(0, top - box.clientHeight / 3)
          : Math.max(0, top + h + margin - box.clientHeight);
    };
    if (typeof ResizeObserver === 'undefined') {
      apply();
      return;
    }
    // A new observer reports every box it observes once, after the next layout: that first
    // report places the element, then every resize does.
    const ro = new ResizeObserver(() => apply());
    ro.observe(box);
    for (const child of Array.from(box.children)) ro.observe(child);
    return () => ro.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
