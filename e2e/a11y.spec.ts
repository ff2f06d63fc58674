/** Axe finds no serious or critical violation, in light and in dark. */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openLab, visibleOf } from './fixtures.ts';

for (const id of ['blocking-two-clients', 'epoll-level', 'nonblocking-pitfall']) {
  for (const theme of ['Light', 'Dark'] as const) {
    test(`${id} in ${theme.toLowerCase()}: no serious or critical axe violation`, async ({ page }) => {
      const steps = visibleOf(id);
      await openLab(page, id, { step: steps[Math.floor(steps.length / 2)]! });
      await page.getByRole('button', { name: theme, exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((nd) => nd.target.join(' ')).join(' | ')}`);
      expect(bad).toEqual([]);
    });
  }
}
