import { describe, expect, it } from 'vitest';
import { isShell, serviceWorkerSource } from './sw-plugin.ts';

describe('the service worker the build writes', () => {
  it('precaches the app and the Latin fonts, not the font fallbacks or the Chinese subsets', () => {
    expect(isShell('index.html')).toBe(true);
    expect(isShell('assets/index-abc.js')).toBe(true);
    expect(isShell('assets/index-abc.css')).toBe(true);
    expect(isShell('favicon.svg')).toBe(true);
    expect(isShell('assets/noto-sans-latin-400-normal-X.woff2')).toBe(true);
    expect(isShell('assets/jetbrains-mono-latin-ext-700-normal-X.woff2')).toBe(true);
    expect(isShell('assets/noto-sans-latin-400-normal-X.woff')).toBe(false);
    expect(isShell('assets/noto-sans-sc-100-400-normal-X.woff2')).toBe(false);
    expect(isShell('assets/noto-sans-sc-latin-400-normal-X.woff2')).toBe(false);
    expect(isShell('sw.js')).toBe(false);
  });

  it('never precaches the Python interpreter or its worker (cached when the playground first fetches them)', () => {
    for (const f of [
      'pyodide/pyodide.asm.wasm',
      'pyodide/python_stdlib.zip',
      'pyodide/pyodide.asm.mjs',
      'pyodide/pyodide-lock.json',
      'assets/python-worker-Ab12.js',
    ])
      expect(isShell(f), f).toBe(false);
  });

  it('names its cache after the build, lists paths relative to itself, and parses', () => {
    const src = serviceWorkerSource('abc123', ['./index.html', './assets/a.js']);
    expect(src).toContain("const CACHE = 'iolab-abc123';");
    expect(src).toContain('["./","./index.html","./assets/a.js"]');
    expect(() => new Function(src)).not.toThrow();
    expect(src).not.toMatch(/https?:\/\//);
  });
});
