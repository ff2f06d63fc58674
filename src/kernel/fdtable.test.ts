/** Descriptor numbers: the lowest free one, whatever was opened and closed before (files->next_fd is only a hint). */
import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel.ts';
import { LINUX_CPYTHON_COSTS } from './costs.ts';
import { MS, type ProgramGen, type SysResult } from './types.ts';

const machine = (fdLimit: number, connectAtMs: number[] = []): Kernel =>
  new Kernel({
    seed: 1,
    cores: 1,
    fdLimit,
    latencyNs: MS,
    costs: LINUX_CPYTHON_COSTS,
    untilNs: 100 * MS,
    maxEvents: 10_000,
    keepTrace: false,
    serverPort: 8080,
    clients: connectAtMs.map((at, i) => ({
      name: `c${i}`,
      actions: [{ atNs: at * MS, do: 'connect' as const }],
    })),
  });

function run(steps: ('open' | number)[], fdLimit = 1024): number[] {
  const got: number[] = [];
  const k = machine(fdLimit);
  k.spawn('python3', function* (): ProgramGen {
    for (const s of steps) {
      if (s === 'open') {
        const r: SysResult = yield { kind: 'sys', call: { name: 'socket' }, line: 1 };
        got.push(r.ret);
      } else yield { kind: 'sys', call: { name: 'close', fd: s }, line: 2 };
    }
  });
  k.run();
  return got;
}

describe('the lowest free descriptor', () => {
  it('is reused after a close below the ones handed out, and the search goes on past it afterwards', () => {
    expect(run(['open', 'open', 'open', 4, 'open', 'open', 3, 5, 'open', 'open', 'open'])).toEqual([
      3, 4, 5, 4, 6, 3, 5, 7,
    ]);
  });
  it('runs out at RLIMIT_NOFILE (EMFILE) and comes back after a close', () => {
    const got = run(['open', 'open', 'open', 'open', 'open', 'open', 5, 'open'], 8);
    expect(got.slice(0, 6)).toEqual([3, 4, 5, 6, 7, -1]);
    expect(got[6]).toBe(5);
  });
});

/**
 * Which error accept4 gives first. Linux (__sys_accept4_file) takes the new descriptor before the
 * socket is asked to accept (inet_csk_accept: EINVAL when it is not listening), so with no free
 * descriptor a non-listening socket says EMFILE; with one free, EINVAL. Checked on this machine's
 * Linux 6 with python3 under strace: a bound, non-listening socket, RLIMIT_NOFILE 16 filled up,
 * `accept4(3, …) = -1 EMFILE`; one fd closed, `accept4(3, …) = -1 EINVAL`.
 */
function acceptOnNonListening(fdLimit: number, freeBeforeSecond: boolean): (string | number)[] {
  const got: (string | number)[] = [];
  const k = machine(fdLimit);
  k.spawn('python3', function* (): ProgramGen {
    const s: SysResult = yield { kind: 'sys', call: { name: 'socket' }, line: 1 };
    yield { kind: 'sys', call: { name: 'bind', fd: s.ret, port: 8080 }, line: 2 };
    let last = -1;
    for (;;) {
      const r: SysResult = yield { kind: 'sys', call: { name: 'socket' }, line: 3 };
      if (r.ret < 0) break;
      last = r.ret;
    }
    const first: SysResult = yield { kind: 'sys', call: { name: 'accept4', fd: s.ret }, line: 4 };
    got.push(first.errno ?? first.ret);
    if (freeBeforeSecond) yield { kind: 'sys', call: { name: 'close', fd: last }, line: 5 };
    const second: SysResult = yield { kind: 'sys', call: { name: 'accept4', fd: s.ret }, line: 6 };
    got.push(second.errno ?? second.ret);
  });
  k.run();
  return got;
}

describe('accept4 on a socket that is not listening', () => {
  it('fails with EMFILE while no descriptor is free, with EINVAL once one is', () => {
    expect(acceptOnNonListening(16, true)).toEqual(['EMFILE', 'EINVAL']);
  });
  it('keeps saying EMFILE while none is free', () => {
    expect(acceptOnNonListening(16, false)).toEqual(['EMFILE', 'EMFILE']);
  });
});

/**
 * io_uring's accept takes its descriptor first too (io_accept), so with none free its completion
 * is -EMFILE at once, before any connection comes. Checked on this machine's Linux 6 with a small C
 * program (raw io_uring_setup/io_uring_enter, RLIMIT_NOFILE 16 filled up, a listening socket with
 * an empty queue): the CQE, res=-24, is there right after the submitting io_uring_enter.
 */
describe('an io_uring accept with no free descriptor', () => {
  it('completes with -EMFILE at once, not when a connection comes', () => {
    const k = machine(16, [60]);
    const got: { res: number; atMs: number }[] = [];
    k.spawn('python3', function* (): ProgramGen {
      const s: SysResult = yield { kind: 'sys', call: { name: 'socket' }, line: 1 };
      yield { kind: 'sys', call: { name: 'bind', fd: s.ret, port: 8080 }, line: 2 };
      yield { kind: 'sys', call: { name: 'listen', fd: s.ret, backlog: 5 }, line: 2 };
      const ring: SysResult = yield { kind: 'sys', call: { name: 'io_uring_setup', entries: 4 }, line: 3 };
      for (;;) {
        const r: SysResult = yield { kind: 'sys', call: { name: 'socket' }, line: 4 };
        if (r.ret < 0) break;
      }
      const sqe = { op: 'accept' as const, fd: s.ret, userData: 42 };
      const e: SysResult = yield {
        kind: 'sys',
        call: { name: 'io_uring_enter', ring: ring.ret, submit: [sqe], minComplete: 1 },
        line: 5,
      };
      for (const c of e.cqes ?? []) got.push({ res: c.res, atMs: k.now / MS });
    });
    k.run();
    expect(got.map((c) => c.res)).toEqual([-24]);
    expect(got[0]!.atMs).toBeLessThan(60); // before the client at 60 ms connects
  });
});
