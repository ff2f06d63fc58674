/**
 * A build guard: fails `vite build` when a chunk would ship test code (a `*.test.*` or
 * `*.spec.*` module, or vitest and its helpers). A glob such as `./figures/*.tsx` quietly picks
 * up a test file next to the figures; this makes that an error instead of 460 kB in dist/ (and
 * in the offline cache).
 */
import type { Plugin } from 'vite';

const TEST_MODULE = /\.(test|spec)\.[cm]?[jt]sx?$|\/node_modules\/(vitest|@vitest|@playwright|fast-check)\//;

/** The bundled modules that are test code, `chunk: module` each. */
export function testModulesIn(
  chunks: Iterable<{ fileName: string; moduleIds: readonly string[] }>,
): string[] {
  const found: string[] = [];
  for (const chunk of chunks) {
    for (const id of chunk.moduleIds)
      if (TEST_MODULE.test(id.split('?')[0]!)) found.push(`${chunk.fileName}: ${id}`);
  }
  return found;
}

export function noTestCodePlugin(): Plugin {
  return {
    name: 'iolab-no-test-code',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o] : []));
      const found = testModulesIn(chunks);
      if (found.length > 0)
        this.error(`test code would ship in the build:\n  ${found.slice(0, 10).join('\n  ')}`);
    },
  };
}
