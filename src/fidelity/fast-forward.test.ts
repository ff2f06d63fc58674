/**
 * Fast-forward (src/kernel/fast-forward.ts) is exact: over random busy-polling schedules, a
 * metrics-only run that charges its failed recv calls in one step gives the same result as one
 * that makes every call — events, syscall counts and kernel time, EAGAINs, CPU figures per
 * thread and in all, replies, errors, memory, end time — and the same as a run that keeps its
 * trace (which never fast-forwards), and it does skip work: failed calls within a pass, and
 * whole passes that only failed (and slept). The trace of a recvEach step, call by
 * call, is the one the golden set (`npm run golden`) holds.
 * Replay a failure with FC_SEED=<seed> FC_PATH=<path>; FC_RUNS=<n> runs more schedules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../kernel/kernel.ts';
import { resolveOptions, type Scenario, type ScenarioAction } from '../scenarios/format.ts';
import { machineConfig, SERVER_PORT } from '../scenarios/run.ts';
import { serverModel } from '../programs/index.ts';

const SEED =
  process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 0x7fffffff);
const RUNS = process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : 60;
const PATH = process.env.FC_PATH;

const action = fc.oneof(
  fc.record({ do: fc.constant('send' as const), data: fc.constantFrom('hi', 'abc', 'x'.repeat(40)) }),
  fc.record({ do: fc.constantFrom('close' as const, 'reset' as const) }),
);

const client = fc.record({
  connectAt: fc.double({ min: 0, max: 4, noNaN: true }),
  gaps: fc.array(fc.double({ min: 0.001, max: 3, noNaN: true }), { minLength: 0, maxLength: 4 }),
  acts: fc.array(action, { minLength: 0, maxLength: 4 }),
});

/** A busy-polling server (sometimes with a sleep per round) and clients that come, talk and go. */
const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    clients: fc.array(client, { minLength: 0, maxLength: 4 }),
    idle: fc.integer({ min: 0, max: 40 }),
    pollSleepMs: fc.constantFrom(0, 0, 0, 0.01, 0.3),
    cores: fc.integer({ min: 1, max: 2 }),
    recvSize: fc.constantFrom(4, 1024),
    backlog: fc.integer({ min: 1, max: 64 }),
    fdLimit: fc.constantFrom(20, 1024),
    untilMs: fc.double({ min: 1, max: 15, noNaN: true }),
  })
  .map((g): Scenario => ({
    format: 'iolab/scenario@1',
    id: 'ff',
    title: { en: 'ff', zh: 'ff' },
    seed: g.seed,
    model: 'nonblocking',
    options: {
      pollSleepMs: g.pollSleepMs,
      cores: g.cores,
      recvSize: g.recvSize,
      backlog: g.backlog,
      fdLimit: g.fdLimit,
    },
    idleConnections: g.idle,
    untilMs: g.untilMs,
    clients: g.clients.map((c, i) => {
      const actions: ScenarioAction[] = [{ at: c.connectAt, do: 'connect' }];
      let at = c.connectAt;
      for (const [j, a] of c.acts.entries()) {
        at += c.gaps[j] ?? 0.5;
        actions.push({ at, ...a });
        if (a.do !== 'send') break;
      }
      return { name: `c${i}`, actions };
    }),
  }));

/** Runs a scenario metrics-only (or with its trace): the result without the trace, and the steps the kernel took. */
function run(s: Scenario, fastForward: boolean, keepTrace = false, maxEvents?: number) {
  const options = resolveOptions(s);
  const config = machineConfig(s, options, { keepTrace, ...(maxEvents ? { maxEvents } : {}) });
  const kernel = new Kernel({ ...config, fastForward });
  kernel.spawn('python3', serverModel(s.model, options).program({ options, port: SERVER_PORT }));
  let handled = 0;
  while (kernel.step()) handled++;
  const { trace: _trace, ...result } = kernel.result();
  const threads = [...kernel.threads.values()].map((t) => [t.tid, t.userNs, t.systemNs, t.state]);
  return { result, threads, handled };
}

