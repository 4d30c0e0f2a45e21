import { expect, test } from '@playwright/test';
import { deviceCards, unplugAll } from './fixtures/bench-page';
import { benchProtocols, invokeBench, upgradeStatus } from './fixtures/bench-socket';
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
  const wsUrl = `${bench.origin.replace('http', 'ws')}/ws`;
  expect(await upgradeStatus(wsUrl)).toBe(401);
  // The token is taken only as a subprotocol, never from the query.
  expect(await upgradeStatus(`${wsUrl}?token=${bench.token}`)).toBe(401);
  expect(await upgradeStatus(wsUrl, {}, benchProtocols(bench.token))).toBe(101);
  await context.close();
});

test('the page keeps its token in sessionStorage, and the cookie alone opens no socket', async ({ page }) => {
  await page.goto(bench.url);
  await expect(page.getByRole('banner').getByText('Bench online')).toBeVisible();
  expect(page.url()).not.toContain(bench.token);
  expect(page.url()).not.toContain(bench.control);
  expect(await page.evaluate(() => sessionStorage.getItem('enroll-bench.token'))).toBe(bench.token);
  const cookies = await page.context().cookies(bench.origin);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]?.value).not.toContain(bench.token);
  // Same origin, cookie sent by the browser, but no token subprotocol: refused.
  const opened = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, ['enroll-bench.v1']);
        ws.onopen = () => resolve('opened');
        ws.onclose = () => resolve('refused');
      }),
    `${bench.origin.replace('http', 'ws')}/ws`,
  );
  expect(opened).toBe('refused');
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  expect(
    await upgradeStatus(`${bench.origin.replace('http', 'ws')}/ws`, {
      cookie: cookieHeader,
      origin: bench.origin,
    }),
  ).toBe(401);
  // A reload has no token in the address; the tab's sessionStorage still has it.
  await page.reload();
  await expect(page.getByRole('banner').getByText('Bench online')).toBeVisible();
});

test('a screen with the watch address (as through an SSH tunnel, from 127.0.0.1) watches but is not the Mac', async () => {
  const watcher = { token: bench.token };
  expect(await invokeBench(bench.origin, watcher, 'getSnapshot', [])).toMatchObject({ ok: true });
  expect(
    await invokeBench(bench.origin, watcher, 'createSupervisionIdentity', [{ organizationName: 'Tunnel' }]),
  ).toMatchObject({ ok: false, error: { title: 'Only allowed on the Mac itself' } });
  expect(await invokeBench(bench.origin, watcher, 'simulate', [{ type: 'attach' }])).toMatchObject({
    ok: false,
    error: { title: 'This screen can watch the bench, not control it' },
  });
  expect(await invokeBench(bench.origin, bench, 'getSettings', [])).toMatchObject({ ok: true });
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
      await upgradeStatus(
        `${bench.origin.replace('http', 'ws')}/ws`,
        { origin: site.origin },
        benchProtocols(bench.token),
      ),
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
