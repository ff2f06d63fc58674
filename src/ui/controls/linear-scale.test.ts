import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { linearScale } from './linear-scale.ts';

describe("the first screen's linear scale", () => {
  it("agrees with d3-scale's clamped scaleLinear: map, invert and ticks", () => {
    for (const [domain, range] of [
      [
        [1, 178],
        [12, 900],
      ],
      [
        [0, 3],
        [0, 100],
      ],
      [
        [1, 412_000],
        [10, 1300],
      ],
    ] as const) {
      const d3 = scaleLinear().domain(domain).range(range).clamp(true);
      const ours = linearScale(domain, range);
      for (const v of [domain[0] - 5, domain[0], (domain[0] + domain[1]) / 3, domain[1], domain[1] * 2])
        expect(ours(v)).toBeCloseTo(d3(v), 9);
      for (const px of [range[0] - 3, range[0], (range[0] + range[1]) / 2, range[1] + 7])
        expect(ours.invert(px)).toBeCloseTo(d3.invert(px), 9);
      for (const count of [2, 5, 14]) expect(ours.ticks(count)).toEqual(d3.ticks(count));
    }
  });
});
