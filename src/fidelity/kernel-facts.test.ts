/**
 * Kernel facts, each checked on a small scenario, as a student would observe it: what the
 * clients get back, which calls block, what strace shows. Where a fact is one textbooks get
 * wrong, the test says so; fixtures/strace holds the real Linux traces these agree with.
 */
import { describe, expect, it } from 'vitest';
import { LINUX_CPYTHON_COSTS } from '../kernel/costs.ts';
import { Kernel } from '../kernel/kernel.ts';
import { findScenario } from '../scenarios/index.ts';
import { resolveOptions } from '../scenarios/format.ts';
import { machineConfig, SERVER_PORT } from '../scenarios/run.ts';
import { serverModel } from '../programs/index.ts';
import { allReplies, client, events, repliesOf, run, scenario, straceLines } from './test-helpers.ts';

describe('blocking I/O', () => {
  it('serves one client at a time: the second is connected by the kernel but waits', () => {
    const r = run(
      scenario('blocking', [client('ann', 0, ['hello', 'again'], 'close'), client('ben', 50, ['hi'])]),
    );
    expect(allReplies(r)).toEqual(['ann:HELLO', 'ann:AGAIN', 'ben:HI']);
    const connected = events(r, 'client.connected').find((e) => e.client === 'ben')!;
    const benReply = r.replies.find((x) => x.client === 'ben')!;
    expect(connected.t).toBeLessThan(1e8); // handshake done at ~50 ms, while ann is being served
    expect(benReply.atNs).toBeGreaterThan(3e8); // answered only after ann leaves at 300 ms
  });

  it('blocks in both phases: the thread sleeps in recvfrom until data arrives, then copies', () => {
    const r = run(scenario('blocking', [client('ann', 0, ['hello'])]));
    const block = events(r, 'sys.block').find((e) => e.name === 'recvfrom')!;
    expect(block.on.kind).toBe('recv');
    const copy = events(r, 'copy').find((e) => e.dir === 'to-user')!;
    expect(copy.data).toBe('hello');
    expect(copy.t).toBeGreaterThan(block.t);
  });

  it("treats a reset as ConnectionResetError and a normal close as b''", () => {
    const r = run(
      scenario('blocking', [client('ann', 0, ['x'], 'reset'), client('ben', 10, ['y'], 'close')]),
    );
    const lines = straceLines(r);
    expect(lines).toContain(
      'recvfrom(4, 0x7ffc3a1b2c40, 1024, 0, NULL, NULL) = -1 ECONNRESET (Connection reset by peer)',
    );
    expect(lines).toContain('recvfrom(4, "", 1024, 0, NULL, NULL) = 0');
    expect(r.errors).toEqual([]);
  });

  it('delivers two quick sends as one recv (TCP has no message boundaries)', () => {
    const ben = {
      name: 'ben',
      actions: [
        { at: 10, do: 'connect' as const },
        { at: 20, do: 'send' as const, data: 'one' },
        { at: 30, do: 'send' as const, data: 'two' },
      ],
    };
    const r = run(scenario('blocking', [client('ann', 0, ['a'], 'close', 100), ben]));
    expect(repliesOf(r, 'ben')).toEqual(['ONETWO']);
  });

  it('returns at most n bytes from recv(n)', () => {
    const r = run(scenario('blocking', [client('ann', 0, ['abcdefghij'])], { recvSize: 4 }));
    const sizes = events(r, 'sys.exit')
      .filter((e) => e.name === 'recvfrom')
      .map((e) => e.ret);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    expect(repliesOf(r, 'ann').join('')).toBe('ABCDEFGHIJ');
  });
});

