/** Descriptor numbers: the lowest free one, whatever was opened and closed before (files->next_fd is only a hint). */
import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel.ts';
import { LINUX_CPYTHON_COSTS } from './costs.ts';
import { MS, type ProgramGen, type SysResult } from './types.ts';

function run(steps: ('open' | number)[], fdLimit = 1024): number[] {
  const got: number[] = [];
  const k = new Kernel({
    seed: 1,
    cores: 1,
    fdLimit,
    latencyNs: MS,
    costs: LINUX_CPYTHON_COSTS,
    untilNs: 100 * MS,
    maxEvents: 10_000,
    keepTrace: false,
    serverPort: 8080,
    clients: [],
  });
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
