import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR, generatedScenarios, goldenFiles } from './golden.ts';
import { MODELS, validateScenario } from '../scenarios/format.ts';

// `npm run golden -- --update` rewrites the files (vitest's file snapshots): for an intended
// change only, in the commit that makes it, saying why.
describe('the golden set: every shipped scenario and the generated ones give the recorded bytes', () => {
  for (const [name, make] of goldenFiles()) {
    it(
      name,
      async () => {
        await expect(make()).toMatchFileSnapshot(join('..', '..', GOLDEN_DIR, name));
      },
      240_000,
    ); // the generated set runs 300 scenarios: ~10 s alone, far more on a loaded machine
  }

  it('the generated scenarios are valid and cover every model', () => {
    const generated = generatedScenarios();
    expect(generated.every((s) => validateScenario(s).ok)).toBe(true);
    expect(new Set(generated.map((s) => s.model)).size).toBe(MODELS.length);
  });
});