describe('the listen backlog', () => {
  it('lets backlog + 1 handshakes complete with nobody calling accept, and drops later SYNs', () => {
    // ann keeps the blocking server busy; ben and cat fill a backlog of 1 (2 places); dan's SYN is dropped.
    const r = run(
      scenario(
        'blocking',
        [
          client('ann', 0, ['hold'], undefined),
          client('ben', 10, []),
          client('cat', 20, []),
          client('dan', 30, []),
        ],
        { backlog: 1 },
        { untilMs: 4000 },
      ),
    );
    const syns = events(r, 'sock.syn').map((e) => `${e.client}:${e.outcome}`);
    expect(syns.slice(0, 4)).toEqual(['ann:queued', 'ben:queued', 'cat:queued', 'dan:dropped']);
    const retries = events(r, 'client.retry').filter((e) => e.client === 'dan');
    expect(retries[0]!.t).toBeCloseTo(30e6 + 1000e6, -6); // resent after 1 s
    expect(retries[1]!.t - retries[0]!.t).toBeCloseTo(1000e6, -6); // then 1 s again (tcp_syn_linear_timeouts)
  });

  it('resends a dropped SYN after five 1 s waits, then doubles (Linux 6.7+: SYNs at 0, 1, 2, 3, 4, 5, 7, 11 s)', () => {
    // As measured on this machine: listen(2), three clients hold the queue, a fourth keeps knocking.
    const hold = (name: string, at: number) => client(name, at, [], undefined);
    const r = run(
      scenario(
        'blocking',
        [client('ann', 0, ['hold'], undefined), hold('ben', 10), hold('cat', 20), hold('dan', 30)],
        { backlog: 1 },
        { untilMs: 12_000 },
      ),
    );
    const sentAt = events(r, 'client.retry')
      .filter((e) => e.client === 'dan')
      .map((e) => Math.round((e.t - 30e6) / 1e9));
    expect(sentAt).toEqual([1, 2, 3, 4, 5, 7, 11]);
  });
});

