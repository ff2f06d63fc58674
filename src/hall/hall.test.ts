import { describe, expect, it } from 'vitest';
import {
  deskPoint,
  dist,
  DESK_DX,
  finishingMoments,
  route,
  routeLength,
  finishTimes,
  hallGeometry,
  hallScenario,
  MECHANISMS,
  PATTERNS,
  SELECT_MAX_CLASS,
  studentIndex,
  studentName,
  type Mechanism,
  type Pattern,
} from './hall.ts';
import { countersAtEvent, countersAtTime, hallTimeline, scanTour, teacherAtEvent } from './hall-trace.ts';
import { validateScenario } from '../scenarios/format.ts';
import { runScenario } from '../scenarios/run.ts';
import type { TraceEvent } from '../kernel/types.ts';

const run = (n: number, mech: Mechanism, pattern: Pattern, seed = 1) =>
  runScenario(hallScenario({ n, mech, pattern, seed }));

describe('the exam hall scenario', () => {
  it('is a valid scenario for every class size, mechanism and pattern', () => {
    for (const n of [1, 2, 30, 1020, 1021, 2500]) {
      for (const mech of MECHANISMS) {
        for (const pattern of PATTERNS) {
          const s = hallScenario({ n, mech, pattern, seed: 3 });
          const v = validateScenario(JSON.parse(JSON.stringify(s)));
          expect(v.ok, JSON.stringify(v.ok ? '' : v.problems.slice(0, 2))).toBe(true);
          expect(s.clients).toHaveLength(n);
          expect(s.model).toBe(mech);
        }
      }
    }
  });

  it('names students so that their number can be read back', () => {
    expect(studentIndex(studentName(0))).toBe(0);
    expect(studentIndex(studentName(1999))).toBe(1999);
    expect(studentIndex('idle1')).toBeNull();
  });

  it('same seed, same class; another seed, another order', () => {
    expect(finishTimes(30, 'one', 7)).toEqual(finishTimes(30, 'one', 7));
    expect(finishTimes(30, 'one', 7)).not.toEqual(finishTimes(30, 'one', 8));
  });

  it('one at a time: every paper at its own moment, ten milliseconds apart', () => {
    const times = finishTimes(30, 'one', 1)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(30);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(10);
  });

  it('several at once: groups of two to five within a few microseconds', () => {
    const times = finishTimes(30, 'several', 1).filter((x): x is number => x !== null);
    const groups = new Map<number, number>();
    for (const t of times) groups.set(Math.floor(t), (groups.get(Math.floor(t)) ?? 0) + 1);
    const sizes = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, size]) => size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(30);
    // The last group may be cut short by the end of the class.
    for (const size of sizes.slice(0, -1)) {
      expect(size).toBeGreaterThanOrEqual(2);
      expect(size).toBeLessThanOrEqual(5);
    }
  });

  it('a burst: the whole class within ten microseconds', () => {
    const times = finishTimes(200, 'burst', 1) as number[];
    expect(times.every((t) => t !== null)).toBe(true);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(0.01 + 1e-9);
  });

  it('a big class shows the first papers only (the rest are still writing), the same for both mechanisms', () => {
    expect(finishingMoments(30)).toBe(30);
    const m = finishingMoments(1000);
    expect(m).toBeLessThan(1000);
    expect(finishTimes(1000, 'one', 1).filter((t) => t !== null)).toHaveLength(m);
    expect(hallScenario({ n: 1000, mech: 'select', pattern: 'one', seed: 1 }).clients).toEqual(
      hallScenario({ n: 1000, mech: 'epoll', pattern: 'one', seed: 1 }).clients,
    );
  });
});

describe('the room', () => {
  it('has a desk for everyone, none on top of another, rows walked in order', () => {
    for (const n of [1, 7, 30, 1000]) {
      const g = hallGeometry(n);
      const seen = new Set<string>();
      for (let k = 0; k < n; k++) {
        const p = deskPoint(g, k);
        seen.add(`${p.x},${p.y}`);
        expect(p.x).toBeGreaterThan(0);
        expect(p.x).toBeLessThan(g.width);
        expect(p.y).toBeGreaterThan(g.teacher.y);
        expect(p.y).toBeLessThan(g.depth);
        // Snaking rows: the next desk along is one desk away, or the one behind.
        if (k > 0) expect(dist(deskPoint(g, k - 1), p)).toBeLessThanOrEqual(Math.max(DESK_DX, 1.5) + 1e-9);
      }
      expect(seen.size).toBe(n);
    }
  });

  it('a scan visits the door, then the desks in fd order', () => {
    expect(scanTour([7, 3, 5], (fd) => fd - 4)).toEqual(['door', 1, 3]);
  });
});

