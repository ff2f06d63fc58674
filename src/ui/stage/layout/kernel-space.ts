/**
 * Kernel space, the band under the system-call boundary: the readiness machinery (select's or
 * poll's scan, epoll instances, signals, io_uring, the thread pool's queue, the terminal), then
 * the sockets with their accept queues, receive buffers and sleepers.
 */
import { bytesText, eventsText, refsText, sockStatus, sockTitle, threadName } from '../describe.ts';
import type {
  EpollScene,
  PoolScene,
  ScanScene,
  SignalScene,
  SockScene,
  TerminalScene,
  UringScene,
} from '../scene.ts';
import { baseline, group, rect, textNode, type DNode, type GNode } from '../nodes.ts';
import { pyRepr } from '../text.ts';
import {
  bytesRow,
  CELL,
  CELL_H,
  chip,
  CHIP_H,
  clamp,
  count,
  flow,
  GAP,
  icon,
  kbox,
  label,
  moreSummary,
  PAD,
  para,
  ROW,
  Stack,
  summaryLine,
  waitersRow,
  type Ctx,
  type Part,
} from './parts.ts';
import { idleSocketsBox, idleSockets } from './condense.ts';

export function kernelBand(ctx: Ctx, w: number): Part {
  const { t, scene, measure } = ctx;
  const nodes: DNode[] = [
    textNode(measure, PAD, baseline(4, ctx.F.band), t('stage.band.kernel'), ctx.F.band, 'band-label'),
  ];
  let y = ctx.projector ? 22 : 26;
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
  // On a projector, idle connections are one box (condense.ts), after the others.
  const idle = ctx.projector ? idleSockets(scene.sockets, scene.threads) : [];
  const sockBoxes = (sw: number): GNode[] => [
    ...scene.sockets.filter((s) => !idle.includes(s)).map((s) => sockBox(ctx, s, sw)),
    ...(idle.length ? [idleSocketsBox(ctx, idle, sw)] : []),
  ];
  if (ctx.projector && machinery.length > 0 && scene.sockets.length > 0) {
    // A projector packs the boxes: the machinery spans two socket columns and the sockets fill
    // the room beside and below it, so the drawing is short enough to be drawn large.
    const cols = Math.max(1, Math.min(scene.sockets.length + 2, Math.floor((avail + GAP) / (170 + GAP))));
    const sw = Math.min(300, (avail - GAP * (cols - 1)) / cols);
    const span = Math.min(2, cols);
    const boxes = [
      ...machinery.map((f) => ({ box: f(span * sw + (span - 1) * GAP), span })),
      ...sockBoxes(sw).map((box) => ({ box, span: 1 })),
    ];
    y = packColumns(boxes, cols, sw, PAD, y, nodes);
  } else if (machinery.length > 0) {
    const cols = Math.max(1, Math.min(machinery.length, Math.floor((avail + GAP) / (250 + GAP))));
    const bw = Math.min(machinery.length === 1 ? 420 : 380, (avail - GAP * (cols - 1)) / cols);
    y =
      gridRows(
        machinery.map((f) => f(bw)),
        cols,
        bw,
        PAD,
        y,
        nodes,
      ) + 2;
  }

  if (ctx.projector && machinery.length > 0 && scene.sockets.length > 0) {
    // packed above
  } else if (scene.sockets.length === 0) {
    nodes.push(label(ctx, PAD, y, t('stage.sock.none'), avail));
    y += ROW + GAP;
  } else {
    const cols = Math.max(
      1,
      Math.min(scene.sockets.length, Math.floor((avail + GAP) / ((ctx.projector ? 170 : 225) + GAP))),
    );
    const sw = Math.min(300, (avail - GAP * (cols - 1)) / cols);
    y = gridRows(sockBoxes(sw), cols, sw, PAD, y, nodes);
  }
  if (scene.hiddenSockets > 0) {
    const c = scene.hiddenSocketCounts;
    const parts = [
      ['idle', c.idle],
      ['data', c.data],
      ['closing', c.closing],
    ] as const;
    const text = moreSummary(
      ctx,
      t('stage.more.sockets', { n: count(scene.hiddenSockets) }),
      parts.filter(([, n]) => n > 0).map(([k, n]) => t(`stage.more.sock.${k}`, { n: count(n) })),
    );
    y += summaryLine(ctx, text, PAD, y, avail, 'more-sockets', nodes);
  }
  return { nodes, h: Math.ceil(y) };
}

