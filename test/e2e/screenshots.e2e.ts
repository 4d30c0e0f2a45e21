/**
 * Screenshots of the simulated bench at 1280×800, for a person to look at: empty, 3 devices, 12 (the
 * most full-size cards), a cart of 40.
 * Saved to test-results/screenshots/. The assertions check the scenes are what the file names say.
 * The bench is set up first (profile and supervision identity), as on a working day, so the set-up area is
 * its one-line strip; setup-screenshots.e2e.ts shows the set-up cards themselves.
 */
import { expect, test } from '@playwright/test';
import { deviceCards, settle, unplugAll } from './fixtures/bench-page';
import { invokeBench } from './fixtures/bench-socket';
import { setUpEnrollment } from './fixtures/enrollment-setup';
import { startServedBench, type ServedBench } from './fixtures/serve-process';

const shots = 'test-results/screenshots';
let bench: ServedBench;

test.beforeAll(async () => {
  bench = await startServedBench();
  await setUpEnrollment(bench);
});

test.afterAll(async () => {
  await bench?.stop();
});

test('empty bench, three devices, twelve, and a cart of forty', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bench.url);
  await unplugAll(page);
  await expect(page.getByRole('button', { name: 'Change…' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/empty-bench.png` });

  await page.getByRole('button', { name: 'Plug in an iPad' }).click();
  await page.getByRole('button', { name: 'Plug in an iPhone' }).click();
  await page.getByRole('button', { name: 'Plug in an iPad' }).click();
  await expect(deviceCards(page)).toHaveCount(3, { timeout: 30_000 });
  await settle(page);
  await page.screenshot({ path: `${shots}/three-devices.png` });

  await unplugAll(page);
  const dozen = await invokeBench(bench.origin, bench, 'simulate', [
    { type: 'cart', count: 12, overSeconds: 0 },
  ]);
  expect(dozen.ok).toBe(true);
  await expect(deviceCards(page)).toHaveCount(12, { timeout: 30_000 });
  await settle(page);
  await page.screenshot({ path: `${shots}/twelve-devices.png` });

  await unplugAll(page);
  const cart = await invokeBench(bench.origin, bench, 'simulate', [
    { type: 'cart', count: 40, overSeconds: 0 },
  ]);
  expect(cart.ok).toBe(true);
  await expect(deviceCards(page)).toHaveCount(40, { timeout: 90_000 });
  await settle(page);
  await page.screenshot({ path: `${shots}/cart-of-40.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
});
