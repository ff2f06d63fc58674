import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { visibleSteps } from '../../runs/folding.ts';
import { binColumns, glyphPath, kindOf, markerIndex, MARKER_KINDS } from './markers.ts';
import { foldedHere, formatTime, positionOf } from './position.ts';

describe('timeline marks', () => {
  it('mark every event of a kind at its visible step, once per step', () => {
    const { index } = getRun(
      findScenario('blocking-two-clients')!,
      findScenario('blocking-two-clients')!.seed,
    );
    const visible = visibleSteps(index.steps, null);
    const marks = markerIndex(index, visible);
    expect(marks.n).toBe(index.steps);
    for (const kind of MARKER_KINDS) {
      const expected = new Set<number>();
      index.trace.forEach((ev, i) => {
        if (kindOf(ev) === kind) expected.add(index.stepOfEvent(i));
      });
      expect([...marks.at[kind]], kind).toEqual([...expected].sort((a, b) => a - b));
    }
    expect(marks.at.copy.length).toBeGreaterThan(0);
  });

  it('put the marks of folded rounds on the step that stands for them', () => {
    const s = findScenario('nonblocking-pitfall')!;
    const { index, folds } = getRun(s, s.seed);
    const fold = folds.folds[0]!;
    const visible = visibleSteps(index.steps, folds);
    const marks = markerIndex(index, visible);
    const foldPos = visible.indexOf(fold.last);
    const all = MARKER_KINDS.flatMap((k) => [...marks.at[k]]);
    expect(all.every((p) => p >= 0 && p < visible.length)).toBe(true);
    expect(all).toContain(foldPos);
    expect(foldedHere(folds, true, fold.last)).toBe(fold);
    expect(foldedHere(folds, true, fold.first)).toBeUndefined();
    expect(foldedHere(folds, false, fold.last)).toBeUndefined();
    expect(positionOf(visible, fold.last)).toBe(foldPos);
  });

  it('cost at most one glyph per pixel column, whatever the trace length', () => {
    const positions = Int32Array.from({ length: 1_000_000 }, (_, i) => i);
    const cols = binColumns(positions, (p) => 10 + (p / 999_999) * 1000, 3);
    expect(cols.length).toBeLessThanOrEqual(1000 / 3 + 2);
    const d = glyphPath('block', cols, 20, 8);
    expect(d.match(/M/g)!.length).toBe(cols.length);
  });

  it('say times in µs or ms', () => {
    expect(formatTime(2_000, 'en')).toBe('2.0 µs');
    expect(formatTime(1_900_045_000, 'en')).toBe('1,900.045 ms');
  });
});
