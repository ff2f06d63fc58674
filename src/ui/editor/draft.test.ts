import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.ts';
import { validateScenario } from '../../scenarios/format.ts';
import {
  appliesTo,
  blankDraft,
  canonicalJson,
  draftOf,
  fieldId,
  moved,
  nextAction,
  numberOf,
  optionChoices,
  optionKind,
  problemsByPath,
  scenarioOf,
} from './draft.ts';

describe("the editor's form state", () => {
  it('gives back every shipped scenario exactly, through the form', () => {
    for (const s of SCENARIOS) {
      expect(scenarioOf(draftOf(s)), s.id).toEqual(JSON.parse(JSON.stringify(s)));
      expect(canonicalJson(scenarioOf(draftOf(s)))).toBe(canonicalJson(s));
    }
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('starts blank with a valid scenario', () => {
    expect(validateScenario(scenarioOf(blankDraft())).ok).toBe(true);
  });

  it('keeps what is not a number as text, so the validator names the field', () => {
    expect(numberOf(' 12.5 ')).toBe(12.5);
    expect(numberOf('1e3')).toBe(1000);
    expect(numberOf('')).toBeUndefined();
    expect(numberOf('12ms')).toBe('12ms');
    const d = { ...blankDraft(), seed: 'abc', options: { recvSize: '0', timeoutMs: 'null', poolSize: '' } };
    const json = scenarioOf(d);
    expect(json.options).toEqual({ recvSize: 0, timeoutMs: null });
    const v = validateScenario(json);
    expect(v.ok).toBe(false);
    const byPath = problemsByPath(v.ok ? [] : v.problems);
    expect(byPath.get('seed')![0]).toMatch(/got "abc"/);
    expect(byPath.get('options.recvSize')![0]).toMatch(/from 1 to 65536 \(got 0\)/);
  });

  it('describes each option for the form', () => {
    expect(optionKind('recvSize')).toBe('number');
    expect(optionKind('variant')).toBe('choice');
    expect(optionChoices('mechanism')).toEqual(['select', 'poll', 'epoll']);
    expect(optionKind('answers')).toBe('lines');
    expect(
      scenarioOf({ ...blankDraft(), model: 'select-chat', options: { answers: 'one\ntwo\n' } }).options,
    ).toEqual({ answers: ['one', 'two'] });
    expect(appliesTo('poolSize', 'thread-pool')).toBe(true);
    expect(appliesTo('poolSize', 'select')).toBe(false);
    expect(appliesTo('cores', 'select')).toBe(true);
  });

  it('names fields, moves list items, and suggests the next action', () => {
    expect(fieldId('clients[0].actions[2].at')).toBe('ed-clients-0-actions-2-at');
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(nextAction({ name: 'x', actions: [] })).toEqual({ at: '0', do: 'connect', data: '' });
    expect(nextAction({ name: 'x', actions: [{ at: '50', do: 'connect', data: '' }] })).toEqual({
      at: '150',
      do: 'send',
      data: 'hello',
    });
  });
});
