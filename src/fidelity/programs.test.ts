import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module (the generator script)
import { OUTPUTS } from '../../scripts/gen-listings.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from '../scenarios/index.ts';
import { MODELS, resolveOptions } from '../scenarios/format.ts';
import { runScenario } from '../scenarios/run.ts';
import { serverModel } from '../programs/index.ts';
import { LISTINGS } from '../programs/listings.generated.ts';
import { renderListing } from '../programs/lines.ts';
import { hasKey } from '../i18n/index.ts';

describe('the programs and their Python listings', () => {
  it('the generated modules match the .py and .json files they embed (run `npm run generate`)', () => {
    for (const [rel, render] of OUTPUTS as [string, () => string][]) {
      const path = fileURLToPath(new URL(rel, new URL('../../scripts/', import.meta.url)));
      const fresh = readFileSync(path, 'utf8') === render();
      expect(fresh, `${rel} is stale: run npm run generate`).toBe(true);
    }
  });

  it('every model has a shipped scenario, and every shipped scenario runs without a simulator fault', () => {
    expect(new Set(SCENARIOS.map((s) => s.model))).toEqual(new Set(MODELS));
    for (const s of SCENARIOS) {
      const r = runScenario(s, { keepTrace: false });
      expect(r.stopReason, s.id).not.toBe('maxEvents');
      // only the pitfall demonstrations are allowed to die
      if (s.options?.variant !== 'pitfall') expect(r.errors, s.id).toEqual([]);
    }
  });

  it('every highlighted line exists in its listing', () => {
    for (const s of SCENARIOS) {
      const r = runScenario(s);
      const lines = LISTINGS[r.listing!].split('\n').length;
      for (const e of r.trace) {
        if (e.type === 'py' || e.type === 'sys.enter') {
          expect(e.line, `${s.id}: line ${e.line}`).toBeGreaterThanOrEqual(0);
          expect(e.line, `${s.id}: line ${e.line}`).toBeLessThanOrEqual(lines);
        }
      }
    }
  });

  it('every note a program attaches to a line is a message both languages have', () => {
    for (const s of SCENARIOS) {
      for (const e of runScenario(s).trace)
        if (e.type === 'py' && e.note) expect(hasKey(e.note), `${s.id}: ${e.note}`).toBe(true);
    }
  });

  it("shows the listing with the run's own constants", () => {
    const s = SCENARIOS.find((x) => x.model === 'thread-pool')!;
    const o = resolveOptions(s);
    const model = serverModel(s.model, o);
    const text = renderListing(model.listing, { POOL_SIZE: '7', RECV_SIZE: '16' });
    expect(text).toMatch(/^POOL_SIZE = 7$/m);
    expect(text).toMatch(/^RECV_SIZE = 16$/m);
  });
});
