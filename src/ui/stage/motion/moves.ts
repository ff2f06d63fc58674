/**
 * What moves between two pictures of the stage. A pure function from the events of the new
 * step, the machine before and after, and the two display lists (old and new layout) to a list
 * of moves: ghosts that travel between the boxes of keyed groups (a packet to a receive buffer,
 * bytes across the user/kernel boundary, a thread onto a wait queue...), rings that walk a list,
 * and which real elements stay hidden until their ghost arrives. Times are fractions of the
 * animation; `weight` is its natural length in milliseconds (the player scales it to the speed).
 */
import type { TraceEvent, WaitOn } from '../../../kernel/types.ts';
import { packetsInFlight, type MachineView } from '../../../kernel/view.ts';
import type { DNode, GNode } from '../nodes.ts';
import { byteGlyph, pyRepr } from '../text.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A real element of the stage to keep hidden until the move ends: a keyed group, one of its byte cells, or what matches `sel` inside it. */
export interface Hide {
  key: string;
  cell?: number;
  sel?: string;
}

export interface Move {
  /** cell: one byte (10×15, its glyph); token: a labelled chip; ring: an outline on a box. */
  shape: 'cell' | 'token' | 'ring';
  text: string;
  /**
   * A token's words, in the reader's language (src/i18n/<lang>/pages/motion.ts), when it has
   * more than code and names: `text` is then the English.
   */
  label?: { key: string; params: Record<string, string | number> };
  /** The look: data, copy, send, packet, fdset, result, ready, thread, wake, cpu, signal, sqe, cqe, conn, scan. */
  cls: string;
  /** Where it goes, box after box (a ring stays on the first). */
  path: Box[];
  t0: number;
  t1: number;
  hide?: Hide[];
  /** Fades out as it ends (it leaves rather than lands). */
  fade?: boolean;
}

export interface MotionPlan {
  moves: Move[];
  weight: number;
}

export interface MotionInput {
  events: readonly TraceEvent[];
  before: MachineView;
  view: MachineView;
  from: readonly DNode[];
  to: readonly DNode[];
}

/* ───────────── where keyed things are ───────────── */

export interface Cell extends Box {
  ch: string;
  cls: string;
}
interface Placed {
  box: Box;
  node: GNode;
  /** keys of the keyed groups around it, outermost first */ chain: string[];
}
export type Places = Map<string, Placed>;

/** Every keyed group of a display list with its absolute box. */
export function placeKeys(
  nodes: readonly DNode[],
  out: Places = new Map(),
  ox = 0,
  oy = 0,
  chain: string[] = [],
): Places {
  for (const n of nodes) {
    if (n.t !== 'g') continue;
    const x = ox + n.x;
    const y = oy + n.y;
    if (n.key) out.set(n.key, { box: { x, y, w: n.w, h: n.h }, node: n, chain });
    placeKeys(n.children, out, x, y, n.key ? [...chain, n.key] : chain);
  }
  return out;
}

/**
 * Where something of the old picture is in the new one: the new picture is what is drawn, so a
 * thing that is gone (a packet that arrived, a waiter that woke) is placed relative to the
 * nearest keyed group around it that is still there (its socket box moved down? so does it).
 */
function oldPlace(A: Places, B: Places, key: string): Placed | null {
  const p = A.get(key);
  if (!p) return null;
  let dx = 0;
  let dy = 0;
  for (const k of [key, ...[...p.chain].reverse()]) {
    const a = A.get(k);
    const b = B.get(k);
    if (a && b) {
      dx = b.box.x - a.box.x;
      dy = b.box.y - a.box.y;
      break;
    }
  }
  return { ...p, box: { ...p.box, x: p.box.x + dx, y: p.box.y + dy } };
}

