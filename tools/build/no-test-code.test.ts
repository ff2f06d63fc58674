import { describe, expect, it } from 'vitest';
import { testModulesIn } from './no-test-code.ts';

describe('the build guard against shipping test code', () => {
  it('names test files and test libraries, and lets app modules and their dependencies through', () => {
    const found = testModulesIn([
      {
        fileName: 'assets/app.js',
        moduleIds: ['/p/src/main.tsx', '/p/node_modules/react/index.js', '/p/src/ui/latest.tsx'],
      },
      {
        fileName: 'assets/fig.js',
        moduleIds: [
          '/p/src/ui/lessons/figures/figures.test.tsx',
          '/p/node_modules/vitest/dist/index.js',
          '/p/e2e/a.spec.ts?x=1',
        ],
      },
    ]);
    expect(found).toEqual([
      'assets/fig.js: /p/src/ui/lessons/figures/figures.test.tsx',
      'assets/fig.js: /p/node_modules/vitest/dist/index.js',
      'assets/fig.js: /p/e2e/a.spec.ts?x=1',
    ]);
  });
});
