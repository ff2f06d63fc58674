import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-part.ts';

describe('lazyModule.loaded', () => {
  it('starts the download once and resolves when the module is here', async () => {
    let calls = 0;
    const part = lazyModule(() => {
      calls += 1;
      return Promise.resolve({ value: 42 });
    });
    await Promise.all([part.loaded(), part.loaded()]);
    expect(calls).toBe(1);
  });

  it('resolves (does not reject) when the download fails, and retries on the next ask', async () => {
    let calls = 0;
    const part = lazyModule(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ value: 1 });
    });
    await expect(part.loaded()).resolves.toBeUndefined();
    await part.loaded();
    expect(calls).toBe(2);
  });
});
