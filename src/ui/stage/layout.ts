/**
 * Where everything goes. A pure function from the scene, a width and a text measure to a
 * display list: user space on top (processes, threads, fd tables), the system-call boundary,
 * kernel space below (readiness machinery, then sockets), the network in a column at the right
 * (client hosts, packets on their wires). Boxes flow into rows and wrap, so nothing overlaps at
 * any width from MIN_WIDTH up; long text is cut with "…" and kept whole in a tooltip.
 */
import type { T } from '../hooks.ts';
import {
  bytesText, callText, clientStateText, eventsText, fdWhatText, refsText, sockStatus, sockTitle, stateText, threadName,
} from './describe.ts';
import type {
  ClientScene, EpollScene, FdScene, PacketScene, PoolScene, ProcScene, ScanScene, SignalScene, SockScene, StageScene, TerminalScene,
  ThreadScene, UringScene,
} from './model.ts';
import { baseline, FONT, group, rect, textNode, type DNode, type GNode, type IconName, type TextNode } from './nodes.ts';
import { byteGlyph, pyRepr, wrapText, type FontSpec, type Measure } from './text.ts';

export interface LayoutCtx { t: T; measure: Measure }
export interface StageLayout { width: number; height: number; mainWidth: number; nodes: DNode[] }

/** Below this the stage scrolls sideways instead of squeezing. */
export const MIN_WIDTH = 700;
const PAD = 8;
const GAP = 8;
const ROW = 16;
const CHIP_H = 18;
const CELL = 10;
const CELL_STEP = 11;
const CELL_H = 15;

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

interface Part { nodes: DNode[]; h: number }
interface Ctx extends LayoutCtx { scene: StageScene }

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
    group(0, 0, mainW, user.h, [rect(0, 0, mainW, user.h, 'band band-user'), ...user.nodes], { key: 'band-user', cls: 'band-g' }),
    group(0, user.h, mainW, BOUNDARY, [
      rect(0, 0, mainW, BOUNDARY, 'boundary-bg'),
      { t: 'line', x1: 0, y1: BOUNDARY / 2, x2: mainW, y2: BOUNDARY / 2, cls: 'boundary-line' },
      rect(mainW / 2 - measure(boundaryLabel, FONT.small) / 2 - 8, BOUNDARY / 2 - 9, measure(boundaryLabel, FONT.small) + 16, 18, 'boundary-label-bg', 9),
      textNode(measure, mainW / 2, baseline(BOUNDARY / 2 - 8, FONT.small), boundaryLabel, FONT.small, 'boundary-label', { anchor: 'middle', maxW: mainW - 16 }),
    ], { key: 'boundary' }),
    group(0, kernelTop, mainW, H - kernelTop, [rect(0, 0, mainW, H - kernelTop, 'band band-kernel'), ...kernel.nodes], { key: 'band-kernel', cls: 'band-g' }),
    group(mainW, 0, netW, H, [rect(0, 0, netW, H, 'band band-net'), ...net.nodes], { key: 'band-net', cls: 'band-g' }),
  ];
  return { width: W, height: Math.ceil(H), mainWidth: mainW, nodes };
}

/* ───────────── small parts ───────────── */

function icon(name: IconName, x: number, y: number, s: number, cls: string): DNode {
  return { t: 'icon', name, x, y, s, cls };
}

const STATE_ICON: Record<string, IconName> = { running: 'running', ready: 'ready', blocked: 'blocked', exited: 'exited' };

/** A small rounded label (optionally with an icon in front), `h` = CHIP_H. */
interface ChipOpts { cls?: string; font?: FontSpec; icon?: IconName | undefined; iconCls?: string; maxW?: number; key?: string; changed?: boolean; title?: string | undefined; attrs?: Record<string, string> }

function chip(ctx: Ctx, label: string, opts: ChipOpts = {}): GNode {
  const font = opts.font ?? FONT.small;
  const iconW = opts.icon ? 14 : 0;
  const maxText = opts.maxW !== undefined ? opts.maxW - 10 - iconW : undefined;
  const text = textNode(ctx.measure, 5 + iconW, baseline(1, font), label, font, 'chip-text', maxText !== undefined ? { maxW: maxText } : {});
  const w = Math.ceil(text.w + 10 + iconW);
  const children: DNode[] = [rect(0, 0, w, CHIP_H, `chip ${opts.cls ?? ''}`.trim(), 4)];
  if (opts.icon) children.push(icon(opts.icon, 10, CHIP_H / 2, 10, opts.iconCls ?? ''));
  children.push(text);
  return group(0, 0, w, CHIP_H, children, { key: opts.key, changed: opts.changed, title: opts.title ?? text.title, attrs: opts.attrs });
}

/** Places groups left to right, wrapping at `maxW`; returns their height. */
function flow(items: GNode[], x0: number, y0: number, maxW: number, gap = 4, lineGap = 4): Part {
  let x = x0;
  let y = y0;
  let lineH = 0;
  for (const it of items) {
    if (x > x0 && x + it.w > x0 + maxW) { x = x0; y += lineH + lineGap; lineH = 0; }
    it.x = x;
    it.y = y;
    x += it.w + gap;
    lineH = Math.max(lineH, it.h);
  }
  return { nodes: items, h: items.length ? y + lineH - y0 : 0 };
}

/** A line of small, muted text. */
function label(ctx: Ctx, x: number, y: number, s: string, maxW: number, cls = 'muted', font: FontSpec = FONT.small): TextNode {
  return textNode(ctx.measure, x, baseline(y, font), s, font, cls, { maxW });
}

/** Explanatory text, wrapped onto at most `maxLines` lines. */
function para(ctx: Ctx, s: string, maxW: number, cls = 'muted', font: FontSpec = FONT.small, maxLines = 3): Part {
  const lines = wrapText(s, maxW, font, ctx.measure, maxLines);
  const lineH = font.size + 4;
  return {
    nodes: lines.map((line, i) => textNode(ctx.measure, 0, baseline(i * lineH, font, lineH), line, font, cls, i === lines.length - 1 && line !== s ? { title: s } : {})),
    h: lines.length * lineH,
  };
}

/**
 * A row of byte cells, one per byte with its character, plus Python's repr of the bytes on the
 * same line when it fits (on the next line otherwise). Long buffers end with "+N bytes".
 */
