import { describe, expect, it } from 'vitest';
import { swipeDirection } from './use-swipe.ts';

describe('swipe to step', () => {
  it('a swipe to the left goes forward, to the right back', () => {
    expect(swipeDirection(-120, 10)).toBe(1);
    expect(swipeDirection(120, -10)).toBe(-1);
  });
  it('a short move, a scroll up or down, or a diagonal is not a swipe', () => {
    expect(swipeDirection(-30, 0)).toBe(0);
    expect(swipeDirection(-80, 200)).toBe(0);
    expect(swipeDirection(-70, 55)).toBe(1);
    expect(swipeDirection(0, -300)).toBe(0);
  });
});
