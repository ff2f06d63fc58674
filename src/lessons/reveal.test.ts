import { describe, expect, it } from 'vitest';
import { LESSONS } from './index.ts';
import { itemContext } from './context.ts';
import type { LessonContext, Stop } from './types.ts';

// Issue 20, item 9: predict-then-reveal must not give the answer away. For each question, what
// would reveal it, and a check that the page at the question's moment shows none of it:
// - an fd number the kernel has not handed out yet (lesson 1: which fd will accept() return?):
//   the fd must not be in any fd table at the question's step;
// - a figure that tabulates the answer (lesson 17's table): not on the question's page, nor on
//   any page before it;
// - the moment itself: the question is asked no later than the step its answer is shown at.
const stops = LESSONS.flatMap((lesson) =>
  lesson.items
    .filter((item): item is Stop => item.kind === 'stop' && item.question !== undefined)
    .map((item) => ({ lesson, item })),
);

function openFds(ctx: LessonContext, step: number): Set<number> {
  const view = ctx.viewAt(step);
  const out = new Set<number>();
  for (const p of Object.values(view.procs)) for (const fd of Object.keys(p.fds)) out.add(Number(fd));
  return out;
}

describe('predict, then reveal: the page before the reveal does not show the answer', () => {
  it('finds the questions', () => {
    expect(stops.length).toBeGreaterThanOrEqual(25);
  });

  for (const { lesson, item } of stops) {
    const q = item.question!;
    it(`lesson ${lesson.n}, ${item.id}: asked before it is revealed; a new fd is not shown yet; no answering table`, () => {
      const ctx = itemContext(lesson, item);
      const at = item.at(ctx);
      const reveal = q.revealAt ? q.revealAt(ctx) : at;
      expect(at).toBeLessThanOrEqual(reveal);
      // An fd question whose answer is an fd handed out between the question and the reveal.
      const choices = q.choices(ctx);
      const answer = q.answer(ctx);
      if (
        choices.length > 0 &&
        choices.every((c) => c.literal && /^\d+$/.test(c.id)) &&
        answer.length === 1
      ) {
        const fd = Number(answer[0]);
        const before = at > 0 ? openFds(ctx, at - 1) : new Set<number>();
        if (!before.has(fd) && openFds(ctx, reveal).has(fd)) {
          expect(openFds(ctx, at).has(fd), `fd ${fd} is already on the stage at step ${at}`).toBe(false);
        }
      }
      // A figure that tabulates the answers is neither on the question's page nor before it.
      const index = lesson.items.indexOf(item);
      const shown = lesson.items
        .slice(0, index + 1)
        .map((it2) => it2.figure?.name)
        .filter(Boolean);
      if (lesson.n === 17) expect(shown).not.toContain('PhaseTable');
    });
  }

  it('lesson 1, “which fd will accept() return?”: fd 4 is not on the stage at the question', () => {
    const lesson = LESSONS.find((l) => l.n === 1)!;
    const item = lesson.items.find((i) => i.id === 'accept') as Stop;
    const ctx = itemContext(lesson, item);
    const at = item.at(ctx);
    expect(openFds(ctx, at).has(4)).toBe(false);
    expect(openFds(ctx, item.question!.revealAt!(ctx)).has(4)).toBe(true);
  });
});
