/** A scenario in a link. How a link is worded when refused: src/i18n/reason.test.ts; in the address bar: src/store/link.test.ts. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS, findScenario } from './index.ts';
import {
  canonicalJson,
  decodeScenario,
  encodeScenario,
  LINK_VERSION,
  MAX_LINK_CHARS,
  MAX_LINK_CONNECTIONS,
  scenarioLinkParam,
  changedShipped,
  tooBigForLink,
} from './link.ts';
import { big } from './link.fixtures.ts';
import type { Scenario } from './format.ts';

describe('a scenario in a link', () => {
  it('carries a scenario with a Python program of its own, program and all (the playground runs it)', () => {
    const s = {
      ...SCENARIOS[0]!,
      model: 'python',
      program: { language: 'python', source: 'print("你好")\n' },
    } as unknown as Scenario;
    const r = decodeScenario(encodeScenario(s));
    expect(r).toEqual({ ok: true, scenario: s });
  });

  it('round-trips every shipped scenario exactly', () => {
    for (const s of SCENARIOS) {
      const text = encodeScenario(s);
      expect(text).toMatch(/^1\.[A-Za-z0-9_-]+$/);
      const back = decodeScenario(text);
      expect(back.ok).toBe(true);
      if (back.ok) expect(canonicalJson(back.scenario)).toBe(canonicalJson(s));
    }
  });

  it('needs no `s=` for a shipped scenario as shipped, even a copy of it with its keys in another order', () => {
    const select = findScenario('select')!;
    expect(scenarioLinkParam(select)).toBeNull();
    const { clients, ...rest } = select;
    const copy = JSON.parse(JSON.stringify({ clients, ...rest })) as Scenario;
    expect(scenarioLinkParam(copy)).toBeNull();
    const changed = { ...select, seed: select.seed + 1 };
    expect(scenarioLinkParam(changed)).toBe(encodeScenario(changed));
    expect(scenarioLinkParam({ ...select, id: 'my-select' })).not.toBeNull();
    expect(LINK_VERSION).toBe(1);
  });
});

describe('a shipped id with changed contents', () => {
  it('is told apart from the shipped scenario, whatever the key order', () => {
    const select = findScenario('select')!;
    expect(changedShipped(select)).toBeUndefined();
    expect(changedShipped(JSON.parse(canonicalJson(select)) as Scenario)).toBeUndefined();
    const mallory = {
      ...select,
      clients: [...select.clients, { name: 'mallory', actions: [{ at: 0, do: 'connect' as const }] }],
    };
    expect(changedShipped(mallory)).toBe(select);
    const decoded = decodeScenario(encodeScenario(mallory));
    expect(decoded.ok && changedShipped(decoded.scenario)).toBe(select);
    expect(changedShipped({ ...select, id: 'not-shipped' })).toBeUndefined();
  });
});

describe('a scenario too large for a link', () => {
  it('is found before a link is made, by the same bounds the reader enforces', () => {
    expect(tooBigForLink(big())).toBeNull();
    expect(tooBigForLink(findScenario('select')!)).toBeNull();
    const wide = {
      ...big(),
      clients: Array.from({ length: 600 }, (_, i) => big().clients[i % 300]!).map((c, i) => ({
        ...c,
        name: `client-${i}`,
      })),
    };
    const over = tooBigForLink(wide);
    expect(over).toMatchObject({ why: 'chars', max: MAX_LINK_CHARS });
    expect(over!.n).toBe(encodeScenario(wide).length);
    expect(decodeScenario(encodeScenario(wide)).ok).toBe(false);
    const crowd = { ...big(), clients: big().clients.slice(0, 2), idleConnections: MAX_LINK_CONNECTIONS - 1 };
    expect(tooBigForLink(crowd)).toEqual({
      why: 'connections',
      n: MAX_LINK_CONNECTIONS + 1,
      max: MAX_LINK_CONNECTIONS,
    });
    expect(decodeScenario(encodeScenario(crowd)).ok).toBe(false);
    expect(tooBigForLink({ ...crowd, idleConnections: MAX_LINK_CONNECTIONS - 2 })).toBeNull();
  });
});
