/** The figures of lessons 13 and 17 draw in both languages with every word found. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ComponentType } from 'react';
import { createLabStore } from '../../../store/lab.ts';
import { LabContext } from '../../hooks.ts';
import { PHASE_MODELS } from '../../../lessons/phases.ts';
import PhaseTable from './PhaseTable.tsx';
import AsyncContrast from './AsyncContrast.tsx';

function render(Figure: ComponentType, lang: 'en' | 'zh'): string {
  const store = createLabStore();
  store.setState({ lang });
  // Server rendering reads the store's initial state: make that the state set here.
  const api = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    <LabContext.Provider value={api}>
      <Figure />
    </LabContext.Provider>,
  );
}

describe('lesson figures', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`PhaseTable: one row per model, every cell worded (${lang})`, () => {
      const html = render(PhaseTable, lang);
      for (const m of PHASE_MODELS) expect(html).toContain(`data-model="${m.id}"`);
      expect(html).not.toMatch(/lesson\.17\./);
      if (lang === 'zh') expect(html).toContain('第一阶段');
      expect(html.match(/data-blocks="no"/g)?.length).toBe(2); // only busy polling never sleeps waiting for data; io_uring's copy is its completion's
    });

    it(`AsyncContrast: both rows worded (${lang})`, () => {
      const html = render(AsyncContrast, lang);
      expect(html).not.toMatch(/lesson\.13\./);
      if (lang === 'zh') expect(html).toContain('内核');
      expect(html.match(/<tr/g)?.length).toBe(3);
    });
  }
});
