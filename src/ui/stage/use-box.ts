/** A box's width and a height read from it (`height`), following resizes of the box and the window. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useBoxSize(
  ref: RefObject<HTMLDivElement | null>,
  height: (el: HTMLDivElement) => number,
): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = (): void => {
      const w = Math.floor(el.clientWidth);
      const h = Math.floor(height(el));
      setSize((old) => (old.width === w && old.height === h ? old : { width: w, height: h }));
    };
    read();
    window.addEventListener('resize', read);
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(read) : null;
    ro?.observe(el);
    return () => {
      window.removeEventListener('resize', read);
      ro?.disconnect();
    };
  }, [ref, height]);
  return size;
}

/** The box's own height (a box sized by its page, not by what it holds). */
export const clientHeight = (el: HTMLDivElement): number => el.clientHeight;
