/** A lab link with the whole scenario (`s=`): what the URL sync writes, applyLocation reads back. */
import { describe, expect, it } from 'vitest';
import { createLabStore, type LabStoreApi } from '../store/lab.ts';
import { parseHash } from '../store/url.ts';
import { hashOf } from './url-sync.ts';
import { findScenario } from '../scenarios/index.ts';
import { canonicalJson, encodeScenario } from '../scenarios/link.ts';
import { additionsOf, baseOf } from '../scenarios/student.ts';
import { studentAct } from './student/actions.ts';
import type { Scenario } from '../scenarios/format.ts';
import { reasonText } from '../i18n/reason.ts';

/** The hash the URL sync writes for the store. */
const linkOf = (api: LabStoreApi): string => hashOf(api.getState());

function open(hash: string): LabStoreApi {
  const api = createLabStore();
  const { location, notices } = parseHash(hash);
  api.getState().applyLocation(location, notices);
  return api;
}

const custom: Scenario = {
  format: 'iolab/scenario@1',
  id: 'my-chat',
  title: { en: 'My chat', zh: '我的聊天' },
  seed: 3,
  model: 'select',
  clients: [
    {
      name: 'ann',
      actions: [
        { at: 0, do: 'connect' },
        { at: 5, do: 'send', data: 'hi 你好' },
        { at: 9, do: 'close' },
      ],
    },
    { name: 'bob', actions: [{ at: 2, do: 'connect' }] },
  ],
};

describe('a link that carries its scenario', () => {
  it('reproduces a custom scenario, its seed and its step', () => {
    const a = createLabStore();
    a.getState().setScenario(custom, { seed: 11, step: 4 });
    const hash = linkOf(a);
    expect(hash).toContain(`s=${encodeScenario(custom)}`);
    const b = open(hash);
    expect(canonicalJson(b.getState().scenario)).toBe(canonicalJson(custom));
    expect(b.getState().seed).toBe(11);
    expect(b.getState().step).toBe(4);
    expect(b.getState().notices).toEqual([]);
    expect(b.getState().pageParams).toEqual({});
    expect(linkOf(b)).toBe(hash);
  });

  it("a scenario opened over a student's additions does not keep their `add=`", () => {
    const a = createLabStore();
    a.getState().setScenario(findScenario('select')!, { step: 3 });
    expect(studentAct(a, 'you', 'connect').ok).toBe(true);
    expect(linkOf(a)).toMatch(/add=/);
    a.getState().setScenario(custom);
    expect(linkOf(a)).not.toMatch(/add=/);
    expect(open(linkOf(a)).getState().notices).toEqual([]);
  });

  it("a custom scenario whose id is a page's name opens in the lab, not on that page", () => {
    for (const id of ['hall', 'lessons', 'about']) {
      const a = createLabStore();
      a.getState().setScenario({ ...custom, id }, { step: 2 });
      const hash = linkOf(a);
      expect(hash.startsWith(`#/${id}?`)).toBe(true);
      const b = open(hash);
      expect(b.getState().page).toBe('lab');
      expect(b.getState().scenario.id).toBe(id);
      expect(b.getState().step).toBe(2);
      expect(linkOf(b)).toBe(hash);
    }
  });

  it('a shipped scenario as shipped keeps its short link', () => {
    const a = createLabStore();
    a.getState().setScenario(JSON.parse(JSON.stringify(findScenario('poll'))) as Scenario, { step: 2 });
    expect(linkOf(a)).toBe('#/poll?step=2');
  });

  it("the address bar never carries the language: a shared link opens in the reader's", () => {
    const a = open('#/poll?step=2&lang=zh');
    a.getState().setLang('zh');
    expect(linkOf(a)).toBe('#/poll?step=2');
  });

  it('composes with a student’s added actions', () => {
    const a = createLabStore();
    a.getState().setScenario(custom, { step: 3 });
    expect(studentAct(a, 'you', 'connect').ok).toBe(true);
    a.getState().goTo(a.getState().step + 2);
    expect(studentAct(a, 'you', 'send', 'hey').ok).toBe(true);
    const hash = linkOf(a);
    expect(hash).toMatch(/add=you_c/);
    const b = open(hash);
    expect(canonicalJson(b.getState().scenario)).toBe(canonicalJson(a.getState().scenario));
    expect(canonicalJson(baseOf(b.getState().scenario))).toBe(canonicalJson(custom));
    expect(additionsOf(b.getState().scenario)).toEqual(additionsOf(a.getState().scenario));
    expect(b.getState().step).toBe(a.getState().step);
    expect(b.getState().notices).toEqual([]);
  });

  it("a changed `s=` gets a notice naming the problem, the id's shipped scenario or the default, and drops `add`", () => {
    const bad = encodeScenario({ ...custom, model: 'nope' } as unknown as Scenario);
    const b = open(`#/my-chat?s=${bad}&add=you_c1&step=5`);
    const st = b.getState();
    expect(st.scenario.id).toBe('blocking-two-clients');
    expect(st.notices).toHaveLength(1);
    expect(st.notices[0]!.key).toBe('app.notice.badScenarioLink');
    const notice = st.notices[0]!;
    expect('reason' in notice && notice.reason ? reasonText('en', notice.reason) : '').toMatch(
      /^model: must be one of/,
    );
    expect(additionsOf(st.scenario)).toEqual([]);
    const c = open(`#/select?s=1.garbage!&step=1`);
    expect(c.getState().scenario).toBe(findScenario('select'));
    expect(c.getState().notices.map((n) => n.key)).toEqual(['app.notice.badScenarioLink']);
  });
});
