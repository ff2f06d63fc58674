/**
 * What the "You, as a client" panel does to the lab store (no React: tested on the store alone).
 * The scenario the store shows carries the additions (src/scenarios/student.ts); the `add` page
 * parameter carries them in the URL, so a shared link reproduces them.
 */
import type { LabStoreApi } from '../../store/lab.ts';
import { getRun } from '../../runs/runs.ts';
import type { TraceIndex } from '../../kernel/trace-index.ts';
import type { Scenario } from '../../scenarios/format.ts';
import { problemReason } from '../../scenarios/reason.ts';
import {
  actionAtMs,
  addAction,
  additionsOf,
  baseOf,
  encodeAdditions,
  removeAddition,
  withAdditions,
  type Addition,
  type StudentProblem,
} from '../../scenarios/student.ts';

/** The time of the last event of step k (what the machine shows at that step). */
export function stepEndNs(index: TraceIndex, step: number): number {
  if (index.steps === 0) return 0;
  const k = Math.max(0, Math.min(index.steps - 1, step));
  const end = k + 1 < index.stepStart.length ? index.stepStart[k + 1]! : index.trace.length;
  return index.trace[end - 1]!.t;
}

/** When an action taken now (at the store's step) happens, in ms. */
export function nowMs(api: LabStoreApi): number {
  const st = api.getState();
  return actionAtMs(stepEndNs(getRun(st.scenario, st.seed).index, st.step));
}

/** Shows `base` with `additions` at the same step (the steps so far do not change). */
function show(api: LabStoreApi, scenario: Scenario, additions: readonly Addition[]): void {
  const st = api.getState();
  const params = { ...st.pageParams };
  if (additions.length > 0) params.add = encodeAdditions(additions);
  else delete params.add;
  const last = getRun(scenario, st.seed).index.steps - 1;
  st.setPageParams(params);
  st.setScenario(scenario, { seed: st.seed, step: Math.max(0, Math.min(st.step, last)) });
}

export type Outcome = { ok: true; addition: Addition } | { ok: false; problem: StudentProblem };

/** The student's action, now: checked, added to the scenario and to the URL, or refused with a reason. */
export function studentAct(api: LabStoreApi, client: string, act: Addition['do'], data?: string): Outcome {
  const st = api.getState();
  const next: Addition = { client, at: nowMs(api), do: act, ...(act === 'send' ? { data: data ?? '' } : {}) };
  const added = addAction(baseOf(st.scenario), additionsOf(st.scenario), next);
  if (!added.ok) return added;
  show(api, added.scenario, added.additions);
  return { ok: true, addition: next };
}

/** Takes back addition i (a new client's connect takes that client's other actions with it). */
export function studentUndo(api: LabStoreApi, i: number): Outcome {
  const st = api.getState();
  const base = baseOf(st.scenario);
  const before = additionsOf(st.scenario);
  const gone = before[i];
  if (!gone) return { ok: false, problem: { key: 'student.problem.noSuchAction', params: { n: i + 1 } } };
  const after = removeAddition(base, before, i);
  const v = withAdditions(base, after);
  if (!v.ok)
    return {
      ok: false,
      problem: { key: 'student.problem.invalid', params: {}, reason: problemReason(v.problems) },
    };
  show(api, after.length > 0 ? v.scenario : base, after);
  return { ok: true, addition: gone };
}
