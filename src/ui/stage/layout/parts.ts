/**
 * The stage layout's building blocks, shared by every region: spacing constants, chips, rows of
 * byte cells, wrapped text, kernel boxes, a vertical stack, and the "+N more … not drawn" line of
 * a large machine. Pure: a scene, a width and a text measure in, display nodes out.
 */
import type { T } from '../../hooks.ts';
import { threadName } from '../describe.ts';
import type { StageScene } from '../scene.ts';
import {
  baseline,
  FONT,
  FONT_PROJECTOR,
  type Fonts,
  group,
  rect,
  textNode,
  type DNode,
  type GNode,
  type IconName,
  type TextNode,
} from '../nodes.ts';
import { byteGlyph, pyRepr, wrapText, type FontSpec, type Measure } from '../text.ts';

export interface LayoutCtx {
  t: T;
  measure: Measure;
  /**
   * The projector's drawing (the stage view): larger type and only what a student at the back
   * must read — threads and what they do, fds, buffers with their bytes, the ready list, the
   * packets. Secondary lines (tids, "last sent", the scan's bitmap line, empty accept-queue
   * slots, the boundary's caption, fds 0–2) are left out; their words stay in the lab.
   */
  projector?: boolean;
  /** The phone's drawing: one column, user then kernel then network space (with `projector` on a phone). */
  stacked?: boolean;
}

export const PAD = 8;
export const GAP = 8;
export const ROW = 16;
export const CHIP_H = 18;
export const CELL = 10;
export const CELL_STEP = 11;
export const CELL_H = 15;

export const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

export interface Part {
  nodes: DNode[];
  h: number;
}
export interface Ctx extends LayoutCtx {
  scene: StageScene;
  /** The type sizes in use: FONT, or FONT_PROJECTOR in the projector's drawing. */
  F: Fonts;
}

export const fontsOf = (lc: LayoutCtx): Fonts => (lc.projector ? FONT_PROJECTOR : FONT);

export function icon(name: IconName, x: number, y: number, s: number, cls: string): DNode {
  return { t: 'icon', name, x, y, s, cls };
}

export const STATE_ICON: Record<string, IconName> = {
  running: 'running',
  ready: 'ready',
  blocked: 'blocked',
  exited: 'exited',
};

/** A small rounded label (optionally with an icon in front), `h` = CHIP_H. */
export interface ChipOpts {
  cls?: string;
  font?: FontSpec;
  icon?: IconName | undefined;
  iconCls?: string;
  maxW?: number;
  key?: string;
  changed?: boolean;
  title?: string | undefined;
  attrs?: Record<string, string>;
}

export function chip(ctx: Ctx, label: string, opts: ChipOpts = {}): GNode {
  const font = opts.font ?? ctx.F.small;
  const iconW = opts.icon ? 14 : 0;
  const maxText = opts.maxW !== undefined ? opts.maxW - 10 - iconW : undefined;
  const text = textNode(
    ctx.measure,
    5 + iconW,
    baseline(1, font),
    label,
    font,
    'chip-text',
    maxText !== undefined ? { maxW: maxText } : {},
  );
  const w = Math.ceil(text.w + 10 + iconW);
  const children: DNode[] = [rect(0, 0, w, CHIP_H, `chip ${opts.cls ?? ''}`.trim(), 4)];
  if (opts.icon) children.push(icon(opts.icon, 10, CHIP_H / 2, 10, opts.iconCls ?? ''));
  children.push(text);
  return group(0, 0, w, CHIP_H, children, {
    key: opts.key,
    changed: opts.changed,
    title: opts.title ?? text.title,
    attrs: opts.attrs,
  });
}

