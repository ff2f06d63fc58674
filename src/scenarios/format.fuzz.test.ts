/**
 * Fuzzing the scenario parser (fast-check): any text, any JSON value, and valid scenarios with
 * one field replaced by anything. `parseScenario` never throws; a refusal names a field for
 * every problem; what it accepts runs in the simulator without throwing (a run bounded in events).
 * The validator's work is bounded by its limits (a list past its limit is not read past it); no
 * wall clock here: how long parsing takes is measured by `npm run bench` (bench/inputs.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, validateScenario, type Validation } from './format.ts';
import { SCENARIOS } from './index.ts';
import { runScenario } from './run.ts';

function sane(v: Validation): void {
  if (v.ok) return;
  expect(v.problems.length).toBeGreaterThan(0);
  for (const p of v.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.path.length).toBeGreaterThan(0);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

function checked(text: string): Validation {
  const v = parseScenario(text);
  sane(v);
  return v;
}

const FIELDS = [
  'format',
  'id',
  'title',
  'description',
  'seed',
  'model',
  'options',
  'clients',
  'idleConnections',
  'untilMs',
];
const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 0, 1e308, -0, 4294967296, '', 'epoll', [], {}, { en: '' }, [{}], {
    __proto__: { x: 1 },
  }),
  fc.double(),
  fc.string({ maxLength: 30 }),
);

describe('parseScenario under fuzzing', () => {
  it('any text: never throws, every problem names its field', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checked(text);
      }),
      { numRuns: 1500, seed: 1 },
    );
  });

  it('any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        checked(JSON.stringify(value) ?? 'null');
      }),
      { numRuns: 1500, seed: 2 },
    );
  });

  it('a shipped scenario with a field, an option, a client or an action replaced by anything', () => {
    const cases = fc.record({
      base: fc.constantFrom(...SCENARIOS),
      where: fc.constantFrom('top', 'option', 'client', 'action'),
      key: fc.oneof(
        fc.constantFrom(
          ...FIELDS,
          'poolSize',
          'recvSize',
          'backlog',
          'timeoutMs',
          'name',
          'actions',
          'at',
          'do',
          'data',
        ),
        fc.string({ maxLength: 8 }),
      ),
      value: weird,
    });
    fc.assert(
      fc.property(cases, ({ base, where, key, value }) => {
        const s = structuredClone(base) as unknown as Record<string, unknown> & {
          options?: Record<string, unknown>;
          clients: Record<string, unknown>[];
        };
        if (where === 'top') s[key] = value;
        else if (where === 'option') s.options = { ...(s.options ?? {}), [key]: value };
        else if (where === 'client' && s.clients[0]) s.clients[0][key] = value;
        else if (where === 'action' && s.clients[0])
          (s.clients[0].actions as Record<string, unknown>[])[0]![key] = value;
        const v = checked(JSON.stringify(s));
        if (v.ok) {
          // Accepted: it runs (a short, bounded run) without throwing.
          const run = runScenario(v.scenario, { keepTrace: false, maxEvents: 20_000 });
          expect(run.events).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it('huge inputs are refused in words, not by a crash, and not read past the limit', () => {
    const clients: Record<string, unknown>[] = Array.from({ length: 20_001 }, (_, i) => ({
      name: `c${i}`,
      actions: [],
    }));
    // The client past the limit of 20,000 tells whether the validator read it.
    let readPastLimit = false;
    Object.defineProperty(clients[20_000], 'name', {
      enumerable: true,
      get: () => {
        readPastLimit = true;
        return 'late';
      },
    });
    const many = { ...SCENARIOS[0]!, clients };
    const v = validateScenario(many);
    expect(readPastLimit).toBe(false);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]!.path).toBe('clients');
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const d = parseScenario(deep);
    expect(d.ok).toBe(false);
  });
});