/**
 * Places boxes in `cols` columns, each at the top of the leftmost place where it fits (a box may
 * span columns); returns the y below the lowest.
 */
function packColumns(
  boxes: { box: GNode; span: number }[],
  cols: number,
  colW: number,
  x0: number,
  y0: number,
  out: DNode[],
): number {
  const ys = new Array<number>(cols).fill(y0);
  for (const { box, span } of boxes) {
    let at = 0;
    let top = Infinity;
    for (let c = 0; c + span <= cols; c++) {
      const y = Math.max(...ys.slice(c, c + span));
      if (y < top - 0.5) [at, top] = [c, y];
    }
    box.x = x0 + at * (colW + GAP);
    box.y = top;
    out.push(box);
    for (let c = at; c < at + span; c++) ys[c] = top + box.h + GAP;
  }
  return Math.max(...ys);
}

/** Lays boxes out in rows of `cols`; returns the y below the last row. */
function gridRows(boxes: GNode[], cols: number, bw: number, x0: number, y0: number, out: DNode[]): number {
  let y = y0;
  for (let i = 0; i < boxes.length; i += cols) {
    const row = boxes.slice(i, i + cols);
    const rowH = Math.max(...row.map((b) => b.h));
    row.forEach((b, j) => {
      b.x = x0 + j * (bw + GAP);
      b.y = y;
      out.push(b);
    });
    y += rowH + GAP;
  }
  return y;
}

