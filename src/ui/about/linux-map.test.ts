import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KERNEL_MAP } from './linux-map.ts';

const ROOT = new URL('../../../', import.meta.url);
const headerOf = (file: string): string => readFileSync(new URL(file, ROOT), 'utf8').split('*/')[0]!;

describe('where the kernel lives: the table matches the code', () => {
  for (const part of KERNEL_MAP) {
    it(`${part.file} names ${part.linux.join(', ') || 'no Linux source'} in its first comment`, () => {
      const header = headerOf(part.file);
      for (const source of part.linux) expect(header).toContain(source);
    });
  }

  it('lists every kernel source file that implements a subsystem', () => {
    const dir = new URL('src/kernel/', ROOT).pathname;
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const withLinux = walk(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && /Linux's/.test(headerOf(f)),
    );
    const listed = new Set(KERNEL_MAP.map((p) => new URL(p.file, ROOT).pathname));
    expect(withLinux.filter((f) => !listed.has(f))).toEqual([]);
  });
});
