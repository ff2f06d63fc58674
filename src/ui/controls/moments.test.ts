import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { visibleSteps } from '../../runs/folding.ts';
import { momentOf, nearestMoment } from './moments.ts';

function run(id: string) {
  const s = SCENARIOS.find((x) => x.id === id)!;
  return getRun(s, s.seed);
}

/** Every raw step that holds a moment of `kind`, the slow way. */
function stepsWith(id: string, kind: string): number[] {
  const { index } = run(id);
  const out = new Set<number>();
  index.trace.forEach((ev, i) => {
    if (momentOf(ev) === kind) out.add(index.stepOfEvent(i));
  });
  return [...out].sort((a, b) => a - b);
}

describe('next and previous important moment', () => {
  it('walks forward through every step where a thread falls asleep, then stops', () => {
    const { index } = run('select');
    const visible = visibleSteps(index.steps, null);
    const expected = stepsWith('select', 'block');
    expect(expected.length).toBeGreaterThan(2);
    const seen: number[] = [];
    let at: number | null = 0;
    while ((at = nearestMoment(index, visible, at, 1, ['block'])) !== null) seen.push(at);
    expect(seen).toEqual(expected.filter((s) => s > 0));
  });

  it('walks backward to the reply before, and finds nothing before the first', () => {
    const { index } = run('blocking-two-clients');
    const visible = visibleSteps(index.steps, null);
    const replies = stepsWith('blocking-two-clients', 'reply');
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(nearestMoment(index, visible, index.steps - 1, -1, ['reply'])).toBe(replies[replies.length - 1]);
    expect(nearestMoment(index, visible, replies[1]!, -1, ['reply'])).toBe(replies[0]);
    expect(nearestMoment(index, visible, replies[0]!, -1, ['reply'])).toBeNull();
  });

  it('counts only the chosen kinds, and none when none are chosen', () => {
    const { index } = run('select');
    const visible = visibleSteps(index.steps, null);
    const copy = nearestMoment(index, visible, 0, 1, ['copy'])!;
    const wake = nearestMoment(index, visible, 0, 1, ['wake'])!;
    expect(nearestMoment(index, visible, 0, 1, ['copy', 'wake'])).toBe(Math.min(copy, wake));
    expect(nearestMoment(index, visible, 0, 1, [])).toBeNull();
  });

  it('lands on a visible step when the moment is inside a folded loop', () => {
    const { index, folds } = run('nonblocking-pitfall');
    const visible = visibleSteps(index.steps, folds);
    expect(visible.length).toBeLessThan(index.steps);
    let at: number | null = 0;
    let n = 0;
    while ((at = nearestMoment(index, visible, at, 1, ['error'])) !== null) {
      expect(visible).toContain(at);
      n++;
    }
    expect(n).toBeGreaterThan(0);
  });
});
