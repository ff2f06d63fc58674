// Lint rules. The kernel's purity is a rule here, not a habit: src/kernel must stay a
// deterministic simulation (no DOM, React, D3, store, wall-clock time, timers, Math.random, console).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { LAYERS } from './tools/layers.mjs';

const impureGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'performance',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'queueMicrotask',
  'console',
  'process',
  'Date',
  'fetch',
];

// Imports go down the layers (tools/layers.mjs): a folder may not import one of a later layer.
// The kernel, programs, scenarios, scaling, hall and compare are pure as well; lessons are data.
const laterLayers = (folder) => LAYERS.slice(LAYERS.findIndex((g) => g.includes(folder)) + 1).flat();
const PURE = ['kernel', 'programs', 'python', 'scenarios', 'scaling', 'hall', 'compare'];
const pureness = [
  {
    group: ['react', 'react-*', 'zustand', 'zustand/*', 'd3', 'd3-*'],
    message: 'The simulation is pure: no UI libraries.',
  },
  { group: ['node:*'], message: 'The simulation is pure: no I/O.' },
];
const LESSONS = [
  {
    group: ['react', 'react-*', 'zustand', 'zustand/*', 'd3', 'd3-*'],
    message: 'Lessons are data: no UI libraries.',
  },
  { group: ['node:*'], message: 'Lessons are data: no I/O.' },
];
const layerRules = LAYERS.flat()
  .filter((folder) => laterLayers(folder).length > 0)
  .flatMap((folder) => {
    const later = laterLayers(folder);
    const down = {
      group: later.map((f) => `**/${f}/**`),
      message: `Imports go down the layers (tools/layers.mjs): ${folder} may not import ${later.join(', ')}.`,
    };
    const source = { files: [`src/${folder}/**/*.{ts,tsx}`], ignores: ['**/*.test.ts', '**/*.test.tsx'] };
    const tests = { files: [`src/${folder}/**/*.test.{ts,tsx}`] };
    const extra = PURE.includes(folder) ? pureness : folder === 'lessons' ? LESSONS : [];
    const io = PURE.includes(folder)
      ? [
          { name: 'fs', message: 'The simulation is pure: no I/O.' },
          { name: 'path', message: 'The simulation is pure: no I/O.' },
        ]
      : [];
    return [
      { ...source, rules: { 'no-restricted-imports': ['error', { patterns: [down, ...extra], paths: io }] } },
      { ...tests, rules: { 'no-restricted-imports': ['error', { patterns: [down] }] } },
    ];
  });

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'coverage',
      'fixtures',
      'bench/calibrate',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layerRules,
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: PURE.map((folder) => `src/${folder}/**/*.ts`),
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...impureGlobals.map((name) => ({
          name,
          message: `${name} is not allowed in the pure simulation: pass what you need in.`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the simulation state.' },
      ],
    },
  },
);