/** The byte cells drawn inside a placed group, in document order, with their glyphs. */
export function cellsIn(p: Placed): Cell[] {
  const out: Cell[] = [];
  const walk = (nodes: readonly DNode[], ox: number, oy: number): void => {
    nodes.forEach((n, i) => {
      if (n.t === 'g') walk(n.children, ox + n.x, oy + n.y);
      else if (n.t === 'rect' && /(^| )cell( |$)/.test(n.cls) && !n.cls.includes('cell-empty')) {
        const next = nodes[i + 1];
        out.push({
          x: ox + n.x,
          y: oy + n.y,
          w: n.w,
          h: n.h,
          cls: n.cls,
          ch: next && next.t === 'text' ? next.text : '',
        });
      }
    });
  };
  walk(p.node.children, p.box.x, p.box.y);
  return out;
}

/** Rects of a class inside a placed group (accept-queue slots). */
function rectsIn(p: Placed, cls: string): Box[] {
  return p.node.children.flatMap((n) =>
    n.t === 'rect' && n.cls.includes(cls) ? [{ x: p.box.x + n.x, y: p.box.y + n.y, w: n.w, h: n.h }] : [],
  );
}

const CELL_W = 10;
const CELL_H = 15;
const CELL_STEP = 11;

/** The top strip of a box (a thread card's name line), where a token lands or leaves. */
const head = (b: Box, h = 18): Box => ({ x: b.x, y: b.y, w: b.w, h: Math.min(h, b.h) });

/** A row of n cell boxes laid out from the left of a box, squeezed to fit. */
function cellRow(b: Box, n: number): Box[] {
  const step = n > 1 ? Math.min(CELL_STEP, Math.max(2, (b.w - CELL_W - 6) / (n - 1))) : 0;
  const y = b.y + Math.max(0, (b.h - CELL_H) / 2);
  return Array.from({ length: n }, (_, i) => ({ x: b.x + 3 + i * step, y, w: CELL_W, h: CELL_H }));
}

/* ───────────── the rules ───────────── */

interface Ctx extends MotionInput {
  A: Places;
  B: Places;
}
/** One event's moves, on a local timeline 0..1, and how long it wants. */
interface Part {
  moves: Move[];
  weight: number;
}

const box = (P: Places, key: string): Box | null => P.get(key)?.box ?? null;
const either = (c: Ctx, key: string): Box | null => box(c.B, key) ?? box(c.A, key);

function sockOf(v: MachineView, tid: number | null, pid: number | null, fd: number): number | null {
  const p = pid ?? (tid !== null ? v.threads[tid]?.pid : undefined);
  if (p === undefined) return null;
  const what = v.procs[p]?.fds[fd];
  return what && (what.kind === 'conn' || what.kind === 'listen' || what.kind === 'socket')
    ? what.sock
    : null;
}

function threadLabel(v: MachineView, tid: number): string {
  return v.threads[tid]?.name ?? `tid ${tid}`;
}

/** The box of the kernel object a thread waits on. */
function onKey(on: WaitOn | null | undefined, pid: number | undefined): string | null {
  if (!on) return null;
  switch (on.kind) {
    case 'accept':
    case 'recv':
      return `sock-${on.sock}`;
    case 'epoll':
      return `epoll-${on.ep}`;
    case 'signal':
      return pid !== undefined ? `signals-${pid}` : null;
    case 'uring':
      return `uring-${on.ring}`;
    case 'stdin':
      return 'terminal';
    case 'pool':
      return `pool-${on.queue}`;
    case 'gil':
      return pid !== undefined ? `gil-${pid}` : null;
    case 'select':
    case 'poll':
      return 'scan';
    default:
      return null;
  }
}

const waiterKeys = (P: Places, tid: number): string[] =>
  [...P.keys()].filter((k) => k.startsWith('waiter-') && k.endsWith(`-${tid}`));

