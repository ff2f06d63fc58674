import { describe, expect, it } from 'vitest';
import { SCENARIOS, findScenario } from './index.ts';
import { runScenario, msToNs } from './run.ts';
import { indexTrace } from '../kernel/trace-index.ts';
import { decodeUtf8 } from '../kernel/bytes.ts';
import type { Scenario } from './format.ts';
import {
  actionAtMs,
  addAction,
  checkAddition,
  decodeAdditions,
  encodeAdditions,
  mergeAdditions,
  newClientName,
  removeAddition,
  withAdditions,
  type Addition,
} from './student.ts';

const shipped = (id: string): Scenario => {
  const s = findScenario(id);
  if (!s) throw new Error(id);
  return s;
};

/** The time a student acts at step k of a run: 1 ns after the step's last event. */
function atStep(s: Scenario, k: number): { at: number; index: ReturnType<typeof indexTrace> } {
  const run = runScenario(s);
  const index = indexTrace(run.trace, run.options.cores);
  const end = k + 1 < index.stepStart.length ? index.stepStart[k + 1]! : run.trace.length;
  return { at: actionAtMs(run.trace[end - 1]!.t), index };
}

describe('the time of an added action', () => {
  it('is 1 ns after the step, exactly, at the precision the format keeps', () => {
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2_147_483_648;
      const tNs = (x * 1677) % 3_599_000_000_000;
      const at = actionAtMs(tNs);
      expect(msToNs(at)).toBe(tNs + 1);
      const back = decodeAdditions(encodeAdditions([{ client: 'you', at, do: 'connect' }]));
      expect(back).toEqual({ ok: true, additions: [{ client: 'you', at, do: 'connect' }] });
    }
  });

  it('names a new client "you", then "you2"…', () => {
    const s = shipped('select');
    expect(newClientName(s)).toBe('you');
    const withYou = mergeAdditions(s, [{ client: 'you', at: 1, do: 'connect' }]);
    expect(newClientName(withYou)).toBe('you2');
  });
});

describe('the add= parameter', () => {
  it('round-trips names and messages with separators, escapes, spaces and Chinese', () => {
    const additions: Addition[] = [
      { client: 'you', at: 0.000001, do: 'connect' },
      { client: 'you', at: 12.5, do: 'send', data: 'a_b*c%d 50%_*你好' },
      { client: 'my_client', at: 1000, do: 'connect' },
      { client: 'my_client', at: 3600000, do: 'reset' },
      { client: 'you', at: 13, do: 'close' },
    ];
    const text = encodeAdditions(additions);
    expect(text).toBe(
      'you_c0.000001*you_s12.5_a%5Fb%2Ac%25d 50%25%5F%2A你好*my%5Fclient_c1000*my%5Fclient_r3600000*you_x13',
    );
    expect(decodeAdditions(text)).toEqual({ ok: true, additions });
    // Through the URL and back: URLSearchParams takes care of the rest.
    const url = new URLSearchParams({ add: text }).toString();
    expect(new URLSearchParams(url).get('add')).toBe(text);
  });
});

