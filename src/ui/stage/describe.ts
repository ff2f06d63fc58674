/**
 * Words for what the stage draws, shared by the picture and its screen-reader table, so both
 * always say the same thing in the current language.
 */
import {
  EPOLLERR,
  EPOLLET,
  EPOLLHUP,
  EPOLLIN,
  EPOLLONESHOT,
  EPOLLOUT,
  EPOLLRDHUP,
  MS,
} from '../../kernel/types.ts';
import type { FdWhat } from '../../kernel/types.ts';
import type { T } from '../hooks.ts';
import type { ClientScene, FdRef, SockScene, ThreadScene } from './scene.ts';
import type { PhaseInfo } from './phase.ts';
import { pyRepr } from './text.ts';

export function threadName(th: { name: string; tid: number }): string {
  return `${th.name} (${th.tid})`;
}

/** "running on CPU 0", "blocked in recvfrom(4)", "waiting for the GIL"… */
export function stateText(th: ThreadScene, t: T, now: number): string {
  switch (th.state) {
    case 'running':
      return th.cpu !== null ? t('stage.state.runningOn', { cpu: th.cpu }) : t('stage.state.running');
    case 'ready':
      return t('stage.state.ready');
    case 'exited':
      return t('stage.state.exited');
    case 'blocked':
      break;
  }
  const on = th.on;
  if (!on) return t('stage.state.blocked');
  switch (on.kind) {
    case 'accept':
      return t('stage.on.accept', { fd: on.fd });
    case 'recv':
      return t('stage.on.recv', { fd: on.fd });
    case 'select':
      return t('stage.on.select', { n: on.fds.length });
    case 'poll':
      return t('stage.on.poll', { n: on.fds.length });
    case 'epoll':
      return t('stage.on.epoll', { fd: on.epfd });
    case 'stdin':
      return t('stage.on.stdin');
    case 'sleep':
      return t('stage.on.sleep', { ms: formatMs(Math.max(0, on.untilNs - now)) });
    case 'pool':
      return t('stage.on.pool');
    case 'started':
      return t('stage.on.started', { thread: on.thread });
    case 'gil':
      return t('stage.on.gil');
    case 'signal':
      return t('stage.on.signal');
    case 'uring':
      return t('stage.on.uring');
    case 'child':
      return t('stage.on.child');
  }
}

export function formatMs(ns: number): string {
  const ms = ns / MS;
  return ms >= 10 ? String(Math.round(ms)) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3);
}

/** The call in progress, when the state does not already say it. */
export function callText(th: ThreadScene, t: T): string | null {
  if (!th.call || th.state === 'blocked') return null;
  // select.select() is pselect6 in strace: name the one the listing calls, as the badge does
  const head = t('stage.call', {
    call: th.call.name === 'pselect6' ? 'select' : th.call.name,
    line: th.call.line,
  });
  if (th.call.phase === 'waiting') return `${head} · ${t('stage.call.waiting')}`;
  if (th.call.phase === 'copying') return `${head} · ${t('stage.call.copying')}`;
  return head;
}

export function fdWhatText(what: FdWhat, t: T, pair = false): string {
  if (pair) return t('stage.fd.pair');
  switch (what.kind) {
    case 'stdio':
      return what.name;
    case 'listen':
      return t('stage.fd.listen', { port: what.port });
    case 'conn':
      return t('stage.fd.conn', { client: what.client });
    case 'socket':
      return t('stage.fd.socket');
    case 'epoll':
      return 'epoll';
    case 'uring':
      return 'io_uring';
  }
}

/** "fd 4"; when several processes are alive, "fd 4 (pid 4001)", since each has its own fd table. */
export function refsText(refs: readonly FdRef[], t: T, manyProcs = false): string {
  if (refs.length === 0) return '';
  const pids = new Set(refs.map((r) => r.pid));
  if (pids.size === 1 && !manyProcs) return refs.map((r) => `fd ${r.fd}`).join(', ');
  return refs.map((r) => t('stage.fd.ofPid', { fd: r.fd, pid: r.pid })).join(', ');
}

export function sockTitle(s: SockScene, t: T, manyProcs = false): string {
  const refs = refsText(s.refs, t, manyProcs);
  let what: string;
  if (s.pair) what = t('stage.sock.pair');
  else if (s.queued) what = t('stage.sock.queued', { client: s.client ?? '?' });
  else if (s.kind === 'listen') what = t('stage.sock.listen', { port: s.port ?? '?' });
  else if (s.kind === 'conn') what = t('stage.sock.conn', { client: s.client ?? '?' });
  else what = t('stage.sock.other');
  return refs && !s.queued ? `${refs} · ${what}` : what;
}

