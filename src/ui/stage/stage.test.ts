import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAllMessages } from '../../i18n/index.ts';
import { translator, type T } from '../hooks.ts';
import { callText, stateText } from './describe.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { sceneOfStep, type StageScene } from './scene.ts';
import { straceArg } from './facts.ts';
import { pyRepr, wrapText, estimateWidth, fitText } from './text.ts';
import type { TraceEvent } from '../../kernel/types.ts';

function runOf(id: string) {
  const s = SCENARIOS.find((x) => x.id === id)!;
  return getRun(s, s.seed);
}

function sceneAt(id: string, step: number): StageScene {
  const { run, index } = runOf(id);
  return sceneOfStep(index, step, run.scenario.model);
}

/** The first step whose first event matches. */
function stepWhere(id: string, match: (ev: TraceEvent) => boolean, from = 0): number {
  const { index } = runOf(id);
  for (let k = from; k < index.steps; k++) if (match(index.trace[index.stepStart[k]!]!)) return k;
  throw new Error(`no step in ${id}`);
}

describe('text', () => {
  it('writes bytes as Python repr', () => {
    expect(pyRepr('hello')).toBe("b'hello'");
    expect(pyRepr("it's")).toBe('b"it\'s"');
    expect(pyRepr('a\nb\t\x00\xff\\')).toBe("b'a\\nb\\t\\x00\\xff\\\\'");
    expect(pyRepr('abcdef', 3)).toBe("b'abc'…");
  });

  it('wraps between words, and between Chinese characters', () => {
    const en = wrapText('the kernel checks every fd one by one', 90, { size: 11 }, estimateWidth);
    expect(en.length).toBeGreaterThan(1);
    expect(en.join(' ')).toBe('the kernel checks every fd one by one');
    for (const line of en) expect(estimateWidth(line, { size: 11 })).toBeLessThanOrEqual(90);
    const zh = wrapText('线程在每个套接字的等待队列上睡眠', 60, { size: 11 }, estimateWidth, 5);
    expect(zh.join('')).toBe('线程在每个套接字的等待队列上睡眠');
    const cut = wrapText(
      'one two three four five six seven eight nine ten',
      40,
      { size: 11 },
      estimateWidth,
      2,
    );
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
  });

  it('cuts text to a width with an ellipsis', () => {
    expect(fitText('short', 200, { size: 12 }, estimateWidth)).toBe('short');
    const cut = fitText('a rather long sentence that will not fit', 60, { size: 12 }, estimateWidth);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateWidth(cut, { size: 12 })).toBeLessThanOrEqual(60);
  });

  it('reads strace’s quoted arguments back', () => {
    expect(straceArg(`"client 5 says 'I am 5'> ", 24)`)).toBe("client 5 says 'I am 5'> ");
    expect(straceArg('"a\\nb\\"c\\\\", 5)')).toBe('a\nb"c\\');
    expect(straceArg('"\\0\\377x", 3)')).toBe('\x00\xffx');
    expect(straceArg('"abc"..., 40)')).toBe('abc…');
    expect(straceArg('0x7ffc, 3)')).toBeNull();
  });
});