function bytesRow(ctx: Ctx, data: string, maxW: number, opts: { newBytes?: number; ghost?: string; reprAlways?: boolean } = {}): Part {
  const { t, measure } = ctx;
  const ghost = opts.ghost ?? '';
  const all = ghost + data;
  const nodes: DNode[] = [];
  const fit = Math.max(1, Math.floor((maxW + 1) / CELL_STEP));
  let shown = all.length;
  let more = '';
  if (all.length > fit) {
    more = t('stage.more', { n: all.length - fit });
    const moreW = measure(more, FONT.small) + 6;
    shown = Math.max(1, Math.floor((maxW - moreW + 1) / CELL_STEP));
    more = t('stage.more', { n: all.length - shown });
  }
  for (let i = 0; i < shown; i++) {
    const code = all.charCodeAt(i);
    const isGhost = i < ghost.length;
    const isNew = !isGhost && opts.newBytes !== undefined && i - ghost.length >= data.length - opts.newBytes;
    const x = i * CELL_STEP;
    nodes.push(rect(x, 0, CELL, CELL_H, isGhost ? 'cell cell-ghost' : isNew ? 'cell cell-new' : 'cell', 2));
    nodes.push(textNode(measure, x + CELL / 2, 11, byteGlyph(code), FONT.cell, isGhost ? 'cell-text cell-text-ghost' : 'cell-text', { anchor: 'middle' }));
  }
  let x = shown * CELL_STEP;
  if (more) {
    nodes.push(textNode(measure, x + 4, baseline(0, FONT.small, CELL_H), more, FONT.small, 'muted'));
    x += measure(more, FONT.small) + 4;
  }
  let h = CELL_H;
  if (data.length > 0 || opts.reprAlways) {
    const repr = pyRepr(data);
    const reprW = measure(repr, FONT.mono);
    if (x + 8 + reprW <= maxW && !more) nodes.push(textNode(measure, x + 8, baseline(0, FONT.mono, CELL_H), repr, FONT.mono, 'mono'));
    else {
      nodes.push(textNode(measure, 0, baseline(CELL_H + 2, FONT.mono), repr, FONT.mono, 'mono', { maxW }));
      h += ROW + 2;
    }
  }
  return { nodes, h };
}

/** "asleep here:" followed by one chip per sleeping thread. */
function waitersRow(ctx: Ctx, owner: string, tids: readonly number[], x: number, y: number, w: number, labelKey: string): Part {
  if (tids.length === 0) return { nodes: [], h: 0 };
  const head = chip(ctx, ctx.t(labelKey), { cls: 'chip-plain', maxW: w });
  const MAXW = 8;
  const chips = tids.slice(0, MAXW).map((tid) => {
    const th = ctx.scene.threads[tid];
    const name = th ? threadName(th) : String(tid);
    return chip(ctx, name, { cls: 'chip-waiter', icon: 'blocked', iconCls: 'icon-blocked', maxW: w, key: `waiter-${owner}-${tid}`, title: ctx.t('stage.wait.title', { thread: name }) });
  });
  if (tids.length > MAXW) chips.push(chip(ctx, ctx.t('stage.more.items', { n: tids.length - MAXW }), { cls: 'chip-plain', key: `waiter-${owner}-more` }));
  return flow([head, ...chips], x, y, w, 4, 3);
}

/** A kernel-side box: a title and a body built at the given inner width. */
function kbox(ctx: Ctx, w: number, title: string, body: (y: number, innerW: number) => Part, extra: { key: string; changed?: boolean; cls?: string; attrs?: Record<string, string>; title?: string }): GNode {
  const innerW = w - 2 * PAD;
  const head = textNode(ctx.measure, PAD, baseline(4, FONT.bold), title, FONT.bold, 'title', { maxW: innerW });
  const b = body(24, innerW);
  const h = Math.ceil(24 + b.h + PAD);
  return group(0, 0, w, h, [rect(0, 0, w, h, `box ${extra.cls ?? 'box-kernel'}`, 6), head, ...b.nodes], {
    key: extra.key, changed: extra.changed, attrs: extra.attrs, title: extra.title,
  });
}

/** Stacks parts vertically inside a box, each at x = PAD. */
class Stack {
  nodes: DNode[] = [];
  y: number;
  constructor(y: number, readonly gap = 4) { this.y = y; }
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
  part(y0: number): Part { return { nodes: this.nodes, h: Math.max(0, this.y - this.gap - y0) }; }
}

/* ───────────── user space ───────────── */

function userBand(ctx: Ctx, w: number): Part {
  const { t, scene, measure } = ctx;
  const nodes: DNode[] = [];
  const bandLabel = textNode(measure, PAD, baseline(4, FONT.band), t('stage.band.user'), FONT.band, 'band-label');
  nodes.push(bandLabel);
  // Which thread each core runs: with one core, an idle CPU is the point of blocking I/O.
  const cpus = scene.cores.map((tid, core) => {
    const th = tid !== null ? scene.threads[tid] : undefined;
    const who = th ? threadName(th) : t('stage.cpu.idle');
    return chip(ctx, t('stage.cpu', { n: core, who }), {
      cls: th ? 'chip-cpu' : 'chip-cpu chip-idle', icon: th ? 'running' : 'cpu', iconCls: th ? 'icon-running' : 'icon-idle',
      key: `cpu-${core}`, maxW: Math.max(120, (w - bandLabel.w - 4 * PAD) / scene.cores.length - 4),
    });
  });
  const cpuW = cpus.reduce((s, c) => s + c.w + 4, 0);
  const cpuX0 = Math.max(bandLabel.w + PAD + 16, w - PAD - cpuW);
  const cpuPart = flow(cpus, cpuX0, 3, w - PAD - cpuX0);
  nodes.push(...cpuPart.nodes);
  let y = Math.max(24, 3 + cpuPart.h + 5);

  const live = scene.procs;
  if (live.length === 0 && scene.exitedProcs.length === 0) {
    nodes.push(label(ctx, PAD, y, t('stage.proc.none'), w - 2 * PAD));
    y += ROW;
  }
  const avail = w - 2 * PAD;
  const perRow = Math.max(1, Math.min(live.length, Math.floor((avail + GAP) / (250 + GAP))));
  for (let i = 0; i < live.length; i += perRow) {
    const row = live.slice(i, i + perRow);
    const bw = (avail - GAP * (row.length - 1)) / row.length;
    const boxes = row.map((p) => procBox(ctx, p, bw));
    const rowH = Math.max(...boxes.map((b) => b.h));
    boxes.forEach((b, j) => {
      b.x = PAD + j * (bw + GAP);
      b.y = y;
      // equal heights in a row read as a row
      const bg = b.children[0];
      if (bg && bg.t === 'rect') bg.h = rowH;
      b.h = rowH;
      nodes.push(b);
    });
    y += rowH + GAP;
  }
  if (scene.hiddenProcs > 0) {
    const more = chip(ctx, t('stage.more.procs', { n: scene.hiddenProcs }), { cls: 'chip-plain', key: 'more-procs', maxW: avail });
    more.x = PAD; more.y = y;
    nodes.push(more);
    y += CHIP_H + GAP;
  }
  if (scene.exitedProcs.length > 0) {
    const shown = scene.exitedProcs.slice(-6);
    const chips = shown.map((p) => chip(ctx, t('stage.proc.exitedChip', { name: p.name, pid: p.pid, code: p.code ?? '?' }), {
      cls: 'chip-exited', icon: 'exited', iconCls: 'icon-exited', key: `proc-${p.pid}`, changed: p.changed, maxW: avail,
    }));
    const hidden = scene.exitedProcs.length - shown.length;
    if (hidden > 0) chips.unshift(chip(ctx, t('stage.proc.moreExited', { n: hidden }), { cls: 'chip-plain' }));
    const part = flow(chips, PAD, y, avail);
    nodes.push(...part.nodes);
    y += part.h + GAP;
  }
  return { nodes, h: Math.ceil(y + 2) };
}

