/**
 * The projector's condensed drawing of a crowded machine: what is alike and quiet is drawn once.
 * Threads asleep in the same way (the same wait, unchanged this step) become one card that
 * names them; connections with nothing received, nothing to report and unchanged this step
 * become one box that names their fds and who sleeps on them. What happens at this step (a
 * thread that runs or woke, a socket with bytes, a FIN, a new connection) stays drawn in full.
 * Each summary carries what it stands for in data attributes, so tests compare it with the view.
 */
import { threadName, stateText } from '../describe.ts';
import type { ProcScene, SockScene, ThreadScene } from '../scene.ts';
import { group, rect, type DNode, type GNode } from '../nodes.ts';
import { chip, flow, icon, kbox, para, PAD, ROW, Stack, type Ctx } from './parts.ts';

/** Threads asleep the same way, drawn as one card (two or more). */
export interface ThreadGroup {
  kind: 'group';
  threads: ThreadScene[];
  /** The state they share, in words; null when only the call is shared (recv on their own fds). */
  state: string | null;
}

/** A thread that may join a group: asleep, untouched by this step, nothing of its own to show. */
function quiet(th: ThreadScene): boolean {
  return th.state === 'blocked' && th.on !== null && !th.changed && !th.bufferChanged && !th.error;
}

/**
 * The process's threads in drawing order, with the quiet ones that sleep alike gathered into
 * groups (at the place of the first). Threads asleep in recvfrom() on different fds form one
 * group; others only when their state reads the same.
 */
export function groupThreads(ctx: Ctx, p: ProcScene): (ThreadScene | ThreadGroup)[] {
  const keyOf = (th: ThreadScene): string | null =>
    !quiet(th) ? null : th.on!.kind === 'recv' ? 'recv' : `s:${stateText(th, ctx.t, ctx.scene.t)}`;
  const byKey = new Map<string, ThreadScene[]>();
  for (const th of p.threads) {
    const k = keyOf(th);
    if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), th]);
  }
  const out: (ThreadScene | ThreadGroup)[] = [];
  const placed = new Set<string>();
  for (const th of p.threads) {
    const k = keyOf(th);
    const members = k !== null ? byKey.get(k)! : [];
    if (k === null || members.length < 2) out.push(th);
    else if (!placed.has(k)) {
      placed.add(k);
      out.push({
        kind: 'group',
        threads: members,
        state: k === 'recv' ? null : stateText(members[0]!, ctx.t, ctx.scene.t),
      });
    }
  }
  return out;
}

/** One card for threads asleep alike: "3 threads, each asleep …", then a chip per thread. */
export function threadGroupCard(ctx: Ctx, g: ThreadGroup, w: number): GNode {
  const { t } = ctx;
  const inner = w - 2 * PAD;
  const n = g.threads.length;
  const text =
    g.state !== null ? t('stage.group.threads', { n, state: g.state }) : t('stage.group.recv', { n });
  const nodes: DNode[] = [icon('blocked', PAD + 6, 6 + ROW / 2, 12, 'icon-blocked')];
  const p = para(ctx, text, inner - 17, 'title', ctx.F.bold, 2);
  nodes.push(group(PAD + 17, 6, inner - 17, p.h, p.nodes));
  const chips = g.threads.map((th) =>
    chip(
      ctx,
      th.on?.kind === 'recv' ? t('stage.group.recvChip', { thread: th.name, fd: th.on.fd }) : th.name,
      {
        cls: 'chip-waiter',
        maxW: inner,
        key: `thread-${th.tid}`,
        title: `${threadName(th)}: ${stateText(th, t, ctx.scene.t)}`,
        attrs: { 'data-testid': `thread-${th.tid}`, 'data-state': th.state },
      },
    ),
  );
  const part = flow(chips, PAD, 6 + p.h + 6, inner, 4, 4);
  nodes.push(...part.nodes);
  const h = Math.ceil(6 + p.h + 6 + part.h + PAD);
  return group(0, 0, w, h, [rect(0, 0, w, h, 'box box-thread box-thread-blocked', 5), ...nodes], {
    key: `threads-${g.threads[0]!.tid}`,
    attrs: {
      'data-testid': 'thread-group',
      'data-tids': g.threads.map((th) => th.tid).join(','),
    },
  });
}

