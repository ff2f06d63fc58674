/**
 * The stage's display list: positioned groups, boxes, texts, lines and icons. The layout builds
 * it (pure, testable: nothing overlaps, nothing leaves its box); React only draws it. Groups
 * carry stable keys (`thread-4000`, `sock-6`, `packet-12`, `fd-4000-3`) for the motion to come.
 */
import type { FontSpec, Measure } from './text.ts';
import { fitText } from './text.ts';

export type IconName =
  | 'running'
  | 'ready'
  | 'blocked'
  | 'exited'
  | 'warn'
  | 'check'
  | 'key'
  | 'arrow-left'
  | 'arrow-right'
  | 'host'
  | 'cpu';

export interface GNode {
  t: 'g';
  x: number;
  y: number;
  w: number;
  h: number;
  key?: string;
  cls?: string;
  title?: string;
  /** Extra attributes (data-testid, data-state…). */
  attrs?: Record<string, string>;
  /** Changed since the step before: drawn with a calm halo. */
  changed?: boolean;
  children: DNode[];
}
export interface RectNode {
  t: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  r?: number;
  cls: string;
}
export interface TextNode {
  t: 'text';
  x: number;
  y: number;
  text: string;
  cls: string;
  font: FontSpec;
  anchor?: 'start' | 'middle' | 'end';
  /** Measured width (for the overlap tests and for placing what follows). */
  w: number;
  title?: string;
}
export interface LineNode {
  t: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  cls: string;
}
export interface IconNode {
  t: 'icon';
  name: IconName;
  x: number;
  y: number;
  s: number;
  cls: string;
}
export type DNode = GNode | RectNode | TextNode | LineNode | IconNode;

export const FONT = {
  body: { size: 12 },
  bold: { size: 12, bold: true },
  small: { size: 11 },
  smallBold: { size: 11, bold: true },
  mono: { size: 11, mono: true },
  tag: { size: 10, bold: true },
  cell: { size: 10, mono: true },
  band: { size: 12, bold: true },
} satisfies Record<string, FontSpec>;
export type Fonts = { [K in keyof typeof FONT]: FontSpec };

/**
 * The projector's type (the stage view): no text under 12 units, so that the drawing, fitted to
 * a 1280×720 screen, reads at 20 px or more from the back of a room.
 */
export const FONT_PROJECTOR = Object.fromEntries(
  Object.entries(FONT).map(([k, f]) => [k, { ...f, size: Math.max(12, f.size) }]),
) as Fonts;

/** Baseline of a line of `font` text whose box starts at `top` in a row of height `rowH`. */
export const baseline = (top: number, font: FontSpec, rowH = 16): number => top + rowH / 2 + font.size * 0.36;

export interface TextOpts {
  anchor?: 'start' | 'middle' | 'end';
  maxW?: number;
  title?: string;
}

export function textNode(
  measure: Measure,
  x: number,
  y: number,
  s: string,
  font: FontSpec,
  cls: string,
  opts: TextOpts = {},
): TextNode {
  const shown = opts.maxW !== undefined ? fitText(s, Math.max(0, opts.maxW), font, measure) : s;
  const node: TextNode = { t: 'text', x, y, text: shown, cls, font, w: measure(shown, font) };
  if (opts.anchor && opts.anchor !== 'start') node.anchor = opts.anchor;
  const title = opts.title ?? (shown !== s ? s : undefined);
  if (title !== undefined) node.title = title;
  return node;
}

export function rect(x: number, y: number, w: number, h: number, cls: string, r = 0): RectNode {
  return r ? { t: 'rect', x, y, w, h, r, cls } : { t: 'rect', x, y, w, h, cls };
}

export type GroupExtra = { [K in 'key' | 'cls' | 'title' | 'attrs' | 'changed']?: GNode[K] | undefined };

export function group(
  x: number,
  y: number,
  w: number,
  h: number,
  children: DNode[],
  extra: GroupExtra = {},
): GNode {
  const g: GNode = { t: 'g', x, y, w, h, children };
  for (const [k, v] of Object.entries(extra))
    if (v !== undefined) (g as unknown as Record<string, unknown>)[k] = v;
  return g;
}

/** Every text with its absolute box, for tests (overlap, bounds). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  path: string;
}

export function placedTexts(nodes: readonly DNode[], ox = 0, oy = 0, path = ''): PlacedText[] {
  const out: PlacedText[] = [];
  for (const n of nodes) {
    if (n.t === 'g')
      out.push(...placedTexts(n.children, ox + n.x, oy + n.y, n.key ? `${path}/${n.key}` : path));
    else if (n.t === 'text' && n.text !== '') {
      const left = n.anchor === 'middle' ? n.x - n.w / 2 : n.anchor === 'end' ? n.x - n.w : n.x;
      out.push({
        text: n.text,
        x: ox + left,
        y: oy + n.y - n.font.size * 0.78,
        w: n.w,
        h: n.font.size * 1.0,
        path,
      });
    }
  }
  return out;
}

/** Every group with its absolute box. */
export function placedGroups(
  nodes: readonly DNode[],
  ox = 0,
  oy = 0,
): (GNode & { ax: number; ay: number })[] {
  const out: (GNode & { ax: number; ay: number })[] = [];
  for (const n of nodes) {
    if (n.t !== 'g') continue;
    out.push({ ...n, ax: ox + n.x, ay: oy + n.y });
    out.push(...placedGroups(n.children, ox + n.x, oy + n.y));
  }
  return out;
}