function procBox(ctx: Ctx, p: ProcScene, w: number): GNode {
  const { t, measure } = ctx;
  const inner = w - 2 * PAD;
  const nodes: DNode[] = [];
  const title = t('stage.proc.title', { name: p.name, pid: p.pid });
  const head = textNode(measure, PAD, baseline(4, FONT.bold), title, FONT.bold, 'title', { maxW: inner });
  nodes.push(head);
  if (p.parent !== null) {
    const x = PAD + head.w + 8;
    if (x < w - PAD - 40) nodes.push(textNode(measure, x, baseline(4, FONT.small), t('stage.proc.child', { parent: p.parent }), FONT.small, 'muted', { maxW: w - PAD - x }));
  }
  let y = 24;
  if (p.showGil) {
    const holder = p.gil !== null ? ctx.scene.threads[p.gil] : undefined;
    const gilText = holder ? t('stage.gil.held', { thread: threadName(holder) }) : t('stage.gil.free');
    const items = [chip(ctx, gilText, { cls: 'chip-gil', icon: 'key', iconCls: 'icon-key', key: `gil-${p.pid}`, maxW: inner, title: t('stage.gil.title') })];
    if (p.gilWaiters.length) {
      const names = p.gilWaiters.map((tid) => { const th = ctx.scene.threads[tid]; return th ? threadName(th) : String(tid); });
      items.push(chip(ctx, t('stage.gil.waiting', { list: names.join(', ') }), { cls: 'chip-waiter', icon: 'blocked', iconCls: 'icon-blocked', maxW: inner, key: `gil-wait-${p.pid}` }));
    }
    // On the title's line when it fits there, else on a line of its own.
    const headRight = PAD + head.w + 12;
    const itemsW = items.reduce((sum, it) => sum + it.w + 4, -4);
    if (p.parent === null && headRight + itemsW <= w - PAD) {
      const part = flow(items, w - PAD - itemsW, 3, itemsW);
      nodes.push(...part.nodes);
    } else {
      const part = flow(items, PAD, y, inner);
      nodes.push(...part.nodes);
      y += part.h + 6;
    }
  }

  // Threads as cards; the fd table beside them when there is room, else below.
  const n = Math.max(1, p.threads.length);
  const minCard = 210;
  const cols = Math.max(1, Math.min(n, Math.floor((inner + GAP) / (minCard + GAP))));
  let cardW = Math.min(300, (inner - GAP * (cols - 1)) / cols);
  // A lone column of cards leaves the fd table a column of its own: give it room for its tags.
  if (cols === 1 && inner - cardW - 2 * GAP < 280 && inner - 2 * GAP - 280 >= 230) cardW = inner - 2 * GAP - 280;
  const threadsW = cols * cardW + (cols - 1) * GAP;
  const besideW = inner - threadsW - GAP * 2;
  const fdBeside = besideW >= 190;
  let ty = y;
  let lastRow = { y, h: 0, used: 0 };
  for (let i = 0; i < p.threads.length; i += cols) {
    const row = p.threads.slice(i, i + cols).map((th) => threadCard(ctx, th, cardW));
    const rowH = Math.max(...row.map((c) => c.h));
    row.forEach((c, j) => { c.x = PAD + j * (cardW + GAP); c.y = ty; nodes.push(c); });
    lastRow = { y: ty, h: rowH, used: row.length * (cardW + GAP) };
    ty += rowH + GAP;
  }
  if (p.hiddenThreads > 0) {
    const more = chip(ctx, t('stage.more.threads', { n: p.hiddenThreads }), { cls: 'chip-plain', key: `more-threads-${p.pid}`, maxW: inner });
    more.x = PAD; more.y = ty;
    nodes.push(more);
    ty += CHIP_H + GAP;
    lastRow = { y: ty, h: 0, used: inner + GAP };
  }
  if (p.exitedThreads.length > 0) {
    const shown = p.exitedThreads.slice(-4);
    const chips = shown.map((th) => chip(ctx, t('stage.thread.exitedChip', { thread: threadName(th) }), {
      cls: 'chip-exited', icon: 'exited', iconCls: 'icon-exited', key: `thread-${th.tid}`, maxW: threadsW,
      attrs: { 'data-testid': `thread-${th.tid}`, 'data-state': 'exited' }, changed: th.changed,
    }));
    if (p.exitedThreads.length > shown.length) chips.unshift(chip(ctx, t('stage.thread.moreExited', { n: p.exitedThreads.length - shown.length }), { cls: 'chip-plain' }));
    const part = flow(chips, PAD, ty, fdBeside ? threadsW : inner);
    nodes.push(...part.nodes);
    ty += part.h + GAP;
    lastRow = { y: ty, h: 0, used: inner + GAP };
  }
  // The fd table: beside the threads when there is a column free; else in the room the last
  // row of threads leaves; else below them.
  let h: number;
  const spare = inner - lastRow.used - GAP;
  if (fdBeside) {
    const x = PAD + threadsW + GAP * 2;
    const fds = fdTable(ctx, p, besideW);
    nodes.push(group(x, y, besideW, fds.h, fds.nodes, { key: `fds-${p.pid}` }));
    h = Math.max(ty - GAP, y + fds.h) + PAD;
  } else if (spare >= 190 && lastRow.h > 0 && fdTable(ctx, p, spare).h <= lastRow.h) {
    const fds = fdTable(ctx, p, spare);
    nodes.push(group(PAD + lastRow.used + GAP, lastRow.y, spare, fds.h, fds.nodes, { key: `fds-${p.pid}` }));
    h = ty - GAP + PAD;
  } else {
    const fds = fdTable(ctx, p, inner);
    nodes.push(group(PAD, ty, inner, fds.h, fds.nodes, { key: `fds-${p.pid}` }));
    h = ty + fds.h + PAD;
  }
  h = Math.ceil(h);
  return group(0, 0, w, h, [rect(0, 0, w, h, `box box-proc${p.exited ? ' box-exited' : ''}`, 6), ...nodes], {
    key: `proc-${p.pid}`, changed: p.changed, attrs: { 'data-testid': `proc-${p.pid}` },
  });
}