/** Bytes landing in a receive buffer, one cell after another, from the packet that brought them. */
function rx(c: Ctx, ev: Extract<TraceEvent, { type: 'sock.rx' }>): Part | null {
  const dest = c.B.get(`rx-${ev.sock}`);
  const client = c.view.socks[ev.sock]?.client ?? c.before.socks[ev.sock]?.client ?? null;
  const now = new Set(packetsInFlight(c.view).map((p) => p.id));
  const pkt = packetsInFlight(c.before).find(
    (p) => p.to === 'server' && p.kind === 'DATA' && !now.has(p.id) && (client === null || p.from === client),
  );
  const src = (pkt ? box(c.A, `packet-${pkt.id}`) : null) ?? (client ? either(c, `host-${client}`) : null);
  if (!src) return null;
  const all = dest ? cellsIn(dest) : [];
  const indexed = all.map((cell, i) => ({ cell, i }));
  let fresh = indexed.filter(({ cell }) => cell.cls.includes('cell-new'));
  // Read at once as they came (io_uring's kernel-side read): they land, dashed, on their way out.
  if (fresh.length === 0) fresh = indexed.filter(({ cell }) => cell.cls.includes('cell-ghost'));
  if (fresh.length === 0 && dest) {
    // Taken at once by a read the kernel already had waiting (io_uring): in, then on their way.
    const n = Math.min(ev.data.length, 12);
    const starts = cellRow(src, n);
    const ends = cellRow({ ...dest.box, h: CELL_H }, n);
    return {
      moves: starts.map((s0, j) => ({
        shape: 'cell',
        text: byteGlyph(ev.data.charCodeAt(j)),
        cls: 'data',
        path: [s0, ends[j]!],
        t0: j * 0.04,
        t1: Math.min(1, 0.8 + j * 0.04),
        fade: true,
      })),
      weight: 520,
    };
  }
  if (fresh.length === 0) {
    const to = either(c, `sock-${ev.sock}`);
    return to
      ? {
          moves: [
            {
              shape: 'token',
              text: pyRepr(ev.data, 16),
              cls: 'data',
              path: [src, head(to)],
              t0: 0,
              t1: 1,
              fade: true,
            },
          ],
          weight: 500,
        }
      : null;
  }
  const starts = cellRow(src, fresh.length);
  const n = fresh.length;
  const travel = 0.6;
  const moves: Move[] = fresh.map(({ cell, i }, j) => {
    const t0 = n > 1 ? (j / (n - 1)) * (1 - travel) : 0;
    return {
      shape: 'cell',
      text: cell.ch,
      cls: 'data',
      path: [starts[j]!, cell],
      t0,
      t1: t0 + travel,
      hide: [{ key: `rx-${ev.sock}`, cell: i }],
    };
  });
  return { moves, weight: Math.min(1000, 420 + 40 * n) };
}

/** The copy of a read: the bytes rise from the socket's buffer across the boundary into the user buffer. */
function copyIn(c: Ctx, ev: Extract<TraceEvent, { type: 'copy' }>): Part | null {
  const sock = sockOf(c.view, ev.tid, null, ev.fd) ?? sockOf(c.before, ev.tid, null, ev.fd);
  const dest = c.B.get(`ubuf-${ev.tid}`);
  const destCells = dest ? cellsIn(dest).slice(0, ev.data.length) : [];
  const srcPlace = sock !== null ? (c.A.get(`rx-${sock}`) ?? c.B.get(`rx-${sock}`)) : undefined;
  const srcBox = srcPlace?.box ?? (sock !== null ? either(c, `sock-${sock}`) : null);
  if (!srcBox) return null;
  if (destCells.length === 0) {
    const to = either(c, `thread-${ev.tid}`);
    return to
      ? {
          moves: [
            {
              shape: 'token',
              text: pyRepr(ev.data, 16),
              cls: 'copy',
              path: [srcBox, head(to)],
              t0: 0,
              t1: 1,
              fade: true,
            },
          ],
          weight: 600,
        }
      : null;
  }
  const n = destCells.length;
  const srcCells = srcPlace ? cellsIn(srcPlace) : [];
  const starts = srcCells.length >= n ? srcCells.slice(0, n) : cellRow(srcBox, n);
  // Each byte takes the same time to cross; they leave one after another, so more bytes take longer.
  const per = 70;
  const cross = 420;
  const weight = cross + per * (n - 1);
  const moves: Move[] = destCells.map((cell, i) => {
    const t0 = (per * i) / weight;
    return {
      shape: 'cell',
      text: cell.ch,
      cls: 'copy',
      path: [starts[i]!, cell],
      t0,
      t1: t0 + cross / weight,
      hide: [{ key: `ubuf-${ev.tid}`, cell: i }],
    };
  });
  // Python's repr of the buffer shows when the last byte is in.
  moves.push({
    shape: 'ring',
    text: '',
    cls: 'copy-done',
    path: [dest!.box],
    t0: 0.97,
    t1: 1,
    hide: [{ key: `ubuf-${ev.tid}`, sel: 'text.mono' }],
  });
  return { moves, weight: Math.min(1600, weight) };
}

