import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenarios/format.ts';
import { findScenario } from '../../scenarios/index.ts';
import {
  CLIENT_SETS,
  DEFAULT_CLIENTS,
  PLAYGROUND_KEY,
  STARTER,
  asPlaygroundDraft,
  clientSetOf,
  loadPlaygroundDraft,
  programScenario,
  savePlaygroundDraft,
} from './program.ts';

const memory = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      m.set(k, v);
    },
    removeItem: (k: string) => {
      m.delete(k);
    },
    m,
  };
};

describe('the playground scenario', () => {
  it('is a valid python scenario for every offered client set, with those clients', () => {
    for (const from of CLIENT_SETS) {
      const s = programScenario(STARTER, from);
      const v = validateScenario(JSON.parse(JSON.stringify(s)));
      expect(v.ok, `${from.id}: ${v.ok ? '' : JSON.stringify(v.problems)}`).toBe(true);
      expect(s.clients).toEqual(from.clients);
      expect(clientSetOf(s), 'a reopened program finds its clients again').toBe(from.id);
    }
  });

  it("keeps the chat operator's answers but not what the program sets itself", () => {
    const chat = programScenario('pass\n', findScenario('select-chat-pitfall')!);
    expect(chat.options?.answers).toEqual(['HI', 'anyone there?', 'hello?']);
    expect(chat.options?.mechanism).toBeUndefined();
    expect(programScenario('pass\n', findScenario('blocking-backlog-full')!).options).toBeUndefined();
  });

  it("starts from the project's own blocking listing", () => {
    expect(STARTER).toContain('server.listen(BACKLOG)');
  });
});

describe('the playground draft', () => {
  it('comes back as it was kept', () => {
    const st = memory();
    expect(savePlaygroundDraft(st, { source: 'print(1)\n', clients: 'select', budgetMs: 500 })).toBe(true);
    expect(loadPlaygroundDraft(st)).toEqual({ source: 'print(1)\n', clients: 'select', budgetMs: 500 });
  });

  it('ignores damaged or foreign values, and mends a bad client set or budget', () => {
    const st = memory();
    st.setItem(PLAYGROUND_KEY, '{not json');
    expect(loadPlaygroundDraft(st)).toBeNull();
    expect(asPlaygroundDraft({ v: 2, source: '', clients: 'select', budgetMs: 1 })).toBeNull();
    expect(
      asPlaygroundDraft({ v: 1, source: 'x'.repeat(200_000), clients: 'select', budgetMs: 1 }),
    ).toBeNull();
    expect(asPlaygroundDraft({ v: 1, source: 'pass', clients: 'nope', budgetMs: -3 })).toEqual({
      source: 'pass',
      clients: DEFAULT_CLIENTS,
      budgetMs: 100,
    });
    expect(loadPlaygroundDraft(null)).toBeNull();
  });
});