function sockBox(ctx: Ctx, s: SockScene, w: number): GNode {
  const { t } = ctx;
  const title = sockTitle(s, t, ctx.scene.procs.length > 1);
  return kbox(
    ctx,
    w,
    title,
    (y0, iw) => {
      const st = new Stack(y0);
      if (s.kind === 'listen') {
        const slots = (s.backlog ?? 0) + 1;
        const lab = textNode(
          ctx.measure,
          0,
          baseline(1, ctx.F.small),
          s.backlog !== null
            ? t('stage.accept.label', { n: s.queue.length, slots })
            : t('stage.accept.labelNoBacklog', { n: s.queue.length }),
          ctx.F.small,
          'muted',
          { maxW: iw },
        );
        // A projector shows the queue's slots only when someone waits in them.
        const shown = ctx.projector ? s.queue.length : s.backlog !== null ? slots : s.queue.length;
        const inline = iw - lab.w - 8 >= Math.min(shown, 6) * 25 + 3;
        const q = acceptQueue(ctx, s, inline ? iw - lab.w - 8 : iw, shown);
        st.add({
          nodes: [lab, group(inline ? lab.w + 8 : 0, inline ? 0 : ROW + 2, 0, q.h, q.nodes)],
          h: (inline ? 0 : ROW + 2) + q.h,
        });
        for (const client of s.dropped) {
          const row: DNode[] = [
            icon('warn', 6, ROW / 2, 11, 'icon-warn'),
            textNode(
              ctx.measure,
              16,
              baseline(0, ctx.F.small),
              t('stage.accept.dropped', { client }),
              ctx.F.small,
              'err-text',
              { maxW: iw - 16 },
            ),
          ];
          st.add({ nodes: row, h: ROW });
        }
      } else if (s.kind === 'conn' || s.rx.length > 0) {
        // "receive buffer" and its bytes on one line when there is room, the bytes below otherwise
        const lab = textNode(
          ctx.measure,
          0,
          baseline(0, ctx.F.small, CELL_H),
          t('stage.rx'),
          ctx.F.small,
          'muted',
        );
        const inline = iw - lab.w - 6 >= (ctx.projector && s.rx.length === 0 ? 70 : 110);
        const bx = inline ? lab.w + 6 : 0;
        const bw = iw - bx;
        const part: Part =
          s.rx.length === 0 && s.taken.length === 0
            ? {
                nodes: [
                  rect(0, 0, CELL * 3, CELL_H, 'cell cell-empty', 2),
                  textNode(
                    ctx.measure,
                    CELL * 3 + 6,
                    baseline(0, ctx.F.small, CELL_H),
                    t('stage.rx.empty'),
                    ctx.F.small,
                    'muted',
                  ),
                ],
                h: CELL_H,
              }
            : bytesRow(ctx, s.rx, bw, { newBytes: s.newBytes, ghost: s.taken });
        const rxGroup = group(bx, inline ? 0 : ROW + 2, bw, part.h, part.nodes, {
          key: `rx-${s.id}`,
          attrs: { 'data-testid': `rx-${s.id}` },
          title: t('stage.rx.title', { n: s.rx.length, bytes: bytesText(s.rx, t, 200) }),
        });
        st.add({ nodes: [lab, rxGroup], h: (inline ? 0 : ROW + 2) + part.h });
        if (s.taken.length > 0) st.add(para(ctx, t('stage.rx.taken', { bytes: pyRepr(s.taken, 24) }), iw));
      }
      const marks = sockStatus(s, t).map((m) =>
        chip(ctx, m.text, {
          cls: m.kind === 'err' ? 'chip-err' : 'chip-mark',
          icon: m.kind === 'err' ? 'warn' : m.kind === 'fin' ? 'exited' : undefined,
          iconCls: m.kind === 'err' ? 'icon-warn' : 'icon-exited',
          maxW: iw,
          changed: (m.kind === 'fin' && s.finNew) || (m.kind === 'err' && s.errNew),
        }),
      );
      if (marks.length) st.add(flow(marks, 0, 0, iw));
      st.add(waitersRow(ctx, `sock-${s.id}`, s.waiters, 0, 0, iw, 'stage.wait.here'));
      return st.part(y0);
    },
    {
      key: `sock-${s.id}`,
      changed: s.changed,
      cls: `box-kernel box-sock box-sock-${s.kind}${s.gone || s.closed ? ' box-gone' : ''}`,
      attrs: { 'data-testid': `sock-${s.id}` },
      title,
    },
  );
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
    const room = iw - measure(moreText, ctx.F.small) - 6;
    show = Math.max(Math.min(s.queue.length, fit - 1), Math.floor((room + 3) / step));
    show = Math.max(1, Math.min(show, fit));
  }
  for (let i = 0; i < show; i++) {
    const q = s.queue[i];
    const x = i * step;
    const cls = q ? (q.isNew ? 'slot slot-full slot-new' : 'slot slot-full') : 'slot';
    nodes.push(rect(x, 0, slotW, CHIP_H, cls, 3));
    if (q)
      nodes.push(
        textNode(
          measure,
          x + slotW / 2,
          baseline(1, ctx.F.small),
          q.client ?? '?',
          ctx.F.small,
          'slot-text',
          {
            anchor: 'middle',
            maxW: slotW - 4,
          },
        ),
      );
  }
  if (moreText)
    nodes.push(
      textNode(measure, show * step + 3, baseline(1, ctx.F.small), moreText, ctx.F.small, 'muted', {
        maxW: iw - show * step - 3,
      }),
    );
  const title = t('stage.accept.title', {
    backlog: s.backlog ?? '?',
    slots,
    list: s.queue.map((q) => q.client ?? '?').join(', ') || '—',
  });
  return {
    nodes: [
      group(0, 0, iw, CHIP_H, nodes, {
        key: `aq-${s.id}`,
        attrs: { 'data-testid': `accept-queue-${s.id}` },
        title,
      }),
    ],
    h: CHIP_H,
  };
}