/** The write side: the reply goes down into the socket and on towards the client. */
function copyOut(c: Ctx, ev: Extract<TraceEvent, { type: 'copy' }>): Part | null {
  const sock = sockOf(c.view, ev.tid, null, ev.fd) ?? sockOf(c.before, ev.tid, null, ev.fd);
  const src = box(c.B, `sent-${ev.tid}`) ?? box(c.B, `ubuf-${ev.tid}`) ?? either(c, `thread-${ev.tid}`);
  const sockBox = sock !== null ? either(c, `sock-${sock}`) : null;
  if (!src || !sockBox) return null;
  const client = sock !== null ? (c.view.socks[sock]?.client ?? null) : null;
  const pkt = packetsInFlight(c.view).find(
    (p) => p.from === 'server' && p.to === client && p.kind === 'DATA',
  );
  const pill = pkt ? box(c.B, `packet-${pkt.id}`) : null;
  const n = Math.min(ev.data.length, 12);
  const starts = cellRow(src, n);
  const mids = cellRow(head(sockBox, 24), n);
  const ends = pill ? cellRow(pill, n) : null;
  const moves: Move[] = starts.map((s, i) => ({
    shape: 'cell',
    text: byteGlyph(ev.data.charCodeAt(i)),
    cls: 'send',
    path: ends ? [s, mids[i]!, ends[i]!] : [s, mids[i]!],
    t0: i * 0.03,
    t1: Math.min(1, 0.7 + i * 0.03),
    fade: true,
  }));
  return { moves, weight: Math.min(1400, 600 + 50 * n) };
}

/** A packet leaves: from the client host, or from the server's socket, onto the wire. */
function packet(c: Ctx, ev: Extract<TraceEvent, { type: 'net.packet' }>): Part | null {
  const old = new Set(packetsInFlight(c.before).map((p) => p.id));
  const fresh = packetsInFlight(c.view).filter(
    (p) => !old.has(p.id) && p.from === ev.from && p.to === ev.to && p.kind === ev.kind,
  );
  const p = fresh[fresh.length - 1];
  if (!p) return null;
  const pill = box(c.B, `packet-${p.id}`);
  if (!pill) return null;
  let src: Box | null;
  if (ev.to === 'server') src = either(c, `host-${ev.from}`);
  else {
    const socks = Object.values(c.view.socks);
    const conn =
      socks.find((s) => s.client === ev.to && s.kind === 'conn' && !s.closed) ??
      socks.find((s) => s.kind === 'listen');
    src = conn ? either(c, `sock-${conn.id}`) : null;
    if (src) src = head(src, 24);
  }
  if (!src) return null;
  const text = ev.kind === 'DATA' && ev.data !== undefined ? pyRepr(ev.data, 14) : ev.kind;
  return {
    moves: [
      {
        shape: 'token',
        text,
        cls: `packet packet-${ev.kind}`,
        path: [src, pill],
        t0: 0,
        t1: 1,
        hide: [{ key: `packet-${p.id}` }],
      },
    ],
    weight: 500,
  };
}

