import { describe, expect, it } from 'vitest';
import { createLabStore, stepsOf } from '../../store/lab.ts';
import { emptyLocation, formatHash, parseHash } from '../../store/url.ts';
import { getRun } from '../../runs/runs.ts';
import { additionsOf, baseOf } from '../../scenarios/student.ts';
import { findScenario } from '../../scenarios/index.ts';
import { nowMs, studentAct, studentUndo } from './actions.ts';
import { reasonText, type Reason } from '../../i18n/reason.ts';
import { translate } from '../../i18n/index.ts';

function labAt(id: string, step: number) {
  const store = createLabStore();
  store.getState().applyLocation({ ...emptyLocation(), scenarioId: id, step }, []);
  return store;
}

const hashOf = (store: ReturnType<typeof createLabStore>): string => {
  const s = store.getState();
  return formatHash({
    page: s.page,
    arg: s.pageArg,
    params: s.pageParams,
    scenarioId: s.scenario.id,
    seed: null,
    step: s.step,
    lang: s.lang,
  });
};

describe('the student as a client, in the lab store', () => {
  it('adds actions at the current step, keeps the step and what it shows, and puts them in the link', () => {
    const base = findScenario('select')!;
    const k = Math.floor(getRun(base, base.seed).index.steps / 2);
    const store = labAt('select', k);
    const before = getRun(base, base.seed).index.viewAt(k);
    const at = nowMs(store);
    expect(studentAct(store, 'you', 'connect').ok).toBe(true);
    expect(studentAct(store, 'you', 'send', 'hi there').ok).toBe(true);
    const st = store.getState();
    expect(st.step).toBe(k);
    expect(baseOf(st.scenario)).toBe(base);
    expect(additionsOf(st.scenario)).toEqual([
      { client: 'you', at, do: 'connect' },
      { client: 'you', at, do: 'send', data: 'hi there' },
    ]);
    expect(getRun(st.scenario, st.seed).index.viewAt(k)).toEqual(before);
    const hash = hashOf(store);
    expect(hash).toContain(`add=you_c${at}*you_s${at}_hi+there`);

    // The link, opened afresh, shows the same scenario; a step among the new events is kept.
    const last = stepsOf(st).at(-1)!;
    expect(last).toBeGreaterThan(getRun(base, base.seed).index.steps - 1);
    const link = hash.replace(/step=\d+/, `step=${last}`);
    const other = createLabStore();
    const { location, notices } = parseHash(link);
    other.getState().applyLocation(location, notices);
    expect(other.getState().notices).toEqual([]);
    expect(other.getState().step).toBe(last);
    expect(JSON.stringify(other.getState().scenario)).toBe(JSON.stringify(st.scenario));
    expect(other.getState().pageParams.add).toBe(st.pageParams.add);
  });

  it('refuses what makes no sense, with a reason, and changes nothing', () => {
    const store = labAt('select', 10);
    const scenario = store.getState().scenario;
    expect(studentAct(store, 'you', 'send', 'hi')).toEqual({
      ok: false,
      problem: { key: 'student.problem.connectFirst', params: { client: 'you' } },
    });
    expect(studentAct(store, 'ann', 'connect')).toMatchObject({
      ok: false,
      problem: { key: 'student.problem.connectOnce' },
    });
    expect(store.getState().scenario).toBe(scenario);
    expect(store.getState().pageParams).toEqual({});
  });

  it('takes actions back, down to the scenario as shipped and a link without add=', () => {
    const store = labAt('epoll-level', 40);
    studentAct(store, 'you', 'connect');
    studentAct(store, 'ann', 'send', 'more');
    studentAct(store, 'you', 'send', 'x');
    expect(additionsOf(store.getState().scenario)).toHaveLength(3);
    expect(studentUndo(store, 0).ok).toBe(true); // you's connect: you's send goes with it
    expect(additionsOf(store.getState().scenario)).toEqual([
      expect.objectContaining({ client: 'ann', data: 'more' }),
    ]);
    studentUndo(store, 0);
    expect(store.getState().scenario).toBe(findScenario('epoll-level'));
    expect(store.getState().pageParams).toEqual({});
    expect(hashOf(store)).not.toContain('add=');
    expect(store.getState().step).toBe(40);
    expect(studentUndo(store, 5).ok).toBe(false);
  });

  it('shows a link with a bad add= without the additions, and says why', () => {
    const store = createLabStore();
    const { location, notices } = parseHash('#/select?add=you_c1*you_q2&step=3&lang=en');
    store.getState().applyLocation(location, notices);
    const st = store.getState();
    expect(st.scenario).toBe(findScenario('select'));
    expect(st.step).toBe(3);
    expect(st.pageParams).toEqual({});
    expect(st.notices).toEqual([
      {
        key: 'student.notice.badAdd',
        params: {},
        reason: expect.objectContaining({ key: 'reason.add.unknownKind' }),
      },
    ]);
    expect(
      translate('en', 'student.notice.badAdd', {
        reason: reasonText('en', (st.notices[0] as { reason: Reason }).reason),
      }),
    ).toContain('unknown kind "q"');
  });
});
