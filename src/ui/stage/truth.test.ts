import { beforeAll, describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { ensureAllMessages, translate } from '../../i18n/index.ts';
import { sceneOfStep } from './scene.ts';
import { phaseSentence } from './describe.ts';

// Issue 20: the phase indicator's sentence at a scenario's step, in both languages.
beforeAll(() => ensureAllMessages());

describe('item 10: after a FIN wake-up the phase text does not promise a copy', () => {
  it('blocking-two-clients: woken by FIN → recv returns b\'\' without copying', () => {
    const s = findScenario('blocking-two-clients')!;
    const { index } = getRun(s, s.seed);
    const fin: number[] = [];
    for (let k = 0; k < index.steps; k++) {
      const ev = index.trace[index.stepStart[k]!]!;
      if (ev.type === 'sys.wake' && ev.reason === 'FIN') fin.push(k);
    }
    expect(fin.length).toBeGreaterThan(0);
    for (const k of fin) {
      const p = sceneOfStep(index, k, s.model).phase;
      const en = phaseSentence(p, (key, params) => translate('en', key, params), 'MainThread');
      const zh = phaseSentence(p, (key, params) => translate('zh', key, params), '主线程');
      expect(en).not.toMatch(/copy comes next/);
      expect(en).toMatch(/will return b'' without copying anything/);
      expect(zh).not.toMatch(/接下来是拷贝/);
      expect(zh).toMatch(/将返回 b''，什么也不拷贝/);
    }
  });
});