/** Thousands grouped (10,000): the counts of a large machine. */
const count = (n: number): string => n.toLocaleString('en');

/** "+N more … not drawn: a idle, b with data": the head, then the parts when there are any. */
function moreSummary(ctx: Ctx, head: string, parts: string[]): string {
  return parts.length ? ctx.t('stage.more.detail', { head, list: parts.join(ctx.t('stage.more.sep')) }) : head;
}

/** A summary of what is not drawn, wrapped onto two lines at most; returns the height it takes. */
function summaryLine(ctx: Ctx, text: string, x: number, y: number, w: number, testid: string, nodes: DNode[]): number {
  const p = para(ctx, text, w, 'muted', FONT.small, 2);
  nodes.push(group(x, y, w, p.h, p.nodes, { key: testid, title: text, attrs: { 'data-testid': testid } }));
  return Math.max(ROW, p.h) + GAP;
}

function fdTable(ctx: Ctx, p: ProcScene, w: number): Part {
  const { t } = ctx;
  const head = label(ctx, 0, 0, t('stage.fds'), w);
  const chips = p.fds.map((f) => fdChip(ctx, p.pid, f, w));
  if (p.hiddenFds > 0) chips.push(chip(ctx, t('stage.more.fds', { n: count(p.hiddenFds) }), { cls: 'chip-plain', key: `fds-more-${p.pid}`, maxW: w, attrs: { 'data-testid': `fds-more-${p.pid}` } }));
  const part = flow(chips, 0, ROW + 2, w, 4, 4);
  return { nodes: [head, ...part.nodes], h: ROW + 2 + part.h };
}

function fdChip(ctx: Ctx, pid: number, f: FdScene, maxW: number): GNode {
  const { t, measure } = ctx;
  const num = textNode(measure, 5, baseline(1, FONT.smallBold), String(f.fd), FONT.smallBold, 'chip-text');
  const tags: string[] = [];
  if (f.nonblock) tags.push('NONBLOCK');
  if (f.async) tags.push('ASYNC');
  const tagWs = tags.map((tg) => measure(tg, FONT.tag) + 8);
  const tagsW = tagWs.reduce((s, x) => s + x + 3, 0);
  const what = fdWhatText(f.what, t, f.pair);
  const text = textNode(measure, 5 + num.w + 5, baseline(1, FONT.small), what, FONT.small, 'chip-text', { maxW: maxW - num.w - 15 - tagsW });
  const children: DNode[] = [];
  let x = text.x + text.w + 5;
  const tagNodes: DNode[] = [];
  tags.forEach((tg, i) => {
    tagNodes.push(rect(x, 3, tagWs[i]!, CHIP_H - 6, 'tag', 2));
    tagNodes.push(textNode(measure, x + 4, baseline(3, FONT.tag, CHIP_H - 6), tg, FONT.tag, 'tag-text'));
    x += tagWs[i]! + 3;
  });
  const w = Math.ceil(x + (tags.length ? 2 : 0));
  children.push(rect(0, 0, w, CHIP_H, `chip chip-fd chip-fd-${f.what.kind}`, 4), num, text, ...tagNodes);
  const title = [t('stage.fd.title', { fd: f.fd, what }), ...(f.nonblock ? [t('stage.flag.nonblock')] : []), ...(f.async ? [t('stage.flag.async')] : [])].join('\n');
  return group(0, 0, w, CHIP_H, children, { key: `fd-${pid}-${f.fd}`, changed: f.changed, title });
}

function threadCard(ctx: Ctx, th: ThreadScene, w: number): GNode {
  const { t, measure, scene } = ctx;
  const inner = w - 2 * PAD;
  const nodes: DNode[] = [];
  let y = 6;
  // name and tid
  nodes.push(icon(STATE_ICON[th.state] ?? 'ready', PAD + 6, y + ROW / 2, 12, `icon-${th.state}`));
  const tid = textNode(measure, w - PAD, baseline(y, FONT.small), `tid ${th.tid}`, FONT.small, 'muted', { anchor: 'end' });
  nodes.push(tid);
  nodes.push(textNode(measure, PAD + 17, baseline(y, FONT.bold), th.name, FONT.bold, 'title', { maxW: inner - 17 - tid.w - 6 }));
  y += ROW + 4;
  // state, by colour, icon and words
  const st = stateText(th, t, scene.t);
  const stLines = wrapText(st, inner - 14, FONT.body, measure, 2);
  const pillH = 20 + (stLines.length - 1) * 15;
  const stNodes = stLines.map((line, i) => textNode(measure, PAD + 7, baseline(y + i * 15, FONT.body, 20), line, FONT.body, 'pill-text', i === stLines.length - 1 && stLines.join(' ') !== st ? { title: st } : {}));
  const pillW = Math.min(inner, Math.max(...stNodes.map((n) => n.w)) + 14);
  nodes.push(rect(PAD, y, pillW, pillH, `pill pill-${th.state}`, 10), ...stNodes);
  y += pillH + 5;
  const call = callText(th, t);
  if (call) {
    nodes.push(textNode(measure, PAD, baseline(y, FONT.small), call, FONT.small, 'muted', { maxW: inner }));
    y += ROW + 2;
  }
  if (th.userBuffer) {
    const lab = textNode(measure, 0, baseline(0, FONT.small, CELL_H), t('stage.buffer'), FONT.small, 'muted');
    const bytes = bytesRow(ctx, th.userBuffer.data, inner - lab.w - 6, { reprAlways: true });
    const h = bytes.h;
    nodes.push(group(PAD, y, inner, h, [lab, group(lab.w + 6, 0, inner - lab.w - 6, h, bytes.nodes)], {
      key: `ubuf-${th.tid}`, changed: th.bufferChanged,
      attrs: { 'data-testid': `user-buffer-${th.tid}` },
      title: t('stage.buffer.title', { n: th.userBuffer.data.length, fd: th.userBuffer.fd, bytes: pyRepr(th.userBuffer.data, 200) }),
    }));
    y += h + 4;
  }
  if (th.sent) {
    const lab = textNode(measure, 0, baseline(0, FONT.small), t('stage.sent'), FONT.small, 'muted');
    const data = textNode(measure, lab.w + 6, baseline(0, FONT.mono), pyRepr(th.sent.data), FONT.mono, 'mono', { maxW: inner - lab.w - 6 });
    nodes.push(group(PAD, y, inner, ROW, [lab, data], {
      key: `sent-${th.tid}`, changed: th.sentChanged,
      title: t('stage.sent.title', { n: th.sent.data.length, fd: th.sent.fd, bytes: pyRepr(th.sent.data, 200) }),
    }));
    y += ROW + 2;
  }
  if (th.error) {
    nodes.push(icon('warn', PAD + 6, y + ROW / 2, 11, 'icon-warn'));
    nodes.push(textNode(measure, PAD + 16, baseline(y, FONT.small), th.error, FONT.small, 'err-text', { maxW: inner - 16 }));
    y += ROW + 2;
  }
  const h = Math.ceil(y + 4);
  return group(0, 0, w, h, [rect(0, 0, w, h, `box box-thread box-thread-${th.state}`, 5), ...nodes], {
    key: `thread-${th.tid}`, changed: th.changed,
    attrs: { 'data-testid': `thread-${th.tid}`, 'data-state': th.state },
  });
}

