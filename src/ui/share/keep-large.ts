/**
 * Keeps the lab's scenario in this browser (kept-db.ts, loaded when first needed) whenever it is a
 * custom one too large for a link, and says so once: a reload here shows it again; another
 * computer needs the file.
 */
import type { Scenario } from '../../scenarios/format.ts';
import { findScenario } from '../../scenarios/index.ts';
import { tooBigForLink } from '../../scenarios/link.ts';
import { baseOf } from '../../scenarios/student.ts';
import { keptScenario, rememberKept } from '../../store/kept.ts';
import type { LabStoreApi } from '../../store/lab.ts';

export function keepLargeScenarios(store: LabStoreApi): () => void {
  let last: Scenario | null = null;
  const check = () => {
    const st = store.getState();
    const base = baseOf(st.scenario);
    // A student's own program is kept by the playground (its draft), and runs only there.
    if (base === last || st.embed || base.model === 'python') return;
    last = base;
    if (findScenario(base.id) === base || !tooBigForLink(base)) return;
    const restored = keptScenario(base.id) === base; // came back from the browser's keeping: said already
    rememberKept(base);
    void import('./kept-db.ts')
      .then((db) => db.saveKept(base, Date.now()))
      .then(
        (ok) => {
          if (!ok) store.getState().notify({ key: 'app.notice.notKept', params: { id: base.id } });
          else if (!restored)
            store.getState().notify({ key: 'app.notice.keptLocally', params: { id: base.id } });
        },
        () => store.getState().notify({ key: 'app.notice.notKept', params: { id: base.id } }),
      );
  };
  check();
  return store.subscribe(check);
}
