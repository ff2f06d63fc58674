/** Refusals worded for the reader: a bad scenario link, a bad `add=` value. */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios/index.ts';
import { decodeScenario, encodeScenario, MAX_LINK_CHARS } from '../scenarios/link.ts';
import { additionsOf, applyAddParam, baseOf, decodeAdditions } from '../scenarios/student.ts';
import type { Scenario } from '../scenarios/format.ts';
import { reasonText } from './reason.ts';

function reason(text: string): string {
  const r = decodeScenario(text);
  expect(r.ok).toBe(false);
  return r.ok ? '' : reasonText('en', r.reason);
}

const shipped = (id: string): Scenario => {
  const s = findScenario(id);
  if (!s) throw new Error(id);
  return s;
};

describe('a scenario in a link', () => {
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
});

describe('the add= parameter', () => {
  it('names what is wrong with a bad value', () => {
    const reason = (text: string) => {
      const d = decodeAdditions(text);
      return d.ok ? 'ok' : reasonText('en', d.reason);
    };
    expect(reason('')).toBe('ok');
    expect(reason('you')).toMatch(/added action 1 "you": expected client_kind\+time/);
    expect(reason('you_c1*you_z2')).toMatch(/added action 2 "you_z2": unknown kind "z"/);
    expect(reason('you_cx')).toMatch(/"cx" is not a kind letter/);
    expect(reason('you_c1.1234567')).toMatch(/is not a kind letter/);
    expect(reason('you_c3600001')).toMatch(/past 3600000 ms/);
    expect(reason('you_c1*you_s2')).toMatch(/a send needs a message/);
    expect(reason('you_c1*you_s2_%41')).toMatch(/bad % escape/);
    expect(reason('you_c1_hi')).toMatch(/only a send carries a message/);
    expect(reason('_c1')).toMatch(/no client name/);
    expect(reason(Array.from({ length: 201 }, () => 'you_c1').join('*'))).toMatch(
      /201 added actions; at most 200/,
    );
  });

  it('gives the scenario with the additions, or without them and a notice', () => {
    const base = shipped('select');
    const good = applyAddParam(base, { add: 'you_c450*you_s450_hi', q: '1' });
    expect(good.notices).toEqual([]);
    expect(good.params).toEqual({ add: 'you_c450*you_s450_hi', q: '1' });
    expect(good.scenario.clients.at(-1)).toEqual({
      name: 'you',
      actions: [
        { at: 450, do: 'connect' },
        { at: 450, do: 'send', data: 'hi' },
      ],
    });
    expect(baseOf(good.scenario)).toBe(base);
    expect(additionsOf(good.scenario)).toHaveLength(2);

    const garbled = applyAddParam(base, { add: 'you_q1', q: '1' });
    expect(garbled.scenario).toBe(base);
    expect(garbled.params).toEqual({ q: '1' });
    expect(garbled.notices).toEqual([
      {
        key: 'student.notice.badAdd',
        params: {},
        reason: { key: 'reason.add.unknownKind', params: { i: 1, text: 'you_q1', kind: 'q' } },
      },
    ]);
    expect(reasonText('zh', garbled.notices[0]!.reason!)).toBe(
      '第 1 个加入的操作“you_q1”：未知类型“q”（c = 连接，s = 发送，x = 关闭，r = 重置）',
    );

    // Well-formed, but the validator refuses it: a send before the client connects.
    const invalid = applyAddParam(base, { add: 'you_s450_hi' });
    expect(invalid.scenario).toBe(base);
    expect(reasonText('en', invalid.notices[0]!.reason!)).toMatch(
      /^clients\[3\]\.actions\[0\]\.do: "send" before "connect"/,
    );
    expect(applyAddParam(base, {}).scenario).toBe(base);
  });
});
