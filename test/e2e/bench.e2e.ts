import { expect, test } from '@playwright/test';
import { deviceCards, unplugAll } from './fixtures/bench-page';
import { upgradeStatus } from './fixtures/bench-socket';
import { startForeignSite, type ForeignSite } from './fixtures/foreign-site';
import { startServedBench, type ServedBench } from './fixtures/serve-process';

let bench: ServedBench;

test.beforeAll(async () => {
  bench = await startServedBench();
});

test.afterAll(async () => {
  await bench?.stop();
});

test('plugging in three simulated devices shows three cards, unplugging one leaves two', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(bench.url);
  await expect(page.getByRole('heading', { name: 'Simulation' })).toBeVisible();
  await unplugAll(page);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);

  await page.getByRole('button', { name: 'Plug in an iPad' }).click();
  await page.getByRole('button', { name: 'Plug in an iPhone' }).click();
  await page.getByRole('button', { name: 'Plug in an iPad' }).click();
  await expect(deviceCards(page)).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByLabel('3 devices on the bench')).toBeVisible();
  await expect(deviceCards(page).getByText(/^Port /)).toHaveCount(3);

  await deviceCards(page)
    .first()
    .getByRole('button', { name: /^Unplug / })
    .click();
  await expect(deviceCards(page)).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByLabel('2 devices on the bench')).toBeVisible();
  // The live region is for what needs a person: plugging and unplugging are not announced.
  await expect(page.locator('.bench-live-region')).toHaveText('');

  await page.reload();
  await expect(deviceCards(page)).toHaveCount(2);
  expect(problems).toEqual([]);
});

test('the cart button plugs in thirty iPads, and Unplug all empties the bench', async ({ page }) => {
  await page.goto(bench.url);
  await unplugAll(page);
  await page.getByRole('button', { name: 'Cart of 30 iPads' }).click();
  await expect(deviceCards(page)).toHaveCount(30, { timeout: 60_000 });
  await expect(page.getByLabel('30 devices on the bench')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Attached devices' })).toHaveClass(/compact/);
  await unplugAll(page);
  await expect(deviceCards(page)).toHaveCount(0);
});

test('requests without the token are refused over HTTP and WebSocket', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${bench.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.getByText('Enroll Bench')).toHaveCount(0);
  expect((await fetch(`${bench.origin}/?token=${bench.token}x`)).status).toBe(401);
  expect(await upgradeStatus(`${bench.origin.replace('http', 'ws')}/ws`)).toBe(401);
  expect(await upgradeStatus(`${bench.origin.replace('http', 'ws')}/ws?token=${bench.token}`)).toBe(101);
  await context.close();
});

test('another origin is refused, even from the same browser that holds the cookie', async ({ page }) => {
  let site: ForeignSite | undefined;
  try {
    await page.goto(bench.url);
    await expect(page.getByRole('heading', { name: 'Simulation' })).toBeVisible();
    site = await startForeignSite(`${bench.origin.replace('http', 'ws')}/ws`);
    await page.goto(site.url);
    await expect(page).toHaveTitle('refused');
    expect((await fetch(bench.url, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect(
      await upgradeStatus(`${bench.origin.replace('http', 'ws')}/ws?token=${bench.token}`, {
        origin: site.origin,
      }),
    ).toBe(403);
  } finally {
    await site?.stop();
  }
});

test('the page CSP lets the bench socket through and blocks other sockets', async ({ page }) => {
  await page.goto(bench.url);
  await expect(page.getByRole('banner').getByText('Bench online')).toBeVisible();
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective));
        try {
          new WebSocket('ws://127.0.0.1:9/elsewhere');
        } catch (error) {
          resolve(`threw ${(error as Error).name}`);
        }
      }),
  );
  expect(blocked).toBe('connect-src');
});
