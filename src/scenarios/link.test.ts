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
import { MAX_DRAWN_CONNECTIONS } from '../ui/share/import.ts';
import { MAX_HASH, formatHash, isPage, parseHash } from '../store/url.ts';
import type { Scenario } from './format.ts';
import { reasonText } from '../i18n/reason.ts';

/** The biggest scenario the stage draws: every client connects, sends twice (one message in Chinese) and closes. */
function big(): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: 'many-clients',
    title: { en: 'Many clients', zh: '很多客户端' },
    seed: 7,
    model: 'epoll',
    options: { trigger: 'edge' },
    clients: Array.from({ length: 300 }, (_, i) => ({
      name: `client-${i}`,
      actions: [
        { at: i * 0.5, do: 'connect' },
        { at: i * 0.5 + 10, do: 'send', data: `hello ${i}` },
        { at: i * 0.5 + 20, do: 'send', data: '你好' },
        { at: i * 0.5 + 30.25, do: 'close' },
      ],
    })),
  };
}

function reason(text: string): string {
  const r = decodeScenario(text);
  expect(r.ok).toBe(false);
  return r.ok ? '' : reasonText('en', r.reason);
}

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

  it('round-trips the biggest scenario the stage draws, and it fits in a link', () => {
    const s = big();
    const text = encodeScenario(s);
    expect(text.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    const hash = formatHash({
      scenarioId: s.id,
      seed: null,
      step: 12,
      lang: 'zh',
      params: { add: 'you_c1' },
      scenario: text,
    });
    expect(hash.length).toBeLessThan(MAX_HASH);
    const { location, notices } = parseHash(hash);
    expect(notices).toEqual([]);
    expect(location.params.add).toBe('you_c1');
    const back = decodeScenario(location.params.s!);
    expect(back.ok && canonicalJson(back.scenario)).toBe(canonicalJson(s));
  });

  it('keeps the same limit on connections as a file opened in the lab', () => {
    expect(MAX_LINK_CONNECTIONS).toBe(MAX_DRAWN_CONNECTIONS);
    const s = big();
    const over = { ...s, idleConnections: MAX_LINK_CONNECTIONS - s.clients.length + 1 };
    expect(reason(encodeScenario(over))).toMatch(new RegExp(`${MAX_LINK_CONNECTIONS + 1} connections`));
  });

  it('names the problem of garbage, cut, huge, wrong-version and invalid input', () => {
    const good = encodeScenario(findScenario('select')!);
    expect(reason('')).toMatch(/version/);
    expect(reason('hello')).toMatch(/version/);
    expect(reason(`2.${good.slice(2)}`)).toMatch(/version 2; this one reads version 1/);
    expect(reason('1.not base64!')).toMatch(/base64url/);
    expect(reason(`1.${btoa('{"format":').replace(/=+$/, '')}`)).toMatch(/not valid JSON/);
    expect(reason(good.slice(0, Math.floor(good.length / 2)))).toMatch(/cut short/);
    expect(reason('1.' + 'A'.repeat(MAX_LINK_CHARS))).toMatch(/at most 120000/);
    expect(reason('1._-8')).toMatch(/UTF-8|JSON/);
    const bad = {
      ...findScenario('select')!,
      seed: -1,
      clients: [{ name: 'a', actions: [{ at: 5, do: 'send', data: 'x' }] }],
    };
    const r = reason(encodeScenario(bad as Scenario));
    expect(r).toMatch(/^seed: must be a whole number/);
    expect(r).toMatch(/and 1 more problem/);
  });

  it("gives no shipped scenario a page's name: its short link (no `s=`) would open that page", () => {
    for (const s of SCENARIOS) {
      expect(isPage(s.id), s.id).toBe(false);
      expect(
        parseHash(formatHash({ scenarioId: s.id, seed: null, step: 0, lang: 'en' })).location.scenarioId,
      ).toBe(s.id);
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
