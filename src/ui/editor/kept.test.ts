import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.ts';
import { blankDraft, draftOf } from './draft.ts';
import { DRAFT_KEY, asDraft, loadDraft, saveDraft, type DraftStorage } from './kept.ts';

function memory(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

describe("the editor's kept draft", () => {
  it("gives back what it kept, every shipped scenario's form included", () => {
    const storage = memory();
    for (const s of SCENARIOS) {
      const draft = draftOf(s);
      expect(saveDraft(storage, { draft, from: s.id, saved: 'a', start: 'b' }, 'c')).toBe(true);
      expect(loadDraft(storage)).toEqual({ draft, from: s.id, saved: 'a', start: 'b' });
    }
  });

  it('keeps nothing while the draft is still what it started from', () => {
    const storage = memory();
    saveDraft(storage, { draft: blankDraft(), from: 'blank', saved: 'x', start: 'x' }, 'y');
    expect(storage.map.has(DRAFT_KEY)).toBe(true);
    saveDraft(storage, { draft: blankDraft(), from: 'blank', saved: 'x', start: 'x' }, 'x');
    expect(storage.map.has(DRAFT_KEY)).toBe(false);
    expect(loadDraft(storage)).toBeNull();
  });

  it('ignores a damaged or foreign value, and a browser that refuses storage', () => {
    const storage = memory();
    for (const text of [
      '{',
      'null',
      '[]',
      '{"v":2}',
      JSON.stringify({
        v: 1,
        from: '',
        saved: '',
        start: '',
        draft: { ...blankDraft(), clients: [{ name: 1, actions: [] }] },
      }),
      JSON.stringify({
        v: 1,
        from: '',
        saved: '',
        start: '',
        draft: { ...blankDraft(), options: { recvSize: 5 } },
      }),
    ]) {
      storage.map.set(DRAFT_KEY, text);
      expect(loadDraft(storage), text).toBeNull();
    }
    expect(loadDraft(null)).toBeNull();
    expect(saveDraft(null, { draft: blankDraft(), from: '', saved: '', start: '' }, 'x')).toBe(false);
    const full: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(loadDraft(full)).toBeNull();
    expect(saveDraft(full, { draft: blankDraft(), from: '', saved: '', start: '' }, 'x')).toBe(false);
  });

  it("copies only the draft's own fields", () => {
    const d = asDraft({
      ...blankDraft(),
      extra: 'no',
      clients: [{ name: 'a', actions: [{ at: '0', do: 'connect', data: '', x: 1 }], y: 2 }],
    });
    expect(d).toEqual({
      ...blankDraft(),
      clients: [{ name: 'a', actions: [{ at: '0', do: 'connect', data: '' }] }],
    });
  });
});
