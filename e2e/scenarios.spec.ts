/** Every shipped scenario opens and reaches its last step, by a link near the end and by the Last button. */
import {
  test,
  expect,
  SCENARIO_IDS,
  openLab,
  visibleOf,
  counter,
  stepText,
  button,
  urlStep,
} from './fixtures.ts';

for (const id of SCENARIO_IDS) {
  test(`${id}: reaches the last step by a link near the end and by the Last button`, async ({ page }) => {
    const steps = visibleOf(id);
    const n = steps.length;
    const lastRaw = steps[n - 1]!;
    const timeline = page.getByTestId('timeline');

    // A link to the visible step before the last, then one step forward.
    await openLab(page, id, { step: steps[n - 2]! });
    await expect(counter(page)).toContainText(stepText(n - 1, n));
    await button(page, 'Step forward').click();
    await expect(counter(page)).toContainText(stepText(n, n));
    expect(await urlStep(page)).toBe(lastRaw);
    await expect(button(page, 'Step forward')).toBeDisabled();
    await expect(timeline).toHaveAttribute('aria-valuenow', String(n));

    // Back to the start, then the Last button.
    await button(page, 'First step').click();
    await expect(counter(page)).toContainText(stepText(1, n));
    expect(await urlStep(page)).toBe(0);
    await button(page, 'Last step').click();
    await expect(counter(page)).toContainText(stepText(n, n));
    expect(await urlStep(page)).toBe(lastRaw);
    await expect(button(page, 'Last step')).toBeDisabled();
    await expect(timeline).toHaveAttribute('aria-valuenow', String(n));
  });
}