describe('the phase indicator', () => {
  it('blocking: asleep in recvfrom while waiting, then woken, then copying', () => {
    const block = stepWhere(
      'blocking-two-clients',
      (ev) => ev.type === 'sys.block' && ev.name === 'recvfrom',
    );
    const p = sceneAt('blocking-two-clients', block).phase;
    expect(p).toMatchObject({
      phase: 'waiting',
      blocked: true,
      via: 'read',
      call: 'recvfrom',
      fd: 4,
      tid: 4000,
    });
    const copy = stepWhere('blocking-two-clients', (ev) => ev.type === 'copy' && ev.dir === 'to-user');
    expect(sceneAt('blocking-two-clients', copy).phase).toMatchObject({
      phase: 'copying',
      blocked: false,
      via: 'read',
    });
    expect(sceneAt('blocking-two-clients', copy - 1).phase).toMatchObject({
      phase: 'waiting',
      blocked: false,
      woken: true,
    });
    expect(sceneAt('blocking-two-clients', copy + 1).phase.phase).toBe('none');
  });

  it('blocking accept is a wait too', () => {
    const block = stepWhere('blocking-two-clients', (ev) => ev.type === 'sys.block' && ev.name === 'accept4');
    expect(sceneAt('blocking-two-clients', block).phase).toMatchObject({
      phase: 'waiting',
      blocked: true,
      call: 'accept4',
    });
  });

  it('non-blocking: says EAGAIN instead of waiting', () => {
    const eagain = stepWhere(
      'nonblocking',
      (ev) => ev.type === 'sys.exit' && ev.name === 'recvfrom' && ev.errno === 'EAGAIN',
    );
    expect(sceneAt('nonblocking', eagain).phase).toMatchObject({
      phase: 'waiting',
      blocked: false,
      via: 'eagain',
      call: 'recvfrom',
    });
    // once the thread has gone to sleep in clock_nanosleep, no read is in progress
    const sleep = stepWhere(
      'nonblocking',
      (ev) => ev.type === 'sys.block' && ev.name === 'clock_nanosleep',
      eagain,
    );
    expect(sceneAt('nonblocking', sleep).phase.phase).toBe('none');
  });

  it('select and epoll: phase 1 happens in the multiplexing call', () => {
    const sel = stepWhere('select', (ev) => ev.type === 'sys.block' && ev.name === 'pselect6');
    expect(sceneAt('select', sel).phase).toMatchObject({ phase: 'waiting', blocked: true, via: 'select' });
    const ep = stepWhere('epoll-level', (ev) => ev.type === 'sys.block' && ev.name === 'epoll_wait');
    expect(sceneAt('epoll-level', ep).phase).toMatchObject({
      phase: 'waiting',
      blocked: true,
      via: 'epoll',
      fd: 4,
    });
  });

  it('signal-driven: the thread waits in pause(), not in a read', () => {
    const pause = stepWhere('signal-driven', (ev) => ev.type === 'sys.block' && ev.name === 'pause');
    expect(sceneAt('signal-driven', pause).phase).toMatchObject({
      phase: 'waiting',
      via: 'signal',
      blocked: true,
    });
  });

  it('io_uring: the kernel waits and copies; the thread only collects completions', () => {
    const copy = stepWhere('async-io', (ev) => ev.type === 'copy' && ev.dir === 'to-user');
    expect(sceneAt('async-io', copy).phase).toMatchObject({ phase: 'copying', via: 'uring', blocked: true });
    const block = stepWhere('async-io', (ev) => ev.type === 'sys.block', copy);
    expect(sceneAt('async-io', block).phase).toMatchObject({ phase: 'waiting', via: 'uring', blocked: true });
  });

  it('exists for every model, at every step', () => {
    for (const s of SCENARIOS) {
      const { index } = runOf(s.id);
      for (let k = 0; k < index.steps; k += 13) {
        const p = sceneAt(s.id, k).phase;
        expect(['waiting', 'copying', 'none']).toContain(p.phase);
        if (p.phase !== 'none') expect(p.tid, `${s.id} step ${k}`).not.toBeNull();
      }
    }
  });
});

describe('the thread boxes speak the phase badge’s vocabulary (issue 20 item 8)', () => {
  beforeAll(() => ensureAllMessages());
  const en = translator('en');
  const zh = translator('zh');
  /** The words on the thread's box (its state pill, then the call line), at the step. */
  function box(t: T, id: string, step: number, tid: number): string {
    const sc = sceneAt(id, step);
    const th = sc.threads[tid]!;
    return [stateText(th, t, sc.t), callText(th, t)].filter(Boolean).join(' | ');
  }

  it('blocking: asleep inside accept4 and recvfrom in phase 1; inside recvfrom in kernel mode in phase 2', () => {
    const acc = stepWhere('blocking-two-clients', (ev) => ev.type === 'sys.block' && ev.name === 'accept4');
    expect(box(en, 'blocking-two-clients', acc, 4000)).toBe(
      'asleep inside accept4(3): waiting for a connection',
    );
    expect(box(zh, 'blocking-two-clients', acc, 4000)).toBe('在 accept4(3) 里睡眠：等连接');
    const rd = stepWhere('blocking-two-clients', (ev) => ev.type === 'sys.block' && ev.name === 'recvfrom');
    expect(box(en, 'blocking-two-clients', rd, 4000)).toBe(
      'asleep inside recvfrom(4): phase 1, waiting for data',
    );
    const copy = stepWhere('blocking-two-clients', (ev) => ev.type === 'copy' && ev.dir === 'to-user');
    expect(box(en, 'blocking-two-clients', copy, 4000)).toMatch(
      /^running on CPU 0 \| inside recvfrom\(\) · line \d+ · phase 2: copying, in kernel mode$/,
    );
    expect(box(zh, 'blocking-two-clients', copy, 4000)).toMatch(
      /在 recvfrom\(\) 里 · 第 \d+ 行 · 第 2 阶段：以内核态拷贝/,
    );
  });

  it('select and epoll: asleep inside the multiplexing call, in phase 1', () => {
    const sel = stepWhere('select', (ev) => ev.type === 'sys.block' && ev.name === 'pselect6');
    expect(box(en, 'select', sel, 4000)).toMatch(/^asleep inside select\(\): phase 1, waiting on \d+ fds$/);
    const woke = stepWhere('select', (ev) => ev.type === 'sys.wake', sel);
    expect(box(en, 'select', woke, 4000)).toMatch(/inside select\(\) · line \d+/);
    expect(box(zh, 'select', sel, 4000)).toMatch(/^在 select\(\) 里睡眠：第 1 阶段，同时等 \d+ 个 fd$/);
    const ep = stepWhere('epoll-level', (ev) => ev.type === 'sys.block' && ev.name === 'epoll_wait');
    expect(box(en, 'epoll-level', ep, 4000)).toBe(
      'asleep inside epoll_wait(4): phase 1, waiting for the ready list',
    );
  });

  it('no thread box says “blocked” in any model, at any step', () => {
    for (const s of SCENARIOS) {
      const { index } = runOf(s.id);
      for (let k = 0; k < index.steps; k += 29) {
        const sc = sceneAt(s.id, k);
        for (const th of Object.values(sc.threads)) {
          expect(stateText(th, en, sc.t), `${s.id} step ${k}`).not.toMatch(/blocked/);
          expect(stateText(th, zh, sc.t), `${s.id} step ${k}`).not.toMatch(/阻塞/);
        }
      }
    }
  });
});

