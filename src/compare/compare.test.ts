import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MS } from '../kernel/types.ts';
import { validateScenario, type Model } from '../scenarios/format.ts';
import { runScenario } from '../scenarios/run.ts';
import {
  COMPARE_MODELS,
  DEFAULT_WORKLOAD,
  buildLane,
  compareScenario,
  intervalAt,
  laneStateAt,
  laneSummary,
  gapWeight,
  squeezeAxis,
  stepFrom,
  stepTimes,
  workloadActions,
  workloadEnd,
  type Lane,
} from './compare.ts';

const lanes = new Map<Model, Lane>();
function lane(model: Model): Lane {
  let l = lanes.get(model);
  if (!l) {
    l = buildLane(model, runScenario(compareScenario(model)).trace);
    lanes.set(model, l);
  }
  return l;
}
const replyAt = (l: Lane, client: string): number => l.replies.find((r) => r.client === client)!.t;
const closeAt = (client: string): number =>
  workloadActions().find((a) => a.client === client && a.do === 'close')!.t;
const main = (l: Lane) => l.threads.find((th) => th.role === 'main')!;

describe('the workload, one scenario per model', () => {
  it('is a valid scenario for every echo model, and every client gets its reply under each', () => {
    for (const model of COMPARE_MODELS) {
      const s = compareScenario(model);
      expect(validateScenario(s).ok, model).toBe(true);
      const l = lane(model);
      expect(l.replies.map((r) => r.client).sort(), model).toEqual(['ann', 'ben', 'cat']);
      expect(l.end).toBe(workloadEnd());
    }
  });

  it('ann is the slow one: she connects first and speaks last', () => {
    const acts = workloadActions(DEFAULT_WORKLOAD);
    const first = (c: string, d: string) => acts.find((a) => a.client === c && a.do === d)!.t;
    expect(first('ann', 'connect')).toBeLessThan(first('ben', 'connect'));
    expect(first('ann', 'send')).toBeGreaterThan(first('ben', 'send'));
    expect(first('ann', 'send')).toBeGreaterThan(first('cat', 'send'));
  });
});

describe('lanes', () => {
  it('blocking: the second client is answered only after the first one leaves', () => {
    const l = lane('blocking');
    expect(replyAt(l, 'ben')).toBeGreaterThan(closeAt('ann'));
    expect(replyAt(l, 'cat')).toBeGreaterThan(closeAt('ben'));
    // …while every other model answers ben before ann has even spoken.
    for (const m of COMPARE_MODELS.filter((x) => x !== 'blocking'))
      expect(replyAt(lane(m), 'ben'), m).toBeLessThan(replyAt(lane(m), 'ann'));
  });

  it('blocking: while ann is silent, the one thread waits for data in recvfrom', () => {
    const l = lane('blocking');
    const iv = intervalAt(main(l), 200 * MS)!;
    expect(iv.phase).toBe('waiting');
    expect(iv.call).toBe('recvfrom');
    expect(iv.on?.kind).toBe('recv');
  });

  it('epoll: the thread waits in epoll_wait, never in recv; each recv only copies', () => {
    const l = lane('epoll');
    const waits = main(l).intervals.filter((iv) => iv.phase === 'waiting');
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits.map((iv) => iv.call))).toEqual(new Set(['epoll_wait']));
    expect(main(l).intervals.some((iv) => iv.phase === 'copying' && iv.call === 'recvfrom')).toBe(true);
  });

  it('select and poll wait in their own calls; signal-driven waits in pause()', () => {
    const calls = (m: Model) =>
      new Set(
        lane(m).threads.flatMap((th) =>
          th.intervals.filter((iv) => iv.phase === 'waiting').map((iv) => iv.call),
        ),
      );
    expect(calls('select')).toEqual(new Set(['pselect6']));
    expect(calls('poll')).toEqual(new Set(['poll']));
    expect(calls('signal-driven')).toEqual(new Set(['pause']));
  });

  it('async-io: the thread never copies; the kernel copies the data while the thread waits for completions', () => {
    const l = lane('async-io');
    const all = l.threads.flatMap((th) => th.intervals);
    expect(all.some((iv) => iv.phase === 'copying')).toBe(false);
    expect(l.kernelCopies.length).toBeGreaterThanOrEqual(3);
    for (const c of l.kernelCopies) {
      const th = l.threads.find((x) => x.tid === c.tid)!;
      // At the moment of the copy the thread is blocked in io_uring_enter (the event is at the copy's time).
      const before = th.intervals.find((iv) => iv.start < c.t && iv.end >= c.t)!;
      expect(before.phase).toBe('waiting');
      expect(before.call).toBe('io_uring_enter');
    }
  });

  it('blocking models copy inside their own read call', () => {
    for (const m of ['blocking', 'select', 'thread-per-connection', 'nonblocking'] as const) {
      expect(
        lane(m)
          .threads.flatMap((th) => th.intervals)
          .some((iv) => iv.phase === 'copying' && iv.call === 'recvfrom'),
        m,
      ).toBe(true);
      expect(lane(m).kernelCopies, m).toEqual([]);
    }
  });

  it('nonblocking: never waits for data, it sleeps between rounds', () => {
    const l = lane('nonblocking');
    const ivs = main(l).intervals;
    expect(ivs.some((iv) => iv.phase === 'waiting')).toBe(false);
    expect(ivs.some((iv) => iv.phase === 'blocked' && iv.call === 'clock_nanosleep')).toBe(true);
  });

  it('threads: one thread per connection, each blocked in its own recv', () => {
    const l = lane('thread-per-connection');
    expect(l.threads.filter((th) => th.role === 'thread')).toHaveLength(3);
    const at = laneStateAt(l, 150 * MS);
    const waiting = at.threads.filter((s) => s.interval?.phase === 'waiting');
    expect(waiting.map((s) => s.interval!.call).sort()).toEqual([
      'accept4',
      'recvfrom',
      'recvfrom',
      'recvfrom',
    ]);
    expect(at.replies.map((r) => r.client)).toEqual(['ben']);
  });

  it('process per connection: a child per client, gone when its client leaves', () => {
    const l = lane('process-per-connection');
    const children = l.threads.filter((th) => th.role === 'child');
    expect(children).toHaveLength(3);
    expect(laneStateAt(l, 900 * MS).threads.map((s) => s.role)).toEqual(['main']);
  });

  it('intervals of a thread are ordered, positive and never overlap; the lane times include every boundary', () => {
    for (const m of COMPARE_MODELS) {
      const l = lane(m);
      for (const th of l.threads) {
        let last = -1;
        for (const iv of th.intervals) {
          expect(iv.end, m).toBeGreaterThan(iv.start);
          expect(iv.start, m).toBeGreaterThanOrEqual(last);
          last = iv.end;
          expect(l.times).toContain(iv.start);
        }
      }
      expect([...l.times].sort((a, b) => a - b)).toEqual(l.times);
    }
  });
});