describe('closing: FIN, RST and EPIPE as Linux does them', () => {
  it("after a normal close, recv keeps returning b'', the first send succeeds and a later one fails with EPIPE", () => {
    const s = scenario(
      'select-chat',
      [client('ann', 0, ['hi'], 'close', 100), client('ben', 20, [])],
      { variant: 'pitfall', answerDelayMs: 10, answers: ['HI', 'first', 'second'] },
      { untilMs: 2000 },
    );
    const r = run(s);
    const ann = straceLines(r).filter((l) => /^(recvfrom|sendto)\(4,/.test(l));
    expect(ann).toEqual([
      'recvfrom(4, "hi", 1024, 0, NULL, NULL) = 2',
      'sendto(4, "HI", 2, 0, NULL, 0) = 2',
      'recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
      'sendto(4, "first", 5, 0, NULL, 0) = 5', // the peer's kernel answers this with RST
      'recvfrom(4, "", 1024, 0, NULL, NULL) = 0',
      'sendto(4, "second", 6, 0, NULL, 0) = -1 EPIPE (Broken pipe)',
    ]);
    expect(r.errors.map((e) => e.python)).toEqual(['BrokenPipeError: [Errno 32] Broken pipe']);
    expect(events(r, 'proc.exit')[0]!.code).toBe(1); // the whole server is gone, ben too
  });

  it('the fixed chat room survives a client leaving and keeps serving the others', () => {
    const s = scenario(
      'select-chat',
      [client('ann', 0, ['hi'], 'close', 100), client('ben', 20, ['still here'], undefined, 500)],
      { answerDelayMs: 10 },
      { untilMs: 2000 },
    );
    const r = run(s);
    expect(r.errors).toEqual([]);
    expect(repliesOf(r, 'ben')).toEqual(['STILL HERE']);
  });
});

describe('non-blocking I/O', () => {
  it("accept() does not pass O_NONBLOCK on: the article's version blocks in recv on Linux", () => {
    const s = scenario(
      'nonblocking',
      [client('ann', 0, ['a']), client('ben', 10, ['b'])],
      { variant: 'pitfall' },
      { untilMs: 500 },
    );
    const r = run(s);
    expect(straceLines(r)).toContain('ioctl(3, FIONBIO, [1]) = 0');
    expect(straceLines(r).some((l) => l.startsWith('ioctl(4,'))).toBe(false);
    expect(events(r, 'sys.block').some((e) => e.name === 'recvfrom')).toBe(true);
  });

  it('the fixed version never sleeps in recv, and a pure busy loop pins the CPU', () => {
    const busy = run(scenario('nonblocking', [client('ann', 0, ['a'], undefined, 10)], {}, { untilMs: 50 }));
    expect(events(busy, 'sys.block').filter((e) => e.name === 'recvfrom' || e.name === 'accept4')).toEqual(
      [],
    );
    expect(busy.cpu.busyFraction).toBeGreaterThan(0.95);
    expect(busy.eagain).toBeGreaterThan(1000);
    const sleepy = run(
      scenario('nonblocking', [client('ann', 0, ['a'], undefined, 10)], { pollSleepMs: 10 }, { untilMs: 50 }),
    );
    expect(sleepy.cpu.busyFraction).toBeLessThan(0.05);
    expect(repliesOf(busy, 'ann')).toEqual(['A']);
    // sleeping between rounds costs latency: the reply waits for the next round
    expect(sleepy.replies[0]!.atNs).toBeGreaterThan(busy.replies[0]!.atNs);
  });

  it('stops a runaway run at maxEvents with its reason', () => {
    const r = run(scenario('nonblocking', [client('ann', 0, ['a'])], {}, { untilMs: 60_000 }), {
      maxEvents: 2000,
    });
    expect(r.stopReason).toBe('maxEvents');
    // It stops at the first step boundary past the cap (one step emits a handful of events).
    expect(r.events).toBeGreaterThanOrEqual(2000);
    expect(r.events).toBeLessThan(2050);
  });
});

describe('threads, processes and pools', () => {
  it('thread per connection serves everyone at once and counts its threads', () => {
    const r = run(
      scenario('thread-per-connection', [
        client('ann', 0, ['a']),
        client('ben', 10, ['b']),
        client('cat', 20, ['c']),
      ]),
    );
    expect(allReplies(r).sort()).toEqual(['ann:A', 'ben:B', 'cat:C']);
    expect(r.threadsPeak).toBe(4);
    expect(events(r, 'gil').length).toBeGreaterThan(0);
  });

  it('Thread.start() returns only after the new thread has signalled that it started (CPython waits on a futex; strace shows it)', () => {
    const r = run(scenario('thread-per-connection', [client('ann', 0, ['a']), client('ben', 50, ['b'])]));
    const starts = r.trace.flatMap((e, i) =>
      e.type === 'sys.exit' && e.name === 'clone3' ? [{ i, tid: e.tid, child: e.ret }] : [],
    );
    expect(starts).toHaveLength(2);
    for (const s of starts) {
      const rest = r.trace.slice(s.i + 1);
      const signalled = rest.findIndex(
        (e) => e.type === 'py' && e.tid === s.child && e.note === 'narr.note.started',
      );
      const nextCall = rest.findIndex((e) => e.type === 'sys.enter' && e.tid === s.tid);
      expect(signalled).toBeGreaterThanOrEqual(0);
      expect(signalled).toBeLessThan(nextCall);
    }
  });

  it('pre-threaded: every worker sleeps in accept() on one socket, and each connection wakes exactly one of them (as the recording shows)', () => {
    const s = findScenario('prethreaded-accept')!;
    const r = run(s);
    expect(allReplies(r).sort()).toEqual(['ann:HELLO', 'ben:HI THERE', 'cat:HEY', 'dan:ME TOO']);
    const arrivals = r.trace.flatMap((e, i) =>
      e.type === 'sock.accept-queue' && e.op === 'push' ? [i] : [],
    );
    expect(arrivals.length).toBe(4);
    for (const i of arrivals) {
      const next = r.trace.slice(i + 1).findIndex((e) => e.type === 'sock.accept-queue' && e.op === 'push');
      const window = r.trace.slice(i + 1, next < 0 ? undefined : i + 1 + next);
      expect(window.filter((e) => e.type === 'sys.wake' && e.name === 'accept4').length).toBeLessThanOrEqual(
        1,
      );
    }
    // Three threads asleep in accept when ann comes; one wakes.
    const before = r.trace
      .slice(0, arrivals[0])
      .filter((e) => e.type === 'sys.block' && e.name === 'accept4').length;
    expect(before).toBe(3);
    expect(r.trace.filter((e) => e.type === 'sys.wake' && e.name === 'accept4').length).toBe(3); // dan's waited in the queue
  });

  it('process per connection forks a child per client, each with a copy of the fd table', () => {
    const r = run(
      scenario('process-per-connection', [
        client('ann', 0, ['a'], 'close'),
        client('ben', 10, ['b'], 'close'),
      ]),
    );
    expect(allReplies(r).sort()).toEqual(['ann:A', 'ben:B']);
    expect(events(r, 'proc.start')).toHaveLength(3);
    expect(events(r, 'proc.exit').map((e) => e.code)).toEqual([0, 0]);
    const threads = run(
      scenario('thread-per-connection', [client('ann', 0, ['a']), client('ben', 10, ['b'])]),
    );
    expect(r.memoryPeakBytes).toBeGreaterThan(threads.memoryPeakBytes);
  });

  it('a pool of 2: the third connection is accepted but waits for a free worker', () => {
    const r = run(
      scenario(
        'thread-pool',
        [client('ann', 0, ['a'], 'close', 300), client('ben', 10, ['b']), client('cat', 20, ['c'])],
        { poolSize: 2 },
      ),
    );
    const cat = r.replies.find((x) => x.client === 'cat')!;
    expect(cat.atNs).toBeGreaterThan(600e6); // after ann closes at 600 ms
    expect(r.threadsPeak).toBe(3); // main + 2 workers, never a third
    const accepted = events(r, 'sys.exit').filter((e) => e.name === 'accept4' && e.ret >= 0);
    expect(accepted[2]!.t).toBeLessThan(100e6); // cat's connection was accepted at once: its job waits in the queue
  });

  it('running out of descriptors: accept fails with OSError [Errno 24]', () => {
    const clients = Array.from({ length: 6 }, (_, i) => client(`c${i}`, i * 10, []));
    const r = run(scenario('thread-per-connection', clients, { fdLimit: 8 }));
    expect(r.errors.map((e) => e.python)).toEqual(['OSError: [Errno 24] Too many open files']);
    expect(r.errors[0]!.syscall).toBe('accept4');
  });

  // Linux takes the new descriptor before it looks at the accept queue (__sys_accept4_file), so
  // with none free accept4 fails at once, even with nobody left to connect: it does not sleep
  // (blocking) or say EAGAIN (non-blocking). fixtures/fidelity/found/accept-emfile-at-once.
  it.each(['thread-per-connection', 'nonblocking'] as const)(
    '%s: accept4 with no free descriptor fails with EMFILE at once, queue empty or not',
    (model) => {
      const clients = Array.from({ length: 4 }, (_, i) => client(`c${i}`, i * 10, []));
      const r = run(scenario(model, clients, { fdLimit: 8 }, { untilMs: 200 }));
      expect(r.errors.map((e) => e.python)).toEqual(['OSError: [Errno 24] Too many open files']);
      const accepts = events(r, 'sys.exit').filter((e) => e.name === 'accept4' && e.errno !== 'EAGAIN');
      expect(accepts.map((e) => e.errno ?? e.ret)).toEqual([4, 5, 6, 7, 'EMFILE']);
      expect(accepts[4]!.t - accepts[3]!.t).toBeLessThan(1e6); // within a millisecond, not when a fifth client comes
    },
  );
});

describe('select, poll and epoll', () => {
  it('charges select per watched fd and per 64-fd word up to nfds, not per fd number up to nfds', () => {
    // timeout 0: every call returns at once, so its kernel time is exactly the scan.
    const r = run(scenario('select', [client('ann', 0, ['hi'])], { timeoutMs: 0 }, { untilMs: 50 }));
    const c = LINUX_CPYTHON_COSTS;
    const scans = events(r, 'select.scan');
    const exits = events(r, 'sys.exit').filter((e) => e.name === 'pselect6');
    expect(exits.length).toBeGreaterThan(2);
    exits.forEach((exit, i) => {
      const scan = scans[i]!;
      expect(scan.nfds).toBeGreaterThan(scan.watched.length); // fds 0-2 are below nfds but not watched
      expect(exit.kernelNs).toBe(
        c.selectBaseNs +
          c.selectPerWordNs * Math.ceil(scan.nfds / 64) +
          c.selectPerFdNs * scan.watched.length,
      );
    });
  });

  it('select shows as pselect6 with nfds = highest fd + 1 and returns ready fds', () => {
    const r = run(scenario('select', [client('ann', 0, ['hello'])]));
    expect(straceLines(r)).toContain('pselect6(5, [3 4], NULL, NULL, NULL, NULL) = 1 (in [4])');
    expect(repliesOf(r, 'ann')).toEqual(['HELLO']);
  });

  it('select refuses any fd of FD_SETSIZE or more before making the call; epoll does not care', () => {
    const opts = { backlog: 4096, fdLimit: 4096 };
    const sel = run(scenario('select', [], opts, { idleConnections: 1030, untilMs: 6000 }));
    expect(sel.errors.map((e) => e.python)).toEqual(['ValueError: filedescriptor out of range in select()']);
    const ep = run(scenario('epoll', [], opts, { idleConnections: 1030, untilMs: 6000 }));
    expect(ep.errors).toEqual([]);
  });

  it('the select cost grows with nfds; epoll_wait does not', () => {
    const per = (model: 'select' | 'epoll', idle: number) => {
      const r = run(
        scenario(
          model,
          [client('ann', 0, ['x', 'y', 'z'])],
          { backlog: 4096 },
          { idleConnections: idle, untilMs: 2000 },
        ),
      );
      const s = r.syscalls[model === 'select' ? 'pselect6' : 'epoll_wait']!;
      return s.kernelNs / s.count;
    };
    expect(per('select', 500)).toBeGreaterThan(5 * per('select', 10));
    expect(per('epoll', 500)).toBeLessThan(1.5 * per('epoll', 10));
  });

  it('level-triggered epoll reports a partly read fd again; edge-triggered does not until new data', () => {
    const msg = [client('ann', 0, ['abcdefghij', 'k'], undefined, 300)];
    const level = run(scenario('epoll', msg, { recvSize: 4 }));
    expect(repliesOf(level, 'ann').join('')).toBe('ABCDEFGHIJK');
    const stranded = run(scenario('epoll', msg, { recvSize: 4, trigger: 'edge', variant: 'pitfall' }));
    const byTime = stranded.replies.map((x) => [Math.round(x.atNs / 1e6), x.data]);
    expect(byTime[0]).toEqual([300, 'ABCD']); // the rest waits in the buffer…
    expect(byTime[1]![0]).toBeGreaterThanOrEqual(600); // …until the next message brings a new edge
    const fixed = run(scenario('epoll', msg, { recvSize: 4, trigger: 'edge' }));
    expect(repliesOf(fixed, 'ann').join('')).toBe('ABCDEFGHIJK');
    expect(straceLines(fixed)).toContain(
      'recvfrom(5, 0x7ffc3a1b2c40, 4, 0, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)',
    );
  });

  it('answers the chat room in list order for select, in arrival order for epoll', () => {
    const clients = [5, 4, 3, 2, 1].map((n, i) => client(`c${n}`, 0, [`I am ${n}`], undefined, 300 + i * 50));
    // connect in order c1..c5 so the select list is [server, c1..c5]
    clients
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((c, i) => {
        c.actions[0]!.at = i * 10;
      });
    const order = (mechanism: 'select' | 'poll' | 'epoll') =>
      run(scenario('select-chat', clients, { mechanism, answerDelayMs: 1000 }, { untilMs: 8000 }))
        .replies.map((x) => x.client)
        .join(' ');
    expect(order('select')).toBe('c5 c1 c2 c3 c4');
    expect(order('poll')).toBe('c5 c1 c2 c3 c4');
    expect(order('epoll')).toBe('c5 c4 c3 c2 c1');
  });
});

describe('signal-driven and asynchronous I/O, coroutines', () => {
  it("charges io_uring's copy to the thread that submitted the recv (task work in its context), so every ns of CPU is a thread's", () => {
    const s = findScenario('async-io')!;
    const o = resolveOptions(s);
    const kernel = new Kernel(machineConfig(s, o));
    kernel.spawn('python3', serverModel(s.model, o).program({ options: o, port: SERVER_PORT }));
    const result = kernel.run();
    const copies = result.trace.filter((e) => e.type === 'copy' && e.byKernel);
    expect(copies.length).toBeGreaterThan(0);
    const byThreads = [...kernel.threads.values()].reduce((sum, t) => sum + t.userNs + t.systemNs, 0);
    expect(byThreads).toBe(result.cpu.userNs + result.cpu.systemNs);
  });

  it('SIGIO does not say which fd and merges when several arrive while one is pending', () => {
    const ann = {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' as const },
        { at: 100, do: 'send' as const, data: 'a' },
        { at: 100, do: 'send' as const, data: 'b' },
      ],
    };
    const r = run(scenario('signal-driven', [ann]));
    expect(events(r, 'signal.send').some((e) => e.signal === 'SIGIO' && e.merged)).toBe(true);
    expect(repliesOf(r, 'ann').join('')).toBe('AB');
    expect(straceLines(r)).toContain('rt_sigreturn({mask=[]}) = -1 EINTR (Interrupted system call)');
  });

  it("CPython's C handler only sets a flag: the Python handler runs after the interrupted pause() has returned EINTR through rt_sigreturn (as strace with a marker in the handler shows)", () => {
    const ann = {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' as const },
        { at: 100, do: 'send' as const, data: 'a' },
        { at: 100.01, do: 'send' as const, data: 'b' },
      ],
    };
    const r = run(scenario('signal-driven', [ann, client('ben', 50, ['hi'])]));
    const handlerLine = events(r, 'py').find((e) => e.note === 'narr.note.pyHandler')?.line;
    expect(handlerLine).toBeGreaterThan(0);
    let afterPause = 0;
    r.trace.forEach((e, i) => {
      if (e.type !== 'signal.handle') return;
      const rest = r.trace.slice(i + 1);
      const handler = rest.findIndex((x) => x.type === 'py' && x.line === handlerLine);
      expect(handler).toBeGreaterThanOrEqual(0);
      const ran = rest[handler]!;
      expect(ran.type === 'py' && ran.tid).toBe(e.tid); // the main thread
      const prev = r.trace
        .slice(0, i)
        .reverse()
        .find((x) => x.type === 'sys.exit' && x.tid === e.tid);
      if (prev?.type === 'sys.exit' && prev.name === 'pause') {
        afterPause++;
        expect(prev.errno).toBe('EINTR');
        const ret = rest.findIndex((x) => x.type === 'sys.exit' && x.name === 'rt_sigreturn');
        expect(ret).toBeGreaterThanOrEqual(0);
        expect(ret).toBeLessThan(handler); // not inside rt_sigreturn, as the old model had it
      }
    });
    expect(afterPause).toBeGreaterThan(0);
  });

  it('io_uring: the program never sleeps on a socket or calls recv; the kernel copies', () => {
    const r = run(scenario('async-io', [client('ann', 0, ['hello'], 'close')]));
    expect(repliesOf(r, 'ann')).toEqual(['HELLO']);
    expect(r.syscalls.recvfrom).toBeUndefined();
    expect(events(r, 'sys.block').every((e) => e.name === 'io_uring_enter')).toBe(true);
    expect(events(r, 'copy').some((e) => e.dir === 'to-user' && e.data === 'hello')).toBe(true);
  });

  it('asyncio: one thread, coroutines suspend on a would-block read and only epoll_wait sleeps', () => {
    const r = run(scenario('asyncio', [client('ann', 0, ['a']), client('ben', 10, ['b'])]));
    expect(allReplies(r).sort()).toEqual(['ann:A', 'ben:B']);
    expect(r.threadsPeak).toBe(1);
    expect(new Set(events(r, 'sys.block').map((e) => e.name))).toEqual(new Set(['epoll_wait']));
    expect(straceLines(r)).toContain(
      'recvfrom(7, 0x7ffc3a1b2c40, 1024, 0, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)',
    );
  });
});

describe('determinism and time', () => {
  it('gives the same trace for the same scenario and seed, and time never goes back', () => {
    const s = scenario('thread-per-connection', [
      client('ann', 0, ['a', 'b'], 'close'),
      client('ben', 5, ['c'], 'reset'),
    ]);
    const a = run(s);
    const b = run(s);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    for (let i = 1; i < a.trace.length; i++) expect(a.trace[i]!.t).toBeGreaterThanOrEqual(a.trace[i - 1]!.t);
  });

  it('the metrics-only mode keeps the numbers but not the trace', () => {
    const s = scenario('select', [client('ann', 0, ['a'])]);
    const full = run(s);
    const lean = run(s, { keepTrace: false });
    expect(lean.trace).toEqual([]);
    expect(lean.events).toBe(full.events);
    expect(lean.syscalls).toEqual(full.syscalls);
  });
});