function epollBox(ctx: Ctx, ep: EpollScene, w: number): GNode {
  const { t } = ctx;
  const refs = refsText(ep.refs, t, ctx.scene.procs.length > 1);
  return kbox(
    ctx,
    w,
    t('stage.epoll.title', { fd: refs }),
    (y0, iw) => {
      const st = new Stack(y0);
      // On a projector each list is one row, its short name first.
      const head = (key: string): GNode[] =>
        ctx.projector ? [chip(ctx, t(key), { cls: 'chip-plain', maxW: iw })] : [];
      if (!ctx.projector) st.add(para(ctx, t('stage.epoll.interest'), iw));
      const MAXC = 24;
      const interest = ep.interest.slice(0, MAXC).map((it) =>
        chip(ctx, `fd ${it.fd} · ${eventsText(it.events)}`, {
          cls: 'chip-interest',
          key: `interest-${ep.id}-${it.fd}`,
          changed: it.isNew,
          maxW: iw,
        }),
      );
      if (ep.interest.length > MAXC)
        interest.push(
          chip(ctx, t('stage.more.items', { n: ep.interest.length - MAXC }), {
            cls: 'chip-plain',
            key: `interest-more-${ep.id}`,
          }),
        );
      st.add(
        interest.length
          ? flow([...head('stage.epoll.interestShort'), ...interest], 0, 0, iw)
          : { nodes: [label(ctx, 0, 0, t('stage.empty'), iw)], h: ROW },
      );
      if (!ctx.projector) st.add(para(ctx, t('stage.epoll.ready'), iw));
      const ready = ep.ready.slice(0, MAXC).map((r, i) =>
        chip(ctx, `${i + 1}. fd ${r.fd}`, {
          cls: 'chip-ready',
          icon: 'check',
          iconCls: 'icon-check',
          key: `ready-${ep.id}-${r.fd}`,
          changed: r.isNew,
          maxW: iw,
        }),
      );
      if (ep.ready.length > MAXC)
        ready.push(
          chip(ctx, t('stage.more.items', { n: ep.ready.length - MAXC }), {
            cls: 'chip-plain',
            key: `ready-more-${ep.id}`,
          }),
        );
      const part = ctx.projector
        ? flow(
            [
              ...head('stage.epoll.readyShort'),
              ...(ready.length
                ? ready
                : [chip(ctx, t('stage.epoll.readyEmptyShort'), { cls: 'chip-plain' })]),
            ],
            0,
            0,
            iw,
          )
        : ready.length
          ? flow(ready, 0, 0, iw)
          : { nodes: [label(ctx, 0, 0, t('stage.epoll.readyEmpty'), iw)], h: ROW };
      st.nodes.push(
        group(PAD, st.y, iw, part.h, part.nodes, {
          key: `epoll-ready-${ep.id}`,
          attrs: { 'data-testid': `epoll-ready-${ep.id}`, 'data-fds': ep.ready.map((r) => r.fd).join(',') },
          title: t('stage.epoll.readyTitle'),
        }),
      );
      st.y += part.h + 4;
      st.add(waitersRow(ctx, `epoll-${ep.id}`, ep.waiters, 0, 0, iw, 'stage.wait.epoll'));
      return st.part(y0);
    },
    {
      key: `epoll-${ep.id}`,
      changed: ep.changed,
      cls: 'box-kernel box-epoll',
      attrs: { 'data-testid': `epoll-${ep.id}` },
      title: t('stage.epoll.about'),
    },
  );
}