/** select/poll: the fd list is carried into the kernel, walked fd by fd, and the result carried back. */
function scan(c: Ctx, ev: Extract<TraceEvent, { type: 'select.scan' | 'poll.scan' }>): Part | null {
  const scanBox = box(c.B, 'scan');
  const th = either(c, `thread-${ev.tid}`);
  if (!scanBox || !th) return null;
  const shown = ev.watched.filter((fd) => c.B.has(`scan-${fd}`));
  const n = shown.length;
  const fds = ev.watched.join(',');
  const set = ev.type === 'select.scan' ? `fd_set {${fds}}` : `pollfd [${fds}]`;
  const moves: Move[] = [
    {
      shape: 'token',
      text: set,
      label: { key: ev.type === 'select.scan' ? 'motion.fdset' : 'motion.pollfd', params: { fds } },
      cls: 'fdset',
      path: [head(th), head(scanBox, 22)],
      t0: 0,
      t1: 0.25,
      fade: true,
    },
  ];
  const walk = 0.5 / Math.max(1, n);
  shown.forEach((fd, i) => {
    const t0 = 0.25 + i * walk;
    const ready = ev.ready.includes(fd);
    moves.push({
      shape: 'ring',
      text: '',
      cls: ready ? 'scan scan-ready' : 'scan',
      path: [box(c.B, `scan-${fd}`)!],
      t0,
      t1: t0 + walk,
      hide: [{ key: `scan-${fd}` }],
    });
  });
  moves.push({
    shape: 'token',
    text: `→ {${ev.ready.join(',')}}`,
    label: { key: 'motion.scanReady', params: { fds: ev.ready.join(',') } },
    cls: 'result',
    path: [head(scanBox, 22), head(th)],
    t0: 0.78,
    t1: 1,
    fade: true,
  });
  return { moves, weight: Math.min(1500, 420 + 150 * n) };
}

function epollPid(v: MachineView, ep: number): number | null {
  for (const p of Object.values(v.procs))
    for (const w of Object.values(p.fds)) if (w.kind === 'epoll' && w.ep === ep) return p.pid;
  return null;
}

/** epoll: the callback drops the fd into the ready list; epoll_wait takes what is there. */
function epollReady(c: Ctx, ev: Extract<TraceEvent, { type: 'epoll.ready' }>): Part | null {
  const key = `ready-${ev.ep}-${ev.fd}`;
  if (ev.op === 'add') {
    const to = box(c.B, key);
    const pid = epollPid(c.view, ev.ep);
    const sock = pid !== null ? sockOf(c.view, null, pid, ev.fd) : null;
    const from =
      sock !== null
        ? (either(c, `rx-${sock}`) ?? either(c, `aq-${sock}`) ?? either(c, `sock-${sock}`))
        : null;
    if (!to || !from) return null;
    return {
      moves: [
        {
          shape: 'token',
          text: `fd ${ev.fd}`,
          label: { key: 'motion.readyFd', params: { fd: ev.fd } },
          cls: 'ready',
          path: [from, to],
          t0: 0,
          t1: 1,
          hide: [{ key }],
        },
      ],
      weight: 520,
    };
  }
  const from = box(c.A, key);
  if (!from) return null;
  const taker = c.events.find(
    (e): e is Extract<TraceEvent, { tid: number }> =>
      (e.type === 'sys.wake' || e.type === 'sys.enter' || e.type === 'sys.exit') && 'tid' in e,
  );
  const to = taker ? either(c, `thread-${taker.tid}`) : null;
  return {
    moves: [
      {
        shape: 'token',
        text: `fd ${ev.fd}`,
        label: { key: 'motion.takeFd', params: { fd: ev.fd } },
        cls: 'ready',
        path: to ? [from, head(to)] : [from],
        t0: 0,
        t1: 1,
        fade: true,
      },
    ],
    weight: 480,
  };
}

