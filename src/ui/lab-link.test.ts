import { describe, expect, it } from 'vitest';
import { createLabStore } from '../store/lab.ts';
import { parseHash } from '../store/url.ts';
import { findScenario } from '../scenarios/index.ts';
import { canonicalJson, encodeScenario, MAX_LINK_CHARS } from '../scenarios/link.ts';
import { rememberKept } from '../store/kept.ts';
import { additionsOf, withAdditions } from '../scenarios/student.ts';
import type { Scenario } from '../scenarios/format.ts';
import { labHash } from './lab-link.ts';
import { hashOf } from './url-sync.ts';
import { hallScenario } from '../hall/hall.ts';

const select = findScenario('select')!;
const mine: Scenario = {
  ...select,
  id: 'mine',
  title: { en: 'Mine', zh: '我的' },
  clients: select.clients.slice(0, 2),
};

describe('the way back to the lab', () => {
  it('names the scenario on the lab now, a custom one whole, with its additions and seed, from any page', () => {
    const merged = withAdditions(mine, [{ client: 'you', at: 3, do: 'connect' }]);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const store = createLabStore();
    store.getState().setScenario(merged.scenario, { seed: 7, step: 5 });
    store.getState().openPage('editor');
    const hash = labHash(store.getState());
    expect(hash).toMatch(/^#\/mine\?add=you_[^&]+&seed=7&step=0&s=1\./);
    const other = createLabStore();
    const { location, notices } = parseHash(hash);
    other.getState().applyLocation(location, notices);
    const st = other.getState();
    expect(st.page).toBe('lab');
    expect(canonicalJson(st.scenario)).toBe(canonicalJson(merged.scenario));
    expect(additionsOf(st.scenario)).toEqual([{ client: 'you', at: 3, do: 'connect' }]);
    expect(st.seed).toBe(7);
    expect(st.notices).toEqual([]);
  });

  it('leads from an exam hall class to the shipped scenario of its mechanism', () => {
    for (const [mech, id] of [
      ['select', 'select'],
      ['epoll', 'epoll-level'],
    ] as const) {
      const store = createLabStore();
      store.getState().setScenario(hallScenario({ n: 30, mech, pattern: 'several', seed: 1 }), { step: 9 });
      store.getState().openPage('hall');
      expect(labHash(store.getState())).toBe(`#/${id}?step=0`);
      expect(findScenario(id)?.model).toBe(mech);
    }
  });

  it('names a shipped scenario by its id alone', () => {
    const store = createLabStore();
    store.getState().selectScenario('select');
    expect(labHash(store.getState())).toBe('#/select?step=0');
  });

  it('keeps a custom scenario too large for a link: its id alone, and the lab keeps it without a notice', () => {
    const big: Scenario = {
      ...mine,
      id: 'big',
      clients: Array.from({ length: 900 }, (_, i) => ({
        name: `c${i}`,
        actions: [
          { at: 0, do: 'connect' as const },
          { at: 1, do: 'send' as const, data: 'x'.repeat(100) },
        ],
      })),
    };
    const store = createLabStore();
    store.getState().setScenario(big);
    store.getState().openPage('about');
    const hash = labHash(store.getState());
    expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
    expect(hash).toBe('#/big?step=0');
    const { location, notices } = parseHash(hash);
    store.getState().applyLocation(location, notices);
    expect(store.getState().scenario).toBe(big);
    expect(store.getState().page).toBe('lab');
    expect(store.getState().notices).toEqual([]);
  });

  it("after a reload, finds a scenario this browser kept under the address's id, and says where it came from", () => {
    const kept: Scenario = { ...mine, id: 'kept-big' };
    rememberKept(kept);
    const store = createLabStore();
    const { location, notices } = parseHash('#/kept-big?step=2');
    store.getState().applyLocation(location, notices);
    expect(store.getState().scenario).toBe(kept);
    expect(store.getState().step).toBe(2);
    expect(store.getState().notices).toEqual([
      { key: 'app.notice.keptRestored', params: { id: 'kept-big' } },
    ]);
    // A link that carries its own scenario under that id wins.
    const other = createLabStore();
    const carried = parseHash(
      `#/kept-big?lang=en&s=${encodeScenario({ ...mine, id: 'kept-big', title: { en: 'Other', zh: '别的' } })}`,
    );
    other.getState().applyLocation(carried.location, carried.notices);
    expect(other.getState().scenario.title.en).toBe('Other');
  });
});

describe('view settings in the lab’s link', () => {
  it('the lab’s address carries what differs from the defaults, never lang=, and reads back the same', () => {
    const store = createLabStore();
    store.getState().selectScenario('nonblocking');
    store.getState().setLang('zh');
    expect(hashOf(store.getState())).toBe('#/nonblocking?step=0');
    store.getState().setFold(false);
    store.getState().setSpeed(16);
    const hash = hashOf(store.getState());
    expect(hash).toBe('#/nonblocking?fold=0&speed=16&step=0');
    const { location, notices } = parseHash(hash);
    const other = createLabStore();
    other.getState().applyLocation(location, notices);
    const back = other.getState();
    expect([back.fold, back.speed]).toEqual([false, 16]);
    // Other pages keep their own parameters only.
    store.getState().openPage('about');
    expect(hashOf(store.getState())).not.toMatch(/fold|speed/);
  });
});