describe('fast-forward of failed recv calls', () => {
  it('gives the same results as making every call, and skips work', () => {
    let skipped = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const fast = run(s, true);
        const slow = run(s, false);
        const traced = run(s, false, true);
        expect(fast.result).toEqual(slow.result);
        expect(fast.threads).toEqual(slow.threads);
        expect(fast.result).toEqual(traced.result);
        expect(fast.handled).toBeLessThanOrEqual(slow.handled);
        if (fast.handled < slow.handled) skipped++;
      }),
      { seed: SEED, numRuns: RUNS, ...(PATH !== undefined ? { path: PATH } : {}) },
    );
    // Most schedules have idle sockets that fail again and again: the shortcut must have been taken.
    expect(skipped).toBeGreaterThan(RUNS / 2);
  }, 120_000);

  it('stops exactly where the event cap stops a run made call by call', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 200, max: 30_000 }), (s, maxEvents) => {
        const fast = run(s, true, false, maxEvents);
        const slow = run(s, false, false, maxEvents);
        expect(fast.result).toEqual(slow.result);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
    );
  }, 120_000);

  it.each([0, 0.3])(
    'skips whole quiet rounds over 200 idle sockets (sleep %s ms a round) with the same CPU, calls and EAGAINs',
    (pollSleepMs) => {
      const s: Scenario = {
        format: 'iolab/scenario@1',
        id: 'ff-idle',
        title: { en: 'ff', zh: 'ff' },
        seed: 7,
        model: 'nonblocking',
        options: { backlog: 256, pollSleepMs },
        idleConnections: 200,
        clients: [
          {
            name: 'ann',
            actions: [
              { at: 1, do: 'connect' },
              { at: 150, do: 'send', data: 'late' },
            ],
          },
        ],
        untilMs: 300,
      };
      const fast = run(s, true);
      const slow = run(s, false);
      expect(fast.result).toEqual(slow.result);
      expect(fast.result.replies.map((r) => r.data)).toEqual(['LATE']);
      expect(fast.result.eagain).toBeGreaterThan(50_000);
      // Whole rounds are skipped too, not only the calls within a pass (those alone leave ~12 steps a round).
      expect(fast.handled * 30).toBeLessThan(slow.handled);
    },
  );
  it('keeps a pass proven quiet only while nothing arrives: data, a reset and a close while 300 clients are accepted', () => {
    // Each pass accepts one more client and asks the same sockets in the same places: the kernel
    // reuses the last pass's proof that they fail with EAGAIN until something reaches one of them.
    // ann's data, ben's reset and ann's close come while clients are still being accepted (it takes
    // longer than 0.6 ms): later, nothing reuses a proof and the case would test nothing (with the
    // epoch left unmoved on data, the old times at 2–6 ms still passed).
    const crowd = Array.from({ length: 300 }, (_, i) => ({
      name: `c${i}`,
      actions: [{ at: i < 5 ? 0 : 0.01, do: 'connect' as const }],
    }));
    const s: Scenario = {
      format: 'iolab/scenario@1',
      id: 'ff-accepting',
      title: { en: 'ff', zh: 'ff' },
      seed: 3,
      model: 'nonblocking',
      options: { backlog: 512 },
      clients: [
        ...crowd.slice(0, 5),
        {
          name: 'ann',
          actions: [
            { at: 0.005, do: 'connect' },
            { at: 0.2, do: 'send', data: 'early' },
            { at: 0.4, do: 'send', data: 'again' },
            { at: 0.6, do: 'close' },
          ],
        },
        {
          name: 'ben',
          actions: [
            { at: 0.005, do: 'connect' },
            { at: 0.3, do: 'reset' },
          ],
        },
        ...crowd.slice(5),
      ],
      untilMs: 30,
    };
    const fast = run(s, true);
    expect(fast.result).toEqual(run(s, false).result);
    expect(fast.result).toEqual(run(s, false, true).result);
    expect(fast.result.replies.map((r) => r.data)).toEqual(['EARLY', 'AGAIN']);
  }, 120_000);
});
