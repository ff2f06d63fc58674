/**
 * The narration: one or two plain sentences per step that say what just happened and why it
 * matters, in the student's language. Built only from the trace (the step's first event is its
 * main one, the rest are its consequences) and the machine views before and after the step.
 * Every word comes from src/i18n/en/narration.ts and src/i18n/zh/narration.ts.
 */
import { decodeUtf8, type Bytes } from '../kernel/bytes.ts';
import { ERRNO } from '../kernel/errors.ts';
import type { TraceEvent, UringSqe, WaitOn } from '../kernel/types.ts';
import type { MachineView, TraceIndex } from '../kernel/view.ts';
import { renderListing } from '../programs/lines.ts';
import type { ScenarioRun } from '../scenarios/run.ts';
import { hasKey, translate, type Lang } from './index.ts';

export interface Narration { text: string; detail?: string }

/** The machine after the step and after the one before (pass them when you have them). */
export interface NarrateViews { view: MachineView; before: MachineView | null }

type Params = Record<string, string | number>;
type Ev<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;

/* ── small formatters ── */

const listFormats = new Map<Lang, Intl.ListFormat>();
function joinList(lang: Lang, items: string[]): string {
  if (items.length === 0) return '';
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'long', type: 'conjunction' });
    listFormats.set(lang, f);
  }
  return f.format(items);
}

/** Bytes as a student reads them in the Python listing: b'hello', or the decoded text when it is not ASCII. */
export function showBytes(data: Bytes, max = 40): string {
  const cut = data.length > max;
  const part = cut ? data.slice(0, max) : data;
  let ascii = true;
  for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) > 126) { ascii = false; break; }
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (ascii) {
    let body = '';
    for (const c of escape(part)) {
      const code = c.charCodeAt(0);
      body += code < 32 ? `\\x${code.toString(16).padStart(2, '0')}` : c === "'" ? "\\'" : c;
    }
    return `b'${body}${cut ? '…' : ''}'`;
  }
  return `“${escape(decodeUtf8(part)).replace(/\uFFFD+$/, '')}${cut ? '…' : ''}”`;
}

/** Bytes decoded as the str Python makes of them (input() returns a str). */
export function showStr(data: Bytes, max = 40): string {
  const text = decodeUtf8(data);
  const cut = text.length > max;
  return `'${(cut ? text.slice(0, max) : text).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}${cut ? '…' : ''}'`;
}

/** Virtual nanoseconds as milliseconds, at most 3 decimals, no trailing zeros. */
export function showMs(ns: number): string {
  return String(Math.round(ns / 1000) / 1000);
}