function scanBox(ctx: Ctx, scan: ScanScene, w: number): GNode {
  const { t } = ctx;
  const th = ctx.scene.threads[scan.tid];
  const title = t(scan.kind === 'select' ? 'stage.scan.select' : 'stage.scan.poll', {
    thread: th ? threadName(th) : String(scan.tid),
  });
  return kbox(
    ctx,
    w,
    title,
    (y0, iw) => {
      const st = new Stack(y0);
      const head =
        scan.kind === 'select' && scan.nfds !== null
          ? t('stage.scan.copiedNfds', { nfds: scan.nfds, max: scan.nfds - 1 })
          : t('stage.scan.copied');
      if (!ctx.projector) st.add(para(ctx, head, iw));
      const chips = scan.watched.slice(0, 32).map((fd) => {
        const ready = scan.ready.includes(fd);
        return chip(ctx, `fd ${fd}`, {
          cls: ready ? 'chip-ready' : 'chip-scan',
          icon: ready ? 'check' : undefined,
          iconCls: 'icon-check',
          key: `scan-${fd}`,
          changed: ready && scan.changed,
          title: ready ? t('stage.scan.fdReady', { fd }) : t('stage.scan.fdNotReady', { fd }),
        });
      });
      if (scan.watched.length > 32)
        chips.push(
          chip(ctx, t('stage.more.items', { n: scan.watched.length - 32 }), {
            cls: 'chip-plain',
            key: 'scan-more',
          }),
        );
      st.add(flow(chips, 0, 0, iw));
      const result = scan.ready.length
        ? t('stage.scan.ready', { list: scan.ready.join(', ') })
        : t('stage.scan.none');
      st.add(para(ctx, result, iw, 'body-text'));
      return st.part(y0);
    },
    {
      key: 'scan',
      changed: scan.changed,
      cls: 'box-kernel box-scan',
      attrs: { 'data-testid': 'scan' },
      title: t(scan.kind === 'select' ? 'stage.scan.aboutSelect' : 'stage.scan.aboutPoll'),
    },
  );
}

function signalsBox(ctx: Ctx, s: SignalScene, w: number): GNode {
  const { t } = ctx;
  return kbox(
    ctx,
    w,
    t('stage.signals.title', { pid: s.pid }),
    (y0, iw) => {
      const st = new Stack(y0);
      if (s.asyncFds.length) st.add(para(ctx, t('stage.signals.async', { list: s.asyncFds.join(', ') }), iw));
      const pending = s.pending.length
        ? s.pending.map((sig) =>
            chip(ctx, t('stage.signals.pending', { signal: sig }), {
              cls: 'chip-pending',
              icon: 'warn',
              iconCls: 'icon-pending',
              key: `pending-${s.pid}-${sig}`,
              changed: s.changed,
              maxW: iw,
            }),
          )
        : [chip(ctx, t('stage.signals.none'), { cls: 'chip-plain', maxW: iw })];
      st.add(flow(pending, 0, 0, iw));
      if (s.history.length) {
        const list = s.history
          .map((e) =>
            t(
              e.signal !== 'SIGIO' && e.kind === 'sent' ? 'stage.signals.ignored' : `stage.signals.${e.kind}`,
              { signal: e.signal },
            ),
          )
          .join(' → ');
        st.add(para(ctx, t('stage.signals.history', { list }), iw, 'muted', ctx.F.small, 2));
      }
      st.add(waitersRow(ctx, `signals-${s.pid}`, s.waiters, 0, 0, iw, 'stage.wait.pause'));
      return st.part(y0);
    },
    {
      key: `signals-${s.pid}`,
      changed: s.changed,
      cls: 'box-kernel box-signals',
      attrs: { 'data-testid': `signals-${s.pid}` },
      title: t('stage.signals.about'),
    },
  );
}

