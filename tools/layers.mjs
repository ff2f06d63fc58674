// The layer table: each folder under src/ may import its own group and the groups before it,
// never one after it. ESLint enforces it (eslint.config.mjs) and tools/layers.test.ts checks
// that src/ has no import cycle. A new folder under src/ must be added here.
export const LAYERS = [
  ['kernel'],
  ['programs', 'python'],
  ['scenarios'],
  ['fidelity', 'scaling', 'hall', 'compare', 'narration', 'i18n', 'runs'],
  ['lessons', 'cli'],
  ['store'],
  ['ui'],
];
