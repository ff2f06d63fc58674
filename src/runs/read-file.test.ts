import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioClient } from '../scenarios/format.ts';
import { parseScenarioBytes } from '../scenarios/decode.ts';
import { scenarioJson, tooBigForLink } from '../scenarios/link.ts';
import {
  assembleRead,
  CLIENT_PART,
  NOT_READ,
  ReadScenarios,
  readInParts,
  type ReadResult,
} from './read-file.ts';

const many = (n: number): Scenario => ({
  format: 'iolab/scenario@1',
  id: `many-${n}`,
  title: { en: `${n} clients`, zh: `${n} 个客户端` },
  seed: 1,
  model: 'epoll',
  options: { backlog: 4096, fdLimit: 16 + 2 * n },
  clients: Array.from({ length: n }, (_, i) => ({
    name: `c${i}`,
    actions: [
      { at: i, do: 'connect' as const },
      { at: i + 5, do: 'send' as const, data: `hé-${i}` },
    ],
  })),
  untilMs: 100,
});

/** What the page gets back from the worker: every message through structured clone. */
function readThroughClone(text: string, read = new ReadScenarios()) {
  const parts: ScenarioClient[][] = [];
  const bytes = new TextEncoder().encode(text).buffer;
  const made = structuredClone(readInParts({ read: bytes }, read, (p) => parts.push(structuredClone(p))));
  return { made, parts, read };
}

describe('reading a scenario file in the simulation worker (readInParts, assembleRead)', () => {
  it('gives the page the scenario parseScenarioBytes gives, its clients in parts, its JSON known', () => {
    const text = JSON.stringify(many(1234), null, 2);
    const { made, parts } = readThroughClone(text);
    expect(parts.map((p) => p.length)).toEqual([CLIENT_PART, CLIENT_PART, 1234 - 2 * CLIENT_PART]);
    expect(made.ok).toBe(true);
    const s = assembleRead(made as Extract<ReadResult, { ok: true }>, parts);
    const here = parseScenarioBytes(new TextEncoder().encode(text));
    expect(here.ok && s).toEqual(here.ok && here.scenario);
    // The JSON the worker wrote is the page's scenario written out, and the link bound agrees.
    expect(scenarioJson(s)).toBe(JSON.stringify(s));
    expect(tooBigForLink(s)).toEqual(tooBigForLink(structuredClone(s)));
  });

  it('refuses a bad file with the problems the page would list', () => {
    const bad = { ...many(2), model: 'carrier-pigeon' };
    const { made, parts } = readThroughClone(JSON.stringify(bad));
    expect(parts).toEqual([]);
    const here = parseScenarioBytes(new TextEncoder().encode(JSON.stringify(bad)));
    expect(made).toEqual(here);
    expect(made.ok).toBe(false);
  });

  it('keeps what it read for the run that names it, and says when it no longer has it', () => {
    const read = new ReadScenarios();
    const first = readThroughClone(JSON.stringify(many(3)), read).made as Extract<ReadResult, { ok: true }>;
    expect(first.ok).toBe(true);
    expect(read.scenarioOf({ readId: first.readId, seed: 1 }).clients).toHaveLength(3);
    readThroughClone(JSON.stringify(many(4)), read);
    readThroughClone(JSON.stringify(many(5)), read);
    // The last few are kept; an older one, or one a fresh worker never read, fails with NOT_READ.
    expect(() => read.scenarioOf({ readId: first.readId, seed: 1 })).toThrow(NOT_READ);
    expect(() => new ReadScenarios().scenarioOf({ readId: 1, seed: 1 })).toThrow(NOT_READ);
    const posted = many(6);
    expect(read.scenarioOf({ scenario: posted, seed: 1 })).toBe(posted);
  });
});
