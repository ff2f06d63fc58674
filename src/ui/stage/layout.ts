/**
 * Where everything goes. A pure function from the scene, a width and a text measure to a
 * display list: user space on top (processes, threads, fd tables), the system-call boundary,
 * kernel space below (readiness machinery, then sockets), the network in a column at the right
 * (client hosts, packets on their wires). Boxes flow into rows and wrap, so nothing overlaps at
 * any width from MIN_WIDTH up; long text is cut with "…" and kept whole in a tooltip.
 */
import type { StageScene } from './scene.ts';
import { baseline, FONT, group, rect, textNode, type DNode } from './nodes.ts';
import { clamp, type Ctx, type LayoutCtx } from './layout/parts.ts';
import { userBand } from './layout/user-space.ts';
import { kernelBand } from './layout/kernel-space.ts';
import { networkColumn } from './layout/network.ts';

export type { LayoutCtx } from './layout/parts.ts';
export interface StageLayout {
  width: number;
  height: number;
  mainWidth: number;
  nodes: DNode[];
}

/** Below this the stage scrolls sideways instead of squeezing. */
export const MIN_WIDTH = 700;

export function layoutStage(scene: StageScene, width: number, lc: LayoutCtx): StageLayout {
  const ctx: Ctx = { ...lc, scene };
  const W = Math.max(MIN_WIDTH, Math.floor(width));
  const netW = clamp(Math.round(W * 0.27), 200, 330);
  const mainW = W - netW;
  const user = userBand(ctx, mainW);
  const BOUNDARY = 26;
  const kernel = kernelBand(ctx, mainW);
  const mainH = user.h + BOUNDARY + kernel.h;
  const net = networkColumn(ctx, netW);
  const H = Math.max(mainH, net.h);
  const kernelTop = user.h + BOUNDARY;
  const { t, measure } = ctx;
  const boundaryLabel = t('stage.boundary');
  const nodes: DNode[] = [
    group(0, 0, mainW, user.h, [rect(0, 0, mainW, user.h, 'band band-user'), ...user.nodes], {
      key: 'band-user',
      cls: 'band-g',
    }),
    group(
      0,
      user.h,
      mainW,
      BOUNDARY,
      [
        rect(0, 0, mainW, BOUNDARY, 'boundary-bg'),
        { t: 'line', x1: 0, y1: BOUNDARY / 2, x2: mainW, y2: BOUNDARY / 2, cls: 'boundary-line' },
        rect(
          mainW / 2 - measure(boundaryLabel, FONT.small) / 2 - 8,
          BOUNDARY / 2 - 9,
          measure(boundaryLabel, FONT.small) + 16,
          18,
          'boundary-label-bg',
          9,
        ),
        textNode(
          measure,
          mainW / 2,
          baseline(BOUNDARY / 2 - 8, FONT.small),
          boundaryLabel,
          FONT.small,
          'boundary-label',
          { anchor: 'middle', maxW: mainW - 16 },
        ),
      ],
      { key: 'boundary' },
    ),
    group(
      0,
      kernelTop,
      mainW,
      H - kernelTop,
      [rect(0, 0, mainW, H - kernelTop, 'band band-kernel'), ...kernel.nodes],
      { key: 'band-kernel', cls: 'band-g' },
    ),
    group(mainW, 0, netW, H, [rect(0, 0, netW, H, 'band band-net'), ...net.nodes], {
      key: 'band-net',
      cls: 'band-g',
    }),
  ];
  return { width: W, height: Math.ceil(H), mainWidth: mainW, nodes };
}
