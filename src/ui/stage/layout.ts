/**
 * Where everything goes. A pure function from the scene, a width and a text measure to a
 * display list: user space on top (processes, threads, fd tables), the system-call boundary,
 * kernel space below (readiness machinery, then sockets), the network in a column at the right
 * (client hosts, packets on their wires). Boxes flow into rows and wrap, so nothing overlaps at
 * any width from MIN_WIDTH up; long text is cut with "…" and kept whole in a tooltip.
 */
import type { StageScene } from './scene.ts';
import { baseline, group, rect, textNode, type DNode } from './nodes.ts';
import { clamp, fontsOf, type Ctx, type LayoutCtx } from './layout/parts.ts';
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
/** The phone's drawing (`stacked`): one column, the network below the kernel, from this width up. */
export const MIN_STACKED_WIDTH = 320;

export function layoutStage(scene: StageScene, width: number, lc: LayoutCtx): StageLayout {
  const ctx: Ctx = { ...lc, scene, F: fontsOf(lc) };
  const W = Math.max(lc.stacked ? MIN_STACKED_WIDTH : MIN_WIDTH, Math.floor(width));
  const netW = lc.stacked ? W : clamp(Math.round(W * 0.27), 200, 330);
  const mainW = lc.stacked ? W : W - netW;
  const user = userBand(ctx, mainW);
  // On a projector the boundary is its dashed line alone (the lab writes what it means).
  const BOUNDARY = ctx.projector ? 12 : 26;
  const kernel = kernelBand(ctx, mainW);
  const mainH = user.h + BOUNDARY + kernel.h;
  const net = networkColumn(ctx, netW);
  // Stacked (a phone), the network is a band below the kernel's; else a column at the right.
  const netY = lc.stacked ? mainH : 0;
  const H = lc.stacked ? mainH + net.h : Math.max(mainH, net.h);
  const kernelTop = user.h + BOUNDARY;
  const kernelH = (lc.stacked ? mainH : H) - kernelTop;
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
        ...(ctx.projector
          ? []
          : [
              rect(
                mainW / 2 - measure(boundaryLabel, ctx.F.small) / 2 - 8,
                BOUNDARY / 2 - 9,
                measure(boundaryLabel, ctx.F.small) + 16,
                18,
                'boundary-label-bg',
                9,
              ),
              textNode(
                measure,
                mainW / 2,
                baseline(BOUNDARY / 2 - 8, ctx.F.small),
                boundaryLabel,
                ctx.F.small,
                'boundary-label',
                { anchor: 'middle', maxW: mainW - 16 },
              ),
            ]),
      ],
      { key: 'boundary' },
    ),
    group(0, kernelTop, mainW, kernelH, [rect(0, 0, mainW, kernelH, 'band band-kernel'), ...kernel.nodes], {
      key: 'band-kernel',
      cls: 'band-g',
    }),
    group(
      lc.stacked ? 0 : mainW,
      netY,
      netW,
      H - netY,
      [rect(0, 0, netW, H - netY, 'band band-net'), ...net.nodes],
      {
        key: 'band-net',
        cls: 'band-g',
      },
    ),
  ];
  return { width: W, height: Math.ceil(H), mainWidth: mainW, nodes };
}
