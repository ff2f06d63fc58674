/**
 * Fitting the stage to its box: lay out at the box's width and draw it 1:1; on a large screen
 * with room to spare draw it a little larger; when it is taller than the box, lay out wider and
 * draw it a little smaller (down to MIN_SCALE, so text stays readable), and past that let the
 * box scroll. A box narrower than the narrowest layout (a phone) gets the phone's drawing: one
 * column (user, kernel, network space stacked), the projector's sparser content and type, laid
 * out at the box's width and drawn 1:1 — readable without a pinch, never a sideways scroll.
 */
import type { StageScene } from './scene.ts';
import { layoutStage, MIN_WIDTH, type LayoutCtx, type StageLayout } from './layout.ts';

export const SCALES = [1.2, 1.1, 1, 0.92, 0.85] as const;
/** Drawing larger than 1:1 only when the layout still gets at least this much room. */
const MIN_WIDTH_TO_ENLARGE = 880;
export const MIN_SCALE = SCALES[SCALES.length - 1];

export interface Fitted {
  layout: StageLayout;
  scale: number;
}

export function fitStage(scene: StageScene, box: { width: number; height: number }, ctx: LayoutCtx): Fitted {
  const width = box.width > 0 ? box.width : 960;
  if (width < MIN_WIDTH * Math.min(...SCALES)) {
    const layout = layoutStage(scene, width, { ...ctx, projector: true, stacked: true });
    return { layout, scale: Math.min(1, width / layout.width) };
  }
  const tried: (Fitted & { fitsWidth: boolean })[] = [];
  for (const scale of SCALES) {
    if (scale > 1 && width / scale < MIN_WIDTH_TO_ENLARGE) continue;
    const layout = layoutStage(scene, Math.max(MIN_WIDTH, Math.floor(width / scale)), ctx);
    const fitsWidth = layout.width * scale <= width + 1;
    const fitsHeight = box.height <= 0 || layout.height * scale <= box.height + 1;
    if (fitsWidth && fitsHeight) return { layout, scale };
    tried.push({ layout, scale, fitsWidth });
  }
  // Nothing fits both ways: keep the text as large as the width allows and scroll down.
  const pick = tried.find((f) => f.fitsWidth) ?? tried[tried.length - 1]!;
  return { layout: pick.layout, scale: pick.scale };
}

/** Layout widths tried for the stage view, narrowest (largest type) first. */
const SCREEN_WIDTHS = [MIN_WIDTH, 750, 800, 850, 900, 1000, 1100, 1250, 1400, 1600] as const;

/**
 * The stage view (a projector): the whole stage in the box, no scrolling, as large as it can be
 * drawn. Tries layout widths and keeps the one whose drawing, scaled to fit both ways, is largest.
 */
export function fitScreen(scene: StageScene, box: { width: number; height: number }, ctx: LayoutCtx): Fitted {
  const w = box.width > 0 ? box.width : 1280;
  const h = box.height > 0 ? box.height : 600;
  let best: Fitted | null = null;
  for (const width of SCREEN_WIDTHS) {
    const layout = layoutStage(scene, width, ctx);
    const scale = Math.min(w / layout.width, h / layout.height);
    if (!best || scale > best.scale + 0.005) best = { layout, scale };
    if (layout.width * scale >= w - 1) break; // wider layouts only get smaller
  }
  return best!;
}
