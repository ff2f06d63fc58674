// Lint rules. The kernel's purity is a rule here, not a habit: src/kernel must stay a
// deterministic simulation (no DOM, React, D3, store, wall-clock time, timers, Math.random, console).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const impureGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'performance',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'queueMicrotask',
  'console', 'process', 'Date', 'fetch'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage', 'fixtures', 'bench/calibrate'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/kernel/**/*.ts', 'src/programs/**/*.ts', 'src/scenarios/**/*.ts', 'src/scaling/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals.map((name) => ({ name, message: `${name} is not allowed in the pure simulation: pass what you need in.` }))],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the simulation state.' }],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-*', 'zustand', 'zustand/*', 'd3', 'd3-*'], message: 'The kernel is pure: no UI libraries.' },
          { group: ['**/store/**', '**/ui/**', '**/i18n/**', 'node:*'], message: 'The kernel is pure: no store, UI or I/O.' },
        ],
        paths: [{ name: 'fs', message: 'The kernel is pure: no I/O.' }, { name: 'path', message: 'The kernel is pure: no I/O.' }],
      }],
    },
  },
  {
    // Lessons are data and functions of a run: no UI, no I/O (types from the store are fine).
    files: ['src/lessons/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-*', 'zustand', 'zustand/*', 'd3', 'd3-*'], message: 'Lessons are data: no UI libraries.' },
          { group: ['**/ui/**', 'node:*', 'fs', 'path'], message: 'Lessons are data: no UI or I/O.' },
        ],
      }],
    },
  },
);
