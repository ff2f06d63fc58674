/** Wait-queue facts, on a kernel driven by small programs (no scenario). */
import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel.ts';
import { LINUX_CPYTHON_COSTS } from './costs.ts';
import { MS, type ProgramGen, type SysResult } from './types.ts';

function machine(connectAtMs: number[]): Kernel {
  return new Kernel({
    seed: 1,
    cores: 2,
    fdLimit: 1024,
    latencyNs: MS,
    costs: LINUX_CPYTHON_COSTS,
    untilNs: 500 * MS,
    maxEvents: 100_000,
    keepTrace: true,
    serverPort: 8080,
    clients: connectAtMs.map((at, i) => ({
      name: `c${i}`,
      actions: [{ atNs: at * MS, do: 'connect' as const }],
    })),
  });
}

describe('wait queues', () => {
  it('wakes one of the threads blocked in accept() on a new connection, not all (exclusive wait)', () => {
    const k = machine([50]);
    let listenFd = -1;
    function* worker(): ProgramGen {
      yield { kind: 'sys', call: { name: 'accept4', fd: listenFd }, line: 2 };
    }
    k.spawn('python3', function* (): ProgramGen {
      const s: SysResult = yield { kind: 'sys', call: { name: 'socket' }, line: 1 };
      listenFd = s.ret;
      yield { kind: 'sys', call: { name: 'bind', fd: listenFd, port: 8080 }, line: 1 };
      yield { kind: 'sys', call: { name: 'listen', fd: listenFd, backlog: 5 }, line: 1 };
      for (let i = 0; i < 3; i++)
        yield { kind: 'sys', call: { name: 'clone3', program: worker, threadName: `w${i}` }, line: 1 };
      yield { kind: 'sys', call: { name: 'clock_nanosleep', ns: 1000 * MS }, line: 3 };
    });
    k.run();
    const woken = k.trace.filter((e) => e.type === 'sys.wake' && e.name === 'accept4');
    expect(woken).toHaveLength(1);
    const stillWaiting = [...k.threads.values()].filter(
      (t) => t.state === 'blocked' && t.on?.kind === 'accept',
    );
    expect(stillWaiting).toHaveLength(2);
  });
});
