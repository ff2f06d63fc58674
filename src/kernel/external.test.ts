/** A program whose steps come from outside the simulation (a real interpreter): park and resume. */
import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel.ts';
import { LINUX_CPYTHON_COSTS } from './costs.ts';
import { MS, type Req, type SysCall, type SysResult } from './types.ts';

/** Drives the kernel as a bridge from a blocking interpreter would: one call at a time. */
function externalServer(kernel: Kernel) {
  const queue: Req[] = [];
  let result: SysResult | null = null;
  let tid = -1;
  function* program(): Generator<Req, void, SysResult> {
    for (;;) {
      const req = queue.shift();
      if (!req) {
        yield { kind: 'park' };
        continue;
      }
      const r = yield req;
      if (req.kind === 'sys') result = r;
    }
  }
  return {
    start() {
      tid = kernel.spawn('python3', program);
    },
    /** Runs the simulation until the call returns, as a blocking call in the interpreter would. */
    call(call: SysCall, line: number): SysResult {
      queue.push({ kind: 'py', line, ns: 1000 }, { kind: 'sys', call, line });
      result = null;
      if (kernel.threads.get(tid)!.parked) kernel.resume(tid);
      while (result === null) if (!kernel.step()) throw new Error('the run ended inside a call');
      return result;
    },
  };
}

describe('a program driven from outside the simulation', () => {
  it('serves an echo client with one blocking call at a time, in virtual time', () => {
    const kernel = new Kernel({
      seed: 1,
      cores: 1,
      fdLimit: 1024,
      latencyNs: MS,
      costs: LINUX_CPYTHON_COSTS,
      untilNs: 2000 * MS,
      maxEvents: 100_000,
      keepTrace: true,
      serverPort: 8080,
      clients: [
        {
          name: 'ann',
          actions: [
            { atNs: 10 * MS, do: 'connect' },
            { atNs: 20 * MS, do: 'send', data: 'hi' },
          ],
        },
      ],
    });
    const server = externalServer(kernel);
    server.start();
    const fd = server.call({ name: 'socket' }, 1).ret;
    server.call({ name: 'bind', fd, port: 8080 }, 2);
    server.call({ name: 'listen', fd, backlog: 5 }, 3);
    const conn = server.call({ name: 'accept4', fd }, 4).ret;
    expect(kernel.now).toBeGreaterThan(10 * MS); // it slept until ann connected
    const got = server.call({ name: 'recvfrom', fd: conn, size: 1024 }, 5);
    expect(got.data).toBe('hi');
    server.call({ name: 'sendto', fd: conn, data: 'HI' }, 6);
    kernel.run();
    expect(kernel.replies.map((r) => r.data)).toEqual(['HI']);
    expect(kernel.trace.filter((e) => e.type === 'py').map((e) => (e as { line: number }).line)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    ]);
  });
});
