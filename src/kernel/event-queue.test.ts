import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';

interface Ev {
  t: number;
  seq: number;
}

/** A small seeded generator (tests never use Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const byTimeThenSeq = (a: Ev, b: Ev): number => a.t - b.t || a.seq - b.seq;

describe('EventQueue', () => {
  it('pops by (time, sequence) under random pushes and pops, many sharing a time', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = lcg(seed);
      const q = new EventQueue<Ev>();
      const model: Ev[] = [];
      let seq = 0;
      let now = 0;
      for (let op = 0; op < 3000; op++) {
        if (rand() < 0.55 || model.length === 0) {
          // Few distinct times, so buckets fill; sometimes an out-of-order sequence number.
          const t = now + Math.floor(rand() * 8) * 1000;
          const ev = { t, seq: rand() < 0.05 ? seq - Math.floor(rand() * 50) - 0.5 : seq };
          seq++;
          q.push(ev);
          model.push(ev);
        } else {
          model.sort(byTimeThenSeq);
          expect(q.peek()).toBe(model[0]);
          const got = q.pop()!;
          expect(got).toBe(model.shift());
          now = got.t;
        }
        expect(q.size).toBe(model.length);
      }
      model.sort(byTimeThenSeq);
      const rest: Ev[] = [];
      while (q.size > 0) rest.push(q.pop()!);
      expect(rest).toEqual(model);
      expect(q.peek()).toBeUndefined();
      expect(q.pop()).toBeUndefined();
    }
  });

  it('keeps a later push at an earlier time ahead of a crowd already queued', () => {
    const q = new EventQueue<Ev>();
    for (let i = 0; i < 5; i++) q.push({ t: 100, seq: i });
    q.push({ t: 50, seq: 5 });
    expect(q.pop()).toEqual({ t: 50, seq: 5 });
    expect([q.pop()!.seq, q.pop()!.seq]).toEqual([0, 1]);
    q.push({ t: 100, seq: 6 });
    q.push({ t: 20, seq: 7 });
    expect(q.pop()).toEqual({ t: 20, seq: 7 });
    expect([q.pop(), q.pop(), q.pop(), q.pop()].map((e) => e!.seq)).toEqual([2, 3, 4, 6]);
  });
});