/** Independent sums straight from the trace (not through the timeline). */
function traceSums(trace: readonly TraceEvent[], upTo = trace.length - 1) {
  let checked = 0;
  let returned = 0;
  let copies = 0;
  let scans = 0;
  trace.slice(0, upTo + 1).forEach((ev) => {
    if (ev.type === 'select.scan') {
      checked += ev.watched.length;
      scans++;
    }
    if (ev.type === 'sys.exit' && ev.name === 'epoll_wait' && ev.ret > 0) returned += ev.ret;
    if (ev.type === 'copy' && ev.dir === 'to-user' && ev.bytes > 0) copies++;
  });
  return { checked, returned, copies, scans };
}

describe('the counters, from the trace', () => {
  for (const pattern of PATTERNS) {
    it(`${pattern}: select asks every fd on every scan, epoll only the named ones; both collect every paper`, () => {
      const sel = run(30, 'select', pattern);
      const ep = run(30, 'epoll', pattern);
      const a = countersAtEvent(hallTimeline(sel.trace, 30), sel.trace.length);
      const b = countersAtEvent(hallTimeline(ep.trace, 30), ep.trace.length);
      const sa = traceSums(sel.trace);
      const sb = traceSums(ep.trace);
      expect(a.questions).toBe(sa.checked);
      expect(b.questions).toBe(sb.returned);
      expect(a.papers).toBe(30);
      expect(b.papers).toBe(30);
      expect(a.papers).toBe(sa.copies);
      expect(a.questions).toBeGreaterThan(b.questions * 5);
      expect(a.walk).toBeGreaterThan(b.walk);
    });
  }

  it('counts up to any event and any moment, never going back', () => {
    const r = run(12, 'select', 'several');
    const tl = hallTimeline(r.trace, 12);
    let last = countersAtEvent(tl, -1);
    expect(last).toEqual({ questions: 0, walk: 0, papers: 0, waits: 0 });
    for (let i = 0; i < r.trace.length; i += 37) {
      const c = countersAtEvent(tl, i);
      expect(c.questions).toBe(traceSums(r.trace, i).checked);
      expect(c.papers).toBe(traceSums(r.trace, i).copies);
      expect(c.walk).toBeGreaterThanOrEqual(last.walk);
      // By time: everything at or before the event's time (later events at the same instant too).
      expect(countersAtTime(tl, r.trace[i]!.t).questions).toBeGreaterThanOrEqual(c.questions);
      last = c;
    }
  });

  it("the teacher is at the student's desk while the paper is copied, and back at the desk to wait", () => {
    const r = run(5, 'epoll', 'one');
    const tl = hallTimeline(r.trace, 5);
    const copy = r.trace.findIndex((ev) => ev.type === 'copy' && ev.dir === 'to-user');
    const at = teacherAtEvent(tl, copy).place;
    expect(typeof at).toBe('number');
    expect(tl.collectedAt[at as number]).toBe(copy);
    const wait = r.trace.findIndex(
      (ev, i) => i > copy && ev.type === 'sys.enter' && ev.name === 'epoll_wait',
    );
    expect(teacherAtEvent(tl, wait).place).toBe('desk');
  });

  it('select serves the largest class it can; one more student and Python refuses (FD_SETSIZE)', () => {
    expect(SELECT_MAX_CLASS).toBe(1020);
    const ok = run(SELECT_MAX_CLASS, 'select', 'burst');
    expect(hallTimeline(ok.trace, SELECT_MAX_CLASS).failed).toBeNull();
    const tooMany = run(SELECT_MAX_CLASS + 1, 'select', 'burst');
    const failed = hallTimeline(tooMany.trace, SELECT_MAX_CLASS + 1).failed;
    expect(failed?.python).toMatch(/ValueError: filedescriptor out of range in select\(\)/);
    // epoll takes the same class (the limit was raised for both, as a real server would).
    const ep = run(SELECT_MAX_CLASS + 1, 'epoll', 'burst');
    const tl = hallTimeline(ep.trace, SELECT_MAX_CLASS + 1);
    expect(tl.failed).toBeNull();
    expect(countersAtEvent(tl, ep.trace.length).papers).toBe(SELECT_MAX_CLASS + 1);
  }, 60_000);
});

describe("the teacher's way", () => {
  it('keeps to the aisles: straight along a row, by the side aisle between rows, never shorter than the straight line', () => {
    const g = hallGeometry(30);
    const along = route(g, 0, 1);
    expect(along).toHaveLength(2);
    expect(routeLength(along)).toBeCloseTo(DESK_DX);
    for (const [a, b] of [
      [0, 29],
      ['desk', 7],
      ['door', 12],
      [12, 'desk'],
      ['desk', 'door'],
    ] as const) {
      const r = route(g, a, b);
      // Every leg is horizontal or vertical.
      for (let i = 1; i < r.length; i++)
        expect(r[i]!.x === r[i - 1]!.x || r[i]!.y === r[i - 1]!.y).toBe(true);
      expect(routeLength(r)).toBeGreaterThanOrEqual(dist(r[0]!, r[r.length - 1]!) - 1e-9);
    }
  });
});
