import { describe, expect, it } from 'vitest';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';
import { runScenario } from '../scenarios/run.ts';
import type { Scenario } from '../scenarios/format.ts';
import { indexTrace } from '../kernel/trace-index.ts';
import type { TraceEvent } from '../kernel/types.ts';
import { narrate, showBytes, spaceZh, straceArgs } from './index.ts';
import { LANGS } from '../i18n/core.ts';

/** A shipped scenario's run and its steps (the narration's layer and below: no store). */
const runs = new Map<string, ReturnType<typeof runAndIndex>>();
function runAndIndex(s: Scenario) {
  const run = runScenario(s, { seed: s.seed, keepTrace: true });
  return { run, index: indexTrace(run.trace, run.options.cores) };
}
function getRun(s: Scenario) {
  let hit = runs.get(s.id);
  if (!hit) {
    hit = runAndIndex(s);
    runs.set(s.id, hit);
  }
  return hit;
}

function runOf(id: string) {
  const s = findScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return getRun(s);
}

/** The first step whose main event matches. */
function stepWhere(id: string, pred: (ev: TraceEvent, stepEvents: TraceEvent[]) => boolean): number {
  const { index } = runOf(id);
  for (let k = 0; k < index.steps; k++) {
    const from = index.stepStart[k]!;
    const to = k + 1 < index.steps ? index.stepStart[k + 1]! : index.trace.length;
    if (pred(index.trace[from]!, index.trace.slice(from, to) as TraceEvent[])) return k;
  }
  throw new Error(`no such step in ${id}`);
}

function say(id: string, step: number, lang: 'en' | 'zh' = 'en') {
  const { run, index } = runOf(id);
  return narrate(run, index, step, lang);
}

