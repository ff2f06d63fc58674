import { describe, expect, it, vi } from 'vitest';
import type { LabStoreApi } from './lab.ts';
import { formatHash, parseHash } from './url.ts';

describe('the lab store before the simulation has arrived (a fresh page: its modules loaded anew)', () => {
  async function freshPage() {
    vi.resetModules();
    const runs = await import('../runs/runs.ts');
    await import('../runs/first-run.ts'); // as the page's entry does
    const { createLabStore } = await import('./lab.ts');
    return { runs, store: createLabStore() as LabStoreApi, scenarios: await import('../scenarios/index.ts') };
  }

  it('steps through the default scenario from its precomputed run', async () => {
    const { runs, store } = await freshPage();
    expect(runs.simulationReady()).toBe(false);
    const st = store.getState();
    expect(st.scenario.id).toBe('blocking-two-clients');
    const lab = runs.getRun(st.scenario, st.seed);
    expect(lab.index.steps).toBeGreaterThan(10);
    st.next();
    st.last();
    expect(store.getState().step).toBeGreaterThan(0);
  });

  it('waits for the simulation when another scenario is picked, a link opened or the seed changed', async () => {
    const { runs, store, scenarios } = await freshPage();
    store.getState().selectScenario('select');
    // Nothing changes yet (the lab keeps drawing what it has) ...
    expect(store.getState().scenario.id).toBe('blocking-two-clients');
    await runs.loadSimulation();
    // ... and the pick applies once the simulation is here, with its run.
    expect(store.getState().scenario.id).toBe('select');
    const select = scenarios.findScenario('select')!;
    expect(runs.getRun(select, select.seed).run.scenario).toBe(select);

    const again = await freshPage();
    again.store.getState().setSeed(99);
    expect(again.store.getState().seed).not.toBe(99);
    await again.runs.loadSimulation();
    expect(again.store.getState().seed).toBe(99);

    const linked = await freshPage();
    const { location, notices } = parseHash(formatHash({ scenarioId: 'select', seed: 7, step: 3 }));
    linked.store.getState().applyLocation(location, notices);
    expect(linked.store.getState().scenario.id).toBe('blocking-two-clients');
    await linked.runs.loadSimulation();
    expect(linked.store.getState()).toMatchObject({ scenario: { id: 'select' }, seed: 7, step: 3 });
  });
});