/* ───────────── kernel space ───────────── */

function kernelBand(ctx: Ctx, w: number): Part {
  const { t, scene, measure } = ctx;
  const nodes: DNode[] = [textNode(measure, PAD, baseline(4, FONT.band), t('stage.band.kernel'), FONT.band, 'band-label')];
  let y = 26;
  const avail = w - 2 * PAD;

  // The readiness machinery of this model: how a thread learns that data is there.
  const machinery: ((bw: number) => GNode)[] = [
    ...(scene.scan ? [(bw: number) => scanBox(ctx, scene.scan!, bw)] : []),
    ...scene.epolls.map((ep) => (bw: number) => epollBox(ctx, ep, bw)),
    ...scene.signals.map((s) => (bw: number) => signalsBox(ctx, s, bw)),
    ...scene.urings.map((u) => (bw: number) => uringBox(ctx, u, bw)),
    ...(scene.terminal ? [(bw: number) => terminalBox(ctx, scene.terminal!, bw)] : []),
    ...scene.pools.map((p) => (bw: number) => poolBox(ctx, p, bw)),
  ];
  if (machinery.length > 0) {
    const cols = Math.max(1, Math.min(machinery.length, Math.floor((avail + GAP) / (250 + GAP))));
    const bw = Math.min(machinery.length === 1 ? 420 : 380, (avail - GAP * (cols - 1)) / cols);
    y = gridRows(machinery.map((f) => f(bw)), cols, bw, PAD, y, nodes) + 2;
  }

  if (scene.sockets.length === 0) {
    nodes.push(label(ctx, PAD, y, t('stage.sock.none'), avail));
    y += ROW + GAP;
  } else {
    const cols = Math.max(1, Math.min(scene.sockets.length, Math.floor((avail + GAP) / (225 + GAP))));
    const sw = Math.min(300, (avail - GAP * (cols - 1)) / cols);
    y = gridRows(scene.sockets.map((s) => sockBox(ctx, s, sw)), cols, sw, PAD, y, nodes);
  }
  if (scene.hiddenSockets > 0) {
    const c = scene.hiddenSocketCounts;
    const parts = [['idle', c.idle], ['data', c.data], ['closing', c.closing]] as const;
    const text = moreSummary(ctx, t('stage.more.sockets', { n: count(scene.hiddenSockets) }),
      parts.filter(([, n]) => n > 0).map(([k, n]) => t(`stage.more.sock.${k}`, { n: count(n) })));
    y += summaryLine(ctx, text, PAD, y, avail, 'more-sockets', nodes);
  }
  return { nodes, h: Math.ceil(y) };
}

/** Lays boxes out in rows of `cols`; returns the y below the last row. */
function gridRows(boxes: GNode[], cols: number, bw: number, x0: number, y0: number, out: DNode[]): number {
  let y = y0;
  for (let i = 0; i < boxes.length; i += cols) {
    const row = boxes.slice(i, i + cols);
    const rowH = Math.max(...row.map((b) => b.h));
    row.forEach((b, j) => { b.x = x0 + j * (bw + GAP); b.y = y; out.push(b); });
    y += rowH + GAP;
  }
  return y;
}

function sockBox(ctx: Ctx, s: SockScene, w: number): GNode {
  const { t } = ctx;
  const title = sockTitle(s, t, ctx.scene.procs.length > 1);
  return kbox(ctx, w, title, (y0, iw) => {
    const st = new Stack(y0);
    if (s.kind === 'listen') {
      const slots = (s.backlog ?? 0) + 1;
      const lab = textNode(ctx.measure, 0, baseline(1, FONT.small), s.backlog !== null ? t('stage.accept.label', { n: s.queue.length, slots }) : t('stage.accept.labelNoBacklog', { n: s.queue.length }), FONT.small, 'muted', { maxW: iw });
      const shown = s.backlog !== null ? slots : s.queue.length;
      const inline = iw - lab.w - 8 >= Math.min(shown, 6) * 25 + 3;
      const q = acceptQueue(ctx, s, inline ? iw - lab.w - 8 : iw, shown);
      st.add({ nodes: [lab, group(inline ? lab.w + 8 : 0, inline ? 0 : ROW + 2, 0, q.h, q.nodes)], h: (inline ? 0 : ROW + 2) + q.h });
      for (const client of s.dropped) {
        const row: DNode[] = [icon('warn', 6, ROW / 2, 11, 'icon-warn'), textNode(ctx.measure, 16, baseline(0, FONT.small), t('stage.accept.dropped', { client }), FONT.small, 'err-text', { maxW: iw - 16 })];
        st.add({ nodes: row, h: ROW });
      }
    } else if (s.kind === 'conn' || s.rx.length > 0) {
      // "receive buffer" and its bytes on one line when there is room, the bytes below otherwise
      const lab = textNode(ctx.measure, 0, baseline(0, FONT.small, CELL_H), t('stage.rx'), FONT.small, 'muted');
      const inline = iw - lab.w - 6 >= 110;
      const bx = inline ? lab.w + 6 : 0;
      const bw = iw - bx;
      const part: Part = s.rx.length === 0 && s.taken.length === 0
        ? { nodes: [rect(0, 0, CELL * 3, CELL_H, 'cell cell-empty', 2), textNode(ctx.measure, CELL * 3 + 6, baseline(0, FONT.small, CELL_H), t('stage.rx.empty'), FONT.small, 'muted')], h: CELL_H }
        : bytesRow(ctx, s.rx, bw, { newBytes: s.newBytes, ghost: s.taken });
      const rxGroup = group(bx, inline ? 0 : ROW + 2, bw, part.h, part.nodes, {
        key: `rx-${s.id}`, attrs: { 'data-testid': `rx-${s.id}` },
        title: t('stage.rx.title', { n: s.rx.length, bytes: bytesText(s.rx, t, 200) }),
      });
      st.add({ nodes: [lab, rxGroup], h: (inline ? 0 : ROW + 2) + part.h });
      if (s.taken.length > 0) st.add(para(ctx, t('stage.rx.taken', { bytes: pyRepr(s.taken, 24) }), iw));
    }
    const marks = sockStatus(s, t).map((m) => chip(ctx, m.text, {
      cls: m.kind === 'err' ? 'chip-err' : 'chip-mark', icon: m.kind === 'err' ? 'warn' : m.kind === 'fin' ? 'exited' : undefined,
      iconCls: m.kind === 'err' ? 'icon-warn' : 'icon-exited', maxW: iw, changed: (m.kind === 'fin' && s.finNew) || (m.kind === 'err' && s.errNew),
    }));
    if (marks.length) st.add(flow(marks, 0, 0, iw));
    st.add(waitersRow(ctx, `sock-${s.id}`, s.waiters, 0, 0, iw, 'stage.wait.here'));
    return st.part(y0);
  }, {
    key: `sock-${s.id}`, changed: s.changed, cls: `box-kernel box-sock box-sock-${s.kind}${s.gone || s.closed ? ' box-gone' : ''}`,
    attrs: { 'data-testid': `sock-${s.id}` },
    title,
  });
}