/** Places groups left to right, wrapping at `maxW`; returns their height. */
export function flow(items: GNode[], x0: number, y0: number, maxW: number, gap = 4, lineGap = 4): Part {
  let x = x0;
  let y = y0;
  let lineH = 0;
  for (const it of items) {
    if (x > x0 && x + it.w > x0 + maxW) {
      x = x0;
      y += lineH + lineGap;
      lineH = 0;
    }
    it.x = x;
    it.y = y;
    x += it.w + gap;
    lineH = Math.max(lineH, it.h);
  }
  return { nodes: items, h: items.length ? y + lineH - y0 : 0 };
}

/** A line of small, muted text. */
export function label(
  ctx: Ctx,
  x: number,
  y: number,
  s: string,
  maxW: number,
  cls = 'muted',
  font: FontSpec = ctx.F.small,
): TextNode {
  return textNode(ctx.measure, x, baseline(y, font), s, font, cls, { maxW });
}

/** Explanatory text, wrapped onto at most `maxLines` lines. */
export function para(
  ctx: Ctx,
  s: string,
  maxW: number,
  cls = 'muted',
  font: FontSpec = ctx.F.small,
  maxLines = 3,
): Part {
  const lines = wrapText(s, maxW, font, ctx.measure, maxLines);
  const lineH = font.size + 4;
  return {
    nodes: lines.map((line, i) =>
      textNode(
        ctx.measure,
        0,
        baseline(i * lineH, font, lineH),
        line,
        font,
        cls,
        i === lines.length - 1 && line !== s ? { title: s } : {},
      ),
    ),
    h: lines.length * lineH,
  };
}

/**
 * A row of byte cells, one per byte with its character, plus Python's repr of the bytes on the
 * same line when it fits (on the next line otherwise). Long buffers end with "+N bytes".
 */
export function bytesRow(
  ctx: Ctx,
  data: string,
  maxW: number,
  opts: { newBytes?: number; ghost?: string; reprAlways?: boolean } = {},
): Part {
  const { t, measure } = ctx;
  const ghost = opts.ghost ?? '';
  const all = ghost + data;
  const nodes: DNode[] = [];
  const fit = Math.max(1, Math.floor((maxW + 1) / CELL_STEP));
  let shown = all.length;
  let more = '';
  if (all.length > fit) {
    more = t('stage.more', { n: all.length - fit });
    const moreW = measure(more, ctx.F.small) + 6;
    shown = Math.max(1, Math.floor((maxW - moreW + 1) / CELL_STEP));
    more = t('stage.more', { n: all.length - shown });
  }
  for (let i = 0; i < shown; i++) {
    const code = all.charCodeAt(i);
    const isGhost = i < ghost.length;
    const isNew = !isGhost && opts.newBytes !== undefined && i - ghost.length >= data.length - opts.newBytes;
    const x = i * CELL_STEP;
    nodes.push(rect(x, 0, CELL, CELL_H, isGhost ? 'cell cell-ghost' : isNew ? 'cell cell-new' : 'cell', 2));
    nodes.push(
      textNode(
        measure,
        x + CELL / 2,
        11,
        byteGlyph(code),
        ctx.F.cell,
        isGhost ? 'cell-text cell-text-ghost' : 'cell-text',
        { anchor: 'middle' },
      ),
    );
  }
  let x = shown * CELL_STEP;
  if (more) {
    nodes.push(textNode(measure, x + 4, baseline(0, ctx.F.small, CELL_H), more, ctx.F.small, 'muted'));
    x += measure(more, ctx.F.small) + 4;
  }
  let h = CELL_H;
  if (data.length > 0 || opts.reprAlways) {
    const repr = pyRepr(data);
    const reprW = measure(repr, ctx.F.mono);
    if (x + 8 + reprW <= maxW && !more)
      nodes.push(textNode(measure, x + 8, baseline(0, ctx.F.mono, CELL_H), repr, ctx.F.mono, 'mono'));
    else {
      nodes.push(textNode(measure, 0, baseline(CELL_H + 2, ctx.F.mono), repr, ctx.F.mono, 'mono', { maxW }));
      h += ROW + 2;
    }
  }
  return { nodes, h };
}

