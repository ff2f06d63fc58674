/**
 * User space, the top band: one box per process with its fd table and a card per thread (what
 * it runs, the call it is in, what it waits on); a large machine's idle ones are counted.
 */
import { callText, fdWhatText, stateText, threadName } from '../describe.ts';
import type { FdScene, ProcScene, ThreadScene } from '../scene.ts';
import { baseline, group, rect, textNode, type DNode, type GNode } from '../nodes.ts';
import { pyRepr, wrapText } from '../text.ts';
import {
  bytesRow,
  chip,
  CHIP_H,
  CELL_H,
  count,
  flow,
  GAP,
  icon,
  label,
  PAD,
  ROW,
  STATE_ICON,
  type Ctx,
  type Part,
} from './parts.ts';
import { groupThreads, threadGroupCard } from './condense.ts';

export function userBand(ctx: Ctx, w: number): Part {
  const { t, scene, measure } = ctx;
  const nodes: DNode[] = [];
  const bandLabel = textNode(
    measure,
    PAD,
    baseline(4, ctx.F.band),
    t('stage.band.user'),
    ctx.F.band,
    'band-label',
  );
  nodes.push(bandLabel);
  // Which thread each core runs: with one core, an idle CPU is the point of blocking I/O.
  const cpus = scene.cores.map((tid, core) => {
    const th = tid !== null ? scene.threads[tid] : undefined;
    const who = th ? threadName(th) : t('stage.cpu.idle');
    return chip(ctx, t('stage.cpu', { n: core, who }), {
      cls: th ? 'chip-cpu' : 'chip-cpu chip-idle',
      icon: th ? 'running' : 'cpu',
      iconCls: th ? 'icon-running' : 'icon-idle',
      key: `cpu-${core}`,
      maxW: Math.max(120, (w - bandLabel.w - 4 * PAD) / scene.cores.length - 4),
    });
  });
  // A projector with one process names it on the band's line, with its GIL: its box needs no title row.
  const lone =
    ctx.projector && scene.procs.length === 1 && scene.hiddenProcs === 0 && scene.exitedProcs.length === 0
      ? scene.procs[0]!
      : null;
  const heads = lone
    ? [
        chip(ctx, t('stage.proc.title', { name: lone.name, pid: lone.pid }), {
          cls: 'chip-plain',
          font: ctx.F.bold,
          key: `proc-title-${lone.pid}`,
          maxW: w - bandLabel.w - 3 * PAD,
        }),
      ]
    : [];
  // Its GIL too when the line has room for it (else the GIL's line opens its box).
  const gil = lone?.showGil ? gilChips(ctx, lone, w - bandLabel.w - 3 * PAD) : [];
  const rowW = (items: GNode[]): number =>
    items.reduce((sum, c) => sum + c.w + 4, bandLabel.w + 2 * PAD + 16);
  const gilOnBand = gil.length > 0 && rowW([...heads, ...gil, ...cpus]) <= w;
  if (gilOnBand) heads.push(...gil);
  const cpuW = [...heads, ...cpus].reduce((s, c) => s + c.w + 4, 0);
  const cpuX0 = Math.max(bandLabel.w + PAD + 16, lone ? 0 : w - PAD - cpuW);
  const cpuPart = flow([...heads, ...cpus], cpuX0, 3, w - PAD - cpuX0);
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
    const boxes = row.map((p) => procBox(ctx, p, bw, p === lone, p === lone && gilOnBand));
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
    const more = chip(ctx, t('stage.more.procs', { n: scene.hiddenProcs }), {
      cls: 'chip-plain',
      key: 'more-procs',
      maxW: avail,
    });
    more.x = PAD;
    more.y = y;
    nodes.push(more);
    y += CHIP_H + GAP;
  }
  if (scene.exitedProcs.length > 0) {
    const shown = scene.exitedProcs.slice(-6);
    const chips = shown.map((p) =>
      chip(ctx, t('stage.proc.exitedChip', { name: p.name, pid: p.pid, code: p.code ?? '?' }), {
        cls: 'chip-exited',
        icon: 'exited',
        iconCls: 'icon-exited',
        key: `proc-${p.pid}`,
        changed: p.changed,
        maxW: avail,
      }),
    );
    const hidden = scene.exitedProcs.length - shown.length;
    if (hidden > 0)
      chips.unshift(chip(ctx, t('stage.proc.moreExited', { n: hidden }), { cls: 'chip-plain' }));
    const part = flow(chips, PAD, y, avail);
    nodes.push(...part.nodes);
    y += part.h + GAP;
  }
  return { nodes, h: Math.ceil(y + 2) };
}

