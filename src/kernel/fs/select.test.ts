/**
 * select and poll scans against the scan as it was before they remembered fd → socket and tested
 * quiet connections first, and before they found the ready fds from the sockets a packet made
 * readable instead of reading every watched fd (`referencePoll`, `referencePselect6` below: the
 * old code, kept as the oracle). On random schedules — clients that connect, send, close and reset, a server that
 * accepts, reads, closes and so reuses descriptor numbers — both give the same attempt (reply,
 * cost, strace text, what blocks on what) and the same scan event, for random fd lists that
 * include duplicates, closed fds, stdin and fds past the table — and for a PollList kept between
 * calls (as select.poll() keeps its fds) that gains and loses fds as the run goes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Kernel } from '../kernel.ts';
import { LINUX_CPYTHON_COSTS } from '../costs.ts';
import {
  MS,
  POLLERR,
  POLLHUP,
  POLLIN,
  type Ns,
  type PollFd,
  type ProgramGen,
  type SysResult,
} from '../types.ts';
import {
  done,
  fail,
  type Attempt,
  type KernelContext,
  type Process,
  type SysOp,
  type Thread,
} from '../state.ts';
import { sockOf } from '../fdtable.ts';
import { pollMask, readable } from '../net/tcp.ts';
import { fdSet, timespec } from '../strace-format.ts';
import { pollEventsText, PollList, sysPoll, sysPselect6 } from './select.ts';

/* ── the scans as they were (the oracle) ── */

function referencePselect6(
  k: KernelContext,
  thread: Thread,
  proc: Process,
  op: SysOp,
  nfds: number,
  fds: number[],
  timeoutNs: Ns | null,
): Attempt {
  const c = k.costs;
  if (op.deadline === null) op.deadline = timeoutNs === null ? Infinity : op.enterT + timeoutNs;
  const timeout = timeoutNs === null ? 'NULL' : timespec(timeoutNs);
  const head = k.tracing ? `pselect6(${nfds}, ${fdSet(fds)}, NULL, NULL, ${timeout}, NULL` : '';
  const ready: number[] = [];
  for (const fd of fds) {
    const sock = sockOf(k, proc, fd);
    if (!sock) return fail('EBADF', c.selectBaseNs, head, ')');
    if (readable(sock)) ready.push(fd);
  }
  const sleeping = op.blocked ? c.selectPerFdSleepNs * fds.length : 0;
  const ns =
    c.selectBaseNs + c.selectPerWordNs * Math.ceil(nfds / 64) + c.selectPerFdNs * fds.length + sleeping;
  if (
    k.tracing &&
    (ready.length > 0 || timeoutNs === 0 || op.timedOut || k.now >= op.deadline || op.entryCharged)
  ) {
    k.emit({ t: k.now, type: 'select.scan', tid: thread.tid, nfds, watched: fds, ready });
  } else k.events++;
  if (ready.length > 0) {
    return done(
      { ret: ready.length, ready: ready.map((fd) => ({ fd, events: POLLIN })) },
      ns,
      head,
      k.tracing
        ? `) = ${ready.length} (in ${fdSet(ready)}${timeoutNs === null ? '' : `, left ${timespec(Math.max(0, op.deadline - k.now))}`})`
        : '',
    );
  }
  if (op.timedOut || timeoutNs === 0 || k.now >= op.deadline)
    return done({ ret: 0, ready: [] }, ns, head, ') = 0 (Timeout)');
  return {
    block: { kind: 'select', fds },
    targets: fds.map((fd) => ({ kind: 'sock' as const, sock: sockOf(k, proc, fd)!.id })),
    head,
    ns,
  };
}

