import { describe, expect, it } from 'vitest';
import { hallScenario, type HallConfig } from '../../hall/hall.ts';
import { hallTimeline } from '../../hall/hall-trace.ts';
import { runScenario } from '../../scenarios/run.ts';
import { indexTrace } from '../../kernel/trace-index.ts';
import { translate } from '../../i18n/index.ts';
import { hallStateAt } from './hall-state.ts';
import { describeNow, describeRoom } from './describe.ts';
import { DEFAULTS, readHallParams, writeHallParams } from './params.ts';

function setup(c: HallConfig) {
  const run = runScenario(hallScenario(c));
  const index = indexTrace(run.trace, run.options.cores);
  const tl = hallTimeline(run.trace, c.n);
  const at = (step: number) => hallStateAt(index, tl, index.viewAt(step), step, c.mech);
  return { run, index, tl, at };
}
const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: string, params?: Record<string, string | number>) => translate('zh', key, params);

describe('the hall at a step', () => {
  it('select: a scan asks every watched fd; those with a paper raised are the ones that say yes; the lamp has no names', () => {
    const { run, index, at } = setup({ n: 20, mech: 'select', pattern: 'several', seed: 4 });
    const i = run.trace.findIndex((ev) => ev.type === 'select.scan' && ev.ready.length > 1);
    const ev = run.trace[i]!;
    if (ev.type !== 'select.scan') throw new Error('no scan');
    const s = at(index.stepOfEvent(i));
    expect(s.activity).toBe('scanning');
    expect(s.scan?.asked).toBe(ev.watched.length);
    expect(s.scan?.yes).toEqual(ev.ready);
    expect(s.lamp).toBe(true);
    expect(s.names).toBeNull();
    const raised = s.students.filter((st) => st.state === 'finished').map((st) => st.fd);
    for (const fd of ev.ready) if (fd !== 3) expect(raised).toContain(fd);
    expect(describeNow(s, en)).toContain(`${ev.watched.length} "was it you?"`);
    expect(describeNow(s, zh)).toContain('是你吗');
  });

  it('epoll: the names on the lamp are the ready list, and at the end everyone has handed in and left', () => {
    const { run, index, at } = setup({ n: 8, mech: 'epoll', pattern: 'burst', seed: 2 });
    const i = run.trace.findIndex((ev) => ev.type === 'sys.exit' && ev.name === 'epoll_wait' && ev.ret > 1);
    const step = index.stepOfEvent(i);
    const s = at(step);
    expect(s.activity).toBe('reading');
    expect(s.names).toEqual(Object.values(index.viewAt(step).epolls)[0]!.ready);
    const end = at(index.steps - 1);
    expect(end.students.every((st) => st.state === 'left')).toBe(true);
    expect(end.lamp).toBe(false);
    expect(describeRoom(end, en)).toMatch(/The lamp is off\. .*left: 8/);
  });

  it('select past FD_SETSIZE: after the ValueError the teacher has failed and the class is stranded', () => {
    const { tl, index, at } = setup({ n: 1030, mech: 'select', pattern: 'burst', seed: 1 });
    const s = at(index.stepOfEvent(tl.failed!.ev));
    expect(s.activity).toBe('failed');
    expect(s.lamp).toBe(false);
    expect(describeNow(s, en)).toContain('ValueError');
    const end = at(index.steps - 1);
    expect(end.students.filter((st) => st.state === 'stranded').length).toBe(1030);
  }, 30_000);
});

describe("the hall's link", () => {
  it('reads good values, falls back on bad ones and says which', () => {
    expect(readHallParams({})).toEqual({ value: DEFAULTS, bad: [] });
    const good = { n: '1100', mech: 'epoll', pattern: 'burst', order: '7', view: 'hall' } as const;
    expect(readHallParams(good).value).toEqual({
      n: 1100,
      mech: 'epoll',
      pattern: 'burst',
      order: 7,
      view: 'hall',
    });
    expect(writeHallParams(readHallParams(good).value)).toEqual(good);
    const { value, bad } = readHallParams({ n: '0', mech: 'kqueue', pattern: '', order: '-1', view: 'x' });
    expect(value).toEqual(DEFAULTS);
    expect(bad.map((b) => b.name)).toEqual(['n', 'mech', 'pattern', 'order', 'view']);
    expect(readHallParams({ n: '99999' }).bad[0]).toEqual({ name: 'n', value: '99999', fallback: '30' });
  });
});