describe('narrate: every step of every shipped scenario', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: a plain sentence for each step, in both languages`, () => {
      const { run, index } = getRun(scenario);
      for (let k = 0; k < index.steps; k++) {
        const views = { view: index.viewAt(k), before: k > 0 ? index.viewAt(k - 1) : null };
        for (const lang of LANGS) {
          const n = narrate(run, index, k, lang, views);
          const where = `${scenario.id} step ${k} (${index.trace[index.stepStart[k]!]!.type}, ${lang})`;
          for (const text of [n.text, n.detail ?? '']) {
            expect(text, where).not.toMatch(/\{\w+\}/);
            expect(text, where).not.toMatch(/\bundefined\b|\bNaN\b|\bnull\b|\[object /);
            expect(text, where).not.toMatch(/\bnarr\.[\w.]+/);
          }
          expect(n.text.trim().length, where).toBeGreaterThan(0);
          if (n.detail !== undefined) expect(n.detail.trim().length, where).toBeGreaterThan(0);
          // Balanced code spans: the component turns `…` into <code>.
          expect((n.text.match(/`/g) ?? []).length % 2, where).toBe(0);
          expect(((n.detail ?? '').match(/`/g) ?? []).length % 2, where).toBe(0);
          if (lang === 'zh') expect(n.text, where).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });
  }

  it('the same views give the same text as letting narrate build them', () => {
    const { run, index } = runOf('select');
    for (const k of [0, 5, 33, index.steps - 1]) {
      const views = { view: index.viewAt(k), before: k > 0 ? index.viewAt(k - 1) : null };
      expect(narrate(run, index, k, 'en', views)).toEqual(narrate(run, index, k, 'en'));
    }
  });
});

describe('narrate: key moments, exactly', () => {
  it('the first recv of the blocking server: what the call asks for', () => {
    const k = stepWhere(
      'blocking-two-clients',
      (ev, all) => ev.type === 'py' && all.some((e) => e.type === 'sys.enter' && e.name === 'recvfrom'),
    );
    const n = say('blocking-two-clients', k);
    expect(n.text).toBe(
      '`recv(4, 1024)`: read up to 1024 bytes from ann’s connection. Its receive buffer is empty.',
    );
    expect(n.detail).toBe(
      'The main thread, line 18: `data = conn.recv(RECV_SIZE)  # sleeps until data (or FIN) arrives`',
    );
  });

  it('blocking in recv: phase 1, on the socket’s wait queue, no CPU', () => {
    const k = stepWhere('blocking-two-clients', (ev) => ev.type === 'sys.block' && ev.name === 'recvfrom');
    expect(say('blocking-two-clients', k).text).toBe(
      'No data yet: the kernel puts the main thread to sleep on the wait queue of ann’s connection (fd 4). This is phase 1 of a read, waiting for data. A sleeping thread uses no CPU.',
    );
    expect(say('blocking-two-clients', k, 'zh').text).toBe(
      '还没有数据：内核让主线程在 ann 的连接（fd 4）的等待队列上睡眠。这是读操作的第一阶段——等待数据。睡眠中的线程不占用 CPU。',
    );
  });

  it('the wake-up names the client whose bytes arrived', () => {
    const k = stepWhere('blocking-two-clients', (ev) => ev.type === 'sys.wake' && ev.reason === 'data');
    expect(say('blocking-two-clients', k).text).toBe(
      'ann’s bytes woke the main thread: the kernel took it off the socket’s wait queue and made it runnable again.',
    );
  });

  it('the copy: phase 2, from the receive buffer into the program', () => {
    const k = stepWhere('blocking-two-clients', (ev) => ev.type === 'copy' && ev.dir === 'to-user');
    const n = say('blocking-two-clients', k);
    expect(n.text).toBe(
      "Phase 2: the kernel copies 5 bytes (b'hello') from the receive buffer of ann’s connection into the program’s buffer.",
    );
    expect(say('blocking-two-clients', k, 'zh').text).toBe(
      "第二阶段：内核把 5 字节（b'hello'）从 ann 的连接的接收缓冲区拷贝到程序的缓冲区里。",
    );
  });

  it("b'': the client closed", () => {
    const k = stepWhere(
      'blocking-two-clients',
      (ev) => ev.type === 'sys.exit' && ev.name === 'recvfrom' && ev.ret === 0,
    );
    expect(say('blocking-two-clients', k).text).toBe(
      "`recv` returned b'' (0 bytes): ann has closed its end.",
    );
  });

  it('EAGAIN on a non-blocking recv: BlockingIOError, returned at once', () => {
    const k = stepWhere(
      'nonblocking',
      (ev) => ev.type === 'sys.exit' && ev.name === 'recvfrom' && ev.errno === 'EAGAIN',
    );
    const n = say('nonblocking', k);
    expect(n.text).toBe(
      'BlockingIOError: no data yet on ann’s connection (fd 4), so the call returned at once with EAGAIN instead of waiting.',
    );
    expect(n.detail).toBe(
      'The program has to come back and ask again later. Each such question is a system call that costs CPU.',
    );
  });

  it('EAGAIN on a non-blocking accept', () => {
    const k = stepWhere(
      'nonblocking',
      (ev) => ev.type === 'sys.exit' && ev.name === 'accept4' && ev.errno === 'EAGAIN',
    );
    expect(say('nonblocking', k).text).toBe(
      'BlockingIOError: the accept queue is empty, so `accept` returned at once with EAGAIN instead of waiting.',
    );
  });

  it('the select result names the ready fds and says the kernel walked the bitmap up to nfds and checked the fds in the set', () => {
    const k = stepWhere(
      'select',
      (ev) => ev.type === 'sys.exit' && ev.name === 'pselect6' && ev.strace.includes('(in [4])'),
    );
    expect(say('select', k).text).toBe(
      '`select` returned 1: fd 4 (ann) can be read now. To find out, the kernel walked the bitmap up to fd 4 and checked each fd in the set.',
    );
    expect(say('select', k, 'zh').text).toBe(
      '`select` 返回 1：fd 4（ann）现在可读。为了知道这一点，内核把位图走到 fd 4，检查了集合里的每个 fd。',
    );
  });

  it('accept returns a new fd from the accept queue', () => {
    const k = stepWhere('select', (ev) => ev.type === 'sys.exit' && ev.name === 'accept4' && ev.ret === 4);
    expect(say('select', k).text).toMatch(
      /^`accept` returned fd 4: a new socket just for ann’s connection, taken from the accept queue/,
    );
  });

  it('a SYN: the client asks to connect; the kernel queues it with nobody calling accept', () => {
    expect(
      say(
        'blocking-two-clients',
        stepWhere('blocking-two-clients', (ev) => ev.type === 'net.packet' && ev.kind === 'SYN'),
      ).text,
    ).toBe('ann’s kernel sends a SYN: ann asks to connect to port 8080.');
    const k = stepWhere('blocking-two-clients', (ev) => ev.type === 'sock.syn' && ev.outcome === 'queued');
    expect(say('blocking-two-clients', k).text).toContain('even though nobody has called accept');
  });

  it('a SYN dropped because the accept queue (backlog + 1) is full', () => {
    const k = stepWhere('blocking-backlog-full', (ev) => ev.type === 'sock.syn' && ev.outcome === 'dropped');
    const n = say('blocking-backlog-full', k);
    expect(n.text).toBe(
      'The accept queue is full (3 of backlog + 1 = 3): the kernel silently drops b4’s SYN.',
    );
    expect(n.detail).toContain('will send the SYN again');
  });

  it('epoll: the callback puts the fd on the ready list', () => {
    const k = stepWhere(
      'epoll-level',
      (ev, all) =>
        ev.type === 'epoll.ready' &&
        ev.op === 'add' &&
        ev.fd === 5 &&
        !all.some((e) => e.type === 'sys.exit'),
    );
    expect(say('epoll-level', k).text).toBe(
      'The socket’s wait-queue callback puts ann’s connection (fd 5) on the epoll ready list (1 on it now).',
    );
  });

  it('SIGIO, the uncaught BrokenPipeError, and io_uring completions', () => {
    expect(
      say(
        'signal-driven',
        stepWhere('signal-driven', (ev) => ev.type === 'signal.send' && ev.signal === 'SIGIO'),
      ).text,
    ).toBe('The kernel sends SIGIO to process 4000.');
    expect(
      say(
        'select-chat-pitfall',
        stepWhere('select-chat-pitfall', (ev) => ev.type === 'sys.exit' && ev.errno === 'EPIPE'),
      ).text,
    ).toMatch(/^BrokenPipeError: ann is gone/);
    expect(
      say(
        'select-chat-pitfall',
        stepWhere('select-chat-pitfall', (ev) => ev.type === 'error'),
      ).text,
    ).toMatch(/^Uncaught exception: BrokenPipeError: \[Errno 32\] Broken pipe\./);
    expect(
      say(
        'async-io',
        stepWhere('async-io', (ev) => ev.type === 'uring.cqe'),
      ).text,
    ).toBe('The kernel posts a completion: accept on fd 3 is done, the new connection is fd 5 (ann).');
  });

  it('the operator’s typed line, as the str input() returns', () => {
    const k = stepWhere('select-chat', (ev) => ev.type === 'stdin.line');
    expect(say('select-chat', k).text).toMatch(
      /^The operator types '[^']+' and presses Enter, 1000 ms after the prompt appeared\.$/,
    );
  });
});