/** The GIL's chip (who holds it) and, when any wait for it, the waiters' chip. */
function gilChips(ctx: Ctx, p: ProcScene, inner: number): GNode[] {
  const { t } = ctx;
  const holder = p.gil !== null ? ctx.scene.threads[p.gil] : undefined;
  const gilText = holder ? t('stage.gil.held', { thread: threadName(holder) }) : t('stage.gil.free');
  const items = [
    chip(ctx, gilText, {
      cls: 'chip-gil',
      icon: 'key',
      iconCls: 'icon-key',
      key: `gil-${p.pid}`,
      maxW: inner,
      title: t('stage.gil.title'),
    }),
  ];
  if (p.gilWaiters.length) {
    const names = p.gilWaiters.map((tid) => {
      const th = ctx.scene.threads[tid];
      return th ? threadName(th) : String(tid);
    });
    items.push(
      chip(ctx, t('stage.gil.waiting', { list: names.join(', ') }), {
        cls: 'chip-waiter',
        icon: 'blocked',
        iconCls: 'icon-blocked',
        maxW: inner,
        key: `gil-wait-${p.pid}`,
      }),
    );
  }
  return items;
}

/** `bare`: no title row (the band's line names the process), nor the GIL's when `gilShown` there. */
function procBox(ctx: Ctx, p: ProcScene, w: number, bare = false, gilShown = false): GNode {
  const { t, measure } = ctx;
  const inner = w - 2 * PAD;
  const nodes: DNode[] = [];
  const title = t('stage.proc.title', { name: p.name, pid: p.pid });
  const head = textNode(measure, PAD, baseline(4, ctx.F.bold), title, ctx.F.bold, 'title', { maxW: inner });
  if (!bare) nodes.push(head);
  if (p.parent !== null && !bare) {
    const x = PAD + head.w + 8;
    if (x < w - PAD - 40)
      nodes.push(
        textNode(
          measure,
          x,
          baseline(4, ctx.F.small),
          t('stage.proc.child', { parent: p.parent }),
          ctx.F.small,
          'muted',
          { maxW: w - PAD - x },
        ),
      );
  }
  let y = bare ? PAD : 24;
  if (p.showGil && !gilShown) {
    const items = gilChips(ctx, p, inner);
    // On the title's line when it fits there, else on a line of its own.
    const headRight = PAD + head.w + 12;
    const itemsW = items.reduce((sum, it) => sum + it.w + 4, -4);
    if (!bare && p.parent === null && headRight + itemsW <= w - PAD) {
      const part = flow(items, w - PAD - itemsW, 3, itemsW);
      nodes.push(...part.nodes);
    } else {
      const part = flow(items, PAD, y, inner);
      nodes.push(...part.nodes);
      y += part.h + 6;
    }
  }

  // Threads as cards; the fd table beside them when there is room, else below.
  // On a projector, threads asleep alike are one card (condense.ts).
  const items = ctx.projector ? groupThreads(ctx, p) : p.threads;
  const n = Math.max(1, items.length);
  const minCard = 210;
  const cols = Math.max(1, Math.min(n, Math.floor((inner + GAP) / (minCard + GAP))));
  let cardW = Math.min(300, (inner - GAP * (cols - 1)) / cols);
  // A lone column of cards leaves the fd table a column of its own: give it room for its tags.
  if (cols === 1 && inner - cardW - 2 * GAP < 280 && inner - 2 * GAP - 280 >= 230)
    cardW = inner - 2 * GAP - 280;
  const threadsW = cols * cardW + (cols - 1) * GAP;
  const besideW = inner - threadsW - GAP * 2;
  const fdBeside = besideW >= 190;
  let ty = y;
  let lastRow = { y, h: 0, used: 0 };
  for (let i = 0; i < items.length; i += cols) {
    const row = items
      .slice(i, i + cols)
      .map((it) => ('threads' in it ? threadGroupCard(ctx, it, cardW) : threadCard(ctx, it, cardW)));
    const rowH = Math.max(...row.map((c) => c.h));
    row.forEach((c, j) => {
      c.x = PAD + j * (cardW + GAP);
      c.y = ty;
      nodes.push(c);
    });
    lastRow = { y: ty, h: rowH, used: row.length * (cardW + GAP) };
    ty += rowH + GAP;
  }
  if (p.hiddenThreads > 0) {
    const more = chip(ctx, t('stage.more.threads', { n: p.hiddenThreads }), {
      cls: 'chip-plain',
      key: `more-threads-${p.pid}`,
      maxW: inner,
    });
    more.x = PAD;
    more.y = ty;
    nodes.push(more);
    ty += CHIP_H + GAP;
    lastRow = { y: ty, h: 0, used: inner + GAP };
  }
  if (p.exitedThreads.length > 0) {
    const shown = p.exitedThreads.slice(-4);
    const chips = shown.map((th) =>
      chip(ctx, t('stage.thread.exitedChip', { thread: threadName(th) }), {
        cls: 'chip-exited',
        icon: 'exited',
        iconCls: 'icon-exited',
        key: `thread-${th.tid}`,
        maxW: threadsW,
        attrs: { 'data-testid': `thread-${th.tid}`, 'data-state': 'exited' },
        changed: th.changed,
      }),
    );
    if (p.exitedThreads.length > shown.length)
      chips.unshift(
        chip(ctx, t('stage.thread.moreExited', { n: p.exitedThreads.length - shown.length }), {
          cls: 'chip-plain',
        }),
      );
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
    key: `proc-${p.pid}`,
    changed: p.changed,
    attrs: { 'data-testid': `proc-${p.pid}` },
  });
}