/** A thread falls asleep onto the wait queue(s) it waits on. */
function block(c: Ctx, ev: Extract<TraceEvent, { type: 'sys.block' }>): Part | null {
  const from = either(c, `thread-${ev.tid}`);
  if (!from) return null;
  const old = new Set(waiterKeys(c.A, ev.tid));
  const keys = waiterKeys(c.B, ev.tid).filter((k) => !old.has(k));
  const pid = c.view.threads[ev.tid]?.pid;
  const targets = keys.length
    ? keys.map((k) => ({ box: box(c.B, k)!, hide: [{ key: k }] as Hide[] }))
    : (() => {
        const k = onKey(ev.on, pid);
        const b = k ? either(c, k) : null;
        return b ? [{ box: head(b, 22), hide: [] as Hide[] }] : [];
      })();
  if (targets.length === 0) return null;
  const thread = threadLabel(c.view, ev.tid);
  const text = `zz ${thread}`;
  return {
    moves: targets.slice(0, 8).map((tg) => ({
      shape: 'token',
      text,
      label: { key: 'motion.sleep', params: { thread } },
      cls: 'thread',
      path: [head(from), tg.box],
      t0: 0,
      t1: 1,
      hide: tg.hide,
    })),
    weight: 520,
  };
}

/**
 * The wake-up, drawn from the event that caused it: in the step where the data (or the
 * connection, the ready fd) lands, the kernel takes the thread off that object's wait queue —
 * off every queue it slept on, for select and poll.
 */
function dequeue(c: Ctx, ev: Extract<TraceEvent, { type: 'wait.remove' }>): Part | null {
  const first = c.events.find((e) => e.type === 'wait.remove' && e.tid === ev.tid);
  if (first !== ev) return null;
  const to = either(c, `thread-${ev.tid}`);
  const froms = waiterKeys(c.A, ev.tid)
    .filter((k) => !c.B.has(k))
    .map((k) => box(c.A, k)!);
  if (!to || froms.length === 0) return null;
  const text = threadLabel(c.view, ev.tid);
  return {
    moves: froms
      .slice(0, 8)
      .map((f) => ({ shape: 'token', text, cls: 'wake', path: [f, head(to)], t0: 0, t1: 1, fade: true })),
    weight: 480,
  };
}

/** The thread the wake-up reached becomes runnable (its queue was left when the event came). */
function wake(c: Ctx, ev: Extract<TraceEvent, { type: 'sys.wake' }>): Part | null {
  const to = either(c, `thread-${ev.tid}`);
  if (!to) return null;
  const froms = waiterKeys(c.A, ev.tid)
    .filter((k) => !c.B.has(k))
    .map((k) => box(c.A, k)!);
  const ring: Move = {
    shape: 'ring',
    text: '',
    cls: 'wake-ring',
    path: [to],
    t0: froms.length ? 0.6 : 0,
    t1: 1,
  };
  const text = threadLabel(c.view, ev.tid);
  return {
    moves: [
      ...froms.slice(0, 8).map((f): Move => ({
        shape: 'token',
        text,
        cls: 'wake',
        path: [f, head(to)],
        t0: 0,
        t1: 0.8,
        fade: true,
      })),
      ring,
    ],
    weight: froms.length ? 480 : 300,
  };
}

/** A context switch: the core changes hands. */
function cpu(c: Ctx, ev: Extract<TraceEvent, { type: 'cpu.switch' }>): Part | null {
  const moves: Move[] = [];
  const coreA = box(c.A, `cpu-${ev.core}`);
  const coreB = box(c.B, `cpu-${ev.core}`);
  if (ev.from !== null && coreA) {
    const th = either(c, `thread-${ev.from}`);
    if (th)
      moves.push({
        shape: 'token',
        text: threadLabel(c.view, ev.from),
        cls: 'cpu cpu-off',
        path: [coreA, head(th)],
        t0: 0,
        t1: ev.to !== null ? 0.5 : 1,
        fade: true,
      });
  }
  if (ev.to !== null && coreB) {
    const th = either(c, `thread-${ev.to}`);
    if (th) {
      const t0 = ev.from !== null ? 0.5 : 0;
      moves.push({
        shape: 'token',
        text: threadLabel(c.view, ev.to),
        cls: 'cpu',
        path: [head(th), coreB],
        t0,
        t1: 1,
        fade: true,
      });
      moves.push({ shape: 'ring', text: '', cls: 'cpu-ring', path: [coreB], t0: t0 + (1 - t0) * 0.7, t1: 1 });
    }
  }
  return moves.length ? { moves, weight: 380 } : null;
}

