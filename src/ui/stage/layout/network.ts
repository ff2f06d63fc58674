/**
 * The network, a column at the right: one box per client host (its state, what it sends and
 * has received) with the packets on its wire.
 */
import { clientStateText } from '../describe.ts';
import type { ClientScene, PacketScene } from '../scene.ts';
import { baseline, group, rect, textNode, type DNode, type GNode, type IconName } from '../nodes.ts';
import { pyRepr } from '../text.ts';
import {
  CHIP_H,
  clamp,
  count,
  GAP,
  icon,
  label,
  moreSummary,
  PAD,
  ROW,
  summaryLine,
  type Ctx,
  type Part,
} from './parts.ts';

const CLIENT_ICON: Record<ClientScene['state'], IconName> = {
  idle: 'ready',
  connecting: 'ready',
  connected: 'check',
  closed: 'exited',
  reset: 'warn',
  'server-gone': 'warn',
};

export function networkColumn(ctx: Ctx, w: number): Part {
  const { t, scene, measure } = ctx;
  const nodes: DNode[] = [
    textNode(measure, PAD, baseline(4, ctx.F.band), t('stage.band.network'), ctx.F.band, 'band-label'),
  ];
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
    nodes.push(
      group(
        0,
        0,
        w,
        0,
        [{ t: 'line', x1: wireX0, y1: wireY, x2: hostX, y2: wireY, cls: `wire wire-${c.state}` }],
        { key: `wire-${c.name}` },
      ),
    );
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
    const text = moreSummary(
      ctx,
      t('stage.more.clients', { n: count(scene.hiddenClients) }),
      scene.hiddenClientStates.map(([state, n]) =>
        t('stage.more.state', { n: count(n), state: t(`stage.client.${state}`) }),
      ),
    );
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
  nodes.push(
    textNode(measure, PAD + 17, baseline(y, ctx.F.bold), c.name, ctx.F.bold, 'title', { maxW: inner - 17 }),
  );
  y += ROW + 2;
  nodes.push(icon(CLIENT_ICON[c.state], PAD + 5, y + ROW / 2, 10, `icon-client-${c.state}`));
  nodes.push(
    textNode(measure, PAD + 14, baseline(y, ctx.F.small), clientStateText(c, t), ctx.F.small, 'body-text', {
      maxW: inner - 14,
    }),
  );
  y += ROW + 2;
  // A projector shows the last reply (the lab the last two).
  const replies = c.replies.slice(ctx.projector ? -1 : -2);
  if (replies.length === 0 && ctx.projector) {
    // nothing to say on a projector
  } else if (replies.length === 0) {
    nodes.push(
      textNode(measure, PAD, baseline(y, ctx.F.small), t('stage.client.noReply'), ctx.F.small, 'muted', {
        maxW: inner,
      }),
    );
    y += ROW;
  } else {
    const lab = textNode(measure, PAD, baseline(y, ctx.F.small), t('stage.client.got'), ctx.F.small, 'muted');
    nodes.push(lab);
    replies.forEach((r, i) => {
      const isNew = i >= replies.length - c.newReplies;
      const x = i === 0 ? PAD + lab.w + 5 : PAD + lab.w + 5;
      nodes.push(
        textNode(
          measure,
          x,
          baseline(y, ctx.F.mono),
          pyRepr(r),
          ctx.F.mono,
          isNew ? 'mono mono-new' : 'mono',
          {
            maxW: inner - lab.w - 5,
          },
        ),
      );
      y += ROW;
    });
  }
  const h = Math.ceil(y + 5);
  return group(0, 0, w, h, [rect(0, 0, w, h, `box box-host box-host-${c.state}`, 6), ...nodes], {
    key: `host-${c.name}`,
    changed: c.changed,
    attrs: { 'data-testid': `host-${c.name}`, 'data-state': c.state },
    title: c.replies.length
      ? t('stage.client.allReplies', { list: c.replies.map((r) => pyRepr(r, 40)).join(', ') })
      : undefined,
  });
}

function packetPill(ctx: Ctx, p: PacketScene, maxW: number): GNode {
  const { t, measure } = ctx;
  const head = p.kind === 'DATA' ? t('stage.packet.data', { n: p.bytes }) : p.kind;
  const headW = measure(head, ctx.F.tag);
  const data = p.data ? pyRepr(p.data) : null;
  const dataW = data ? measure(data, ctx.F.cell) : 0;
  const w = Math.min(maxW, Math.ceil(Math.max(headW + 20, dataW + 10)));
  const h = data ? 30 : CHIP_H;
  const children: DNode[] = [
    rect(0, 0, w, h, `packet packet-${p.kind}`, 4),
    icon(p.toServer ? 'arrow-left' : 'arrow-right', 8, CHIP_H / 2, 8, 'icon-arrow'),
    textNode(measure, 15, baseline(1, ctx.F.tag), head, ctx.F.tag, 'packet-text', { maxW: w - 18 }),
  ];
  if (data)
    children.push(
      textNode(measure, 5, baseline(14, ctx.F.cell), data, ctx.F.cell, 'packet-data', { maxW: w - 8 }),
    );
  const from = p.toServer ? p.client : t('stage.packet.server');
  const to = p.toServer ? t('stage.packet.server') : p.client;
  return group(0, 0, w, h, children, {
    key: `packet-${p.id}`,
    changed: p.isNew,
    attrs: { 'data-testid': `packet-${p.id}`, 'data-kind': p.kind },
    title:
      t('stage.packet.title', { kind: p.kind, from, to, n: p.bytes }) +
      (p.data ? ` ${pyRepr(p.data, 100)}` : ''),
  });
}
