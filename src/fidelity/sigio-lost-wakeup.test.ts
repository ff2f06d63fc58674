/**
 * The signal-driven listing's lost wakeup, on real Linux and in the simulator.
 *
 * The soak (npm run soak, seed 18) found a schedule in which ann's byte is never echoed:
 * fixtures/fidelity/evidence/sigio-lost-wakeup.json. Her SIGIO lands after the server's
 * `if not ready:` test and before `signal.pause()`: CPython's C handler only sets a flag, the
 * Python handler that would set `ready` runs when pause() returns, and pause() waits for the next
 * SIGIO, which never comes. A scripted recording cannot land in that sub-microsecond window
 * (record.py --serial waits for the server to sleep before each action: it echoes ann), so
 * tools/record-strace/sigio_race.py provoked it with the unmodified listing under strace:
 * fixtures/fidelity/evidence/sigio-lost-wakeup.strace is an excerpt of that recording (its
 * start-up, then the lost wakeup 239 s later). The property test allows exactly this
 * (Analysis.lostWakeupClients in properties.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalize, parseStrace } from './strace.ts';
import { simulate } from './differential.ts';
import { validateScenario } from '../scenarios/format.ts';

const evidence = (name: string) =>
  readFileSync(new URL(`../../fixtures/fidelity/evidence/${name}`, import.meta.url), 'utf8');
const mainLines = (strace: string): string[] => normalize(parseStrace(strace), { maxBlock: 0 })[0]!.lines;

/** Where a SIGIO was handled right before pause(), after a recvfrom found nothing: the lost wakeup. */
const lostWakeups = (lines: readonly string[]): number[] =>
  lines.flatMap((l, i) =>
    l.startsWith('--- SIGIO') &&
    lines[i + 1]?.startsWith('pause()') &&
    /= -1 EAGAIN$/.test(lines[i - 1] ?? '')
      ? [i]
      : [],
  );

describe('a SIGIO between `if not ready:` and signal.pause() is lost', () => {
  it('on real Linux: pause() sleeps with B’s byte unread until the next SIGIO', () => {
    const text = evidence('sigio-lost-wakeup.strace');
    const lines = mainLines(text);
    const [at] = lostWakeups(lines);
    expect(at, 'the recording shows a SIGIO handled right before pause()').toBeDefined();
    expect(lines[at! - 1]).toMatch(/^recvfrom\(5, _, .*= -1 EAGAIN$/);
    // B's byte (fd 5) is read only in the round after the next SIGIO.
    const after = lines.slice(at! + 2);
    expect(after[0]).toMatch(/^--- SIGIO/);
    expect(after.findIndex((l) => l.startsWith('recvfrom(5, "b"'))).toBeGreaterThan(0);
    // The raw lines: the handled SIGIO interrupted Python (rt_sigreturn gives back a register,
    // not EINTR), and pause() then slept for the sigio_race.py client's whole 0.2 s wait.
    const records = parseStrace(text);
    const pauses = records.filter((r) => r.name === 'pause');
    const lost = pauses.find((p) => {
      const before = records[records.indexOf(p) - 1]!;
      return before.name === 'rt_sigreturn' && !before.result.includes('EINTR');
    })!;
    const woke = records[records.indexOf(lost) + 1]!;
    expect(woke.kind).toBe('signal');
    expect(woke.timeS - lost.timeS).toBeGreaterThan(0.2);
  });

  it('in the simulator: the soak’s schedule ends asleep in that pause(), ann’s byte unread', () => {
    const v = validateScenario(JSON.parse(evidence('sigio-lost-wakeup.json')));
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const sim = simulate(v.scenario);
    const lines = mainLines(sim.strace);
    expect(lostWakeups(lines)).toEqual([lines.length - 2]);
    expect(lines.at(-1)).toBe('pause() = ?');
    expect(sim.replies.filter((r) => r.client === 'ann')).toEqual([]);
  });
});
