/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './tools/offline/sw-plugin.ts';
import { firstDownloadChunk } from './tools/build/first-chunk.ts';
import { noTestCodePlugin } from './tools/build/no-test-code.ts';
import { pyodideAssetsPlugin } from './tools/build/pyodide-assets.ts';
import { precomputedRunsPlugin } from './tools/build/precomputed-runs.ts';

// IOLAB_BASE lets the built site live under any sub-path of a static host (e.g. /courses/os/iolab/).
export default defineConfig({
  base: process.env.IOLAB_BASE ?? './',
  plugins: [react(), noTestCodePlugin(), pyodideAssetsPlugin(), offlinePlugin(), precomputedRunsPlugin()],
  // The Python worker (src/runs/python-worker.ts) imports pyodide itself; it finds its files by URL.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the es2022 target runs on preloads modules itself (or simply imports them):
    // the polyfill's 0.4 KiB stay out of the first download.
    modulePreload: { polyfill: false },
    // Fonts stay files: the CSP allows fonts from 'self' only, not data: URLs.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    // Everything the first screen needs in one chunk: one download, and gzip sees it all at once.
    rolldownOptions: { output: { codeSplitting: { groups: [firstDownloadChunk('src/main.tsx')] } } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tools/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 60_000,
  },
});
