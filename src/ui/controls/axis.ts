/**
 * The timeline's axis, drawn by D3 (d3-axis on d3-selection). Loaded after the first paint
 * (Timeline.tsx imports it dynamically): the axis has its own place in the SVG, so nothing
 * moves when it arrives, and the first download stays smaller.
 */
import { axisBottom, type AxisScale } from 'd3-axis';
import { select } from 'd3-selection';

export function drawAxis(
  g: SVGGElement,
  x: AxisScale<number>,
  ticks: number[],
  format: (v: number) => string,
): void {
  const axis = axisBottom(x)
    .tickValues(ticks)
    .tickSizeOuter(0)
    .tickSize(4)
    .tickFormat((v) => format(Number(v)));
  select(g).call(axis);
}