/** SIGIO: sent by the socket whose data arrived, it lands pending on the process; CPython's C handler takes it (a flag). */
function signal(c: Ctx, ev: Extract<TraceEvent, { type: 'signal.send' | 'signal.handle' }>): Part | null {
  if (ev.type === 'signal.send') {
    const pid = ev.pid;
    const proc = c.view.procs[pid];
    const asyncSock = proc
      ? Object.entries(proc.fdFlags)
          .filter(([, f]) => f.async)
          .map(([fd]) => sockOf(c.view, null, pid, Number(fd)))
          .find((s) => s !== null)
      : null;
    const recent = c.events.find((e) => e.type === 'sock.rx');
    const sock = recent && recent.type === 'sock.rx' ? recent.sock : asyncSock;
    const from =
      (sock !== null && sock !== undefined ? either(c, `sock-${sock}`) : null) ?? either(c, `signals-${pid}`);
    const pendKey = `pending-${pid}-${ev.signal}`;
    const to = box(c.B, pendKey) ?? either(c, `proc-${pid}`);
    if (!from || !to) return null;
    return {
      moves: [
        {
          shape: 'token',
          text: ev.signal,
          cls: 'signal',
          path: [head(from, 22), to],
          t0: 0,
          t1: 1,
          hide: c.B.has(pendKey) ? [{ key: pendKey }] : [],
        },
      ],
      weight: 560,
    };
  }
  const pid = c.view.threads[ev.tid]?.pid;
  const from =
    pid !== undefined ? (box(c.A, `pending-${pid}-${ev.signal}`) ?? either(c, `signals-${pid}`)) : null;
  const to = either(c, `thread-${ev.tid}`);
  if (!from || !to) return null;
  return {
    moves: [
      {
        shape: 'token',
        text: `${ev.signal} → C handler`,
        label: { key: 'motion.handler', params: { signal: ev.signal } },
        cls: 'signal',
        path: [from, head(to)],
        t0: 0,
        t1: 1,
        fade: true,
      },
    ],
    weight: 520,
  };
}

/** io_uring: a submission goes into the SQ; a completion drops into the CQ. */
function uring(c: Ctx, ev: Extract<TraceEvent, { type: 'uring.sqe' | 'uring.cqe' }>): Part | null {
  if (ev.type === 'uring.sqe') {
    const key = `sqe-${ev.ring}-${ev.userData}`;
    const to = box(c.B, key);
    const enter = c.events.find((e) => e.type === 'sys.enter');
    const from = enter && enter.type === 'sys.enter' ? either(c, `thread-${enter.tid}`) : null;
    if (!to || !from) return null;
    return {
      moves: [
        {
          shape: 'token',
          text: `${ev.op} fd ${ev.fd}`,
          label: { key: 'motion.sqe', params: { op: ev.op, fd: ev.fd } },
          cls: 'sqe',
          path: [head(from), to],
          t0: 0,
          t1: 1,
          hide: [{ key }],
        },
      ],
      weight: 480,
    };
  }
  const key = `cqe-${ev.ring}-${ev.userData}`;
  const to = box(c.B, key);
  const from =
    box(c.A, `sqe-${ev.ring}-${ev.userData}`) ??
    (() => {
      const u = either(c, `uring-${ev.ring}`);
      return u ? head(u, 22) : null;
    })();
  if (!to || !from) return null;
  return {
    moves: [
      {
        shape: 'token',
        text: `#${ev.userData} → ${ev.res}`,
        label: { key: 'motion.cqe', params: { id: ev.userData, res: ev.res } },
        cls: 'cqe',
        path: [from, to],
        t0: 0,
        t1: 1,
        hide: [{ key }],
      },
    ],
    weight: 560,
  };
}