function uringBox(ctx: Ctx, u: UringScene, w: number): GNode {
  const { t } = ctx;
  return kbox(
    ctx,
    w,
    t('stage.uring.title', { fd: refsText(u.refs, t, ctx.scene.procs.length > 1) }),
    (y0, iw) => {
      const st = new Stack(y0);
      st.text(label(ctx, 0, 0, t('stage.uring.sq'), iw), ROW);
      const sq = u.sq.slice(0, 8).map((e) =>
        chip(ctx, t('stage.uring.sqe', { op: e.op, fd: e.fd, ud: e.userData }), {
          cls: 'chip-sqe',
          key: `sqe-${u.id}-${e.userData}`,
          changed: e.isNew,
          maxW: iw,
          title: t('stage.uring.sqeTitle', { op: e.op, fd: e.fd, ud: e.userData }),
        }),
      );
      if (u.sq.length > 8)
        sq.push(chip(ctx, t('stage.more.items', { n: u.sq.length - 8 }), { cls: 'chip-plain' }));
      st.add(sq.length ? flow(sq, 0, 0, iw) : { nodes: [label(ctx, 0, 0, t('stage.empty'), iw)], h: ROW });
      st.text(label(ctx, 0, 0, t('stage.uring.cq'), iw), ROW);
      const recent = u.cq.slice(-6);
      const cq = recent.map((e) =>
        chip(ctx, t('stage.uring.cqe', { ud: e.userData, res: e.res }), {
          cls: 'chip-cqe',
          icon: 'check',
          iconCls: 'icon-check',
          key: `cqe-${u.id}-${e.userData}`,
          changed: e.isNew,
          maxW: iw,
          title: t('stage.uring.cqeTitle', { ud: e.userData, res: e.res }),
        }),
      );
      st.add(cq.length ? flow(cq, 0, 0, iw) : { nodes: [label(ctx, 0, 0, t('stage.empty'), iw)], h: ROW });
      st.add(waitersRow(ctx, `uring-${u.id}`, u.waiters, 0, 0, iw, 'stage.wait.uring'));
      return st.part(y0);
    },
    {
      key: `uring-${u.id}`,
      changed: u.changed,
      cls: 'box-kernel box-uring',
      attrs: { 'data-testid': `uring-${u.id}` },
      title: t('stage.uring.about'),
    },
  );
}

function terminalBox(ctx: Ctx, term: TerminalScene, w: number): GNode {
  const { t, measure } = ctx;
  return kbox(
    ctx,
    w,
    t('stage.term.title'),
    (y0, iw) => {
      const st = new Stack(y0);
      // labels in a column, values lined up after the widest
      const labels = [t('stage.term.prompt'), t('stage.term.typed')];
      const labW = Math.max(...labels.map((l) => measure(l, ctx.F.small))) + 6;
      const row = (lab: string, value: string, cls = 'mono'): void => {
        const l = textNode(measure, 0, baseline(0, ctx.F.small), lab, ctx.F.small, 'muted');
        const v = textNode(measure, labW, baseline(0, ctx.F.mono), value, ctx.F.mono, cls, {
          maxW: iw - labW,
        });
        st.add({ nodes: [l, v], h: ROW });
      };
      row(labels[0]!, term.prompt !== null ? pyRepr(term.prompt) : '—');
      if (term.typed.length === 0) row(labels[1]!, t('stage.term.nothing'), 'muted');
      else term.typed.forEach((line, i) => row(i === 0 ? labels[1]! : '', pyRepr(line)));
      st.add(waitersRow(ctx, 'terminal', term.waiters, 0, 0, iw, 'stage.wait.stdin'));
      return st.part(y0);
    },
    {
      key: 'terminal',
      changed: term.changed,
      cls: 'box-kernel box-terminal',
      attrs: { 'data-testid': 'terminal' },
      title: t('stage.term.about'),
    },
  );
}

function poolBox(ctx: Ctx, pool: PoolScene, w: number): GNode {
  const { t } = ctx;
  return kbox(
    ctx,
    w,
    t('stage.pool.title'),
    (y0, iw) => {
      const st = new Stack(y0);
      if (pool.waiters.length === 0) st.add(para(ctx, t('stage.pool.busy'), iw));
      st.add(waitersRow(ctx, `pool-${pool.name}`, pool.waiters, 0, 0, iw, 'stage.wait.pool'));
      return st.part(y0);
    },
    {
      key: `pool-${pool.name}`,
      changed: pool.changed,
      cls: 'box-kernel box-pool',
      attrs: { 'data-testid': `pool-${pool.name}` },
      title: t('stage.pool.name', { name: pool.name }),
    },
  );
}