function acceptQueue(ctx: Ctx, s: SockScene, iw: number, slots: number): Part {
  const { t, measure } = ctx;
  const total = Math.max(slots, s.queue.length);
  // Slots shrink to show the whole queue when they can; names are cut to fit.
  const slotW = clamp(Math.floor((iw + 3) / Math.max(1, total)) - 3, 22, 44);
  const step = slotW + 3;
  const fit = Math.max(1, Math.floor((iw + 3) / step));
  const nodes: DNode[] = [];
  let show = total;
  let moreText = '';
  if (total > fit) {
    moreText = t('stage.accept.moreSlots', { n: total });
    const room = iw - measure(moreText, FONT.small) - 6;
    show = Math.max(Math.min(s.queue.length, fit - 1), Math.floor((room + 3) / step));
    show = Math.max(1, Math.min(show, fit));
  }
  for (let i = 0; i < show; i++) {
    const q = s.queue[i];
    const x = i * step;
    const cls = q ? (q.isNew ? 'slot slot-full slot-new' : 'slot slot-full') : 'slot';
    nodes.push(rect(x, 0, slotW, CHIP_H, cls, 3));
    if (q) nodes.push(textNode(measure, x + slotW / 2, baseline(1, FONT.small), q.client ?? '?', FONT.small, 'slot-text', { anchor: 'middle', maxW: slotW - 4 }));
  }
  if (moreText) nodes.push(textNode(measure, show * step + 3, baseline(1, FONT.small), moreText, FONT.small, 'muted', { maxW: iw - show * step - 3 }));
  const title = t('stage.accept.title', { backlog: s.backlog ?? '?', slots, list: s.queue.map((q) => q.client ?? '?').join(', ') || '—' });
  return { nodes: [group(0, 0, iw, CHIP_H, nodes, { key: `aq-${s.id}`, attrs: { 'data-testid': `accept-queue-${s.id}` }, title })], h: CHIP_H };
}

function epollBox(ctx: Ctx, ep: EpollScene, w: number): GNode {
  const { t } = ctx;
  const refs = refsText(ep.refs, t, ctx.scene.procs.length > 1);
  return kbox(ctx, w, t('stage.epoll.title', { fd: refs }), (y0, iw) => {
    const st = new Stack(y0);
    st.add(para(ctx, t('stage.epoll.interest'), iw));
    const MAXC = 24;
    const interest = ep.interest.slice(0, MAXC).map((it) => chip(ctx, `fd ${it.fd} · ${eventsText(it.events)}`, { cls: 'chip-interest', key: `interest-${ep.id}-${it.fd}`, changed: it.isNew, maxW: iw }));
    if (ep.interest.length > MAXC) interest.push(chip(ctx, t('stage.more.items', { n: ep.interest.length - MAXC }), { cls: 'chip-plain', key: `interest-more-${ep.id}` }));
    st.add(interest.length ? flow(interest, 0, 0, iw) : { nodes: [label(ctx, 0, 0, t('stage.empty'), iw)], h: ROW });
    st.add(para(ctx, t('stage.epoll.ready'), iw));
    const ready = ep.ready.slice(0, MAXC).map((r, i) => chip(ctx, `${i + 1}. fd ${r.fd}`, { cls: 'chip-ready', icon: 'check', iconCls: 'icon-check', key: `ready-${ep.id}-${r.fd}`, changed: r.isNew, maxW: iw }));
    if (ep.ready.length > MAXC) ready.push(chip(ctx, t('stage.more.items', { n: ep.ready.length - MAXC }), { cls: 'chip-plain', key: `ready-more-${ep.id}` }));
    const part = ready.length ? flow(ready, 0, 0, iw) : { nodes: [label(ctx, 0, 0, t('stage.epoll.readyEmpty'), iw)], h: ROW };
    st.nodes.push(group(PAD, st.y, iw, part.h, part.nodes, {
      key: `epoll-ready-${ep.id}`, attrs: { 'data-testid': `epoll-ready-${ep.id}`, 'data-fds': ep.ready.map((r) => r.fd).join(',') },
      title: t('stage.epoll.readyTitle'),
    }));
    st.y += part.h + 4;
    st.add(waitersRow(ctx, `epoll-${ep.id}`, ep.waiters, 0, 0, iw, 'stage.wait.epoll'));
    return st.part(y0);
  }, { key: `epoll-${ep.id}`, changed: ep.changed, cls: 'box-kernel box-epoll', attrs: { 'data-testid': `epoll-${ep.id}` }, title: t('stage.epoll.about') });
}