/** A new connection joins the accept queue; the reply reaches the client. */
function accepted(c: Ctx, ev: Extract<TraceEvent, { type: 'sock.accept-queue' }>): Part | null {
  if (ev.op !== 'push') return null;
  const q = c.B.get(`aq-${ev.sock}`);
  const client = c.view.socks[ev.conn]?.client ?? null;
  const from = client ? either(c, `host-${client}`) : null;
  if (!q || !from) return null;
  const slot = rectsIn(q, 'slot-new')[0] ?? q.box;
  return {
    moves: [
      { shape: 'token', text: client ?? '?', cls: 'conn', path: [from, slot], t0: 0, t1: 1, fade: true },
    ],
    weight: 480,
  };
}

function reply(c: Ctx, ev: Extract<TraceEvent, { type: 'client.reply' }>): Part | null {
  const now = new Set(packetsInFlight(c.view).map((p) => p.id));
  const pkt = packetsInFlight(c.before).find(
    (p) => p.to === ev.client && p.kind === 'DATA' && !now.has(p.id),
  );
  const from = pkt ? box(c.A, `packet-${pkt.id}`) : null;
  const to = box(c.B, `host-${ev.client}`);
  if (!from || !to) return null;
  return {
    moves: [
      {
        shape: 'token',
        text: pyRepr(ev.data, 14),
        cls: 'packet packet-DATA',
        path: [from, to],
        t0: 0,
        t1: 1,
        fade: true,
      },
    ],
    weight: 420,
  };
}

function partOf(c: Ctx, ev: TraceEvent): Part | null {
  switch (ev.type) {
    case 'sock.rx':
      return rx(c, ev);
    case 'copy':
      return ev.dir === 'to-user' ? copyIn(c, ev) : copyOut(c, ev);
    case 'net.packet':
      return packet(c, ev);
    case 'select.scan':
    case 'poll.scan':
      return scan(c, ev);
    case 'epoll.ready':
      return epollReady(c, ev);
    case 'sys.block':
      return block(c, ev);
    case 'sys.wake':
      return wake(c, ev);
    case 'wait.remove':
      return dequeue(c, ev);
    case 'cpu.switch':
      return cpu(c, ev);
    case 'signal.send':
    case 'signal.handle':
      return signal(c, ev);
    case 'uring.sqe':
    case 'uring.cqe':
      return uring(c, ev);
    case 'sock.accept-queue':
      return accepted(c, ev);
    case 'client.reply':
      return reply(c, ev);
    default:
      return null;
  }
}

/** Most moves one step draws (a burst of arrivals stays readable and cheap). */
export const MAX_MOVES = 80;
/** Longest natural animation of one step, in ms. */
export const MAX_WEIGHT = 2400;

/**
 * The moves of one step: each event's part in its own slice of the time, one after another in
 * the order the kernel did them (a wake-up, then the core changing hands).
 */
export function planMotion(input: MotionInput): MotionPlan {
  const B = placeKeys(input.to);
  const raw = placeKeys(input.from);
  const A: Places = new Map();
  for (const key of raw.keys()) A.set(key, oldPlace(raw, B, key)!);
  const c: Ctx = { ...input, A, B };
  const parts: Part[] = [];
  for (const ev of input.events) {
    const p = partOf(c, ev);
    if (p && p.moves.length) parts.push(p);
  }
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total === 0) return { moves: [], weight: 0 };
  const moves: Move[] = [];
  let at = 0;
  for (const p of parts) {
    const span = p.weight / total;
    for (const m of p.moves) moves.push({ ...m, t0: at + m.t0 * span, t1: at + m.t1 * span });
    at += span;
  }
  return { moves: moves.slice(0, MAX_MOVES), weight: Math.min(MAX_WEIGHT, total) };
}
