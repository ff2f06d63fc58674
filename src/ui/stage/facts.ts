/**
 * What the stage needs from the trace beyond the MachineView: the events of the current step,
 * each thread's last finished system call (did it end in EAGAIN?), and the signal history
 * (sent, merged, handled) from which pending signals follow. Indexed once per run.
 */
import { bisectLeft, bisector } from 'd3-array';
import type { Errno } from '../../kernel/errors.ts';
import type { SysName, TraceEvent } from '../../kernel/types.ts';
import type { TraceIndex } from '../../kernel/trace-index.ts';

export interface SyscallExit {
  name: SysName;
  errno: Errno | null;
  ret: number;
  at: number;
}
export interface SignalEvent {
  at: number;
  kind: 'sent' | 'merged' | 'handled';
  pid: number | null;
  tid: number | null;
  signal: string;
}

export interface TraceFacts {
  /** Per thread: event indices of its sys.exit events, in order. */
  exits: Map<number, { at: number[]; ev: SyscallExit[] }>;
  signals: SignalEvent[];
  /** Connection socket → client, known from the handshake's last ACK before accept() names it. */
  connClient: Map<number, string>;
  /** Sockets made by socketpair() (asyncio's wake-up pair): not network sockets. */
  socketpairs: Set<number>;
  /** What the program wrote to stdout (fd 1), from strace's text of each write. */
  stdout: { at: number; data: string }[];
}

const cache = new WeakMap<TraceIndex, TraceFacts>();

export function traceFacts(index: TraceIndex): TraceFacts {
  const hit = cache.get(index);
  if (hit) return hit;
  const facts = collectFacts(index.trace);
  cache.set(index, facts);
  return facts;
}

export function collectFacts(trace: readonly TraceEvent[]): TraceFacts {
  const exits: TraceFacts['exits'] = new Map();
  const signals: SignalEvent[] = [];
  const connClient = new Map<number, string>();
  const acks = new Map<number, string[]>();
  const socketpairs = new Set<number>();
  const stdout: { at: number; data: string }[] = [];
  const inSocketpair = new Set<number>();
  trace.forEach((ev, i) => {
    if (ev.type === 'sys.enter' && ev.name === 'socketpair') inSocketpair.add(ev.tid);
    if (ev.type === 'sys.exit' && ev.name === 'socketpair') inSocketpair.delete(ev.tid);
    if (ev.type === 'fd.open' && ev.what.kind === 'socket' && inSocketpair.size > 0)
      socketpairs.add(ev.what.sock);
    if (ev.type === 'sys.exit' && ev.name === 'write' && ev.strace.startsWith('write(1, ')) {
      const data = straceArg(ev.strace.slice('write(1, '.length));
      if (data !== null) stdout.push({ at: i, data });
    }
    if (ev.type === 'net.packet' && ev.kind === 'ACK' && ev.to === 'server') {
      const list = acks.get(ev.arriveNs) ?? [];
      list.push(ev.from);
      acks.set(ev.arriveNs, list);
    } else if (ev.type === 'sock.accept-queue' && ev.op === 'push' && !connClient.has(ev.conn)) {
      const client = acks.get(ev.t)?.shift();
      if (client) connClient.set(ev.conn, client);
    } else if (ev.type === 'fd.open' && ev.what.kind === 'conn') {
      connClient.set(ev.what.sock, ev.what.client);
    }
    if (ev.type === 'sys.exit') {
      let list = exits.get(ev.tid);
      if (!list) {
        list = { at: [], ev: [] };
        exits.set(ev.tid, list);
      }
      list.at.push(i);
      list.ev.push({ name: ev.name, errno: ev.errno ?? null, ret: ev.ret, at: i });
    } else if (ev.type === 'signal.send') {
      signals.push({ at: i, kind: ev.merged ? 'merged' : 'sent', pid: ev.pid, tid: null, signal: ev.signal });
    } else if (ev.type === 'signal.handle') {
      signals.push({ at: i, kind: 'handled', pid: null, tid: ev.tid, signal: ev.signal });
    }
  });
  return { exits, signals, connClient, socketpairs, stdout };
}

/** Searches a list of facts in event order by event index. */
const byAt = bisector((f: { at: number }) => f.at);

/** The last system call `tid` finished before event index `end` (exclusive). */
export function lastExit(facts: TraceFacts, tid: number, end: number): SyscallExit | null {
  const list = facts.exits.get(tid);
  if (!list) return null;
  const lo = bisectLeft(list.at, end); // first index with at >= end
  return lo === 0 ? null : list.ev[lo - 1]!;
}

/** Signal events before event index `end` (exclusive). */
export function signalsBefore(facts: TraceFacts, end: number): SignalEvent[] {
  return facts.signals.slice(0, byAt.left(facts.signals, end));
}

/** The event range [start, end) of a step. */
export function stepRange(index: TraceIndex, step: number): [number, number] {
  if (index.steps === 0) return [0, 0];
  const k = Math.max(0, Math.min(step, index.steps - 1));
  const start = k === 0 ? 0 : index.stepStart[k]!;
  const end = k + 1 < index.stepStart.length ? index.stepStart[k + 1]! : index.trace.length;
  return [start, end];
}

/** The text of a quoted strace argument ("…" escapes undone; a cut string ends with "…"). */
export function straceArg(text: string): string | null {
  if (!text.startsWith('"')) return null;
  let out = '';
  let i = 1;
  const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', '"': '"', '\\': '\\' };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return out + (text.startsWith('...', i + 1) ? '…' : '');
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1));
      if (oct) {
        out += String.fromCharCode(parseInt(oct[0], 8));
        i += 1 + oct[0].length;
        continue;
      }
      out += ESC[next] ?? next;
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
  return null;
}

/** The last thing written to stdout before event index `end`. */
export function stdoutBefore(facts: TraceFacts, end: number): string | null {
  const lo = byAt.left(facts.stdout, end);
  return lo === 0 ? null : facts.stdout[lo - 1]!.data;
}
