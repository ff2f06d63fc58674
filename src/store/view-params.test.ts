import { describe, expect, it } from 'vitest';
import { createLabStore } from './lab.ts';
import { parseHash } from './url.ts';
import { readViewParams, writeViewParams } from './view-params.ts';

function open(hash: string) {
  const store = createLabStore();
  const { location, notices } = parseHash(hash);
  store.getState().applyLocation(location, notices);
  return store.getState();
}

describe('view settings in the lab’s link', () => {
  it('a link restores fold and speed; absent ones are the defaults', () => {
    const st = open('#/nonblocking?fold=0&speed=8&step=3');
    expect(st.fold).toBe(false);
    expect(st.speed).toBe(8);
    expect(st.pageParams).toEqual({});
    expect(st.notices).toEqual([]);
    const plain = open('#/nonblocking?step=3');
    expect(plain.fold).toBe(true);
    expect(plain.speed).toBe(2);
  });

  it('a bad value gets a notice naming it, and the default', () => {
    const st = open('#/select?fold=maybe&speed=3');
    expect([st.fold, st.speed]).toEqual([true, 2]);
    expect(st.notices).toEqual([
      { key: 'app.notice.badViewParam', params: { name: 'fold', value: 'maybe', fallback: '1' } },
      { key: 'app.notice.badViewParam', params: { name: 'speed', value: '3', fallback: '2' } },
    ]);
    expect(readViewParams({ speed: '0.5', add: 'x' })).toMatchObject({ speed: 0.5, rest: { add: 'x' } });
    expect(writeViewParams({ fold: true, speed: 2 })).toEqual({});
  });
});
