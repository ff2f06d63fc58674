/** The syscall table says what each call is; every shipped run must agree with it. */
import { describe, expect, it } from 'vitest';
import { SYSCALLS } from '../kernel/syscall-table.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { runScenario } from '../scenarios/run.ts';

describe('the syscall table agrees with what the kernel does', () => {
  const runs = SCENARIOS.map((s) => ({ id: s.id, trace: runScenario(s).trace }));

  it('every call that slept in a shipped run is marked as one that can sleep', () => {
    const slept = new Set(
      runs.flatMap((r) => r.trace.flatMap((e) => (e.type === 'sys.block' ? [e.name] : []))),
    );
    expect([...slept].filter((name) => !SYSCALLS[name].sleeps)).toEqual([]);
    // and the table's sleepers are not a guess: each of them slept somewhere
    const sleepers = Object.entries(SYSCALLS)
      .filter(([, f]) => f.sleeps)
      .map(([name]) => name);
    expect(sleepers.filter((name) => !slept.has(name as keyof typeof SYSCALLS)).sort()).toEqual([]);
  });

  it('every copy made inside a call goes the way the table says the call copies', () => {
    const wrong: string[] = [];
    for (const { id, trace } of runs) {
      const inCall = new Map<number, keyof typeof SYSCALLS>();
      for (const e of trace) {
        if (e.type === 'sys.enter') inCall.set(e.tid, e.name);
        if (e.type === 'sys.exit') inCall.delete(e.tid);
        if (e.type === 'copy' && !e.byKernel) {
          const name = inCall.get(e.tid);
          if (!name || SYSCALLS[name].copies !== e.dir)
            wrong.push(`${id}: ${e.dir} copy in ${name ?? 'no call'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
