/**
 * A linear scale for the first screen: the subset of d3-scale's scaleLinear that d3-axis and the
 * timeline use (map, invert, ticks, clamp), with d3-array's tick algorithm. d3-scale itself pulls
 * in d3-interpolate, d3-color and d3-format (9 KiB gzipped) that the first screen never uses; the
 * pages with real charts load d3-scale with their own code.
 */
import { ticks as niceTicks } from 'd3-array';

export interface LinearScale {
  (value: number): number;
  invert(px: number): number;
  ticks(count?: number): number[];
  domain(): [number, number];
  range(): [number, number];
  copy(): LinearScale;
}

/** Maps [d0, d1] onto [r0, r1], clamped to the range at both ends. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): LinearScale {
  const span = d1 - d0 || 1;
  const clamp = (t: number): number => Math.max(0, Math.min(1, t));
  const scale = ((value: number) => r0 + clamp((value - d0) / span) * (r1 - r0)) as LinearScale;
  scale.invert = (px) => d0 + clamp((px - r0) / (r1 - r0 || 1)) * span;
  scale.ticks = (count = 10) => niceTicks(d0, d1, count);
  scale.domain = () => [d0, d1];
  scale.range = () => [r0, r1];
  scale.copy = () => linearScale([d0, d1], [r0, r1]);
  return scale;
}