/** "asleep here:" followed by one chip per sleeping thread. */
export function waitersRow(
  ctx: Ctx,
  owner: string,
  tids: readonly number[],
  x: number,
  y: number,
  w: number,
  labelKey: string,
): Part {
  if (tids.length === 0) return { nodes: [], h: 0 };
  // On a projector the chips stand alone, by the thread's name (their zz icon says asleep).
  const head = ctx.projector ? [] : [chip(ctx, ctx.t(labelKey), { cls: 'chip-plain', maxW: w })];
  const MAXW = 8;
  const chips = tids.slice(0, MAXW).map((tid) => {
    const th = ctx.scene.threads[tid];
    const name = th ? threadName(th) : String(tid);
    return chip(ctx, ctx.projector && th ? th.name : name, {
      cls: 'chip-waiter',
      icon: 'blocked',
      iconCls: 'icon-blocked',
      maxW: w,
      key: `waiter-${owner}-${tid}`,
      title: ctx.t('stage.wait.title', { thread: name }),
    });
  });
  if (tids.length > MAXW)
    chips.push(
      chip(ctx, ctx.t('stage.more.items', { n: tids.length - MAXW }), {
        cls: 'chip-plain',
        key: `waiter-${owner}-more`,
      }),
    );
  return flow([...head, ...chips], x, y, w, 4, 3);
}

/** A kernel-side box: a title and a body built at the given inner width. */
export function kbox(
  ctx: Ctx,
  w: number,
  title: string,
  body: (y: number, innerW: number) => Part,
  extra: { key: string; changed?: boolean; cls?: string; attrs?: Record<string, string>; title?: string },
): GNode {
  const innerW = w - 2 * PAD;
  const head = textNode(ctx.measure, PAD, baseline(4, ctx.F.bold), title, ctx.F.bold, 'title', {
    maxW: innerW,
  });
  const b = body(24, innerW);
  const h = Math.ceil(24 + b.h + PAD);
  return group(0, 0, w, h, [rect(0, 0, w, h, `box ${extra.cls ?? 'box-kernel'}`, 6), head, ...b.nodes], {
    key: extra.key,
    changed: extra.changed,
    attrs: extra.attrs,
    title: extra.title,
  });
}

/** Stacks parts vertically inside a box, each at x = PAD. */
export class Stack {
  nodes: DNode[] = [];
  y: number;
  constructor(
    y: number,
    readonly gap = 4,
  ) {
    this.y = y;
  }
  add(part: Part, x = PAD): void {
    if (part.h === 0 && part.nodes.length === 0) return;
    this.nodes.push(group(x, this.y, 0, part.h, part.nodes));
    this.y += part.h + this.gap;
  }
  text(node: TextNode, h = ROW): void {
    this.nodes.push(node);
    node.x += PAD;
    node.y += this.y;
    this.y += h + this.gap;
  }
  part(y0: number): Part {
    return { nodes: this.nodes, h: Math.max(0, this.y - this.gap - y0) };
  }
}

/** Thousands grouped (10,000): the counts of a large machine. */
export const count = (n: number): string => n.toLocaleString('en');

/** "+N more … not drawn: a idle, b with data": the head, then the parts when there are any. */
export function moreSummary(ctx: Ctx, head: string, parts: string[]): string {
  return parts.length
    ? ctx.t('stage.more.detail', { head, list: parts.join(ctx.t('stage.more.sep')) })
    : head;
}

/** A summary of what is not drawn, wrapped onto two lines at most; returns the height it takes. */
export function summaryLine(
  ctx: Ctx,
  text: string,
  x: number,
  y: number,
  w: number,
  testid: string,
  nodes: DNode[],
): number {
  const p = para(ctx, text, w, 'muted', ctx.F.small, 2);
  nodes.push(group(x, y, w, p.h, p.nodes, { key: testid, title: text, attrs: { 'data-testid': testid } }));
  return Math.max(ROW, p.h) + GAP;
}