describe('merging the additions into the scenario', () => {
  it("puts each action at its time in its client's list, a new client at the end, and keeps room after it", () => {
    const base = shipped('select'); // ann: connect 0, send 100, send 500, close 900; untilMs 1200
    const merged = mergeAdditions(base, [
      { client: 'ann', at: 300, do: 'send', data: 'extra' },
      { client: 'you', at: 1150, do: 'connect' },
    ]);
    expect(merged.clients[0]!.actions.map((a) => a.at)).toEqual([0, 100, 300, 500, 900]);
    expect(merged.clients.map((c) => c.name)).toEqual(['ann', 'ben', 'cat', 'you']);
    expect(merged.untilMs).toBe(2150);
    expect(base.clients[0]!.actions).toHaveLength(4); // the shipped scenario is untouched
    expect(withAdditions(base, [{ client: 'you', at: 1, do: 'connect' }]).ok).toBe(true);
  });

  it('explains actions that make no sense, and the validator catches the rest', () => {
    const base = shipped('select');
    const problem = (adds: Addition[], next: Addition) => checkAddition(base, adds, next)?.key ?? null;
    const you = (at: number, act: Addition['do'], data?: string): Addition => ({
      client: 'you',
      at,
      do: act,
      ...(data !== undefined ? { data } : {}),
    });
    expect(problem([], you(10, 'send', 'hi'))).toBe('student.problem.connectFirst');
    expect(problem([], you(10, 'close'))).toBe('student.problem.connectFirst');
    expect(problem([you(10, 'connect')], you(20, 'connect'))).toBe('student.problem.connectOnce');
    expect(problem([you(10, 'connect')], you(20, 'send', ''))).toBe('student.problem.empty');
    expect(problem([you(10, 'connect')], you(20, 'send', 'x'.repeat(65_537)))).toBe(
      'student.problem.tooLong',
    );
    expect(problem([you(10, 'connect'), you(15, 'close')], you(20, 'send', 'hi'))).toBe(
      'student.problem.ended',
    );
    expect(problem([you(10, 'connect')], you(20, 'send', 'hi'))).toBeNull();
    // ann still sends at 500 and closes at 900: closing her at 300 would leave those after the close.
    expect(problem([], { client: 'ann', at: 300, do: 'close' })).toBe('student.problem.laterActions');
    expect(problem([], { client: 'ann', at: 950, do: 'send', data: 'late' })).toBe('student.problem.ended');
    expect(problem([], { client: 'ann', at: 50, do: 'connect' })).toBe('student.problem.connectOnce');

    const ok = addAction(base, [you(10, 'connect')], you(20, 'send', 'hi'));
    expect(ok.ok && ok.additions).toHaveLength(2);
    const refused = addAction(base, [], you(10, 'send', 'hi'));
    expect(refused).toEqual({
      ok: false,
      problem: { key: 'student.problem.connectFirst', params: { client: 'you' } },
    });
  });

  it("takes back one action, or a new client's connect with everything that client did", () => {
    const base = shipped('select');
    const adds: Addition[] = [
      { client: 'you', at: 10, do: 'connect' },
      { client: 'ann', at: 120, do: 'send', data: 'a' },
      { client: 'you', at: 20, do: 'send', data: 'b' },
      { client: 'you', at: 30, do: 'close' },
    ];
    expect(removeAddition(base, adds, 3)).toEqual(adds.slice(0, 3));
    expect(removeAddition(base, adds, 0)).toEqual([adds[1]]);
    expect(removeAddition(base, adds, 1)).toEqual([adds[0], adds[2], adds[3]]);
    expect(removeAddition(base, adds, 9)).toEqual(adds);
  });
});

describe('a run with added actions', () => {
  const cases: [string, number][] = [
    ['select', 0.3],
    ['blocking-two-clients', 0.5],
    ['epoll-level', 0.6],
    ['thread-pool', 0.2],
    ['asyncio', 0.7],
    ['select-chat', 0.4],
    ['nonblocking', 0.5],
  ];
  for (const [id, where] of cases) {
    it(`${id}: is the same up to the step where the student acted, and answers the student after it`, () => {
      const base = shipped(id);
      const { index: before } = atStep(base, 0);
      const k = Math.floor(before.steps * where);
      const { at } = atStep(base, k);
      const you = newClientName(base);
      const added = addAction(base, [{ client: you, at, do: 'connect' }], {
        client: you,
        at,
        do: 'send',
        data: 'ping me',
      });
      expect(added.ok).toBe(true);
      if (!added.ok) return;
      const run = runScenario(added.scenario);
      const after = indexTrace(run.trace, run.options.cores);
      const atNs = msToNs(at);
      const prefix = (trace: readonly (typeof run.trace)[number][]) =>
        trace.filter((e) => e.t < atNs && e.type !== 'stop');
      expect(prefix(run.trace)).toEqual(prefix(before.trace));
      expect(after.stepStart.slice(0, k + 1)).toEqual(before.stepStart.slice(0, k + 1));
      expect(after.viewAt(k)).toEqual(before.viewAt(k));
      // The server saw the message and answered it (the chat room's operator answers in its own words).
      const got = run.trace.filter((e) => e.type === 'client.reply' && e.client === you);
      expect(got.length).toBeGreaterThan(0);
      if (base.model !== 'select-chat')
        expect(got.map((e) => (e.type === 'client.reply' ? decodeUtf8(e.data) : '')).join('')).toBe(
          'PING ME',
        );
      expect(
        run.trace.some((e) => e.type === 'sys.exit' && /(recvfrom|read)\(.*"ping me"/.test(e.strace)),
      ).toBe(true);
    });
  }

  it('every shipped scenario accepts a new client at its middle step', () => {
    for (const base of SCENARIOS) {
      const { index } = atStep(base, 0);
      const { at } = atStep(base, Math.floor(index.steps / 2));
      const v = withAdditions(base, [{ client: newClientName(base), at, do: 'connect' }]);
      expect(v.ok, base.id).toBe(true);
    }
  });
});
