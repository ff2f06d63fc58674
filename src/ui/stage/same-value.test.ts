import { describe, expect, it } from 'vitest';
import { sameValue } from './Svg.tsx';

describe('sameValue (whether a stage group must be drawn again)', () => {
  it('is true for equal plain data built apart', () => {
    const a = { t: 'g', key: 'sock-5', x: 1, children: [{ t: 'text', text: 'fd 5', font: { size: 11 } }] };
    const b = { t: 'g', key: 'sock-5', x: 1, children: [{ t: 'text', text: 'fd 5', font: { size: 11 } }] };
    expect(sameValue(a, b)).toBe(true);
  });

  it('is false for any difference, however deep', () => {
    const a = { t: 'g', children: [{ t: 'text', text: 'fd 5', font: { size: 11 } }] };
    expect(sameValue(a, { t: 'g', children: [{ t: 'text', text: 'fd 6', font: { size: 11 } }] })).toBe(false);
    expect(sameValue(a, { t: 'g', children: [{ t: 'text', text: 'fd 5', font: { size: 12 } }] })).toBe(false);
    expect(sameValue(a, { t: 'g', children: [] })).toBe(false);
    expect(
      sameValue(a, { t: 'g', children: [{ t: 'text', text: 'fd 5', font: { size: 11 } }], changed: true }),
    ).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0, -0)).toBe(true);
  });
});
