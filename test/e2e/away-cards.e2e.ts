/**
 * Issue 21 item 4, "the device count jumps while 30 run": erase and prepare restart a device, which leaves USB
 * for a while. On `enroll-bench serve --simulate` (the real job engine, the simulated cfgutil, twenty times
 * faster than real time) a cart of 3 iPads runs supervise-and-enroll while the page counts the cards every
 * 100 ms: it never drops below 3 while no one unplugs, a restarting card says so in words, and the toolbar's
 * and header's counts hold. Screenshots of a card away (test-results/screenshots/away-*.png), for a person.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { deviceCards, settle, unplugAll } from './fixtures/bench-page';
import { invokeBench } from './fixtures/bench-socket';
import { mixedScene } from './fixtures/bench-scenes';
import { startMemoryBench } from './fixtures/memory-bench';
import { setUpEnrollment } from './fixtures/enrollment-setup';
import { startServedBench, type ServedBench } from './fixtures/serve-process';

const shots = 'test-results/screenshots';
let bench: ServedBench;

test.beforeAll(async () => {
  // The hands-free cart: supervised devices install the MDM profile silently, so no one touches anything.
  const dir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-away-'));
  const scenario = path.join(dir, 'silent.json');
  await writeFile(
    scenario,
    JSON.stringify({ name: 'e2e-silent', switches: { mdmInstallsSilently: true }, devices: [] }),
  );
  bench = await startServedBench(['--time-scale', '0.05', '--scenario', scenario]);
  await setUpEnrollment(bench);
});

test.afterAll(async () => {
  await bench?.stop();
});

interface Sample {
  readonly cards: number;
  readonly away: number;
  readonly header: string;
}

/** Counts the cards every 100 ms in the page itself, so no sample is missed between test steps. */
async function startSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { samples: Sample[] };
    w.samples = [];
    setInterval(() => {
      const grid = document.querySelector('[aria-label="Attached devices"]');
      w.samples.push({
        cards: grid?.querySelectorAll('article[data-ecid]').length ?? 0,
        away: grid?.querySelectorAll('article[data-away="true"]').length ?? 0,
        header: document.querySelector('[aria-label$="on the bench"]')?.getAttribute('aria-label') ?? '',
      });
    }, 100);
  });
}

const samplesOf = (page: Page): Promise<Sample[]> =>
  page.evaluate(() => (window as unknown as { samples: Sample[] }).samples);

test('a cart of 3 through supervise-and-enroll: the cards never drop below 3, and a restarting one says so', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bench.url);
  await unplugAll(page);
  await page
    .getByRole('combobox', { name: 'Workflow', exact: true })
    .selectOption({ label: 'Supervise and enroll' }, { timeout: 30_000 });
  const armed = page.getByRole('switch', { name: 'Armed' });
  if ((await armed.getAttribute('aria-checked')) !== 'true') await armed.click();
  await expect(armed).toHaveAttribute('aria-checked', 'true');

  const cart = await invokeBench(bench.origin, bench, 'simulate', [
    { type: 'cart', count: 3, overSeconds: 0 },
  ]);
  expect(cart.ok).toBe(true);
  await expect(deviceCards(page)).toHaveCount(3, { timeout: 60_000 });
  await startSampling(page);

  // A device restarts (erase, then prepare): its card stays, marked away, with its port and its words.
  const away = page.locator('article[data-away="true"]').first();
  await expect(away).toBeVisible({ timeout: 240_000 });
  await expect(away).toContainText('Restarting – off USB for now');
  await expect(away).toContainText(/Port /);
  await expect(away.getByRole('button', { name: /^Unplug / })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/away-card-1280.png` });
  await page.setViewportSize({ width: 1024, height: 768 });
  if ((await page.locator('article[data-away="true"]').count()) > 0) {
    await settle(page);
    await page.screenshot({ path: `${shots}/away-card-1024.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  await expect(page.getByText('Done – unplug', { exact: true })).toHaveCount(3, { timeout: 400_000 });
  const samples = await samplesOf(page);
  expect(samples.length).toBeGreaterThan(10);
  // Never fewer than the cart while no one unplugs; the header says the same number throughout.
  expect(Math.min(...samples.map((s) => s.cards))).toBe(3);
  expect(samples.filter((s) => s.away > 0).length).toBeGreaterThan(0);
  expect(new Set(samples.map((s) => s.header))).toEqual(new Set(['3 devices on the bench']));
  await expect(page.locator('article[data-away="true"]')).toHaveCount(0);
  await unplugAll(page);
});

test('a full cart of 30 with a few devices restarting: compact cards stay, each saying Off USB, at 1280 and 1024', async ({
  page,
}) => {
  const scene = mixedScene(30);
  const memory = await startMemoryBench(
    { devices: scene.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
    undefined,
    scene.jobs,
  );
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(memory.url);
    await expect(deviceCards(page)).toHaveCount(30);
    // Three running devices leave USB (a restart mid-step); their jobs go on.
    const running = scene.jobs.jobs.jobs.filter((j) => j.phase === 'running').slice(0, 3);
    expect(running).toHaveLength(3);
    const gone = new Set(running.map((j) => j.ecid));
    memory.hub.emit('devicesChanged', { devices: scene.devices.filter((d) => !gone.has(d.ecid)) });
    await expect(page.locator('article[data-away="true"]')).toHaveCount(3);
    await expect(deviceCards(page)).toHaveCount(30);
    await expect(page.locator('.grid-shown')).toHaveText('30 devices');
    await expect(page.getByLabel('30 devices on the bench')).toBeVisible();
    for (const ecid of gone) {
      const card = page.locator(`article[data-ecid="${ecid}"]`);
      await expect(card).toContainText('Off USB');
      await expect(card.getByRole('button', { name: /^Unplug / })).toHaveCount(0);
      // The note takes room from the bar: the port label and the state's words are never cut by it.
      for (const part of [card.locator('.device-details'), card.locator('.device-status span').last()])
        expect(await part.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    }
    await settle(page);
    await page.screenshot({ path: `${shots}/away-cart-1280.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await settle(page);
    await page.screenshot({ path: `${shots}/away-cart-1024.png` });
  } finally {
    await memory.stop();
  }
});

test('unplugged mid-run, a device keeps its card (away) until its job is cancelled; then the bench is empty', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto(bench.url);
  await unplugAll(page);
  await page
    .getByRole('combobox', { name: 'Workflow', exact: true })
    .selectOption({ label: 'Supervise and enroll' }, { timeout: 30_000 });
  const armed = page.getByRole('switch', { name: 'Armed' });
  if ((await armed.getAttribute('aria-checked')) !== 'true') await armed.click();
  await page.getByRole('button', { name: 'Plug in an iPad' }).click();
  const card = deviceCards(page).first();
  await expect(card).toHaveAttribute('data-phase', /running|waiting-for/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Unplug all' }).click();
  await expect(card).toHaveAttribute('data-away', 'true');
  await expect(page.getByLabel('1 device on the bench')).toBeVisible();
  // The helper cancels what is left, as a person clearing the bench would, and the empty bench shows.
  await unplugAll(page);
  await expect(deviceCards(page)).toHaveCount(0);
  await expect(page.getByLabel('0 devices on the bench')).toBeVisible();
});