/** The top-level arguments of a strace line: `name(a, "b, c", {d, e})` → ['a', '"b, c"', '{d, e}']. */
export function straceArgs(text: string): string[] {
  const open = text.indexOf('(');
  if (open < 0) return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let quote = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      cur += c;
      if (c === '\\') { cur += text[i + 1] ?? ''; i++; } else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') { quote = true; cur += c; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
    if (c === ')') {
      if (depth === 0) { out.push(cur.trim()); return out; }
      depth--;
    }
    if (c === ',' && depth === 0) { out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/* ── per-run caches ── */

const listingCache = new WeakMap<ScenarioRun, string[]>();
function listingLines(run: ScenarioRun): string[] {
  let lines = listingCache.get(run);
  if (!lines) {
    lines = renderListing(run.listing, run.constants).split('\n');
    listingCache.set(run, lines);
  }
  return lines;
}

/** For a sys.enter (or the py right before it), the index of the call's sys.block and sys.exit. */
const callEndCache = new WeakMap<readonly TraceEvent[], Map<number, { block: number; exit: number }>>();
const LOOKAHEAD = 200_000;
function callEnd(trace: readonly TraceEvent[], from: number, tid: number): { block: number; exit: number } {
  let memo = callEndCache.get(trace);
  if (!memo) { memo = new Map(); callEndCache.set(trace, memo); }
  const hit = memo.get(from);
  if (hit) return hit;
  let block = -1;
  let exit = -1;
  const stop = Math.min(trace.length, from + LOOKAHEAD);
  for (let i = from + 1; i < stop; i++) {
    const e = trace[i]!;
    if (e.type === 'sys.block' && e.tid === tid && block < 0) block = i;
    else if (e.type === 'sys.exit' && e.tid === tid) { exit = i; break; }
  }
  const found = { block, exit };
  memo.set(from, found);
  return found;
}

/** Which client each connection socket belongs to, from the whole run (before accept, the view does not know yet). */
const sockClientCache = new WeakMap<readonly TraceEvent[], Map<number, string>>();
function sockClients(trace: readonly TraceEvent[]): Map<number, string> {
  let map = sockClientCache.get(trace);
  if (!map) {
    map = new Map();
    for (const e of trace) if (e.type === 'fd.open' && e.what.kind === 'conn' && !map.has(e.what.sock)) map.set(e.what.sock, e.what.client);
    sockClientCache.set(trace, map);
  }
  return map;
}

/* ── the narrator ── */

class Narrator {
  readonly trace: readonly TraceEvent[];
  readonly start: number;
  readonly end: number;
  readonly first: TraceEvent;
  readonly mainPid: number;

  constructor(
    readonly run: ScenarioRun, readonly index: TraceIndex, readonly step: number, readonly lang: Lang,
    readonly view: MachineView, readonly before: MachineView | null,
  ) {
    this.trace = index.trace;
    this.start = index.stepStart[step]!;
    this.end = step + 1 < index.stepStart.length ? index.stepStart[step + 1]! : this.trace.length;
    this.first = this.trace[this.start]!;
    const pids = Object.values(view.procs).filter((p) => p.parent === null).map((p) => p.pid);
    this.mainPid = pids.length ? Math.min(...pids) : 0;
  }

  t(key: string, params?: Params): string { return translate(this.lang, key, params); }

  /** The step's events after the first. */
  *rest(): Generator<TraceEvent> { for (let i = this.start + 1; i < this.end; i++) yield this.trace[i]!; }

  find<K extends TraceEvent['type']>(type: K, pred: (e: Ev<K>) => boolean = () => true): Ev<K> | undefined {
    for (let i = this.start; i < this.end; i++) {
      const e = this.trace[i]!;
      if (e.type === type && pred(e as Ev<K>)) return e as Ev<K>;
    }
    return undefined;
  }

  /** The nearest earlier event (within a few hundred) that matches. */
  findBack<K extends TraceEvent['type']>(type: K, pred: (e: Ev<K>) => boolean = () => true, limit = 400): Ev<K> | undefined {
    for (let i = this.start - 1; i >= 0 && i >= this.start - limit; i--) {
      const e = this.trace[i]!;
      if (e.type === type && pred(e as Ev<K>)) return e as Ev<K>;
    }
    return undefined;
  }

  bytes(n: number): string { return this.t(n === 1 ? 'narr.bytes.one' : 'narr.bytes.many', { n }); }
  list(items: (string | number)[]): string { return joinList(this.lang, items.map(String)); }
  /** "fd 3", "fds 3, 4 and 5". */
  fds(items: (string | number)[]): string {
    return items.length === 1 ? this.t('narr.fds.one', { fd: items[0]! }) : this.t('narr.fds.many', { list: this.list(items) });
  }

  /* who and what */

  pidOf(tid: number): number {
    return this.view.threads[tid]?.pid ?? this.before?.threads[tid]?.pid ?? tid;
  }

  who(tid: number, capital = false): string {
    const th = this.view.threads[tid] ?? this.before?.threads[tid];
    const pid = th?.pid ?? tid;
    let s: string;
    if (pid !== this.mainPid && tid === pid) s = this.t('narr.who.child', { pid });
    else if (tid === pid) s = this.t('narr.who.main');
    else s = this.t('narr.who.thread', { name: shortThreadName(th?.name ?? String(tid)), tid });
    return capital ? capitalize(s) : s;
  }

  fdKind(pid: number, fd: number) {
    return this.view.procs[pid]?.fds[fd] ?? this.before?.procs[pid]?.fds[fd];
  }

  /** "ann's connection", "the listening socket"… */
  fdWhat(pid: number, fd: number): string {
    const w = this.fdKind(pid, fd);
    if (!w) return this.t('narr.fd.unknown', { fd });
    switch (w.kind) {
      case 'conn': return this.t('narr.fd.conn', { client: w.client });
      case 'listen': return this.t('narr.fd.listen');
      case 'epoll': return this.t('narr.fd.epoll');
      case 'uring': return this.t('narr.fd.uring');
      case 'socket': return this.t('narr.fd.socket');
      case 'stdio': return this.t(`narr.fd.${w.name}`);
    }
  }

  /** "ann's connection (fd 4)". */
  fdFull(pid: number, fd: number): string {
    const w = this.fdKind(pid, fd);
    if (!w) return this.t('narr.fd.unknown', { fd });
    return this.t('narr.fd.full', { what: this.fdWhat(pid, fd), fd });
  }

  clientOfFd(pid: number, fd: number): string | null {
    const w = this.fdKind(pid, fd);
    return w?.kind === 'conn' ? w.client : null;
  }

  /** "fd 4 (ann)", "fd 3 (a new connection)", for ready lists. */
  fdReady(pid: number, fd: number, extra?: string): string {
    const w = this.fdKind(pid, fd);
    let who: string;
    if (w?.kind === 'conn') who = w.client;
    else if (w?.kind === 'listen') who = this.t('narr.ready.listen');
    else if (w?.kind === 'stdio') who = w.name;
    else return extra ? this.t('narr.ready.fdExtra', { fd, extra }) : this.t('narr.fd.unknown', { fd });
    return this.t('narr.ready.fd', { fd, who: extra ? `${who}, ${extra}` : who });
  }

  clientOfSock(sock: number): string | null {
    return this.view.socks[sock]?.client ?? this.before?.socks[sock]?.client ?? sockClients(this.trace).get(sock) ?? null;
  }

  /** A socket as the program knows it: its fd in the process that holds it (a child, if any). */
  sockFull(sock: number): string {
    for (const v of [this.view, this.before]) {
      if (!v) continue;
      const procs = Object.values(v.procs).filter((p) => !p.exited).sort((a, b) => b.pid - a.pid);
      for (const p of procs) {
        for (const [fd, w] of Object.entries(p.fds)) {
          if ((w.kind === 'conn' || w.kind === 'listen' || w.kind === 'socket') && w.sock === sock) return this.fdFull(p.pid, Number(fd));
        }
      }
    }
    const client = this.clientOfSock(sock);
    return client ? this.t('narr.fd.pending', { client }) : this.t('narr.fd.sock', { sock });
  }

  codeAt(line: number): string {
    // A backtick inside the code would end the code span early.
    return (listingLines(this.run)[line - 1] ?? '').trim().replace(/`/g, "'");
  }

  /** "MainThread, line 18: `data = conn.recv(RECV_SIZE)`", or the interpreter's own code. */
  where(tid: number, line: number): string {
    if (line <= 0) return this.t('narr.at.interp', { who: this.who(tid) });
    return this.t('narr.at.line', { Who: this.who(tid, true), who: this.who(tid), line, code: this.codeAt(line) });
  }

  /** Who sleeps on a wait queue key in the view before this step. */
  sleepersBefore(key: string): number[] {
    return this.before?.waits[key] ?? [];
  }

  /** Side effects worth a sentence: a thread that has to wait for the GIL or for a pool job, a preemption. */
  consequences(): string[] {
    const out: string[] = [];
    for (const e of this.rest()) {
      if (e.type !== 'thread.state') continue;
      if (e.state === 'blocked' && e.on?.kind === 'gil') out.push(this.t('narr.cons.gil', { Who: this.who(e.tid, true), who: this.who(e.tid) }));
      else if (e.state === 'blocked' && e.on?.kind === 'pool' && !(this.first.type === 'py' && this.first.tid === e.tid)) out.push(this.t('narr.cons.pool', { Who: this.who(e.tid, true), who: this.who(e.tid) }));
      else if (e.state === 'ready' && e.preempted) out.push(this.t('narr.cons.preempt', { Who: this.who(e.tid, true), who: this.who(e.tid) }));
    }
    return out;
  }

  /* ── the step ── */

  narrate(): Narration {
    const ev = this.first;
    const r = this.main(ev);
    const cons = this.consequences();
    if (cons.length) r.detail = [r.detail, ...cons].filter(Boolean).join(' ');
    return r;
  }

  main(ev: TraceEvent): Narration {
    if (this.step === 0) return this.startOfRun();
    switch (ev.type) {
      case 'py': return this.py(ev);
      case 'sys.enter': return this.enter(ev.tid, ev.name, ev.line, this.start);
      case 'sys.block': return this.block(ev);
      case 'sys.wake': return this.wake(ev);
      case 'sys.exit': return this.exit(ev);
      case 'copy': return this.copy(ev);
      case 'net.packet': return this.packet(ev);
      case 'sock.syn': return this.syn(ev);
      case 'sock.accept-queue': return this.acceptQueue(ev);
      case 'sock.rx': return this.rx(ev);
      case 'sock.fin': return { text: this.t('narr.fin', { client: this.clientOfSock(ev.sock) ?? '?', owner: this.sockFull(ev.sock) }) };
      case 'sock.rst': return this.rst(ev);
      case 'epoll.ready': return this.epollReady(ev);
      case 'signal.send': return this.signalSend(ev);
      case 'signal.handle': return { text: this.t(ev.signal === 'SIGIO' ? 'narr.signal.handle.sigio' : 'narr.signal.handle', { signal: ev.signal, who: this.who(ev.tid) }) };
      case 'uring.cqe': return this.cqe(ev);
      case 'client.reply': return { text: this.t('narr.client.reply', { client: ev.client, data: showBytes(ev.data), n: this.view.meters.replies }) };
      case 'client.connected': return { text: this.t('narr.client.connected', { client: ev.client }) };
      case 'client.retry': return { text: this.t('narr.client.retry', { client: ev.client, attempt: ev.attempt }) };
      case 'client.eof': return { text: this.t('narr.generic', { what: ev.type }) };
      case 'stdin.line': return this.stdinLine(ev);
      case 'error': return this.error(ev);
      case 'select.scan': return this.scan(ev.tid, 'select', ev.nfds, ev.watched, ev.ready);
      case 'poll.scan': return this.scan(ev.tid, 'poll', null, ev.watched, ev.ready);
      case 'stop': return this.stop(ev);
      default: return { text: this.t('narr.generic', { what: ev.type }) };
    }
  }

  startOfRun(): Narration {
    const proc = this.view.procs[this.mainPid];
    const cores = this.view.cores.length;
    return {
      text: this.t(cores === 1 ? 'narr.start.one' : 'narr.start.many', { pid: proc?.pid ?? this.mainPid, cores }),
      detail: this.t('narr.start.detail'),
    };
  }

  py(ev: Ev<'py'>): Narration {
    // The line right before its own system call is one moment: narrate the call.
    const enter = this.find('sys.enter', (e) => e.tid === ev.tid);
    if (enter) return this.enter(enter.tid, enter.name, enter.line, this.trace.indexOf(enter, this.start));
    const parts: string[] = [];
    if (ev.note) parts.push(this.note(ev.note, ev.noteParams));
    if (ev.line <= 0) return { text: this.t('narr.py.interp', { who: this.who(ev.tid) }), ...(parts.length ? { detail: parts.join(' ') } : {}) };
    const code = this.codeAt(ev.line);
    if (this.find('thread.state', (e) => e.tid === ev.tid && e.state === 'blocked' && e.on?.kind === 'pool')) {
      return { text: this.t('narr.py.poolwait', { line: ev.line, code, who: this.who(ev.tid), Who: this.who(ev.tid, true) }) };
    }
    if (/\bprep_\w+\(/.test(code) && !parts.length) parts.push(this.t('narr.py.prep'));
    // Python drops the GIL before a system call, so the call starts in the next step.
    const next = this.end < this.trace.length ? this.trace[this.end] : undefined;
    if (next?.type === 'sys.enter' && next.tid === ev.tid && next.line === ev.line) {
      const dropped = this.find('gil', (e) => e.holder === null);
      return {
        text: this.t('narr.py.beforeCall', { line: ev.line, code, name: next.name, who: this.who(ev.tid), Who: this.who(ev.tid, true) }),
        ...(dropped ? { detail: this.t('narr.py.gilDrop') } : parts.length ? { detail: parts.join(' ') } : {}),
      };
    }
    const text = ev.ns === 0
      ? this.t('narr.py.wait', { line: ev.line, code, who: this.who(ev.tid), Who: this.who(ev.tid, true) })
      : this.t('narr.py', { line: ev.line, code, who: this.who(ev.tid), Who: this.who(ev.tid, true) });
    if (!parts.length && ev.ns !== 0) parts.push(this.t('narr.py.userspace'));
    return { text, ...(parts.length ? { detail: parts.join(' ') } : {}) };
  }

  /** The simulated programs' notes: message keys, in the student's language. */
  note(note: string, params?: Record<string, string | number>): string {
    return hasKey(note) ? this.t(note, params) : this.t('narr.note.other', { note });
  }

  /* system calls */

  enter(tid: number, name: string, line: number, at: number): Narration {
    const pid = this.pidOf(tid);
    const { block, exit } = callEnd(this.trace, at, tid);
    const exitEv = exit >= 0 ? (this.trace[exit] as Ev<'sys.exit'>) : undefined;
    const blockEv = block >= 0 && (exit < 0 || block < exit) ? (this.trace[block] as Ev<'sys.block'>) : undefined;
    const args = straceArgs(exitEv?.strace ?? blockEv?.head ?? '');
    const num = (i: number): number | null => { const v = Number(args[i]); return args[i] !== undefined && Number.isFinite(v) ? v : null; };
    const fd = num(0);
    const p: Params = { who: this.who(tid), Who: this.who(tid, true), name };
    const flags = fd !== null ? (this.view.procs[pid]?.fdFlags[fd] ?? this.before?.procs[pid]?.fdFlags[fd]) : undefined;
    const nonblock = flags?.nonblock ?? false;
    let text: string;
    switch (name) {
      case 'socket': text = this.t('narr.call.socket', p); break;
      case 'socketpair': text = this.t('narr.call.socketpair', p); break;
      case 'setsockopt': text = this.t('narr.call.setsockopt', { ...p, fd: fd ?? '?', port: this.run.constants.PORT ?? '' }); break;
      case 'bind': text = this.t('narr.call.bind', { ...p, fd: fd ?? '?', port: this.run.constants.PORT ?? '' }); break;
      case 'listen': {
        const backlog = num(1) ?? this.run.options.backlog;
        text = this.t('narr.call.listen', { ...p, fd: fd ?? '?', backlog, queue: backlog + 1 });
        break;
      }
      case 'accept4': {
        const lw = fd !== null ? this.fdKind(pid, fd) : undefined;
        const sock = lw?.kind === 'listen' ? this.before?.socks[lw.sock] : undefined;
        const waiting = sock?.acceptQueue.length ?? 0;
        const queued = waiting === 0 ? this.t(nonblock ? 'narr.queue.emptyNb' : 'narr.queue.empty') : this.t('narr.queue.n', { n: waiting });
        text = this.t(nonblock ? 'narr.call.accept.nb' : 'narr.call.accept', { ...p, fd: fd ?? '?', queued });
        break;
      }
      case 'recvfrom': {
        const size = num(2) ?? this.run.options.recvSize;
        const w = fd !== null ? this.fdKind(pid, fd) : undefined;
        const sock = w && w.kind === 'conn' ? this.before?.socks[w.sock] : undefined;
        let buffer = '';
        if (sock) {
          if (sock.rx.length > 0) buffer = this.t('narr.buf.n', { bytes: this.bytes(sock.rx.length) });
          else if (sock.err) buffer = this.t('narr.buf.err');
          else if (sock.fin) buffer = this.t('narr.buf.fin');
          else buffer = this.t(nonblock ? 'narr.buf.emptyNb' : 'narr.buf.empty');
        }
        text = this.t(nonblock ? 'narr.call.recv.nb' : 'narr.call.recv', { ...p, fd: fd ?? '?', size, owner: fd !== null ? this.fdWhat(pid, fd) : '?', buffer });
        break;
      }
      case 'sendto': {
        const copy = this.findFrom('copy', at, (e) => e.tid === tid && e.dir === 'from-user', exit);
        const n = copy?.bytes ?? num(2) ?? 0;
        const client = fd !== null ? this.clientOfFd(pid, fd) : null;
        text = this.t('narr.call.send', { ...p, fd: fd ?? '?', bytes: this.bytes(n), data: copy ? showBytes(copy.data) : (args[1] ?? ''), client: client ?? this.fdWhat(pid, fd ?? -1) });
        break;
      }
      case 'close': {
        const client = fd !== null ? this.clientOfFd(pid, fd) : null;
        const w = fd !== null ? this.fdKind(pid, fd) : undefined;
        const shared = w && 'sock' in w ? Object.values(this.before?.procs ?? {}).some((pr) => pr.pid !== pid && !pr.exited && Object.values(pr.fds).some((o) => 'sock' in o && o.sock === w.sock)) : false;
        if (shared) { text = this.t('narr.call.close.shared', { ...p, fd: fd ?? '?', what: this.fdWhat(pid, fd ?? -1) }); break; }
        text = client ? this.t('narr.call.close.conn', { ...p, fd: fd ?? '?', client }) : this.t('narr.call.close', { ...p, fd: fd ?? '?', what: this.fdWhat(pid, fd ?? -1) });
        break;
      }
      case 'ioctl': text = this.t('narr.call.ioctl', { ...p, fd: fd ?? '?', what: this.fdWhat(pid, fd ?? -1) }); break;
      case 'fcntl': {
        const cmd = args[1] ?? '';
        if (cmd === 'F_SETOWN') text = this.t('narr.call.fcntl.setown', { ...p, fd: fd ?? '?', pid: args[2] ?? pid });
        else if (cmd === 'F_SETFL' && /ASYNC/.test(args[2] ?? '')) text = this.t('narr.call.fcntl.async', { ...p, fd: fd ?? '?', what: this.fdWhat(pid, fd ?? -1) });
        else text = this.t('narr.call.fcntl', { ...p, fd: fd ?? '?', what: this.fdWhat(pid, fd ?? -1) });
        break;
      }
      case 'getsockname': text = this.t('narr.call.getsockname', { ...p, fd: fd ?? '?' }); break;
      case 'getpid': text = this.t('narr.call.getpid', p); break;
      case 'clone3': text = this.t('narr.call.clone3', p); break;
      case 'clone': text = this.t('narr.call.clone', p); break;
      case 'exit': text = this.t('narr.call.exit', p); break;
      case 'exit_group': {
        const code = exitEv ? Number(/exit_group\((\d+)\)/.exec(exitEv.strace)?.[1] ?? 0) : 0;
        text = this.t(code !== 0 ? 'narr.call.exit_group.err' : pid !== this.mainPid ? 'narr.call.exit_group.child' : 'narr.call.exit_group', { ...p, code, pid });
        break;
      }
      case 'clock_nanosleep': {
        const on = blockEv?.on;
        const ms = on && on.kind === 'sleep' ? showMs(on.untilNs - blockEv.enterT) : String(this.run.options.pollSleepMs);
        text = this.t('narr.call.sleep', { ...p, ms });
        break;
      }
      case 'pselect6': {
        const nfds = num(0) ?? 0;
        const fds = (args[1] ?? '').replace(/[[\]]/g, '').split(' ').filter(Boolean);
        text = this.t('narr.call.select', { ...p, fds: this.fds(fds), nfds, max: Math.max(0, nfds - 1) });
        break;
      }
      case 'poll': {
        const fds = [...(args[0] ?? '').matchAll(/fd=(\d+)/g)].map((m) => m[1]!);
        text = this.t('narr.call.poll', { ...p, fds: this.fds(fds), count: fds.length });
        break;
      }
      case 'epoll_create1': text = this.t('narr.call.epoll_create1', p); break;
      case 'epoll_ctl': {
        const op = args[1] ?? '';
        const target = num(2);
        const events = args[3] ?? '';
        const what = target !== null ? this.fdFull(pid, target) : '?';
        if (op === 'EPOLL_CTL_DEL') text = this.t('narr.call.epoll_ctl.del', { ...p, what });
        else if (op === 'EPOLL_CTL_MOD') text = this.t('narr.call.epoll_ctl.mod', { ...p, what });
        else text = this.t(/EPOLLET/.test(events) ? 'narr.call.epoll_ctl.addEt' : 'narr.call.epoll_ctl.add', { ...p, what });
        break;
      }
      case 'epoll_wait': {
        const epfd = fd;
        const w = epfd !== null ? this.fdKind(pid, epfd) : undefined;
        const ep = w?.kind === 'epoll' ? (this.before ?? this.view).epolls[w.ep] : undefined;
        const count = ep ? Object.keys(ep.interest).length : 0;
        const ready = ep ? ep.ready.length : 0;
        const timeout = Number(args[args.length - 1]);
        text = this.t(timeout === 0 ? 'narr.call.epoll_wait.poll' : 'narr.call.epoll_wait', { ...p, count, ready });
        break;
      }
      case 'read':
        text = fd === 0 ? this.t('narr.call.read.stdin', p) : this.t('narr.call.read', { ...p, fd: fd ?? '?', what: this.fdWhat(pid, fd ?? -1) });
        break;
      case 'write': {
        const data = args[1] ?? '';
        if (fd === 1) text = this.t('narr.call.write.stdout', { ...p, data });
        else if (fd === 2) text = this.t('narr.call.write.stderr', p);
        else text = this.t('narr.call.write', { ...p, fd: fd ?? '?', what: this.fdWhat(pid, fd ?? -1) });
        break;
      }
      case 'rt_sigaction': {
        const sig = args[0] ?? '';
        text = this.t(sig === 'SIGCHLD' ? 'narr.call.sigaction.sigchld' : 'narr.call.sigaction', { ...p, signal: sig });
        break;
      }
      case 'pause': text = this.t('narr.call.pause', p); break;
      case 'rt_sigreturn': text = this.t('narr.call.rt_sigreturn', p); break;
      case 'io_uring_setup': text = this.t('narr.call.io_uring_setup', { ...p, entries: fd ?? 0 }); break;
      case 'io_uring_enter': {
        const sqes: Ev<'uring.sqe'>[] = [];
        for (let i = at; i < this.end; i++) { const e = this.trace[i]!; if (e.type === 'uring.sqe') sqes.push(e); }
        const ops = sqes.map((s) => this.uringOp(s.op, s.fd, pid));
        if (sqes.length > 0) text = this.t(sqes.length === 1 ? 'narr.call.uring.submit.one' : 'narr.call.uring.submit', { ...p, n: sqes.length, ops: this.list(ops) });
        else if (/GETEVENTS/.test(exitEv?.strace ?? blockEv?.head ?? '')) text = this.t('narr.call.uring.wait', p);
        else text = this.t('narr.call.generic', p);
        break;
      }
      default: text = this.t('narr.call.generic', p);
    }
    return { text, detail: this.where(tid, line) };
  }

  findFrom<K extends TraceEvent['type']>(type: K, from: number, pred: (e: Ev<K>) => boolean, until: number): Ev<K> | undefined {
    const stop = until >= 0 ? until : Math.min(this.trace.length, from + 50);
    for (let i = from; i < stop; i++) {
      const e = this.trace[i]!;
      if (e.type === type && pred(e as Ev<K>)) return e as Ev<K>;
    }
    return undefined;
  }

  uringOp(op: UringSqe['op'] | string, fd: number, pid: number): string {
    const client = this.clientOfFd(pid, fd);
    const params = { fd, client: client ?? '' };
    switch (op) {
      case 'accept': return this.t('narr.uring.op.accept', params);
      case 'recv': return this.t(client ? 'narr.uring.op.recv.client' : 'narr.uring.op.recv', params);
      case 'send': return this.t(client ? 'narr.uring.op.send.client' : 'narr.uring.op.send', params);
      case 'close': return this.t('narr.uring.op.close', params);
      default: return this.t('narr.uring.op.other', { op, fd });
    }
  }

  block(ev: Ev<'sys.block'>): Narration {
    const p: Params = { who: this.who(ev.tid), Who: this.who(ev.tid, true) };
    const pid = this.pidOf(ev.tid);
    const on: WaitOn = ev.on;
    let text: string;
    switch (on.kind) {
      case 'recv': text = this.t('narr.block.recv', { ...p, owner: this.fdWhat(pid, on.fd), fd: on.fd }); break;
      case 'accept': text = this.t('narr.block.accept', { ...p, fd: on.fd }); break;
      case 'select': text = this.t('narr.block.select', { ...p, fds: this.fds(on.fds), count: on.fds.length }); break;
      case 'poll': text = this.t('narr.block.poll', { ...p, fds: this.fds(on.fds), count: on.fds.length }); break;
      case 'epoll': {
        const ep = this.view.epolls[on.ep];
        text = this.t('narr.block.epoll', { ...p, count: ep ? Object.keys(ep.interest).length : 0 });
        break;
      }
      case 'stdin': text = this.t('narr.block.stdin', p); break;
      case 'sleep': text = this.t('narr.block.sleep', { ...p, ms: showMs(on.untilNs - ev.enterT) }); break;
      case 'signal': text = this.t('narr.block.signal', p); break;
      case 'uring': {
        const ring = this.view.uring[on.ring];
        const ops = ring ? ring.sq.map((s) => this.uringOp(s.op, s.fd, pid)) : [];
        text = ops.length ? this.t('narr.block.uring', { ...p, ops: this.list(ops) }) : this.t('narr.block.uring.none', p);
        break;
      }
      default: text = this.t('narr.block.other', p);
    }
    return { text };
  }

  wake(ev: Ev<'sys.wake'>): Narration {
    const p: Params = { who: this.who(ev.tid), Who: this.who(ev.tid, true) };
    const onBefore = this.before?.threads[ev.tid]?.on ?? null;
    const queues = onBefore && (onBefore.kind === 'select' || onBefore.kind === 'poll') ? onBefore.fds.length : 1;
    // Whose doing: the socket event just before.
    let sockEv: Ev<'sock.rx'> | Ev<'sock.fin'> | Ev<'sock.rst'> | undefined;
    for (let i = this.start - 1; i >= 0 && i >= this.start - 30; i--) {
      const e = this.trace[i]!;
      if (e.type === 'sock.rx' || e.type === 'sock.fin' || e.type === 'sock.rst') { sockEv = e; break; }
    }
    const client = sockEv ? this.clientOfSock(sockEv.sock) ?? '?' : '?';
    let text: string;
    switch (ev.reason) {
      case 'data': text = this.t(queues > 1 ? 'narr.wake.data.many' : 'narr.wake.data', { ...p, client, count: queues }); break;
      case 'connection': text = this.t(queues > 1 ? 'narr.wake.connection.many' : 'narr.wake.connection', { ...p, count: queues }); break;
      case 'FIN': text = this.t('narr.wake.fin', { ...p, client }); break;
      case 'RST': text = this.t('narr.wake.rst', { ...p, client }); break;
      case 'stdin': text = this.t('narr.wake.stdin', p); break;
      case 'timeout': text = this.t(ev.name === 'clock_nanosleep' ? 'narr.wake.sleep' : 'narr.wake.timeout', { ...p, name: ev.name }); break;
      case 'epoll': {
        const ready = this.findBack('epoll.ready', (e) => e.op === 'add', 30);
        const fd = ready?.fd;
        text = fd !== undefined ? this.t('narr.wake.epoll', { ...p, fd }) : this.t('narr.wake.epoll.any', p);
        break;
      }
      case 'SIGIO': text = this.t('narr.wake.sigio', p); break;
      case 'completion': text = this.t('narr.wake.completion', p); break;
      case 'gil': text = this.t('narr.wake.gil', p); break;
      case 'queue': text = this.t('narr.wake.queue', p); break;
      default: text = this.t('narr.wake.other', { ...p, reason: ev.reason });
    }
    const th = this.view.threads[ev.tid];
    const detail = th?.state === 'running' ? this.t('narr.wake.runs') : this.t('narr.wake.readyOnly');
    return { text, detail };
  }

  copy(ev: Ev<'copy'>): Narration {
    const pid = this.pidOf(ev.tid);
    const p: Params = { bytes: this.bytes(ev.bytes), data: showBytes(ev.data), who: this.who(ev.tid) };
    const th = this.before?.threads[ev.tid];
    const client = this.clientOfFd(pid, ev.fd);
    const asleep = th?.state === 'blocked' && th.on?.kind === 'uring';
    const viaUring = asleep || (th?.call?.name === 'io_uring_enter');
    if (ev.dir === 'to-user') {
      if (ev.fd === 0) return { text: this.t('narr.copy.stdin', p) };
      if (viaUring) return { text: this.t('narr.copy.uring.in', { ...p, client: client ?? this.fdWhat(pid, ev.fd) }) };
      return { text: this.t('narr.copy.in', { ...p, owner: this.fdWhat(pid, ev.fd) }), detail: this.t('narr.copy.in.detail') };
    }
    if (viaUring) return { text: this.t('narr.copy.uring.out', { ...p, client: client ?? this.fdWhat(pid, ev.fd) }) };
    return { text: this.t('narr.copy.out', { ...p, owner: this.fdWhat(pid, ev.fd) }) };
  }

  exit(ev: Ev<'sys.exit'>): Narration {
    const pid = this.pidOf(ev.tid);
    const args = straceArgs(ev.strace);
    const fd = Number(args[0]);
    const p: Params = { name: ev.name, ret: ev.ret, who: this.who(ev.tid), Who: this.who(ev.tid, true) };
    const client = Number.isFinite(fd) ? this.clientOfFd(pid, fd) : null;
    if (ev.errno) {
      const info = ERRNO[ev.errno];
      switch (ev.errno) {
        case 'EAGAIN':
          if (ev.name === 'recvfrom') {
            const drained = /^(epoll_edge|signal_driven)/.test(this.run.listing);
            return { text: this.t(drained ? 'narr.exit.eagain.recv.drained' : 'narr.exit.eagain.recv', { ...p, owner: this.fdFull(pid, fd) }), detail: this.eagainWhy() };
          }
          if (ev.name === 'accept4') return { text: this.t('narr.exit.eagain.accept', p), detail: this.eagainWhy() };
          return { text: this.t('narr.exit.eagain', p) };
        case 'ECONNRESET': return { text: this.t('narr.exit.econnreset', { ...p, client: client ?? '?' }) };
        case 'EPIPE': return { text: this.t('narr.exit.epipe', { ...p, client: client ?? '?' }) };
        case 'EINTR':
          if (ev.name === 'pause') return { text: this.t('narr.exit.eintr.pause', p) };
          if (ev.name === 'rt_sigreturn') return { text: this.t('narr.exit.eintr.sigreturn', p) };
          return { text: this.t('narr.exit.errno', { ...p, errno: ev.errno, text: info.text, exc: info.python }) };
        case 'EMFILE': return { text: this.t('narr.exit.emfile', p) };
        default: return { text: this.t('narr.exit.errno', { ...p, errno: ev.errno, text: info.text, exc: info.python }) };
      }
    }
    switch (ev.name) {
      case 'recvfrom':
      case 'read': {
        if (ev.name === 'read' && fd === 0) {
          const copy = this.findBack('copy', (e) => e.tid === ev.tid && e.fd === 0, 10);
          return { text: this.t('narr.exit.read.stdin', { ...p, data: copy ? showStr(copy.data.replace(/\n$/, '')) : (args[1] ?? '') }) };
        }
        if (ev.ret === 0) return { text: this.t('narr.exit.recv.eof', { ...p, client: client ?? this.fdWhat(pid, fd) }), detail: this.t('narr.exit.recv.eof.detail') };
        const copy = this.findBack('copy', (e) => e.tid === ev.tid && e.dir === 'to-user', 10);
        return { text: this.t('narr.exit.recv', { ...p, bytes: this.bytes(ev.ret), data: copy ? showBytes(copy.data) : (args[1] ?? ''), client: client ?? this.fdWhat(pid, fd) }) };
      }
      case 'sendto':
        return { text: this.t('narr.exit.send', { ...p, bytes: this.bytes(ev.ret), client: client ?? this.fdWhat(pid, fd) }) };
      case 'accept4': {
        const lw = this.fdKind(pid, fd);
        const left = lw?.kind === 'listen' ? (this.view.socks[lw.sock]?.acceptQueue.length ?? 0) : 0;
        return { text: this.t(left === 0 ? 'narr.exit.accept.last' : 'narr.exit.accept', { ...p, fd: ev.ret, client: this.clientOfFd(pid, ev.ret) ?? '?', left, lfd: Number.isFinite(fd) ? fd : '?' }) };
      }
      case 'pselect6': {
        if (ev.ret === 0) return { text: this.t('narr.exit.select.timeout', p) };
        const nfds = Number(args[0]);
        const ready = (/\(in \[([\d ]+)\]/.exec(ev.strace)?.[1] ?? '').split(' ').filter(Boolean).map(Number);
        return { text: this.t('narr.exit.select', { ...p, n: ev.ret, ready: this.list(ready.map((f) => this.fdReady(pid, f))), max: Math.max(0, nfds - 1) }), detail: this.t('narr.exit.select.detail') };
      }
      case 'poll': {
        if (ev.ret === 0) return { text: this.t('narr.exit.poll.timeout', p) };
        const revents = [...ev.strace.matchAll(/\{fd=(\d+), revents=([A-Z|]+)\}/g)].map((m) => this.fdReady(pid, Number(m[1]), m[2]!));
        const count = [...(args[0] ?? '').matchAll(/fd=(\d+)/g)].length;
        return { text: this.t('narr.exit.poll', { ...p, n: ev.ret, ready: this.list(revents), count }) };
      }
      case 'epoll_wait': {
        const w = this.fdKind(pid, fd);
        const ep = w?.kind === 'epoll' ? this.view.epolls[w.ep] : undefined;
        const count = ep ? Object.keys(ep.interest).length : 0;
        if (ev.ret === 0) {
          const timeout = Number(args[args.length - 1]);
          return { text: this.t(timeout === 0 ? 'narr.exit.epoll.empty' : 'narr.exit.epoll.timeout', p) };
        }
        const ready = [...ev.strace.matchAll(/\{events=([A-Z|]+), data=\{u32=(\d+)/g)].map((m) => this.fdReady(pid, Number(m[2]), m[1]!));
        return { text: this.t('narr.exit.epoll', { ...p, n: ev.ret, ready: this.list(ready), count }), detail: this.t('narr.exit.epoll.detail') };
      }
      case 'socket': return { text: this.t('narr.exit.socket', { ...p, fd: ev.ret }) };
      case 'listen': {
        const backlog = Number(args[1]);
        return { text: this.t('narr.exit.listen', { ...p, port: this.run.constants.PORT ?? '', queue: Number.isFinite(backlog) ? backlog + 1 : '?' }) };
      }
      case 'close': return { text: this.t('narr.exit.close', { ...p, fd: Number.isFinite(fd) ? fd : '?' }) };
      case 'epoll_create1': return { text: this.t('narr.exit.epoll_create1', { ...p, fd: ev.ret }) };
      case 'epoll_ctl': {
        const op = args[1] ?? '';
        const target = Number(args[2]);
        if (op === 'EPOLL_CTL_ADD') return { text: this.t('narr.exit.epoll_ctl.add', { ...p, fd: target }) };
        if (op === 'EPOLL_CTL_DEL') return { text: this.t('narr.exit.epoll_ctl.del', { ...p, fd: target }) };
        return { text: this.t('narr.exit.ok', p) };
      }
      case 'clone3': {
        const th = this.view.threads[ev.ret];
        return { text: this.t('narr.exit.clone3', { ...p, tid: ev.ret, name: th?.name ?? String(ev.ret) }) };
      }
      case 'clone': return { text: this.t('narr.exit.clone', { ...p, pid: ev.ret }) };
      case 'write':
        if (fd === 1) return { text: this.t('narr.exit.write.stdout', { ...p, data: args[1] ?? '' }) };
        if (fd === 2) return { text: this.t('narr.exit.write.stderr', p) };
        return { text: this.t('narr.exit.generic', p) };
      case 'io_uring_enter': {
        if (/GETEVENTS/.test(ev.strace)) return { text: this.t('narr.exit.uring.wait', p) };
        return { text: this.t('narr.exit.uring.submit', { ...p, n: ev.ret }) };
      }
      case 'io_uring_setup': return { text: this.t('narr.exit.uring.setup', { ...p, fd: ev.ret }) };
      case 'clock_nanosleep': return { text: this.t('narr.exit.sleep', p) };
      case 'getpid': return { text: this.t('narr.exit.getpid', p) };
      case 'exit_group': {
        const code = Number(/exit_group\((\d+)\)/.exec(ev.strace)?.[1] ?? 0);
        return { text: this.t('narr.exit.exit_group', { ...p, code }) };
      }
      case 'exit': return { text: this.t('narr.exit.exit', p) };
      case 'setsockopt':
      case 'bind':
      case 'ioctl':
      case 'fcntl':
      case 'getsockname':
      case 'rt_sigaction':
      case 'socketpair':
        return { text: this.t('narr.exit.ok', p) };
      default: return { text: this.t('narr.exit.generic', p) };
    }
  }

  /** What an EAGAIN means for this program: wasted polling, a drained socket, or asyncio's cue to wait. */
  eagainWhy(): string {
    const listing: string = this.run.listing;
    if (/^(epoll_edge|signal_driven|selectors)/.test(listing)) return this.t('narr.exit.eagain.drained');
    if (listing.startsWith('asyncio')) return this.t('narr.exit.eagain.asyncio');
    return this.t('narr.exit.eagain.detail');
  }

  /* the network */

  packet(ev: Ev<'net.packet'>): Narration {
    const inbound = ev.to === 'server';
    const client = inbound ? ev.from : ev.to;
    const p: Params = { client, port: this.run.constants.PORT ?? '', bytes: this.bytes(ev.bytes), data: ev.data ? showBytes(ev.data) : '' };
    switch (ev.kind) {
      case 'SYN': {
        const retries = this.view.clients[client]?.retries ?? 0;
        return { text: this.t(retries > 0 ? 'narr.pkt.syn.again' : 'narr.pkt.syn', { ...p, attempt: retries }) };
      }
      case 'SYN-ACK': return { text: this.t('narr.pkt.synack', p) };
      case 'ACK': return { text: this.t('narr.pkt.ack', p) };
      case 'DATA': return { text: this.t(inbound ? 'narr.pkt.data.in' : 'narr.pkt.data.out', p) };
      case 'FIN': return { text: this.t(inbound ? 'narr.pkt.fin.in' : 'narr.pkt.fin.out', p) };
      case 'RST': {
        if (!inbound) {
          const sock = Object.values(this.before?.socks ?? {}).find((x) => x.client === client && x.kind === 'conn' && x.rx.length > 0);
          return { text: this.t(sock ? 'narr.pkt.rst.out.unread' : 'narr.pkt.rst.out', p) };
        }
        const wasClosed = this.before?.clients[client]?.state === 'closed';
        return { text: this.t(wasClosed ? 'narr.pkt.rst.in.closed' : 'narr.pkt.rst.in', p) };
      }
    }
  }

  syn(ev: Ev<'sock.syn'>): Narration {
    if (ev.outcome === 'queued') return { text: this.t('narr.syn.queued', { client: ev.client }), detail: this.t('narr.syn.queued.detail') };
    const sock = this.before?.socks[ev.sock];
    const backlog = sock?.backlog ?? this.run.options.backlog;
    return { text: this.t('narr.syn.dropped', { client: ev.client, queued: sock?.acceptQueue.length ?? backlog + 1, max: backlog + 1 }), detail: this.t('narr.syn.dropped.detail', { client: ev.client }) };
  }

  acceptQueue(ev: Ev<'sock.accept-queue'>): Narration {
    const client = this.clientOfSock(ev.conn) ?? '?';
    const n = this.view.socks[ev.sock]?.acceptQueue.length ?? 0;
    const pop = this.find('sock.accept-queue', (e) => e.op === 'pop' && e.conn === ev.conn);
    let detail: string;
    const woken = [...this.rest()].filter((e): e is Ev<'wait.remove'> => e.type === 'wait.remove').map((e) => e.tid);
    if (pop) {
      const open = this.find('fd.open', (e) => e.what.kind === 'conn' && e.what.sock === ev.conn);
      detail = this.t('narr.aq.uring', { fd: open?.fd ?? '?' });
      return { text: this.t('narr.aq.push', { client, n: n + 1 }), detail };
    }
    if (woken.length) detail = this.t('narr.aq.wakes', { who: this.list([...new Set(woken)].map((tid) => this.who(tid))) });
    else if (this.sleepersBefore(`sock:${ev.sock}`).length === 0) detail = this.t('narr.aq.nobody');
    else detail = '';
    return { text: this.t('narr.aq.push', { client, n }), ...(detail ? { detail } : {}) };
  }

  rx(ev: Ev<'sock.rx'>): Narration {
    const client = this.clientOfSock(ev.sock) ?? '?';
    const p: Params = { client, bytes: this.bytes(ev.data.length), data: showBytes(ev.data), total: this.bytes(ev.total), owner: this.sockFull(ev.sock) };
    const details: string[] = [];
    if (this.find('sock.take', (e) => e.sock === ev.sock)) details.push(this.t('narr.rx.uring'));
    else {
      const woken = [...this.rest()].filter((e): e is Ev<'wait.remove'> => e.type === 'wait.remove').map((e) => e.tid);
      if (woken.length) details.push(this.t('narr.rx.wakes', { who: this.list([...new Set(woken)].map((tid) => this.who(tid))) }));
      else details.push(this.t('narr.rx.nobody'));
    }
    return { text: this.t('narr.rx', p), detail: details.join(' ') };
  }

  rst(ev: Ev<'sock.rst'>): Narration {
    const client = this.clientOfSock(ev.sock) ?? '?';
    return { text: this.t(ev.err === 'EPIPE' ? 'narr.rst.epipe' : 'narr.rst.reset', { client, owner: this.sockFull(ev.sock) }) };
  }

  epollReady(ev: Ev<'epoll.ready'>): Narration {
    // Which process holds the epoll instance (its fd numbers are the ones to name).
    let pid = this.mainPid;
    for (const p of Object.values(this.view.procs)) {
      if (Object.values(p.fds).some((w) => w.kind === 'epoll' && w.ep === ev.ep)) { pid = p.pid; break; }
    }
    const what = this.fdFull(pid, ev.fd);
    const n = this.view.epolls[ev.ep]?.ready.length ?? 1;
    const inWait = Object.values(this.before?.threads ?? {}).some((th) => th.call?.name === 'epoll_wait' && th.state !== 'blocked');
    const inCtl = Object.values(this.before?.threads ?? {}).some((th) => th.call?.name === 'epoll_ctl');
    if (inWait) return { text: this.t('narr.epoll.level', { fd: ev.fd, what }) };
    if (inCtl) return { text: this.t('narr.epoll.ctl', { fd: ev.fd, what }) };
    return { text: this.t('narr.epoll.callback', { fd: ev.fd, what, n }), detail: this.t('narr.epoll.callback.detail') };
  }

  signalSend(ev: Ev<'signal.send'>): Narration {
    if (ev.signal === 'SIGPIPE') return { text: this.t('narr.signal.sigpipe', { pid: ev.pid }) };
    if (ev.signal === 'SIGIO') {
      if (ev.merged) return { text: this.t('narr.signal.sigio.merged', { pid: ev.pid }) };
      return { text: this.t('narr.signal.sigio', { pid: ev.pid }), detail: this.t('narr.signal.sigio.detail') };
    }
    return { text: this.t('narr.signal.other', { pid: ev.pid, signal: ev.signal }) };
  }

  cqe(ev: Ev<'uring.cqe'>): Narration {
    const sqe = this.before?.uring[ev.ring]?.sq.find((s) => s.userData === ev.userData);
    const pid = this.mainPid;
    let result: string;
    if (!sqe) result = this.t('narr.cqe.res', { res: ev.res });
    else if (sqe.op === 'accept') result = this.t('narr.cqe.accept', { res: ev.res, client: this.clientOfFd(pid, ev.res) ?? '?' });
    else if (sqe.op === 'recv') result = ev.res === 0 ? this.t('narr.cqe.recv.eof') : ev.res < 0 ? this.t('narr.cqe.err', { res: ev.res }) : this.t('narr.cqe.recv', { bytes: this.bytes(ev.res) });
    else if (sqe.op === 'send') result = ev.res < 0 ? this.t('narr.cqe.err', { res: ev.res }) : this.t('narr.cqe.send', { bytes: this.bytes(ev.res) });
    else result = this.t('narr.cqe.res', { res: ev.res });
    const op = sqe ? this.uringOp(sqe.op, sqe.fd, pid) : this.t('narr.uring.op.request', { id: ev.userData });
    return { text: this.t('narr.cqe', { op, result }), detail: this.t('narr.cqe.detail') };
  }

  stdinLine(ev: Ev<'stdin.line'>): Narration {
    const reader = Object.values(this.before?.threads ?? {}).find((th) => th.on?.kind === 'stdin');
    const since = reader?.call?.since;
    const data = showStr(ev.data.replace(/\n$/, ''));
    if (since !== undefined) return { text: this.t('narr.stdin.waited', { data, ms: showMs(ev.t - since) }), detail: this.t('narr.stdin.detail') };
    return { text: this.t('narr.stdin', { data }) };
  }

  error(ev: Ev<'error'>): Narration {
    const p: Params = { python: ev.python, who: this.who(ev.tid), Who: this.who(ev.tid, true), syscall: ev.syscall };
    return { text: this.t(ev.fatal ? 'narr.error.fatal' : 'narr.error.thread', p), detail: this.t('narr.error.detail') };
  }

  scan(tid: number, kind: 'select' | 'poll', nfds: number | null, watched: number[], ready: number[]): Narration {
    const pid = this.pidOf(tid);
    const prev = this.step > 0 ? this.trace[this.index.stepStart[this.step - 1]!] : undefined;
    const again = prev && (prev.type === 'select.scan' || prev.type === 'poll.scan') && prev.tid === tid;
    const p: Params = { watched: this.fds(watched), count: watched.length, max: Math.max(0, (nfds ?? 1) - 1), ready: this.list(ready.map((f) => this.fdReady(pid, f))) };
    if (ready.length === 0) {
      if (again) return { text: this.t(`narr.scan.${kind}.again`, p) };
      return { text: this.t(`narr.scan.${kind}.none`, p), detail: this.t(`narr.scan.${kind}.cost`, p) };
    }
    return { text: this.t(`narr.scan.${kind}.ready`, p) };
  }

  stop(ev: Ev<'stop'>): Narration {
    return { text: this.t(`narr.stop.${ev.reason}`, { ms: showMs(ev.t) }), detail: this.t('narr.stop.detail', { replies: this.view.meters.replies }) };
  }
}

/**
 * Chinese typesetting: a space between Han characters and Latin letters or digits (the templates
 * leave it out around placeholders, since a placeholder may be Chinese or not); code spans stay as they are.
 */
export function spaceZh(s: string): string {
  const code: string[] = [];
  let out = s.replace(/`[^`]*`/g, (m) => { code.push(m); return `\uE000${code.length - 1}\uE000`; });
  const han = '\\u4e00-\\u9fff\\u3400-\\u4dbf';
  const latin = "A-Za-z0-9_'\\uE000";
  out = out.replace(new RegExp(`([${han}])([${latin}])`, 'g'), '$1 $2');
  out = out.replace(new RegExp(`([A-Za-z0-9_'\\uE000])([${han}])`, 'g'), '$1 $2');
  out = out.replace(new RegExp(`([${han}]) +([${han}])`, 'g'), '$1$2');
  // No space next to full-width punctuation either.
  out = out.replace(/ +([\u3000-\u303f\uff00-\uffef])/g, '$1').replace(/([\u3000-\u303f\uff00-\uffef]) +/g, '$1');
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => code[Number(i)]!);
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "Thread-1 (handle)" → "Thread-1"; "ThreadPoolExecutor-0_0" → "ThreadPoolExecutor-0_0". */
export function shortThreadName(name: string): string {
  return name.replace(/ \(.*\)$/, '');
}

/**
 * What step `step` of a run shows, in `lang`. `views` saves rebuilding the machine views when the
 * caller has them already (the app does).
 */
export function narrate(run: ScenarioRun, index: TraceIndex, step: number, lang: Lang, views?: NarrateViews): Narration {
  if (index.steps === 0) return { text: translate(lang, 'narr.empty') };
  const k = Math.max(0, Math.min(step, index.steps - 1));
  const view = views?.view ?? index.viewAt(k);
  const before = views ? views.before : k > 0 ? index.viewAt(k - 1) : null;
  const r = new Narrator(run, index, k, lang, view, before).narrate();
  if (lang !== 'zh') return r;
  return { text: spaceZh(r.text), ...(r.detail ? { detail: spaceZh(r.detail) } : {}) };
}
