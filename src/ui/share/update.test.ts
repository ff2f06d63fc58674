import { describe, expect, it } from 'vitest';
import { RELOAD_AGAIN_AFTER_MS, reloadForStaleChunk, watchForUpdate } from './update.ts';

function container(controller: unknown) {
  const listeners: (() => void)[] = [];
  return {
    controller,
    addEventListener: (_: 'controllerchange', fn: () => void) => listeners.push(fn),
    fire: () => listeners.forEach((fn) => fn()),
  };
}

describe('after a deploy', () => {
  it('prompts once when a new worker takes over a controlled page', () => {
    const sw = container({});
    let told = 0;
    watchForUpdate(sw, () => told++);
    sw.fire();
    sw.fire();
    expect(told).toBe(1);
  });

  it('does not prompt on a first visit, when the first worker takes control', () => {
    const sw = container(null);
    let told = 0;
    watchForUpdate(sw, () => told++);
    sw.fire();
    expect(told).toBe(0);
  });

  it('reloads once for a stale chunk, and lets a second failure soon after show its message', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => {
        store.set(k, v);
      },
    };
    let reloads = 0;
    expect(reloadForStaleChunk(storage, 1_000_000, () => reloads++)).toBe(true);
    expect(reloadForStaleChunk(storage, 1_000_000 + 5_000, () => reloads++)).toBe(false);
    expect(reloadForStaleChunk(storage, 1_000_000 + RELOAD_AGAIN_AFTER_MS + 1, () => reloads++)).toBe(true);
    expect(reloads).toBe(2);
  });
});
