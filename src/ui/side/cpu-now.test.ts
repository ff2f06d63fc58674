import { beforeAll, describe, expect, it } from 'vitest';
import { findScenario } from '../../scenarios/index.ts';
import { getRun } from '../../runs/runs.ts';
import { ensureAllMessages, translate, type Lang } from '../../i18n/index.ts';
import { cpuNow } from './cpu-now.ts';

// Issue 20, item 10: the CPU meter since the start is cumulative (it read "100.0 %" while the
// thread slept in accept); the meters also say what each core does at this step.
beforeAll(() => ensureAllMessages());
const t = (lang: Lang) => (key: string, params?: Record<string, string | number>) =>
  translate(lang, key, params);

describe('the meters’ “now” line', () => {
  const s = findScenario('blocking-two-clients')!;
  const { index } = getRun(s, s.seed);
  const first = (type: string, name: string) => {
    const i = index.trace.findIndex((ev) => ev.type === type && 'name' in ev && ev.name === name);
    if (i >= 0) return index.stepOfEvent(i);
    throw new Error(`no ${type} ${name}`);
  };
  it('says the core is idle while the thread sleeps in accept, in both languages', () => {
    const view = index.viewAt(first('sys.block', 'accept4'));
    expect(cpuNow(view, t('en'))).toBe('Now: CPU 0 idle');
    expect(cpuNow(view, t('zh'))).toBe('此刻：CPU 0 空闲');
  });
  it('names the thread a core runs', () => {
    const view = index.viewAt(first('sys.enter', 'recvfrom'));
    expect(cpuNow(view, t('en'))).toBe('Now: CPU 0 runs MainThread (4000)');
    expect(cpuNow(view, t('zh'))).toBe('此刻：CPU 0 在运行 MainThread (4000)');
  });
  it('labels the cumulative figures as such', () => {
    for (const key of ['syscalls', 'ctx', 'eagain', 'bytes', 'replies']) {
      expect(translate('en', `panels.meters.${key}`)).toMatch(/in all$/);
      expect(translate('zh', `panels.meters.${key}`)).toMatch(/（累计）$/);
    }
    expect(translate('en', 'panels.meters.threads')).toBe('Threads now');
    expect(translate('zh', 'panels.meters.threads')).toBe('当前线程数');
  });
});
