/**
 * Where the first download's bytes go (part of `npm run bench`; alone:
 * `node --import tsx bench/initial-breakdown.ts`). Builds the site in memory (nothing written),
 * takes the scripts the page loads before it can draw (the entry and what it imports
 * statically, as bench/app.ts counts them), and shares each chunk's gzip size out among its
 * modules in proportion to each module's own code, minified (esbuild) and gzipped alone.
 * Approximate per area (gzip does not add up module by module); the total is exact.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { build, type Rollup } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The area a module belongs to, for the breakdown. */
export function areaOf(id: string): string {
  const path = id.split('?')[0]!.replace(/\\/g, '/');
  if (/\/node_modules\/(react-dom|scheduler)\//.test(path)) return 'React DOM';
  if (/\/node_modules\//.test(path)) return 'React, Zustand, D3 parts';
  if (/\/src\/kernel\//.test(path)) return 'kernel and machine view';
  if (/\/src\/programs\//.test(path)) return 'server programs and Python listings';
  if (/\/src\/scenarios\//.test(path)) return 'scenarios, links, student actions';
  if (/\/src\/(narration\/[a-z-]+\.ts|i18n\/[a-z]+\/narration\.ts)$/.test(path))
    return 'narration (code and English words)';
  if (/\/src\/i18n\//.test(path)) return 'other English words, translator';
  if (/\/src\/ui\/stage\//.test(path) || /\/src\/ui\/Stage\.tsx$/.test(path)) return 'stage';
  if (/\/src\/ui\/(controls\/|Controls\.tsx$)/.test(path)) return 'controls and timeline';
  if (/\/src\/store\//.test(path)) return 'store and URL';
  if (/\/src\//.test(path)) return 'app shell (header, narration panel, file bar, notices…)';
  return 'Vite runtime';
}

/** A module's code minified and gzipped on its own (its raw gzip size if it does not parse alone). */
function alone(code: string): number {
  if (code.trim() === '') return 0;
  let min = code;
  try {
    min = transformSync(code, { minify: true, loader: 'js' }).code;
  } catch {
    /* a fragment: keep it as it is */
  }
  return gzipSync(Buffer.from(min), { level: 9 }).length;
}

export interface Breakdown {
  totalGzipBytes: number;
  areas: { area: string; gzipBytes: number }[];
}

export async function initialBreakdown(): Promise<Breakdown> {
  const out = await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunks = new Map<string, Rollup.OutputChunk>();
  for (const o of outputs)
    for (const item of o.output) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const queue = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  const initial = new Set<string>();
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (initial.has(name)) continue;
    initial.add(name);
    queue.push(...(chunks.get(name)?.imports ?? []));
  }
  const areas = new Map<string, number>();
  let total = 0;
  for (const name of initial) {
    const chunk = chunks.get(name)!;
    const gz = gzipSync(Buffer.from(chunk.code), { level: 9 }).length;
    total += gz;
    const weights = Object.entries(chunk.modules).map(([id, m]) => [id, alone(m.code ?? '')] as const);
    const size = weights.reduce((sum, [, w]) => sum + w, 0);
    if (size === 0) {
      areas.set('Vite runtime', (areas.get('Vite runtime') ?? 0) + gz);
      continue;
    }
    for (const [id, w] of weights) areas.set(areaOf(id), (areas.get(areaOf(id)) ?? 0) + (gz * w) / size);
  }
  return {
    totalGzipBytes: total,
    areas: [...areas]
      .map(([area, bytes]) => ({ area, gzipBytes: Math.round(bytes) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

export function printBreakdown(b: Breakdown): void {
  console.log(
    `\nfirst download by area (${(b.totalGzipBytes / 1024).toFixed(1)} KiB gzip; approximate shares):`,
  );
  for (const { area, gzipBytes } of b.areas)
    console.log(`  ${area.padEnd(56)} ${(gzipBytes / 1024).toFixed(1).padStart(6)} KiB`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  printBreakdown(await initialBreakdown());
}
