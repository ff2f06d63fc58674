/**
 * What a handout shows, from its URL (pure, testable):
 *   #/handout/<lesson id>                      the lesson's stops (each stop's step found in its run)
 *   #/handout?scenario=<id>&steps=3,10,25     those steps of a shipped scenario
 *   #/handout?scenario=<id>&steps=…&s=1.…    those steps of a scenario carried in the link (edited, from a file)
 * Bad parts become notices and a safe fallback: an unknown lesson or scenario, steps that are not
 * numbers or past the end, too many steps.
 */
import type { Lesson, LessonContext, Question, Words } from '../../lessons/types.ts';
import { findScenario, SCENARIOS } from '../../scenarios/index.ts';
import type { Scenario } from '../../scenarios/format.ts';
import { getRun } from '../../runs/runs.ts';
import { decodeScenario } from '../../scenarios/link.ts';
import { visibleSteps } from '../../runs/folding.ts';

export const MAX_STILLS = 24;
const DEFAULT_SCENARIO = 'blocking-two-clients';

export interface Still {
  step: number;
  title?: Words;
  body?: Words[];
  prompt?: Words;
  question?: Question;
}
export interface PlanNotice {
  key: string;
  params: Record<string, string | number>;
}
export interface Plan {
  lesson: Lesson | null;
  scenario: Scenario;
  seed: number;
  stills: Still[];
  ctx: LessonContext;
  notices: PlanNotice[];
  /** The page's parameters as they should read (normalized). */
  params: Record<string, string>;
}

function contextOf(scenario: Scenario, seed: number): LessonContext {
  const run = getRun(scenario, seed);
  return { run, viewAt: (k) => run.index.viewAt(k) };
}

/** A handful of steps spread over the run (folded busy loops count once). */
export function spreadSteps(scenario: Scenario, seed: number, count = 6): number[] {
  const { index, folds } = getRun(scenario, seed);
  const visible = visibleSteps(index.steps, folds);
  if (visible.length === 0) return [0];
  const picks = Array.from(
    { length: count },
    (_, i) => visible[Math.round(((i + 1) * (visible.length - 1)) / (count + 1))] ?? 0,
  );
  return [...new Set(picks)];
}

export function planHandout(
  arg: string | null,
  params: Record<string, string>,
  lessons: readonly Lesson[],
): Plan {
  const notices: PlanNotice[] = [];
  if (arg !== null) {
    const lesson = lessons.find((l) => l.id === arg || String(l.n) === arg) ?? null;
    if (lesson) {
      const scenario = typeof lesson.scenario === 'string' ? findScenario(lesson.scenario) : lesson.scenario;
      if (scenario) {
        const seed = lesson.seed ?? scenario.seed;
        const ctx = contextOf(scenario, seed);
        const last = Math.max(0, ctx.run.index.steps - 1);
        const stills: Still[] = [];
        for (const item of lesson.items) {
          if (item.kind !== 'stop') continue;
          let step: number;
          try {
            step = Math.max(0, Math.min(last, Math.round(item.at(ctx)))) || 0;
          } catch {
            step = 0;
          }
          stills.push({
            step,
            title: item.title,
            body: item.body,
            ...(item.question ? { prompt: item.question.prompt, question: item.question } : {}),
          });
        }
        return { lesson, scenario, seed, stills: stills.slice(0, MAX_STILLS), ctx, notices, params: {} };
      }
    }
    notices.push({ key: 'handout.notice.badLesson', params: { id: arg.slice(0, 60) } });
  }

  const wanted = params.scenario ?? DEFAULT_SCENARIO;
  let scenario = findScenario(wanted);
  let carried: string | null = null;
  if (params.s !== undefined) {
    const got = decodeScenario(params.s);
    if (!got.ok) notices.push({ key: 'handout.notice.badLink', params: { id: wanted.slice(0, 60) } });
    else if (!hasRun(got.scenario))
      notices.push({ key: 'handout.notice.notRun', params: { id: got.scenario.id.slice(0, 60) } });
    else {
      scenario = got.scenario;
      carried = params.s;
    }
  }
  if (!scenario) {
    scenario = findScenario(DEFAULT_SCENARIO) ?? SCENARIOS[0]!;
    notices.push({
      key: 'handout.notice.badScenario',
      params: { id: wanted.slice(0, 60), fallback: scenario.id },
    });
  }
  const seed = scenario.seed;
  const ctx = contextOf(scenario, seed);
  const total = ctx.run.index.steps;
  let steps: number[] = [];
  if (params.steps !== undefined) {
    const parts = params.steps
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const bad: string[] = [];
    for (const p of parts) {
      if (/^\d{1,9}$/.test(p) && Number(p) < total) steps.push(Number(p));
      else bad.push(p.slice(0, 12));
    }
    if (bad.length > 0)
      notices.push({ key: 'handout.notice.badSteps', params: { steps: bad.slice(0, 5).join(', '), total } });
    steps = [...new Set(steps)].sort((a, b) => a - b);
    if (steps.length > MAX_STILLS) {
      notices.push({ key: 'handout.notice.tooMany', params: { max: MAX_STILLS } });
      steps = steps.slice(0, MAX_STILLS);
    }
  }
  if (steps.length === 0) steps = spreadSteps(scenario, seed);
  return {
    lesson: null,
    scenario,
    seed,
    stills: steps.map((step) => ({ step })),
    ctx,
    notices,
    params: { scenario: scenario.id, steps: steps.join(','), ...(carried ? { s: carried } : {}) },
  };
}

/** A scenario's run can be made here, or was made already (a student's Python program is run by the worker, in the lab). */
function hasRun(scenario: Scenario): boolean {
  try {
    getRun(scenario, scenario.seed);
    return true;
  } catch {
    return false;
  }
}
