import { describe, expect, it } from 'vitest';
import { hallScenario, type HallConfig } from '../../hall/hall.ts';
import { hallTimeline } from '../../hall/hall-trace.ts';
import { runScenario } from '../../scenarios/run.ts';
import { indexTrace } from '../../kernel/trace-index.ts';
import { translate } from '../../i18n/index.ts';
import { hallStateAt } from './hall-state.ts';
import { describeNow } from './describe.ts';
import { DEFAULTS } from './params.ts';

// Issue 20, item 10: the teacher dozes only while the thread is asleep.
describe('the exam hall: the teacher dozes only when the thread is asleep', () => {
  for (const mech of ['select', 'epoll'] as const) {
    it(`${mech}: a moment inside the call with the thread running says the teacher is awake`, () => {
      const c: HallConfig = { n: DEFAULTS.n, pattern: DEFAULTS.pattern, mech, seed: 4 };
      const run = runScenario(hallScenario(c));
      const index = indexTrace(run.trace, run.options.cores);
      const tl = hallTimeline(run.trace, c.n);
      let awake = 0;
      for (let k = 0; k < index.steps; k++) {
        const view = index.viewAt(k);
        const s = hallStateAt(index, tl, view, k, mech);
        const main = Object.values(view.threads)[0];
        const en = describeNow(s, (key, p) => translate('en', key, p));
        const zh = describeNow(s, (key, p) => translate('zh', key, p));
        if (main && main.state !== 'blocked') {
          expect(en, `step ${k}`).not.toMatch(/dozes/);
          expect(zh, `step ${k}`).not.toMatch(/打盹，等灯亮/);
        }
        if (s.activity === 'checking') {
          awake++;
          expect(en).toMatch(/awake \(the thread is running inside/);
          expect(zh).toMatch(/醒着（线程正在/);
        }
      }
      expect(awake).toBeGreaterThan(0);
    });
  }
});
