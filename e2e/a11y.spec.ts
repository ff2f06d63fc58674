/** Axe finds no serious or critical violation, in light and in dark. */
import { test, expect, openLab, visibleOf, seriousAxeViolations } from './fixtures.ts';

// Three scenarios, each in one scheme, both schemes covered (ship-a11y.spec.ts checks the lab in
// both schemes again, with a refused file listed): the suite stays within its time budget.
const CASES = [
  ['blocking-two-clients', 'Light'],
  ['epoll-level', 'Dark'],
  ['nonblocking-pitfall', 'Dark'],
] as const;
for (const [id, theme] of CASES) {
  test(`${id} in ${theme.toLowerCase()}: no serious or critical axe violation`, async ({ page }) => {
    const steps = visibleOf(id);
    await openLab(page, id, { step: steps[Math.floor(steps.length / 2)]! });
    await page.getByRole('button', { name: theme, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
