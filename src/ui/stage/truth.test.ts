import { beforeAll, describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { ensureAllMessages, translate } from '../../i18n/index.ts';
import { sceneOfStep } from './scene.ts';
import { phaseBadge, phaseSentence } from './describe.ts';

// Issue 20: the phase indicator's sentence at a scenario's step, in both languages.
beforeAll(() => ensureAllMessages());

describe('item 10: after a FIN wake-up the phase text does not promise a copy', () => {
  it("blocking-two-clients: woken by FIN → recv returns b'' without copying", () => {
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

describe('item 8: the phase badge says inside which call, and asleep or not', () => {
  const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
  const zh = (key: string, params?: Record<string, string | number>) => translate('zh', key, params);
  function badges(id: string) {
    const s = findScenario(id)!;
    const { index } = getRun(s, s.seed);
    const out: { phase: string; via: string; blocked: boolean; en: string; zh: string }[] = [];
    for (let k = 0; k < index.steps; k++) {
      const p = sceneOfStep(index, k, s.model).phase;
      if (p.phase === 'none') continue;
      out.push({
        phase: p.phase,
        via: p.via,
        blocked: p.blocked,
        en: phaseBadge(p, p.phase, en)!,
        zh: phaseBadge(p, p.phase, zh)!,
      });
    }
    return out;
  }

  it('blocking recv: phase 1 “inside recvfrom · asleep”, phase 2 “inside recvfrom · running in kernel mode” — never “not blocked”', () => {
    const b = badges('blocking-two-clients').filter((x) => x.via === 'read');
    const wait = b.find((x) => x.phase === 'waiting' && x.blocked && /recvfrom/.test(x.en))!;
    const copy = b.find((x) => x.phase === 'copying')!;
    expect(wait.en).toBe('inside recvfrom · asleep (off the CPU)');
    expect(wait.zh).toBe('在 recvfrom 里 · 睡眠（不在 CPU 上）');
    expect(copy.en).toBe('inside recvfrom · running in kernel mode, copying');
    expect(copy.zh).toBe('在 recvfrom 里 · 以内核态运行，正在拷贝');
    for (const x of b) expect(x.en).not.toMatch(/thread (not )?blocked/);
  });

  it('signal-driven: asleep in pause(), not “thread blocked” in a read', () => {
    const b = badges('signal-driven').filter((x) => x.via === 'signal');
    expect(b.length).toBeGreaterThan(0);
    for (const x of b.filter((y) => y.blocked)) {
      expect(x.en).toBe('inside pause · asleep (off the CPU)');
      expect(x.zh).toBe('在 pause 里 · 睡眠（不在 CPU 上）');
    }
  });

  it('the signal-driven phase sentence no longer says the thread is free to do other work', () => {
    const s = findScenario('signal-driven')!;
    const { index } = getRun(s, s.seed);
    for (let k = 0; k < index.steps; k++) {
      const p = sceneOfStep(index, k, s.model).phase;
      if (p.via !== 'signal') continue;
      const text = phaseSentence(p, en, 'MainThread');
      expect(text).not.toMatch(/free to do other work/);
      expect(text).toMatch(
        /asleep in pause\(\).*handler only sets a flag.*main loop then calls recvfrom\(\)/,
      );
    }
  });
});