function fdTable(ctx: Ctx, p: ProcScene, w: number): Part {
  const { t } = ctx;
  const head = label(ctx, 0, 0, t('stage.fds'), w);
  // On a projector the standard streams are left out (the lab lists them).
  const fds = ctx.projector ? p.fds.filter((f) => f.what.kind !== 'stdio') : p.fds;
  const chips = fds.map((f) => fdChip(ctx, p.pid, f, w));
  if (p.hiddenFds > 0)
    chips.push(
      chip(ctx, t('stage.more.fds', { n: count(p.hiddenFds) }), {
        cls: 'chip-plain',
        key: `fds-more-${p.pid}`,
        maxW: w,
        attrs: { 'data-testid': `fds-more-${p.pid}` },
      }),
    );
  const part = flow(chips, 0, ROW + 2, w, 4, 4);
  return { nodes: [head, ...part.nodes], h: ROW + 2 + part.h };
}

function fdChip(ctx: Ctx, pid: number, f: FdScene, maxW: number): GNode {
  const { t, measure } = ctx;
  const num = textNode(measure, 5, baseline(1, ctx.F.smallBold), String(f.fd), ctx.F.smallBold, 'chip-text');
  const tags: string[] = [];
  if (f.nonblock) tags.push('NONBLOCK');
  if (f.async) tags.push('ASYNC');
  const tagWs = tags.map((tg) => measure(tg, ctx.F.tag) + 8);
  const tagsW = tagWs.reduce((s, x) => s + x + 3, 0);
  const what = fdWhatText(f.what, t, f.pair);
  const text = textNode(measure, 5 + num.w + 5, baseline(1, ctx.F.small), what, ctx.F.small, 'chip-text', {
    maxW: maxW - num.w - 15 - tagsW,
  });
  const children: DNode[] = [];
  let x = text.x + text.w + 5;
  const tagNodes: DNode[] = [];
  tags.forEach((tg, i) => {
    tagNodes.push(rect(x, 3, tagWs[i]!, CHIP_H - 6, 'tag', 2));
    tagNodes.push(textNode(measure, x + 4, baseline(3, ctx.F.tag, CHIP_H - 6), tg, ctx.F.tag, 'tag-text'));
    x += tagWs[i]! + 3;
  });
  const w = Math.ceil(x + (tags.length ? 2 : 0));
  children.push(rect(0, 0, w, CHIP_H, `chip chip-fd chip-fd-${f.what.kind}`, 4), num, text, ...tagNodes);
  const title = [
    t('stage.fd.title', { fd: f.fd, what }),
    ...(f.nonblock ? [t('stage.flag.nonblock')] : []),
    ...(f.async ? [t('stage.flag.async')] : []),
  ].join('\n');
  return group(0, 0, w, CHIP_H, children, { key: `fd-${pid}-${f.fd}`, changed: f.changed, title });
}

