/**
 * Fuzzing the scenario parser (fast-check): any text, any JSON value, and valid scenarios with
 * one field replaced by anything. `parseScenario` never throws and returns quickly; a refusal
 * names a field for every problem; what it accepts runs in the simulator without throwing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, validateScenario, type Validation } from './format.ts';
import { SCENARIOS } from './index.ts';
import { runScenario } from './run.ts';

function sane(v: Validation, ms: number): void {
  expect(ms).toBeLessThan(500);
  if (v.ok) return;
  expect(v.problems.length).toBeGreaterThan(0);
  for (const p of v.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.path.length).toBeGreaterThan(0);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

function timed(text: string): Validation {
  const t0 = performance.now();
  const v = parseScenario(text);
  sane(v, performance.now() - t0);
  return v;
}

const FIELDS = ['format', 'id', 'title', 'description', 'seed', 'model', 'options', 'clients', 'idleConnections', 'untilMs'];
const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 0, 1e308, -0, 4294967296, '', 'epoll', [], {}, { en: '' }, [{}], { __proto__: { x: 1 } }),
  fc.double(),
  fc.string({ maxLength: 30 }),
);

describe('parseScenario under fuzzing', () => {
  it('any text: never throws, answers quickly, every problem names its field', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => { timed(text); }), { numRuns: 1500, seed: 1 });
  });

  it('any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => { timed(JSON.stringify(value) ?? 'null'); }), { numRuns: 1500, seed: 2 });
  });

  it('a shipped scenario with a field, an option, a client or an action replaced by anything', () => {
    const cases = fc.record({
      base: fc.constantFrom(...SCENARIOS),
      where: fc.constantFrom('top', 'option', 'client', 'action'),
      key: fc.oneof(fc.constantFrom(...FIELDS, 'poolSize', 'recvSize', 'backlog', 'timeoutMs', 'name', 'actions', 'at', 'do', 'data'), fc.string({ maxLength: 8 })),
      value: weird,
    });
    fc.assert(fc.property(cases, ({ base, where, key, value }) => {
      const s = structuredClone(base) as unknown as Record<string, unknown> & { options?: Record<string, unknown>; clients: Record<string, unknown>[] };
      if (where === 'top') s[key] = value;
      else if (where === 'option') s.options = { ...(s.options ?? {}), [key]: value };
      else if (where === 'client' && s.clients[0]) s.clients[0][key] = value;
      else if (where === 'action' && s.clients[0]) (s.clients[0].actions as Record<string, unknown>[])[0]![key] = value;
      const v = timed(JSON.stringify(s));
      if (v.ok) {
        // Accepted: it runs (a short, bounded run) without throwing.
        const run = runScenario(v.scenario, { keepTrace: false, maxEvents: 20_000 });
        expect(run.events).toBeGreaterThan(0);
      }
    }), { numRuns: 400, seed: 3 });
  });

  it('huge inputs are refused quickly and in words, not by a crash', () => {
    const many = { ...SCENARIOS[0]!, clients: Array.from({ length: 20_001 }, (_, i) => ({ name: `c${i}`, actions: [] })) };
    const t0 = performance.now();
    const v = validateScenario(many);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]!.path).toBe('clients');
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const d = parseScenario(deep);
    expect(d.ok).toBe(false);
  });
});
