import { describe, expect, it } from 'vitest';
import { createLabStore, stepsOf } from './lab.ts';
import { emptyLocation, formatHash, MAX_HASH, parseHash } from './url.ts';
import { getRun } from '../runs/runs.ts';
import { findScenario } from '../scenarios/index.ts';
import { foldSteps, visibleSteps } from '../runs/folding.ts';
import { encodeScenario } from '../scenarios/link.ts';
import type { Scenario } from '../scenarios/format.ts';

describe('the lab store', () => {
  it('opens a link whose scenario carries a Python program in the playground, which runs it (the lab cannot before its run is made)', () => {
    const program = {
      ...findScenario('blocking-two-clients')!,
      model: 'python',
      program: { language: 'python', source: 'import socket\n' },
    } as unknown as Scenario;
    const s = encodeScenario(program);
    const store = createLabStore();
    store
      .getState()
      .applyLocation(
        parseHash(formatHash({ scenarioId: program.id, seed: null, step: 7, scenario: s })).location,
        [],
      );
    expect(store.getState()).toMatchObject({ page: 'playground', pageParams: { s }, step: 7, notices: [] });
    expect(store.getState().scenario.id).toBe('blocking-two-clients');
    // The playground's own link keeps its page and its program.
    expect(
      parseHash(formatHash({ page: 'playground', scenarioId: '', seed: null, step: 0, params: { s } }))
        .location,
    ).toMatchObject({ page: 'playground', params: { s } });
  });

  it('steps forward and back over the run, and clamps at both ends', () => {
    const store = createLabStore();
    const s = store.getState();
    s.prev();
    expect(store.getState().step).toBe(0);
    s.next();
    s.next();
    expect(store.getState().step).toBe(2);
    s.prev();
    expect(store.getState().step).toBe(1);
    s.last();
    const steps = stepsOf(store.getState());
    expect(store.getState().step).toBe(steps[steps.length - 1]);
    s.next();
    expect(store.getState().step).toBe(steps[steps.length - 1]);
  });

  it('falls back with a notice for an unknown scenario or a step past the end', () => {
    const store = createLabStore();
    store
      .getState()
      .applyLocation({ ...emptyLocation(), scenarioId: 'no-such', step: 999_999, lang: 'zh' }, []);
    const st = store.getState();
    expect(st.scenario.id).toBe('blocking-two-clients');
    expect(st.lang).toBe('zh');
    expect(st.notices.map((n) => n.key)).toEqual(['app.notice.badScenario', 'app.notice.badStep']);
    expect(st.step).toBeLessThan(999_999);
  });

  it("a new link replaces what an earlier link's notices said", () => {
    const store = createLabStore();
    store.getState().applyLocation({ ...emptyLocation(), scenarioId: 'no-such' }, []);
    expect(store.getState().notices.map((n) => n.key)).toEqual(['app.notice.badScenario']);
    store.getState().applyLocation({ ...emptyLocation(), scenarioId: 'select', step: 3 }, []);
    expect(store.getState().notices).toEqual([]);
    store
      .getState()
      .applyLocation({ ...emptyLocation(), page: 'hall' }, [
        { key: 'app.notice.badLang', params: { lang: 'xx' } },
      ]);
    expect(store.getState().notices.map((n) => n.key)).toEqual(['app.notice.badLang']);
  });

  it('folds a busy-polling loop into a step that stands for its repeats', () => {
    const busy = { ...findScenario('nonblocking')!, options: {}, untilMs: 5 };
    const run = getRun(busy, 1);
    const folded = foldSteps(run.index);
    expect(folded.folds.length).toBeGreaterThan(0);
    expect(folded.folds.every((f) => f.repeats >= 3)).toBe(true);
    const visible = visibleSteps(run.index.steps, folded);
    expect(visible.length).toBeLessThan(run.index.steps);
    expect(visibleSteps(run.index.steps, null)).toHaveLength(run.index.steps);
    // visible steps are increasing and end on the last step
    for (let i = 1; i < visible.length; i++) expect(visible[i]!).toBeGreaterThan(visible[i - 1]!);
    expect(visible[visible.length - 1]).toBe(run.index.steps - 1);
  });
});

describe('the URL', () => {
  it('round-trips scenario, seed, step and language', () => {
    const hash = formatHash({ scenarioId: 'select', seed: 7, step: 42, lang: 'zh' });
    expect(parseHash(hash)).toEqual({
      location: { ...emptyLocation(), scenarioId: 'select', seed: 7, step: 42, lang: 'zh' },
      notices: [],
    });
  });

  it('round-trips a page, its argument, its own parameters and embed mode', () => {
    const hash = formatHash({
      page: 'lesson',
      arg: '8',
      params: { q: '2' },
      scenarioId: 'ignored',
      seed: null,
      step: 5,
      lang: 'en',
      embed: true,
    });
    expect(hash).toBe('#/lesson/8?q=2&step=5&lang=en&embed=1');
    expect(parseHash(hash).location).toEqual({
      ...emptyLocation(),
      page: 'lesson',
      arg: '8',
      params: { q: '2' },
      step: 5,
      lang: 'en',
      embed: true,
    });
    expect(formatHash({ page: 'about', scenarioId: 'x', seed: null, step: 0, lang: 'zh' })).toBe(
      '#/about?lang=zh',
    );
  });

  it('opens a page from the URL and leaves the scenario to the page', () => {
    const store = createLabStore();
    store.getState().applyLocation({ ...emptyLocation(), page: 'hall', params: { n: '30' }, step: 12 }, []);
    const st = store.getState();
    expect([st.page, st.pageParams, st.step]).toEqual(['hall', { n: '30' }, 12]);
    st.setScenario(findScenario('select')!, { step: 999_999 });
    expect(store.getState().notices.map((n) => n.key)).toEqual(['app.notice.badStep']);
    st.selectScenario('epoll-level');
    expect(store.getState().page).toBe('lab');
  });

  it('never throws on a bad URL: it says what it could not read', () => {
    expect(parseHash('#/%E0%A4%A?seed=-3&lang=fr&step=abc').notices.map((n) => n.key)).toEqual([
      'app.notice.badUrl',
      'app.notice.badSeed',
      'app.notice.badStepParam',
      'app.notice.badLang',
    ]);
    expect(parseHash('').location).toEqual(emptyLocation());
    expect(parseHash(`#/${'x'.repeat(MAX_HASH + 1)}`).notices[0]!.key).toBe('app.notice.badUrl');
  });
});
