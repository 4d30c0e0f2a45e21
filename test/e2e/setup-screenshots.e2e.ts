/**
 * Screenshots of the enrollment set-up at 1280×800 for a person to look at: the cards with no profile, the
 * folded strip above a cart of 40, a refused file, and an expired profile. Saved to test-results/screenshots/.
 * The assertions check each scene is what its file name says, and that the cart of 40 still needs no scrolling.
 */
import { expect, test } from '@playwright/test';
import { pdfBytes, profileDict, xmlBytes } from '../main/profiles/profile-fixtures';
import { deviceCards, settle, unplugAll } from './fixtures/bench-page';
import { invokeBench } from './fixtures/bench-socket';
import { dropFile } from './fixtures/drop-file';
import { startServedBench, type ServedBench } from './fixtures/serve-process';

const shots = 'test-results/screenshots';
const DAY_MS = 86_400_000;
let bench: ServedBench;

test.beforeAll(async () => {
  bench = await startServedBench();
});

test.afterAll(async () => {
  await bench?.stop();
});

test('set-up cards, the folded strip over a cart of forty, a refused file and an expired profile', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bench.url);
  await unplugAll(page);
  await expect(page.getByText('No profile yet.')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/setup-no-profile.png` });

  await dropFile(page, { name: 'Contoso.mobileconfig', bytes: xmlBytes(profileDict()) });
  await expect(page.getByText('14 days left.', { exact: true })).toBeVisible();
  const created = await invokeBench(bench.origin, bench, 'createSupervisionIdentity', [
    { organizationName: 'Contoso IT' },
  ]);
  expect(created.ok).toBe(true);
  await expect(page.getByRole('button', { name: 'Change…' })).toBeVisible({ timeout: 30_000 });
  const cart = await invokeBench(bench.origin, bench, 'simulate', [
    { type: 'cart', count: 40, overSeconds: 0 },
  ]);
  expect(cart.ok).toBe(true);
  await expect(deviceCards(page)).toHaveCount(40, { timeout: 90_000 });
  await settle(page);
  await page.screenshot({ path: `${shots}/setup-strip-cart-of-40.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  // Beside the simulator buttons the strip keeps only its state words; a wider screen shows the details too.
  await expect(page.getByText('Profile ready', { exact: true })).toBeVisible();
  await expect(page.getByText('· 14 days left', { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(
    page.getByText('· Contoso Ltd · SCEP · i.manage.microsoft.com', { exact: true }),
  ).toBeVisible();
  await settle(page);
  await page.screenshot({
    path: `${shots}/setup-strip-wide.png`,
    clip: { x: 0, y: 0, width: 1920, height: 200 },
  });
  await page.setViewportSize({ width: 1280, height: 800 });

  await unplugAll(page);
  await dropFile(page, { name: 'Intune manual.pdf', bytes: pdfBytes() });
  await expect(page.getByText('Not loaded: Intune manual.pdf', { exact: true })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/setup-refused-pdf.png` });
  await page.getByRole('button', { name: 'Dismiss the refused file' }).click();

  await dropFile(page, { name: 'Contoso Supervision.p12', bytes: new Uint8Array([0x30, 0x82, 0x01, 0x00]) });
  await expect(
    page.getByRole('dialog', { name: 'Import supervision identity Contoso Supervision.p12' }),
  ).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/setup-p12-password.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await dropFile(page, {
    name: 'Old.mobileconfig',
    bytes: xmlBytes(profileDict()),
    lastModified: Date.now() - 20 * DAY_MS,
  });
  await expect(page.getByText(/: runs are blocked/)).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/setup-expired.png`, fullPage: true });
});
