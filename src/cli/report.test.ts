/** How a run that stops early says what it left undone (summary, JSON, and the CLI's stderr). */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../scenarios/run.ts';
import { SCENARIO_FORMAT, defaultUntilMs, type Scenario } from '../scenarios/format.ts';
import { decodeUtf8 } from '../kernel/bytes.ts';
import { pendingWarning, toJsonReport, toSummary } from './report.ts';

const base = { format: SCENARIO_FORMAT, title: { en: 't', zh: 't' }, seed: 1 } as const;

describe('work left pending when a run stops', () => {
  it('a blocking server busy with one client leaves the next one queued and its bytes unread: the summary and JSON say so', () => {
    const s: Scenario = {
      ...base,
      id: 'pending',
      model: 'blocking',
      untilMs: 400,
      clients: [
        {
          name: 'ann',
          actions: [
            { at: 0, do: 'connect' },
            { at: 10, do: 'send', data: 'hold' },
          ],
        },
        {
          name: 'ben',
          actions: [
            { at: 20, do: 'connect' },
            { at: 30, do: 'send', data: 'waiting' },
          ],
        },
      ],
    };
    const run = runScenario(s);
    expect(run.pending).toEqual({ unreadBytes: 0, waitingConnections: 1, operatorAnswers: 0 });
    expect(toJsonReport(run).pending.waitingConnections).toBe(1);
    expect(toSummary(run)).toContain('work pending: 1 connection waiting in the accept queue');
  });

  it('a run that finished its work has no warning', () => {
    const s: Scenario = {
      ...base,
      id: 'done',
      model: 'select',
      clients: [
        {
          name: 'ann',
          actions: [
            { at: 0, do: 'connect' },
            { at: 10, do: 'send', data: 'hi' },
            { at: 20, do: 'close' },
          ],
        },
      ],
    };
    expect(pendingWarning(runScenario(s))).toBeNull();
  });

  it('the chat room runs long enough by default for the operator to answer every message', () => {
    const say = (name: string, at: number) => ({
      name,
      actions: [
        { at, do: 'connect' as const },
        { at: at + 10, do: 'send' as const, data: `hi from ${name}` },
      ],
    });
    const s: Scenario = {
      ...base,
      id: 'chat',
      model: 'select-chat',
      clients: [say('ann', 0), say('ben', 5), say('cat', 10)],
    };
    expect(defaultUntilMs(s)).toBe(20 + 3 * 1000 + 1000);
    const run = runScenario(s);
    expect(run.replies.map((r) => decodeUtf8(r.data))).toHaveLength(3);
    expect(run.pending.operatorAnswers).toBe(0);
  });
});

describe('summaries and JSON without the trace', () => {
  // The CLI keeps the trace only for --format strace: the other two come from the kernel's counters.
  it('are the same, byte for byte, as with the trace kept: every shipped scenario and 40 generated ones', async () => {
    const { SCENARIOS } = await import('../scenarios/index.ts');
    const { generatedScenarios } = await import('./golden.ts');
    for (const s of [...SCENARIOS.filter((x) => x.model !== 'python'), ...generatedScenarios(40)]) {
      const kept = runScenario(s, { keepTrace: true });
      const lean = runScenario(s, { keepTrace: false });
      expect(lean.trace, s.id).toHaveLength(0);
      expect(toSummary(lean), s.id).toBe(toSummary(kept));
      expect(JSON.stringify(toJsonReport(lean)), s.id).toBe(JSON.stringify(toJsonReport(kept)));
    }
  });
});
