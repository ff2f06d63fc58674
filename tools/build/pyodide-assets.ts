/**
 * The Python interpreter for "your own server", from the `pyodide` package's own files, never a
 * CDN: `vite build` copies them to dist/pyodide/ (unhashed: Pyodide finds them by name next to
 * each other), and the dev server serves them at /pyodide/. Only the Python worker
 * (src/runs/python-worker.ts) asks for them, so they are not part of the first download, and the
 * service worker does not precache them (tools/offline/sw-plugin.ts: isShell); it caches them the
 * first time they are fetched, after which the interpreter works offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** What loadPyodide() fetches from its indexURL (pyodide.mjs itself is bundled into the worker). */
export const PYODIDE_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];
export const PYODIDE_DIR = 'pyodide';

const packageDir = (): string => dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const TYPES: Record<string, string> = {
  mjs: 'text/javascript',
  wasm: 'application/wasm',
  zip: 'application/zip',
  json: 'application/json',
};

export function pyodideAssetsPlugin(): Plugin {
  return {
    name: 'iolab-pyodide-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pyodide\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
        const file = m?.[1];
        if (!file || !PYODIDE_FILES.includes(file)) {
          next();
          return;
        }
        res.setHeader('Content-Type', TYPES[file.split('.').pop()!] ?? 'application/octet-stream');
        res.end(readFileSync(join(packageDir(), file)));
      });
    },
    generateBundle() {
      for (const file of PYODIDE_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `${PYODIDE_DIR}/${file}`,
          source: readFileSync(join(packageDir(), file)),
        });
      }
    },
  };
}