export function sockStatus(s: SockScene, t: T): { kind: 'closed' | 'fin' | 'err'; text: string }[] {
  const out: { kind: 'closed' | 'fin' | 'err'; text: string }[] = [];
  if (s.gone || s.closed) out.push({ kind: 'closed', text: t('stage.sock.closed') });
  if (s.fin) out.push({ kind: 'fin', text: t('stage.fin', { client: s.client ?? '?' }) });
  if (s.err)
    out.push({
      kind: 'err',
      text:
        s.err === 'ECONNRESET' || s.err === 'EPIPE'
          ? t(`stage.err.${s.err}`, { client: s.client ?? '?' })
          : t('stage.err.other', { err: s.err }),
    });
  return out;
}

export function eventsText(mask: number): string {
  const out: string[] = [];
  if (mask & EPOLLIN) out.push('IN');
  if (mask & EPOLLOUT) out.push('OUT');
  if (mask & EPOLLRDHUP) out.push('RDHUP');
  if (mask & EPOLLERR) out.push('ERR');
  if (mask & EPOLLHUP) out.push('HUP');
  if (mask & EPOLLET) out.push('ET');
  if (mask & EPOLLONESHOT) out.push('ONESHOT');
  return out.join('|') || '0';
}

export function clientStateText(c: ClientScene, t: T): string {
  const base = t(`stage.client.${c.state}`);
  return c.retries > 0 && c.state === 'connecting'
    ? `${base} · ${t('stage.client.retries', { n: c.retries })}`
    : base;
}

export function bytesText(data: string, t: T, max = 40): string {
  return data.length === 0 ? t('stage.rx.empty') : pyRepr(data, max);
}

/** The sentence under the phase indicator. */
/**
 * The badge on the current phase: two facts in one vocabulary (issue 20) — inside which call the
 * program is, and whether the thread is asleep (off the CPU, on a wait queue) or running.
 */
export function phaseBadge(info: PhaseInfo, phase: 'waiting' | 'copying', t: T): string | null {
  if (info.phase !== phase) return null;
  if (info.via === 'eagain') return t('stage.phase.eagainTag');
  if (info.via === 'uring' && !info.blocked) return t('stage.phase.byKernel');
  const call = info.call === 'pselect6' ? 'select' : (info.call ?? '');
  const state = info.blocked
    ? t('stage.phase.asleep')
    : phase === 'copying'
      ? t('stage.phase.kernelMode')
      : t('stage.phase.awake');
  return `${t('stage.phase.inside', { call })} · ${state}`;
}

export function phaseSentence(p: PhaseInfo, t: T, name: string | null): string {
  const thread = name ?? '';
  // select.select() is pselect6 in strace: name the one the listing calls
  const callName = p.call === 'pselect6' ? 'select' : p.call;
  const call = callName ? (p.fd !== null ? `${callName}(${p.fd})` : `${callName}()`) : '';
  switch (p.via) {
    case 'none':
      return name ? t('stage.phase.noneThread', { thread }) : t('stage.phase.none');
    case 'eagain':
      return t('stage.phase.eagain', { thread, call: p.call ?? '' });
    case 'read': {
      // accept4 waits for a connection, not for bytes
      const kind = p.call === 'accept4' ? 'accept' : 'read';
      if (p.phase === 'copying') return t('stage.phase.read.copying', { thread, call });
      if (p.blocked) return t(`stage.phase.${kind}.blocked`, { thread, call });
      if (p.woken && p.eof && kind === 'read') return t('stage.phase.read.wokenFin', { thread, call });
      if (p.woken) return t(`stage.phase.${kind}.woken`, { thread, call });
      return t(`stage.phase.${kind}.checking`, { thread, call });
    }
    case 'select':
    case 'poll':
    case 'epoll':
      if (p.blocked) return t('stage.phase.mux.blocked', { thread, call, n: p.count ?? '?' });
      if (p.woken) return t('stage.phase.mux.woken', { thread, call });
      return t('stage.phase.mux.checking', { thread, call });
    case 'signal':
      return t('stage.phase.signal', { thread });
    case 'uring':
      if (p.phase === 'copying') return t('stage.phase.uring.copying', { thread });
      return p.blocked
        ? t('stage.phase.uring.blocked', { thread, n: p.count ?? 0 })
        : t('stage.phase.uring.waiting', { thread, n: p.count ?? 0 });
  }
}
