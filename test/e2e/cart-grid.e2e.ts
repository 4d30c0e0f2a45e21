/**
 * Issue 21 items 1 and 4 on the memory bench with scripted jobs: a waiting card offers the action its
 * instruction names; a cart of 40 can be searched, filtered and ordered, and "Next device that needs you"
 * (button and the n key) moves focus to each such card in turn. Screenshots at 1280×800 with 3 and 40
 * devices and at 1024×768 (test-results/screenshots/cart-grid-*.png), for a person to judge.
 */
import { expect, test, type Page } from '@playwright/test';
import { deviceCards, settle } from './fixtures/bench-page';
import { mixedScene, type Scene } from './fixtures/bench-scenes';
import { startMemoryBench, type MemoryBench } from './fixtures/memory-bench';

const shots = 'test-results/screenshots';
let bench: MemoryBench | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

async function open(page: Page, scene: Scene, width = 1280, height = 800): Promise<void> {
  bench = await startMemoryBench(
    { devices: scene.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
    undefined,
    scene.jobs,
  );
  await page.setViewportSize({ width, height });
  await page.goto(bench.url);
  await expect(deviceCards(page)).toHaveCount(scene.devices.length);
}

test('three devices: the waiting card offers "I approved it"', async ({ page }) => {
  await open(page, mixedScene(3));
  const waiting = page.locator('article[data-phase="waiting-for-operator"]');
  await expect(waiting.getByRole('button', { name: /^I approved it: / })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/cart-grid-3-devices.png` });
});

test('a cart of 40: find, filter, order, and the next device that needs you', async ({ page }) => {
  const scene = mixedScene(40);
  await open(page, scene);
  const needing = scene.jobs.jobs.jobs.filter((j) => j.phase === 'waiting-for-operator').length;
  expect(needing).toBeGreaterThan(2);
  const next = page.getByRole('button', { name: `Next device that needs you (${needing})` });
  await expect(next).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/cart-grid-40-devices.png` });

  // The n key and the button walk the devices that need a person, one after another.
  const focused: string[] = [];
  const focusedEcid = () => page.evaluate(() => document.activeElement?.getAttribute('data-ecid') ?? '');
  for (let i = 0; i < needing; i++) {
    const before = await focusedEcid();
    if (i % 2 === 0) await page.keyboard.press('n');
    else await next.click();
    await expect.poll(focusedEcid).not.toBe(before);
    await expect(page.locator('article:focus')).toHaveAttribute('data-phase', 'waiting-for-operator');
    focused.push(await focusedEcid());
  }
  expect(new Set(focused).size).toBe(needing);

  await page.getByLabel('Show').selectOption('needs-you');
  await expect(deviceCards(page)).toHaveCount(needing);
  await expect(page.getByText(`${needing} of 40 devices`)).toBeVisible();
  await page.getByLabel('Show').selectOption('all');

  const serial = scene.devices[16]?.serialNumber ?? '';
  await page.getByRole('searchbox', { name: 'Find' }).fill(serial.toLowerCase());
  await expect(deviceCards(page)).toHaveCount(1);
  await expect(deviceCards(page).first()).toHaveAttribute('data-ecid', scene.devices[16]?.ecid ?? '');
  await page.getByRole('searchbox', { name: 'Find' }).fill('');

  await page.getByLabel('Order').selectOption('state');
  await expect(deviceCards(page).first()).toHaveAttribute('data-phase', 'waiting-for-operator');
});

for (const armed of [true, false])
  test(`1024×768: the header and the grid toolbar fit (${armed ? 'armed' : 'not armed'})`, async ({
    page,
  }) => {
    await open(page, mixedScene(40), 1024, 768);
    if (!armed) {
      await page.getByRole('switch', { name: 'Armed' }).click();
      await expect(page.getByRole('switch', { name: 'Armed' })).toHaveAttribute('aria-checked', 'false');
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Nothing in the header hides under the Preflight and Settings buttons.
    const buttons = await page.getByRole('navigation', { name: 'Bench tools' }).boundingBox();
    for (const item of await page
      .locator(
        '.bench-header :is(h1, .armed-switch, .workflow-picker, .pause-all, .profile-age), .bench-header-row > *',
      )
      .all()) {
      const box = await item.boundingBox();
      if (!box || !buttons) continue;
      const overlaps =
        box.x < buttons.x + buttons.width &&
        buttons.x < box.x + box.width &&
        box.y < buttons.y + buttons.height &&
        buttons.y < box.y + box.height;
      expect(overlaps, await item.evaluate((e) => e.className)).toBe(false);
    }
    await settle(page);
    await page.screenshot({ path: `${shots}/cart-grid-1024${armed ? '' : '-not-armed'}.png` });
  });
