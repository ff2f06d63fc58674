import { describe, expect, it } from 'vitest';
import { codePointsOf, isShell, serviceWorkerSource, usedFonts } from './sw-plugin.ts';

describe('the service worker the build writes', () => {
  it('precaches the app but leaves the fonts to usedFonts', () => {
    expect(isShell('index.html')).toBe(true);
    expect(isShell('assets/index-abc.js')).toBe(true);
    expect(isShell('assets/index-abc.css')).toBe(true);
    expect(isShell('favicon.svg')).toBe(true);
    expect(isShell('assets/noto-sans-latin-400-normal-X.woff2')).toBe(false);
    expect(isShell('assets/noto-sans-sc-100-400-normal-X.woff2')).toBe(false);
    expect(isShell('sw.js')).toBe(false);
  });

  it('keeps every .woff2 face whose unicode-range holds a character of the text, in any language', () => {
    const face = (file: string, range?: string) =>
      `@font-face{font-family:X;src:url(./${file}.woff2)format("woff2"),url(./${file}.woff)format("woff")${
        range ? `;unicode-range:${range}` : ''
      }}`;
    const css = [
      face('latin-400-A', 'U+0000-00FF,U+2000-206F') + face('cyrillic-400-B', 'U+0400-045F'),
      face('sc-7-400-C', 'U+4E00-4E0F, U+9000') +
        face('sc-8-400-D', 'U+5000-50FF') +
        face('sc-9-400-E', 'U+30??'),
    ];
    // "中" is U+4E2D (in no face); "丁" U+4E01; "、" U+3001 matches U+30??.
    expect(usedFonts(css, codePointsOf('a 丁'))).toEqual(['latin-400-A.woff2', 'sc-7-400-C.woff2']);
    expect(usedFonts(css, codePointsOf('、'))).toEqual(['sc-9-400-E.woff2']);
    expect(usedFonts(css, codePointsOf('中'))).toEqual([]);
    // Minified code may escape what it does not write out: "\u9000" and "\u{5001}" count.
    expect(usedFonts(css, codePointsOf('x="\\u9000",y="\\u{5001}"'))).toEqual([
      'latin-400-A.woff2',
      'sc-7-400-C.woff2',
      'sc-8-400-D.woff2',
    ]);
    // A face with no range covers every character.
    expect(usedFonts([face('mono-F')], codePointsOf('z'))).toEqual(['mono-F.woff2']);
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
