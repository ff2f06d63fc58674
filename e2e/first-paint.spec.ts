/**
 * The first picture (the first download, src/main.tsx): the stage does not wait for the
 * narration's code and words (a download of their own, src/ui/narration-part.ts); the step keys
 * work at once; the caption fills in when they arrive, or says it could not be loaded. A Chinese
 * page waits for its words anyway, and the narration with them: its first picture has the caption.
 */
import { test, expect, counter, stepText, visibleOf } from './fixtures.ts';

const NARRATION = /\/assets\/narration-[\w-]+\.js$/;
/** The simulation (src/runs/simulate.ts and the kernel): it comes after the first picture. */
const SIMULATION = /\/assets\/simulate-[\w-]+\.js$/;

test('the first picture draws and steps before the simulation arrives; a pick and a link made meanwhile wait for it', async ({
  page,
}) => {
  let release!: () => void;
  const arrived = new Promise<void>((r) => (release = r));
  let asked = 0;
  await page.route(SIMULATION, async (route) => {
    asked++;
    await arrived;
    await route.continue();
  });
  await page.goto('./#/?lang=en');
  await expect(page.getByTestId('stage').locator('svg.stage-svg')).toBeVisible();
  // Fetched at once after the first paint, not on demand.
  await expect.poll(() => asked).toBeGreaterThan(0);
  const n = visibleOf('blocking-two-clients').length;
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(stepText(2, n));
  // Another scenario picked, then a link followed, before the simulation is here: the lab waits.
  await page.getByLabel('Scenario').selectOption('select');
  await page.evaluate(() => (window.location.hash = '#/epoll-level?step=3'));
  await expect(counter(page)).toContainText(stepText(2, n));
  release();
  await expect(page.getByLabel('Scenario')).toHaveValue('epoll-level');
  const epoll = visibleOf('epoll-level');
  const k = epoll.filter((v) => v <= 3).length;
  await expect(counter(page)).toContainText(stepText(k, epoll.length));
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(stepText(k + 1, epoll.length));
});

test('the stage and the step keys come before the narration; the caption fills in when it arrives', async ({
  page,
}) => {
  let release!: () => void;
  const arrived = new Promise<void>((r) => (release = r));
  await page.route(NARRATION, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto('./#/?lang=en');
  await expect(page.getByTestId('stage').locator('svg.stage-svg')).toBeVisible();
  const body = page.getByTestId('narration');
  await expect(body).toHaveAttribute('aria-busy', 'true');
  await expect(body).toHaveText('');
  const n = visibleOf('blocking-two-clients').length;
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(stepText(2, n));
  release();
  await expect(body).toHaveAttribute('aria-busy', 'false');
  await expect(body).toContainText(/\S/);
  await expect(page.getByTestId('narration-live')).toContainText(/\S/);
});

test('a narration that cannot be downloaded says so; the lab still steps', async ({ page, pageErrors }) => {
  await page.route(NARRATION, (route) => route.abort('internetdisconnected'));
  await page.goto('./#/?lang=en');
  // A chunk that fails reloads the page once (a deploy may have replaced it: share/update.ts), then says so.
  await expect(page.getByTestId('narration').getByRole('alert')).toContainText('could not be loaded', {
    timeout: 20_000,
  });
  const n = visibleOf('blocking-two-clients').length;
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(stepText(2, n));
  await expect(page.getByTestId('stage').locator('svg.stage-svg')).toBeVisible();
  // The refused downloads (the narration's code and words) are the only errors the page reports.
  await page.waitForLoadState('networkidle');
  const others = pageErrors.filter(
    (e) =>
      !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch dynamically imported module/.test(
        e,
      ),
  );
  pageErrors.splice(0, pageErrors.length, ...others);
});

test('a Chinese first picture has its caption from the first frame', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { captionWithStage?: boolean };
    new MutationObserver(() => {
      if (w.captionWithStage !== undefined || !document.querySelector('[data-testid=stage] svg.stage-svg'))
        return;
      w.captionWithStage = !!document
        .querySelector('[data-testid=narration] .pn-narr-text')
        ?.textContent?.trim();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('./#/?lang=zh');
  await expect(page.getByTestId('stage').locator('svg.stage-svg')).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { captionWithStage?: boolean }).captionWithStage),
  ).toBe(true);
  await expect(page.getByTestId('narration')).toContainText(/[\u4e00-\u9fff]/);
});