function scanBox(ctx: Ctx, scan: ScanScene, w: number): GNode {
  const { t } = ctx;
  const th = ctx.scene.threads[scan.tid];
  const title = t(scan.kind === 'select' ? 'stage.scan.select' : 'stage.scan.poll', { thread: th ? threadName(th) : String(scan.tid) });
  return kbox(ctx, w, title, (y0, iw) => {
    const st = new Stack(y0);
    const head = scan.kind === 'select' && scan.nfds !== null ? t('stage.scan.copiedNfds', { nfds: scan.nfds, max: scan.nfds - 1 }) : t('stage.scan.copied');
    st.add(para(ctx, head, iw));
    const chips = scan.watched.slice(0, 32).map((fd) => {
      const ready = scan.ready.includes(fd);
      return chip(ctx, `fd ${fd}`, {
        cls: ready ? 'chip-ready' : 'chip-scan', icon: ready ? 'check' : undefined, iconCls: 'icon-check', key: `scan-${fd}`, changed: ready && scan.changed,
        title: ready ? t('stage.scan.fdReady', { fd }) : t('stage.scan.fdNotReady', { fd }),
      });
    });
    if (scan.watched.length > 32) chips.push(chip(ctx, t('stage.more.items', { n: scan.watched.length - 32 }), { cls: 'chip-plain', key: 'scan-more' }));
    st.add(flow(chips, 0, 0, iw));
    const result = scan.ready.length ? t('stage.scan.ready', { list: scan.ready.join(', ') }) : t('stage.scan.none');
    st.add(para(ctx, result, iw, 'body-text'));
    return st.part(y0);
  }, { key: 'scan', changed: scan.changed, cls: 'box-kernel box-scan', attrs: { 'data-testid': 'scan' }, title: t(scan.kind === 'select' ? 'stage.scan.aboutSelect' : 'stage.scan.aboutPoll') });
}

function signalsBox(ctx: Ctx, s: SignalScene, w: number): GNode {
  const { t } = ctx;
  return kbox(ctx, w, t('stage.signals.title', { pid: s.pid }), (y0, iw) => {
    const st = new Stack(y0);
    if (s.asyncFds.length) st.add(para(ctx, t('stage.signals.async', { list: s.asyncFds.join(', ') }), iw));
    const pending = s.pending.length
      ? s.pending.map((sig) => chip(ctx, t('stage.signals.pending', { signal: sig }), { cls: 'chip-pending', icon: 'warn', iconCls: 'icon-pending', key: `pending-${s.pid}-${sig}`, changed: s.changed, maxW: iw }))
      : [chip(ctx, t('stage.signals.none'), { cls: 'chip-plain', maxW: iw })];
    st.add(flow(pending, 0, 0, iw));
    if (s.history.length) {
      const list = s.history.map((e) => t(e.signal !== 'SIGIO' && e.kind === 'sent' ? 'stage.signals.ignored' : `stage.signals.${e.kind}`, { signal: e.signal })).join(' → ');
      st.add(para(ctx, t('stage.signals.history', { list }), iw, 'muted', FONT.small, 2));
    }
    st.add(waitersRow(ctx, `signals-${s.pid}`, s.waiters, 0, 0, iw, 'stage.wait.pause'));
    return st.part(y0);
  }, { key: `signals-${s.pid}`, changed: s.changed, cls: 'box-kernel box-signals', attrs: { 'data-testid': `signals-${s.pid}` }, title: t('stage.signals.about') });
}

function uringBox(ctx: Ctx, u: UringScene, w: number): GNode {
  const { t } = ctx;
  return kbox(ctx, w, t('stage.uring.title', { fd: refsText(u.refs, t, ctx.scene.procs.length > 1) }), (y0, iw) => {
    const st = new Stack(y0);
    st.text(label(ctx, 0, 0, t('stage.uring.sq'), iw), ROW);
    const sq = u.sq.slice(0, 8).map((e) => chip(ctx, t('stage.uring.sqe', { op: e.op, fd: e.fd, ud: e.userData }), { cls: 'chip-sqe', key: `sqe-${u.id}-${e.userData}`, changed: e.isNew, maxW: iw, title: t('stage.uring.sqeTitle', { op: e.op, fd: e.fd, ud: e.userData }) }));
    if (u.sq.length > 8) sq.push(chip(ctx, t('stage.more.items', { n: u.sq.length - 8 }), { cls: 'chip-plain' }));
    st.add(sq.length ? flow(sq, 0, 0, iw) : { nodes: [label(ctx, 0, 0, t('stage.empty'), iw)], h: ROW });
    st.text(label(ctx, 0, 0, t('stage.uring.cq'), iw), ROW);
    const recent = u.cq.slice(-6);
    const cq = recent.map((e) => chip(ctx, t('stage.uring.cqe', { ud: e.userData, res: e.res }), { cls: 'chip-cqe', icon: 'check', iconCls: 'icon-check', key: `cqe-${u.id}-${e.userData}`, changed: e.isNew, maxW: iw, title: t('stage.uring.cqeTitle', { ud: e.userData, res: e.res }) }));
    st.add(cq.length ? flow(cq, 0, 0, iw) : { nodes: [label(ctx, 0, 0, t('stage.empty'), iw)], h: ROW });
    st.add(waitersRow(ctx, `uring-${u.id}`, u.waiters, 0, 0, iw, 'stage.wait.uring'));
    return st.part(y0);
  }, { key: `uring-${u.id}`, changed: u.changed, cls: 'box-kernel box-uring', attrs: { 'data-testid': `uring-${u.id}` }, title: t('stage.uring.about') });
}

function terminalBox(ctx: Ctx, term: TerminalScene, w: number): GNode {
  const { t, measure } = ctx;
  return kbox(ctx, w, t('stage.term.title'), (y0, iw) => {
    const st = new Stack(y0);
    // labels in a column, values lined up after the widest
    const labels = [t('stage.term.prompt'), t('stage.term.typed')];
    const labW = Math.max(...labels.map((l) => measure(l, FONT.small))) + 6;
    const row = (lab: string, value: string, cls = 'mono'): void => {
      const l = textNode(measure, 0, baseline(0, FONT.small), lab, FONT.small, 'muted');
      const v = textNode(measure, labW, baseline(0, FONT.mono), value, FONT.mono, cls, { maxW: iw - labW });
      st.add({ nodes: [l, v], h: ROW });
    };
    row(labels[0]!, term.prompt !== null ? pyRepr(term.prompt) : '—');
    if (term.typed.length === 0) row(labels[1]!, t('stage.term.nothing'), 'muted');
    else term.typed.forEach((line, i) => row(i === 0 ? labels[1]! : '', pyRepr(line)));
    st.add(waitersRow(ctx, 'terminal', term.waiters, 0, 0, iw, 'stage.wait.stdin'));
    return st.part(y0);
  }, { key: 'terminal', changed: term.changed, cls: 'box-kernel box-terminal', attrs: { 'data-testid': 'terminal' }, title: t('stage.term.about') });
}