/**
 * Connections with nothing to show at this step: held by one fd, nothing received, no FIN, no
 * error, not closed, unchanged, not just read from; of one process. Two or more are drawn as one box.
 */
export function idleSockets(
  socks: readonly SockScene[],
  threads: Readonly<Record<number, ThreadScene>>,
): SockScene[] {
  // A buffer filled at this step came from a socket that is not idle now.
  const read = new Set(
    Object.values(threads)
      .filter((th) => th.bufferChanged && th.userBuffer)
      .map((th) => `${th.pid}:${th.userBuffer!.fd}`),
  );
  const candidates = socks.filter(
    (s) =>
      s.kind === 'conn' &&
      !read.has(`${s.refs[0]?.pid}:${s.refs[0]?.fd}`) &&
      s.refs.length === 1 &&
      !s.changed &&
      !s.gone &&
      !s.closed &&
      !s.pair &&
      !s.queued &&
      !s.fin &&
      s.err === null &&
      s.rx.length === 0 &&
      s.taken.length === 0 &&
      s.dropped.length === 0,
  );
  // Of one process only, so that "fd 4–8" names fds of one table.
  const pid = candidates[0]?.refs[0]!.pid;
  const idle = candidates.filter((s) => s.refs[0]!.pid === pid);
  return idle.length >= 2 ? idle : [];
}

/** "4–8" for a run of fds, "4, 6, 9" otherwise (runs of three or more joined by a dash). */
export function fdList(fds: readonly number[]): string {
  const sorted = [...fds].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) out.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(sorted[k]));
    i = j + 1;
  }
  return out.join(', ');
}

/** The idle connections' box: how many, their fds, their clients, who sleeps on them. */
export function idleSocketsBox(ctx: Ctx, socks: readonly SockScene[], w: number): GNode {
  const { t, scene } = ctx;
  const fds = socks.map((s) => s.refs[0]!.fd);
  const title = t('stage.idle.title', { n: socks.length, fds: fdList(fds) });
  const name = (tid: number): string => scene.threads[tid]?.name ?? String(tid);
  const sameWaiters = socks.every((s) => s.waiters.join() === socks[0]!.waiters.join());
  return kbox(
    ctx,
    w,
    title,
    (y0, iw) => {
      const st = new Stack(y0);
      const clients = socks.map((s) => s.client ?? '?').join(t('stage.more.sep'));
      st.add(para(ctx, t('stage.idle.body', { clients }), iw, 'muted', ctx.F.small, 2));
      const waiterChip = (label: string, tid: number, key: string): GNode =>
        chip(ctx, label, {
          cls: 'chip-waiter',
          icon: 'blocked',
          iconCls: 'icon-blocked',
          maxW: iw,
          key,
          title: t('stage.wait.title', { thread: name(tid) }),
        });
      const chips =
        sameWaiters && socks[0]!.waiters.length > 0
          ? [
              chip(ctx, t('stage.idle.each'), { cls: 'chip-plain', maxW: iw }),
              ...socks[0]!.waiters.map((tid) => waiterChip(name(tid), tid, `idle-waiter-${tid}`)),
            ]
          : socks.flatMap((s) =>
              s.waiters.map((tid) =>
                waiterChip(
                  t('stage.idle.waiter', { fd: s.refs[0]!.fd, thread: name(tid) }),
                  tid,
                  `idle-waiter-${s.id}-${tid}`,
                ),
              ),
            );
      if (chips.length) st.add(flow(chips, 0, 0, iw, 4, 3));
      return st.part(y0);
    },
    {
      key: 'idle-socks',
      cls: 'box-kernel box-sock box-sock-conn',
      attrs: { 'data-testid': 'idle-socks', 'data-socks': socks.map((s) => s.id).join(',') },
      title,
    },
  );
}