describe('narrate helpers', () => {
  it('splits strace arguments at the top level only', () => {
    expect(straceArgs('recvfrom(4, "a, b", 1024, 0, NULL, NULL) = 4')).toEqual([
      '4',
      '"a, b"',
      '1024',
      '0',
      'NULL',
      'NULL',
    ]);
    expect(straceArgs('poll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN}], 2, -1) = 1')).toEqual([
      '[{fd=3, events=POLLIN}, {fd=4, events=POLLIN}]',
      '2',
      '-1',
    ]);
    expect(straceArgs('sendto(4, "say \\"hi\\")", 9, 0, NULL, 0) = 9')[1]).toBe('"say \\"hi\\")"');
  });

  it('shows bytes as Python does, or as text when they are not ASCII', () => {
    expect(showBytes('hello')).toBe("b'hello'");
    expect(showBytes("it's\n")).toBe("b'it\\'s\\n'");
    expect(showBytes('\xe4\xbd\xa0\xe5\xa5\xbd')).toBe('“你好”');
  });

  it('spaces Chinese and Latin apart, code spans untouched', () => {
    expect(spaceZh('从ann 的连接读取`a b`字节')).toBe('从 ann 的连接读取 `a b` 字节');
    expect(spaceZh('线程 Thread-1睡眠')).toBe('线程 Thread-1 睡眠');
  });
});

describe('a quoted listing line reads as the code panel shows it', () => {
  it('in Chinese, with the Chinese comment; in English, with the English one', async () => {
    const { LISTINGS_ZH } = await import('../programs/listings-zh.ts');
    const { run, index } = runOf('blocking-two-clients');
    const both = (n: { text: string; detail?: string }) => `${n.text} ${n.detail ?? ''}`;
    let k = 0;
    while (!both(narrate(run, index, k, 'en')).includes('server.accept()')) k++;
    expect(both(narrate(run, index, k, 'en'))).toContain('# sleeps until a client connects`');
    const zh = both(narrate(run, index, k, 'zh', undefined, LISTINGS_ZH));
    expect(zh).toContain('server.accept()  # 睡眠，直到有客户端连上来`');
    expect(zh).not.toContain('sleeps until');
  });
});