function poolBox(ctx: Ctx, pool: PoolScene, w: number): GNode {
  const { t } = ctx;
  return kbox(ctx, w, t('stage.pool.title'), (y0, iw) => {
    const st = new Stack(y0);
    if (pool.waiters.length === 0) st.add(para(ctx, t('stage.pool.busy'), iw));
    st.add(waitersRow(ctx, `pool-${pool.name}`, pool.waiters, 0, 0, iw, 'stage.wait.pool'));
    return st.part(y0);
  }, { key: `pool-${pool.name}`, changed: pool.changed, cls: 'box-kernel box-pool', attrs: { 'data-testid': `pool-${pool.name}` }, title: t('stage.pool.name', { name: pool.name }) });
}

/* ───────────── network ───────────── */

const CLIENT_ICON: Record<ClientScene['state'], IconName> = {
  idle: 'ready', connecting: 'ready', connected: 'check', closed: 'exited', reset: 'warn', 'server-gone': 'warn',
};

function networkColumn(ctx: Ctx, w: number): Part {
  const { t, scene, measure } = ctx;
  const nodes: DNode[] = [textNode(measure, PAD, baseline(4, FONT.band), t('stage.band.network'), FONT.band, 'band-label')];
  const hostW = clamp(Math.round(w * 0.5), 104, 150);
  const hostX = w - PAD - hostW;
  const wireX0 = 2;
  const wireLen = hostX - wireX0;
  let y = 26;
  if (scene.clients.length === 0) {
    nodes.push(label(ctx, PAD, y, t('stage.client.none'), w - 2 * PAD));
    y += ROW;
  }
  for (const c of scene.clients) {
    const host = hostBox(ctx, c, hostW);
    const packets = scene.packets.filter((p) => p.client === c.name);
    const pills = packets.map((p) => packetPill(ctx, p, wireLen - 4));
    const pillsH = pills.reduce((s, p) => s + p.h + 3, 0);
    const h = Math.max(host.h, pillsH + 10);
    host.x = hostX;
    host.y = y;
    const wireY = y + 20;
    nodes.push(group(0, 0, w, 0, [{ t: 'line', x1: wireX0, y1: wireY, x2: hostX, y2: wireY, cls: `wire wire-${c.state}` }], { key: `wire-${c.name}` }));
    let py = wireY - (pills[0]?.h ?? 0) / 2;
    pills.forEach((pill, i) => {
      const p = packets[i]!;
      const travel = Math.max(0, wireLen - pill.w - 4);
      pill.x = p.toServer ? hostX - 2 - pill.w - p.progress * travel : wireX0 + 2 + p.progress * travel;
      pill.y = Math.max(y, py);
      py = pill.y + pill.h + 3;
      nodes.push(pill);
    });
    nodes.push(host);
    y += h + GAP;
  }
  if (scene.hiddenClients > 0) {
    const text = moreSummary(ctx, t('stage.more.clients', { n: count(scene.hiddenClients) }),
      scene.hiddenClientStates.map(([state, n]) => t('stage.more.state', { n: count(n), state: t(`stage.client.${state}`) })));
    y += summaryLine(ctx, text, PAD, y, w - 2 * PAD, 'more-clients', nodes);
  }
  return { nodes, h: Math.ceil(y) };
}

function hostBox(ctx: Ctx, c: ClientScene, w: number): GNode {
  const { t, measure } = ctx;
  const inner = w - 2 * PAD;
  const nodes: DNode[] = [];
  let y = 5;
  nodes.push(icon('host', PAD + 6, y + ROW / 2, 12, 'icon-host'));
  nodes.push(textNode(measure, PAD + 17, baseline(y, FONT.bold), c.name, FONT.bold, 'title', { maxW: inner - 17 }));
  y += ROW + 2;
  nodes.push(icon(CLIENT_ICON[c.state], PAD + 5, y + ROW / 2, 10, `icon-client-${c.state}`));
  nodes.push(textNode(measure, PAD + 14, baseline(y, FONT.small), clientStateText(c, t), FONT.small, 'body-text', { maxW: inner - 14 }));
  y += ROW + 2;
  const replies = c.replies.slice(-2);
  if (replies.length === 0) {
    nodes.push(textNode(measure, PAD, baseline(y, FONT.small), t('stage.client.noReply'), FONT.small, 'muted', { maxW: inner }));
    y += ROW;
  } else {
    const lab = textNode(measure, PAD, baseline(y, FONT.small), t('stage.client.got'), FONT.small, 'muted');
    nodes.push(lab);
    replies.forEach((r, i) => {
      const isNew = i >= replies.length - c.newReplies;
      const x = i === 0 ? PAD + lab.w + 5 : PAD + lab.w + 5;
      nodes.push(textNode(measure, x, baseline(y, FONT.mono), pyRepr(r), FONT.mono, isNew ? 'mono mono-new' : 'mono', { maxW: inner - lab.w - 5 }));
      y += ROW;
    });
  }
  const h = Math.ceil(y + 5);
  return group(0, 0, w, h, [rect(0, 0, w, h, `box box-host box-host-${c.state}`, 6), ...nodes], {
    key: `host-${c.name}`, changed: c.changed, attrs: { 'data-testid': `host-${c.name}`, 'data-state': c.state },
    title: c.replies.length ? t('stage.client.allReplies', { list: c.replies.map((r) => pyRepr(r, 40)).join(', ') }) : undefined,
  });
}

function packetPill(ctx: Ctx, p: PacketScene, maxW: number): GNode {
  const { t, measure } = ctx;
  const head = p.kind === 'DATA' ? t('stage.packet.data', { n: p.bytes }) : p.kind;
  const headW = measure(head, FONT.tag);
  const data = p.data ? pyRepr(p.data) : null;
  const dataW = data ? measure(data, FONT.cell) : 0;
  const w = Math.min(maxW, Math.ceil(Math.max(headW + 20, dataW + 10)));
  const h = data ? 30 : CHIP_H;
  const children: DNode[] = [
    rect(0, 0, w, h, `packet packet-${p.kind}`, 4),
    icon(p.toServer ? 'arrow-left' : 'arrow-right', 8, CHIP_H / 2, 8, 'icon-arrow'),
    textNode(measure, 15, baseline(1, FONT.tag), head, FONT.tag, 'packet-text', { maxW: w - 18 }),
  ];
  if (data) children.push(textNode(measure, 5, baseline(14, FONT.cell), data, FONT.cell, 'packet-data', { maxW: w - 8 }));
  const from = p.toServer ? p.client : t('stage.packet.server');
  const to = p.toServer ? t('stage.packet.server') : p.client;
  return group(0, 0, w, h, children, {
    key: `packet-${p.id}`, changed: p.isNew, attrs: { 'data-testid': `packet-${p.id}`, 'data-kind': p.kind },
    title: t('stage.packet.title', { kind: p.kind, from, to, n: p.bytes }) + (p.data ? ` ${pyRepr(p.data, 100)}` : ''),
  });
}