function referencePoll(
  k: KernelContext,
  thread: Thread,
  proc: Process,
  op: SysOp,
  fds: PollFd[],
  timeoutMs: number,
): Attempt {
  const c = k.costs;
  if (op.deadline === null) op.deadline = timeoutMs < 0 ? Infinity : op.enterT + timeoutMs * MS;
  const head = k.tracing
    ? `poll([${fds.map((p) => `{fd=${p.fd}, events=POLLIN}`).join(', ')}], ${fds.length}, ${timeoutMs}`
    : '';
  const ready: PollFd[] = [];
  for (const p of fds) {
    const sock = sockOf(k, proc, p.fd);
    if (!sock) {
      ready.push({ fd: p.fd, events: 0x20 });
      continue;
    }
    const mask = pollMask(sock) & (p.events | POLLHUP | POLLERR);
    if (mask) ready.push({ fd: p.fd, events: mask & (POLLIN | POLLERR | POLLHUP) });
  }
  const sleeping = op.blocked ? c.pollPerFdSleepNs * fds.length : 0;
  const ns = c.pollBaseNs + c.pollPerFdNs * fds.length + sleeping;
  if (
    k.tracing &&
    (ready.length > 0 || timeoutMs === 0 || op.timedOut || k.now >= op.deadline || op.entryCharged)
  ) {
    k.emit({
      t: k.now,
      type: 'poll.scan',
      tid: thread.tid,
      watched: fds.map((p) => p.fd),
      ready: ready.map((p) => p.fd),
    });
  } else k.events++;
  if (ready.length > 0) {
    const revents = k.tracing
      ? ready.map((p) => `{fd=${p.fd}, revents=${pollEventsText(p.events)}}`).join(', ')
      : '';
    return done({ ret: ready.length, ready }, ns, head, `) = ${ready.length} ([${revents}])`);
  }
  if (op.timedOut || timeoutMs === 0 || k.now >= op.deadline)
    return done({ ret: 0, ready: [] }, ns, head, ') = 0 (Timeout)');
  return {
    block: { kind: 'poll', fds: fds.map((p) => p.fd) },
    targets: fds.map((p) => ({ kind: 'sock' as const, sock: sockOf(k, proc, p.fd)!.id })),
    head,
    ns,
  };
}

/* ── random schedules ── */