describe('stepping in virtual time', () => {
  it('steps to the next and previous moment of any lane, and stops at the ends', () => {
    const times = stepTimes([lane('blocking'), lane('epoll')], workloadActions());
    expect(stepFrom(times, 0, 1)).toBe(times[1]);
    expect(stepFrom(times, times[5]!, -1)).toBe(times[4]);
    expect(stepFrom(times, times[times.length - 1]!, 1)).toBe(times[times.length - 1]);
    expect(stepFrom(times, 0, -1)).toBe(0);
    // From between two moments: to the neighbours.
    expect(stepFrom(times, times[3]! + 0.5, 1)).toBe(times[4]);
    expect(stepFrom(times, times[3]! + 0.5, -1)).toBe(times[3]);
    // Each lane's own changes are among the shared steps.
    for (const t of lane('epoll').times) expect(times).toContain(t);
  });
});

describe('the squeezed axis', () => {
  it('is monotonic and spans 0..1, with or without the lens; breaks mark the quiet stretches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 * MS }), { maxLength: 60 }),
        fc.option(fc.integer({ min: 0, max: 1000 * MS })),
        (raw, focus) => {
          const end = 1000 * MS;
          const sq = squeezeAxis(raw, end, focus);
          expect(sq.domain[0]).toBe(0);
          expect(sq.domain[sq.domain.length - 1]).toBe(end);
          expect(sq.range[0]).toBe(0);
          expect(sq.range[sq.range.length - 1]).toBe(1);
          expect(sq.range).toHaveLength(sq.domain.length);
          for (let i = 1; i < sq.domain.length; i++) {
            expect(sq.domain[i]!).toBeGreaterThan(sq.domain[i - 1]!);
            expect(sq.range[i]!).toBeGreaterThan(sq.range[i - 1]!);
          }
          for (const b of sq.breaks) expect(b.end - b.start).toBeGreaterThanOrEqual(MS);
        },
      ),
    );
  });

  it('draws a longer wait longer, and a microsecond copy visible beside a 200 ms wait; the lens widens it further', () => {
    expect(gapWeight(300 * MS)).toBeGreaterThan(gapWeight(50 * MS));
    expect(gapWeight(50 * MS)).toBeGreaterThan(gapWeight(1000));
    const l = lane('blocking');
    const copy = main(l).intervals.find((iv) => iv.phase === 'copying')!;
    const width = (focus: number | null): number => {
      const sq = squeezeAxis(l.times, l.end, focus);
      return sq.range[sq.domain.indexOf(copy.end)]! - sq.range[sq.domain.indexOf(copy.start)]!;
    };
    expect(width(null)).toBeGreaterThan(0.002); // > 2 px of 1000
    expect(width(copy.start)).toBeGreaterThan(2 * width(null));
    expect((copy.end - copy.start) / l.end).toBeLessThan(1e-6); // to scale it would be nothing
  });
});

describe('a lane in numbers', () => {
  it('says who copies, and how long the threads waited', () => {
    expect(laneSummary(lane('blocking')).copier).toBe('thread');
    expect(laneSummary(lane('async-io')).copier).toBe('kernel');
    const b = laneSummary(lane('blocking'));
    expect(b.threads).toBe(1);
    expect(b.waitingNs).toBeGreaterThan(500 * MS);
    expect(b.firstReply.ben).toBe(replyAt(lane('blocking'), 'ben'));
    expect(b.waitCalls).toEqual(['accept4', 'recvfrom']);
    expect(laneSummary(lane('epoll')).waitCalls).toEqual(['epoll_wait']);
    expect(laneSummary(lane('nonblocking')).waitCalls).toEqual([]);
    expect(laneSummary(lane('async-io')).waitCalls).toEqual(['io_uring_enter']);
  });
});