function threadCard(ctx: Ctx, th: ThreadScene, w: number): GNode {
  const { t, measure, scene } = ctx;
  const inner = w - 2 * PAD;
  const nodes: DNode[] = [];
  let y = 6;
  // name and tid
  nodes.push(icon(STATE_ICON[th.state] ?? 'ready', PAD + 6, y + ROW / 2, 12, `icon-${th.state}`));
  const tid = textNode(measure, w - PAD, baseline(y, ctx.F.small), `tid ${th.tid}`, ctx.F.small, 'muted', {
    anchor: 'end',
  });
  if (ctx.projector) tid.w = 0;
  else nodes.push(tid);
  nodes.push(
    textNode(measure, PAD + 17, baseline(y, ctx.F.bold), th.name, ctx.F.bold, 'title', {
      maxW: inner - 17 - tid.w - 6,
    }),
  );
  y += ROW + 4;
  // state, by colour, icon and words
  const st = stateText(th, t, scene.t);
  const stLines = wrapText(st, inner - 14, ctx.F.body, measure, 2);
  const pillH = 20 + (stLines.length - 1) * 15;
  const stNodes = stLines.map((line, i) =>
    textNode(
      measure,
      PAD + 7,
      baseline(y + i * 15, ctx.F.body, 20),
      line,
      ctx.F.body,
      'pill-text',
      i === stLines.length - 1 && stLines.join(' ') !== st ? { title: st } : {},
    ),
  );
  const pillW = Math.min(inner, Math.max(...stNodes.map((n) => n.w)) + 14);
  nodes.push(rect(PAD, y, pillW, pillH, `pill pill-${th.state}`, 10), ...stNodes);
  y += pillH + 5;
  const call = callText(th, t);
  if (call) {
    // two lines: the call, its line and its phase (phase 2 names kernel mode) do not fit in one
    const lines = wrapText(call, inner, ctx.F.small, measure, ctx.projector ? 1 : 2);
    lines.forEach((line, i) =>
      nodes.push(
        textNode(measure, PAD, baseline(y + i * 14, ctx.F.small), line, ctx.F.small, 'muted', {
          maxW: inner,
          ...(i === lines.length - 1 && lines.join(' ') !== call ? { title: call } : {}),
        }),
      ),
    );
    y += ROW + 2 + (lines.length - 1) * 14;
  }
  // A projector leaves out the old bytes of a thread asleep for new ones.
  if (th.userBuffer && !(ctx.projector && th.state === 'blocked' && !th.bufferChanged)) {
    const lab = textNode(
      measure,
      0,
      baseline(0, ctx.F.small, CELL_H),
      t('stage.buffer'),
      ctx.F.small,
      'muted',
    );
    const bytes = bytesRow(ctx, th.userBuffer.data, inner - lab.w - 6, { reprAlways: true });
    const h = bytes.h;
    nodes.push(
      group(PAD, y, inner, h, [lab, group(lab.w + 6, 0, inner - lab.w - 6, h, bytes.nodes)], {
        key: `ubuf-${th.tid}`,
        changed: th.bufferChanged,
        attrs: { 'data-testid': `user-buffer-${th.tid}` },
        title: t('stage.buffer.title', {
          n: th.userBuffer.data.length,
          fd: th.userBuffer.fd,
          bytes: pyRepr(th.userBuffer.data, 200),
        }),
      }),
    );
    y += h + 4;
  }
  if (th.sent && !ctx.projector) {
    const lab = textNode(measure, 0, baseline(0, ctx.F.small), t('stage.sent'), ctx.F.small, 'muted');
    const data = textNode(
      measure,
      lab.w + 6,
      baseline(0, ctx.F.mono),
      pyRepr(th.sent.data),
      ctx.F.mono,
      'mono',
      { maxW: inner - lab.w - 6 },
    );
    nodes.push(
      group(PAD, y, inner, ROW, [lab, data], {
        key: `sent-${th.tid}`,
        changed: th.sentChanged,
        title: t('stage.sent.title', {
          n: th.sent.data.length,
          fd: th.sent.fd,
          bytes: pyRepr(th.sent.data, 200),
        }),
      }),
    );
    y += ROW + 2;
  }
  if (th.error) {
    nodes.push(icon('warn', PAD + 6, y + ROW / 2, 11, 'icon-warn'));
    nodes.push(
      textNode(measure, PAD + 16, baseline(y, ctx.F.small), th.error, ctx.F.small, 'err-text', {
        maxW: inner - 16,
      }),
    );
    y += ROW + 2;
  }
  const h = Math.ceil(y + 4);
  return group(0, 0, w, h, [rect(0, 0, w, h, `box box-thread box-thread-${th.state}`, 5), ...nodes], {
    key: `thread-${th.tid}`,
    changed: th.changed,
    attrs: { 'data-testid': `thread-${th.tid}`, 'data-state': th.state },
  });
}