describe('the scene', () => {
  it('names queued connections by client and keeps the bytes that arrived before accept()', () => {
    const { index } = runOf('blocking-two-clients');
    let found: StageScene | null = null;
    for (let k = 0; k < index.steps && !found; k++) {
      const sc = sceneAt('blocking-two-clients', k);
      if (sc.sockets.some((s) => s.queued && s.rx === 'anyone?')) found = sc;
    }
    expect(found).not.toBeNull();
    const queued = found!.sockets.find((s) => s.queued)!;
    expect(queued.client).toBe('ben');
    const listen = found!.sockets.find((s) => s.kind === 'listen')!;
    expect(listen.queue.map((q) => q.client)).toEqual(['ben']);
  });

  it('shows the bytes a read took out of the buffer, on their way to the thread', () => {
    const copy = stepWhere('blocking-two-clients', (ev) => ev.type === 'copy' && ev.dir === 'to-user');
    const sc = sceneAt('blocking-two-clients', copy - 1);
    const conn = sc.sockets.find((s) => s.client === 'ann')!;
    expect(conn.taken).toBe('hello');
    expect(conn.rx).toBe('');
    const arrived = stepWhere('blocking-two-clients', (ev) => ev.type === 'sock.rx');
    const at = sceneAt('blocking-two-clients', arrived).sockets.find((s) => s.client === 'ann')!;
    expect(at).toMatchObject({ rx: 'hello', newBytes: 5, changed: true });
  });

  it('knows when SIGIO is pending and when it has been handled', () => {
    const sent = stepWhere('signal-driven', (ev) => ev.type === 'signal.send');
    expect(sceneAt('signal-driven', sent).signals[0]).toMatchObject({
      pid: 4000,
      pending: ['SIGIO'],
      changed: true,
    });
    const handled = stepWhere('signal-driven', (ev) => ev.type === 'signal.handle', sent);
    expect(sceneAt('signal-driven', handled).signals[0]!.pending).toEqual([]);
    expect(sceneAt('signal-driven', handled).signals[0]!.asyncFds).toContain(3);
  });

  it('shows the chat room’s prompt and what the operator typed', () => {
    const typed = stepWhere('chat-order-burst', (ev) => ev.type === 'stdin.line');
    const term = sceneAt('chat-order-burst', typed).terminal!;
    expect(term.prompt).toBe("client 5 says 'I am 5'> ");
    expect(term.typed).toEqual(['I AM 5\n']);
    expect(term.changed).toBe(true);
  });

  it('marks a new entry on the epoll ready list', () => {
    const ready = stepWhere('epoll-level', (ev) => ev.type === 'epoll.ready' && ev.fd === 5);
    const ep = sceneAt('epoll-level', ready).epolls[0]!;
    expect(ep.ready).toEqual([{ fd: 5, isNew: true }]);
    expect(ep.changed).toBe(true);
  });

  it('tells socketpair ends from network sockets', () => {
    const sc = sceneAt('asyncio', 60);
    expect(sc.sockets.filter((s) => s.pair).length).toBe(2);
  });

  it('keeps each process with its own threads and fd table', () => {
    const { index } = runOf('process-per-connection');
    const sc = sceneAt('process-per-connection', index.steps - 1);
    for (const p of [...sc.procs, ...sc.exitedProcs]) {
      for (const th of [...p.threads, ...p.exitedThreads]) expect(th.pid).toBe(p.pid);
    }
  });
});
