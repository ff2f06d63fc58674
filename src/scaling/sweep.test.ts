import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, FD_SETSIZE, measurePoint, roundPoint, split, sweep, type Point } from './sweep.ts';
import { toCsv } from './metrics.ts';
import generated from './default-sweep.generated.json' with { type: 'json' };

const ok = (p: Point) => {
  if (!p.ok) throw new Error(`${p.model} at ${p.connections} stopped: ${p.stop.kind} ${p.stop.python ?? ''}`);
  return p;
};

describe('the C10K sweep, computed by the kernel', () => {
  it('select scans every fd: its kernel time per message grows linearly with idle connections', () => {
    const [a, b, c] = [10, 100, 1000].map((n) => ok(measurePoint('select', n)).metrics.scanNs);
    const slopeLow = (b! - a!) / 90;
    const slopeHigh = (c! - b!) / 900;
    expect(slopeLow).toBeGreaterThan(100); // ns per extra connection
    expect(slopeHigh / slopeLow).toBeGreaterThan(0.9);
    expect(slopeHigh / slopeLow).toBeLessThan(1.1);
    expect(c! / a!).toBeGreaterThan(30);
  });

  it('epoll_wait does not: its kernel time per message stays flat from 10 to 1,000 connections', () => {
    const [a, c] = [10, 1000].map((n) => ok(measurePoint('epoll', n)).metrics.scanNs);
    expect(c! / a!).toBeGreaterThan(0.9);
    expect(c! / a!).toBeLessThan(1.1);
  });

  it('past 10,000 the connections ramp up in waves the accept queue holds: epoll serves 30,000, as flat as at 1,000', () => {
    const p = ok(measurePoint('epoll', 30_000));
    expect(p.served).toBe(p.sent);
    expect(p.metrics.threads).toBe(1);
    const small = ok(measurePoint('epoll', 1000)).metrics.scanNs;
    expect(p.metrics.scanNs / small).toBeLessThan(1.1);
  });

  it('thread per connection: a thread each, its resident memory and its reserved stack grow with the connections', () => {
    const small = ok(measurePoint('thread-per-connection', 100)).metrics;
    const large = ok(measurePoint('thread-per-connection', 1000)).metrics;
    expect(large.threads - small.threads).toBe(900);
    expect(large.memoryBytes).toBeGreaterThan(small.memoryBytes + 900 * 16_000);
    expect(large.stackReservedBytes).toBe(large.threads * 8 * 1024 * 1024);
  });

  it('select stops at FD_SETSIZE: the connection that gets fd 1024 makes CPython raise ValueError', () => {
    const p = measurePoint('select', 3000);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.stop.kind).toBe('fd-setsize');
    expect(p.stop.python).toBe('ValueError: filedescriptor out of range in select()');
    expect(p.stop.accepted).toBe(FD_SETSIZE - 3); // fds 0-2 are stdio, 3 the listening socket: the 1021st connection gets fd 1024
    expect(ok(measurePoint('select', 1000)).served).toBe(ok(measurePoint('select', 1000)).sent);
    const points = [...sweep(['select'], DEFAULT_PARAMS, [100, 1000, 3000, 10000])];
    expect(points.map((q) => q.connections)).toEqual([100, 1000, 3000]); // nothing is run past the stop
  });

  it('a pool of 4 threads serves no one past 4 connections that never close', () => {
    const p = measurePoint('thread-pool', 30);
    expect(p.ok ? 'served' : p.stop.kind).toBe('starved');
  });

  it('the busy-polling loop burns a whole core: CPU per message is one second over the message rate', () => {
    const p = ok(measurePoint('nonblocking', 10, { ...DEFAULT_PARAMS, idleShare: 0 }));
    expect(p.metrics.cpuNs).toBeCloseTo(1e9 / (10 * DEFAULT_PARAMS.rate), -6);
  });

  it('the busy-polling loop is simulated up to 3,000 connections (its failed calls fast-forwarded), not past', () => {
    const p = ok(measurePoint('nonblocking', 3000));
    expect(p.served).toBe(p.sent);
    expect(p.metrics.load).toBeCloseTo(1, 3);
    const past = measurePoint('nonblocking', 3001);
    expect(past.ok ? 'ran' : past.stop.kind).toBe('too-slow');
  });

  it('idle share and rate split the connections as documented', () => {
    expect(split(1, 0.9)).toEqual({ active: 1, idle: 0 });
    expect(split(1000, 0.9)).toEqual({ active: 100, idle: 900 });
    expect(split(10, 0.99)).toEqual({ active: 1, idle: 9 });
  });

  it('the shipped default sweep is fresh (a few points recomputed)', () => {
    expect(generated.params).toEqual(DEFAULT_PARAMS);
    for (const [model, n] of [
      ['select', 100],
      ['epoll', 300],
      ['thread-per-connection', 30],
      ['nonblocking', 1000],
    ] as const) {
      const shipped = (generated.points as Point[]).find((p) => p.model === model && p.connections === n);
      expect(shipped).toEqual(roundPoint(measurePoint(model, n)));
    }
  });

  it('CSV: one row per point, the stop and its reason in words', () => {
    const csv = toCsv([ok(measurePoint('epoll', 10)), measurePoint('select', 3000)], DEFAULT_PARAMS);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('cpu_ns_per_message');
    expect(lines[1]).toMatch(/^epoll,10,/);
    expect(lines[2]).toContain('fd-setsize,ValueError: filedescriptor out of range in select()');
  });
});
