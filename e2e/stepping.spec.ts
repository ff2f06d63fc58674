/** Stepping through blocking-two-clients: the code line moves, the read's two phases show, Back undoes. */
import {
  test,
  expect,
  openLab,
  runOf,
  visibleOf,
  counter,
  stepText,
  button,
  settledPicture,
  pictureSnapshot,
} from './fixtures.ts';

const ID = 'blocking-two-clients';

test('stepping forward moves the highlighted code line', async ({ page }) => {
  const steps = visibleOf(ID);
  const n = steps.length;
  await openLab(page, ID);
  const current = page.locator('[data-testid="current-line"], [data-current="true"]').first();
  // Read without waiting: the code panel draws in the same render as the counter.
  const lineNow = () =>
    page.evaluate(
      () =>
        document
          .querySelector('[data-testid="current-line"], [data-current="true"]')
          ?.getAttribute('data-line') ?? null,
    );
  const seen = new Set<string>();
  for (let k = 1; k <= Math.min(40, n - 1) && seen.size < 3; k++) {
    await button(page, 'Step forward').click();
    await expect(counter(page)).toContainText(stepText(k + 1, n));
    if (k === 4)
      await expect(current, 'a highlighted code line once the program runs').toHaveAttribute(
        'data-line',
        /\d/,
      );
    const line = await lineNow();
    if (line !== null) seen.add(line);
  }
  expect([...seen].length, `highlighted lines seen: ${[...seen].join(', ')}`).toBeGreaterThanOrEqual(2);
});

test('at the copy step the thread is copying into its buffer; one step earlier it was waiting', async ({
  page,
}) => {
  const { index } = runOf(ID);
  const i = index.trace.findIndex((ev) => ev.type === 'copy' && ev.dir === 'to-user');
  expect(i).toBeGreaterThan(0);
  const ev = index.trace[i]!;
  if (ev.type !== 'copy') throw new Error('not a copy');
  expect(ev.data).toContain('hello');
  const copyStep = index.stepOfEvent(i);

  await openLab(page, ID, { step: copyStep });
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'copying');
  await expect(
    page.locator('[data-testid^="user-buffer-"]').filter({ hasText: 'hello' }).first(),
  ).toBeVisible();

  await button(page, 'Step back').click();
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'waiting');
});

test('Back restores the previous picture', async ({ page }) => {
  const steps = visibleOf(ID);
  const n = steps.length;
  const k = Math.floor(n / 3);
  await openLab(page, ID, { step: steps[k]! });
  await expect(counter(page)).toContainText(stepText(k + 1, n));
  const before = await settledPicture(page);
  expect(before.length).toBeGreaterThan(0);

  await button(page, 'Step forward').click();
  await expect(counter(page)).toContainText(stepText(k + 2, n));
  await expect
    .poll(() => pictureSnapshot(page), { message: 'the picture changes one step later' })
    .not.toBe(before);
  await button(page, 'Step back').click();
  await expect(counter(page)).toContainText(stepText(k + 1, n));
  await expect
    .poll(() => pictureSnapshot(page), { timeout: 5000, message: 'after forward and back, the same picture' })
    .toBe(before);
});
