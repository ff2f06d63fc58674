import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MS } from '../../kernel/types.ts';
import { COMPARE_MODELS } from '../../compare/compare.ts';
import { DEFAULT_MODELS, formatMs, readParams, writeParams } from './params.ts';

const END = 1000 * MS;

describe('compare page parameters', () => {
  it('defaults to the five classic models at time 0, squeezed', () => {
    const { params, problems } = readParams({}, END);
    expect(params).toEqual({ models: [...DEFAULT_MODELS], t: 0, scale: 'squeezed' });
    expect(problems).toEqual([]);
  });

  it('keeps known models in canonical order, drops duplicates, reports unknown ones', () => {
    const { params, problems } = readParams({ models: 'epoll,blocking,nope,epoll' }, END);
    expect(params.models).toEqual(['blocking', 'epoll']);
    expect(problems).toEqual([
      { key: 'compare.notice.badModels', params: { models: 'nope', fallback: 'blocking, epoll' } },
    ]);
  });

  it('falls back to the defaults when no model is usable (the chat room is not an echo model)', () => {
    expect(readParams({ models: 'select-chat' }, END).params.models).toEqual([...DEFAULT_MODELS]);
    expect(readParams({ models: '' }, END).problems[0]?.key).toBe('compare.notice.noModels');
  });

  it('reads t in ms exact to the ns; bad or late times fall back with a notice', () => {
    expect(readParams({ t: '300.020172' }, END).params.t).toBe(300_020_172);
    expect(readParams({ t: 'soon' }, END)).toMatchObject({
      params: { t: 0 },
      problems: [{ key: 'compare.notice.badTime' }],
    });
    expect(readParams({ t: '-1' }, END).problems[0]?.key).toBe('compare.notice.badTime');
    expect(readParams({ t: '5000' }, END)).toMatchObject({
      params: { t: END },
      problems: [{ key: 'compare.notice.lateTime' }],
    });
    expect(readParams({ scale: 'log' }, END)).toMatchObject({
      params: { scale: 'squeezed' },
      problems: [{ key: 'compare.notice.badScale' }],
    });
  });

  it('round-trips any choice through the URL', () => {
    fc.assert(
      fc.property(
        fc.subarray([...COMPARE_MODELS], { minLength: 1 }),
        fc.integer({ min: 0, max: END }),
        fc.constantFrom('squeezed' as const, 'linear' as const),
        (models, t, scale) => {
          const back = readParams(writeParams({ models, t, scale }), END);
          expect(back.problems).toEqual([]);
          expect(back.params).toEqual({ models, t, scale });
        },
      ),
    );
    expect(formatMs(300_020_000)).toBe('300.02');
    expect(formatMs(0)).toBe('0');
  });
});
