import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRACE_RECORDINGS } from './facts.ts';

describe('about page facts', () => {
  it('counts the strace recordings there are', () => {
    const files = readdirSync(new URL('../../../fixtures/strace/', import.meta.url)).filter((f) =>
      f.endsWith('.strace'),
    );
    expect(STRACE_RECORDINGS).toBe(files.length);
  });
});