const clientAction = fc.record({
  at: fc.integer({ min: 0, max: 60 }),
  do: fc.constantFrom('connect', 'send', 'send', 'close', 'reset'),
});
const schedule = fc.record({
  clients: fc.array(fc.array(clientAction, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
  closeEvery: fc.integer({ min: 1, max: 5 }),
  probes: fc.array(
    fc.record({
      fds: fc.array(fc.integer({ min: 0, max: 16 }), { maxLength: 12 }),
      events: fc.constantFrom(POLLIN, POLLIN | 0x4, 0),
      timeout: fc.constantFrom(0, -1, 5),
      charged: fc.boolean(),
      blocked: fc.boolean(),
      keep: fc.array(fc.integer({ min: 0, max: 16 }), { maxLength: 4 }),
      drop: fc.array(fc.integer({ min: 0, max: 16 }), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  tracing: fc.boolean(),
});

type Schedule = typeof schedule extends fc.Arbitrary<infer T> ? T : never;

function machine(s: Schedule): Kernel {
  return new Kernel({
    seed: 1,
    cores: 1,
    fdLimit: 64,
    latencyNs: MS,
    costs: LINUX_CPYTHON_COSTS,
    untilNs: 120 * MS,
    maxEvents: 200_000,
    keepTrace: s.tracing,
    serverPort: 8080,
    clients: s.clients.map((actions, i) => ({
      name: `c${i}`,
      actions: [...actions]
        .sort((a, b) => a.at - b.at)
        .map((a) =>
          a.do === 'send'
            ? { atNs: a.at * MS, do: 'send' as const, data: 'hi' }
            : { atNs: a.at * MS, do: a.do as 'connect' | 'close' | 'reset' },
        ),
    })),
  });
}

/** A server that accepts, reads, and closes every few reads (so fd numbers are reused). */
function server(closeEvery: number) {
  return function* (): ProgramGen {
    const s: SysResult = yield { kind: 'sys', call: { name: 'socket' }, line: 1 };
    const lfd = s.ret;
    yield { kind: 'sys', call: { name: 'bind', fd: lfd, port: 8080 }, line: 1 };
    yield { kind: 'sys', call: { name: 'listen', fd: lfd, backlog: 16 }, line: 1 };
    yield { kind: 'sys', call: { name: 'ioctl', fd: lfd, nonblock: true }, line: 1 };
    const conns: number[] = [];
    for (let round = 0; ; round++) {
      yield { kind: 'sys', call: { name: 'clock_nanosleep', ns: 2 * MS }, line: 2 };
      const a: SysResult = yield { kind: 'sys', call: { name: 'accept4', fd: lfd }, line: 3 };
      if (a.ret >= 0) conns.push(a.ret);
      for (const fd of [...conns]) {
        if (round % 2 === 0) continue;
        const r: SysResult = yield { kind: 'sys', call: { name: 'ioctl', fd, nonblock: true }, line: 4 };
        void r;
        const got: SysResult = yield { kind: 'sys', call: { name: 'recvfrom', fd, size: 1 }, line: 4 };
        if (got.ret === 0 || (round % closeEvery === 0 && got.ret > 0)) {
          yield { kind: 'sys', call: { name: 'close', fd }, line: 5 };
          conns.splice(conns.indexOf(fd), 1);
        }
      }
    }
  };
}

function freshOp(k: Kernel, call: SysOp['call'], charged: boolean, blocked: boolean): SysOp {
  return {
    call,
    line: 0,
    enterT: k.now,
    kernelNs: 0,
    deadline: null,
    timedOut: false,
    entered: true,
    entryCharged: charged,
    blocked,
    submitted: false,
    done: null,
  };
}

/**
 * Runs one scan and takes back what it left in the kernel (its event), so the run goes on unchanged.
 * Of an entry look that would sleep, attemptOp uses only the cost (it charges it and looks again).
 */
function scan(
  k: Kernel,
  charged: boolean,
  f: () => Attempt,
): { attempt: Attempt | { entryLookNs: number | undefined }; emitted: unknown[]; events: number } {
  const trace = k.trace.length;
  const events = k.events;
  const tried = f();
  const attempt = !charged && 'block' in tried ? { entryLookNs: tried.ns } : tried;
  const emitted = k.trace.splice(trace);
  const counted = k.events - events;
  k.events = events;
  return { attempt, emitted, events: counted };
}

describe('select and poll scans give what the reference scan gives', () => {
  it('on random schedules, fd lists and call states', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const k = machine(s);
        const pid = k.spawn('python3', server(s.closeEvery));
        const proc = k.procs.get(pid)!;
        const thread = k.threads.get(pid)!;
        const kept = new PollList();
        let probe = 0;
        for (let i = 0; k.step(); i++) {
          if (i % 7 !== 0) continue;
          const p = s.probes[probe++ % s.probes.length]!;
          for (const fd of p.keep) kept.add(fd, p.events);
          for (const fd of p.drop) kept.remove(fd);
          const keptCall = { name: 'poll' as const, fds: kept.array, timeoutMs: p.timeout };
          const oldKept = scan(k, p.charged, () =>
            referencePoll(k, thread, proc, freshOp(k, keptCall, p.charged, p.blocked), kept.array, p.timeout),
          );
          const newKept = scan(k, p.charged, () =>
            sysPoll(k, thread, proc, freshOp(k, keptCall, p.charged, p.blocked), kept.array, p.timeout),
          );
          expect(newKept).toEqual(oldKept);
          const fds: PollFd[] = p.fds.map((fd) => ({ fd, events: p.events }));
          const oldPoll = scan(k, p.charged, () =>
            referencePoll(
              k,
              thread,
              proc,
              freshOp(k, { name: 'poll', fds, timeoutMs: p.timeout }, p.charged, p.blocked),
              fds,
              p.timeout,
            ),
          );
          const newPoll = scan(k, p.charged, () =>
            sysPoll(
              k,
              thread,
              proc,
              freshOp(k, { name: 'poll', fds, timeoutMs: p.timeout }, p.charged, p.blocked),
              fds,
              p.timeout,
            ),
          );
          expect(newPoll).toEqual(oldPoll);
          const sorted = [...new Set(p.fds)].sort((a, b) => a - b);
          const nfds = sorted.length ? sorted[sorted.length - 1]! + 1 : 0;
          const timeoutNs = p.timeout < 0 ? null : p.timeout * MS;
          const call = { name: 'pselect6' as const, nfds, readFds: sorted, timeoutNs };
          const oldSelect = scan(k, p.charged, () =>
            referencePselect6(
              k,
              thread,
              proc,
              freshOp(k, call, p.charged, p.blocked),
              nfds,
              sorted,
              timeoutNs,
            ),
          );
          const newSelect = scan(k, p.charged, () =>
            sysPselect6(k, thread, proc, freshOp(k, call, p.charged, p.blocked), nfds, sorted, timeoutNs),
          );
          expect(newSelect).toEqual(oldSelect);
        }
        expect(probe).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});
