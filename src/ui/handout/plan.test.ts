import { describe, expect, it } from 'vitest';
import { planHandout, MAX_STILLS } from './plan.ts';
import type { Lesson } from '../../lessons/types.ts';
import { findScenario } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { encodeScenario } from '../../scenarios/link.ts';
import { parseHash } from '../../store/url.ts';

const select = findScenario('select')!;
const total = getRun(select, select.seed).index.steps;

const lesson: Lesson = {
  n: 3,
  id: 'select-basics',
  title: { key: 'lesson.03.title' },
  summary: { key: 'lesson.03.summary' },
  scenario: 'select',
  items: [
    { kind: 'slide', id: 'intro', title: { key: 'a' }, body: [] },
    {
      kind: 'stop',
      id: 'first-block',
      at: (ctx) => ctx.run.index.trace.findIndex((e) => e.type === 'sys.block'),
      title: { key: 'b' },
      body: [{ key: 'c' }],
    },
    { kind: 'stop', id: 'past-end', at: () => 1e9, title: { key: 'd' }, body: [] },
    {
      kind: 'stop',
      id: 'throws',
      at: () => {
        throw new Error('no such step');
      },
      title: { key: 'e' },
      body: [],
    },
  ],
};

describe('handout plan', () => {
  it('a scenario with chosen steps shows those steps, in order, without duplicates', () => {
    const p = planHandout(null, { scenario: 'select', steps: '30,3,30,60' }, []);
    expect(p.scenario.id).toBe('select');
    expect(p.stills.map((s) => s.step)).toEqual([3, 30, 60]);
    expect(p.notices).toEqual([]);
    expect(p.params).toEqual({ scenario: 'select', steps: '3,30,60' });
  });

  it('bad steps are left out with a notice; with none left, steps spread over the run', () => {
    const p = planHandout(null, { scenario: 'select', steps: `x,-1,${total},1e3` }, []);
    expect(p.notices.map((n) => n.key)).toEqual(['handout.notice.badSteps']);
    expect(p.stills.length).toBeGreaterThan(2);
    for (const s of p.stills) expect(s.step).toBeLessThan(total);
  });

  it('an unknown scenario falls back with a notice; too many steps are cut', () => {
    const many = Array.from({ length: 40 }, (_, i) => i).join(',');
    const p = planHandout(null, { scenario: 'nope', steps: many }, []);
    expect(p.scenario.id).toBe('blocking-two-clients');
    expect(p.notices.map((n) => n.key)).toEqual(['handout.notice.badScenario', 'handout.notice.tooMany']);
    expect(p.stills).toHaveLength(MAX_STILLS);
  });

  it("a lesson's stops, their steps found in its run (clamped; a failing stop shows step 0)", () => {
    const p = planHandout('select-basics', {}, [lesson]);
    expect(p.lesson?.id).toBe('select-basics');
    expect(p.stills.map((s) => s.title?.key)).toEqual(['b', 'd', 'e']);
    const firstBlock = p.ctx.run.index.trace.findIndex((e) => e.type === 'sys.block');
    expect(p.stills[0]!.step).toBe(firstBlock);
    expect(p.stills[1]!.step).toBe(total - 1);
    expect(p.stills[2]!.step).toBe(0);
    expect(planHandout('3', {}, [lesson]).lesson?.id).toBe('select-basics');
  });

  it('an unknown lesson gives a notice and a scenario handout', () => {
    const p = planHandout('no-such-lesson', {}, [lesson]);
    expect(p.lesson).toBeNull();
    expect(p.notices.map((n) => n.key)).toEqual(['handout.notice.badLesson']);
    expect(p.stills.length).toBeGreaterThan(0);
  });
});

describe("a scenario of one's own, carried in the link (s=)", () => {
  const own = { ...select, id: 'my-select', title: { en: 'Mine', zh: '我的' }, untilMs: 300 };
  it('pictures the carried scenario and keeps s= in its parameters', () => {
    const s = encodeScenario(own);
    const plan = planHandout(null, { scenario: 'my-select', steps: '1,2', s }, []);
    expect(plan.scenario.title.en).toBe('Mine');
    expect(plan.notices).toEqual([]);
    expect(plan.params).toEqual({ scenario: 'my-select', steps: '1,2', s });
  });
  it('a link that cannot be read: a notice, and a shipped scenario instead', () => {
    const plan = planHandout(null, { scenario: 'my-select', s: '1.!!' }, []);
    expect(plan.notices.map((n) => n.key)).toEqual(['handout.notice.badLink', 'handout.notice.badScenario']);
    expect(findScenario(plan.scenario.id)).toBe(plan.scenario);
    expect(plan.params.s).toBeUndefined();
  });
});

it('a handout link with s= opens the handout, not the lab', () => {
  const { location } = parseHash('#/handout?scenario=my-select&steps=1&s=1.abc');
  expect(location.page).toBe('handout');
  expect(location.params).toEqual({ scenario: 'my-select', steps: '1', s: '1.abc' });
});
