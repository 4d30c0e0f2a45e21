/**
 * The real flow of issue 10, item 9, against `enroll-bench serve --simulate` (the real job engine, the
 * simulated cfgutil): arm, a cart of 10 through supervise-and-enroll to ten "Done – unplug" with no other
 * click; a device that needs approval shows the instruction and goes on after the simulated approval; a
 * device whose prepare fails for a reason the bench cannot ride out shows the error's title and fix, and the
 * operator's Retry gets it to "Done – unplug". A job that ends while the operator looks at the Log tab
 * appears there by itself (the `logChanged` event over the WebSocket), under the search they typed.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { deviceCards, settle, unplugAll } from './fixtures/bench-page';
import type { BenchSnapshot } from '../../preload/domain';
import { invokeBench } from './fixtures/bench-socket';
import { setUpEnrollment } from './fixtures/enrollment-setup';
import { startServedBench, type ServedBench } from './fixtures/serve-process';
import { simVerb } from './fixtures/sim-verb';

let bench: ServedBench;

test.beforeAll(async () => {
  // The hands-free case (a real Mac must still confirm it): an MDM profile installs silently on a device this
  // bench supervises. Devices arrive by the test's own cart; unsupervised ones still need approval on the device.
  const scenario = path.join(await mkdtemp(path.join(tmpdir(), 'enroll-bench-cart-run-')), 'silent.json');
  await writeFile(
    scenario,
    JSON.stringify({ name: 'e2e-silent', switches: { mdmInstallsSilently: true }, devices: [] }),
  );
  // Twenty times faster than real time: an erase and a prepare take seconds, not minutes.
  bench = await startServedBench(['--time-scale', '0.05', '--scenario', scenario]);
  await setUpEnrollment(bench);
});

test.afterAll(async () => {
  await bench?.stop();
});

async function arm(page: Page, armed: boolean): Promise<void> {
  const armedSwitch = page.getByRole('switch', { name: 'Armed' });
  if ((await armedSwitch.getAttribute('aria-checked')) !== String(armed)) await armedSwitch.click();
  await expect(armedSwitch).toHaveAttribute('aria-checked', String(armed));
}

async function useWorkflow(page: Page, name: string): Promise<void> {
  // Bounded: without the jobs area the list never arrives, and the test should say so soon.
  await page
    .getByRole('combobox', { name: 'Workflow', exact: true })
    .selectOption({ label: name }, { timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Workflow', exact: true })).toHaveValue(/.+/);
}

/** A fresh screen on the served bench: nothing plugged in, the workflow chosen, armed or not. */
async function openBench(page: Page, workflow: string, armed: boolean): Promise<void> {
  await page.goto(bench.url);
  await unplugAll(page);
  await useWorkflow(page, workflow);
  await arm(page, armed);
}

/** The phase the card shows (data-phase), polled. */
function phaseOf(card: Locator): Promise<string | null> {
  return card.getAttribute('data-phase');
}

/** Phase and, while waiting, the reason: changes when the job moves on, even from one wait to another. */
async function stateOf(card: Locator): Promise<string> {
  const picture = card.locator('svg.operator-picture');
  const reason = (await picture.count()) > 0 ? await picture.getAttribute('data-reason') : '';
  return `${await phaseOf(card)}:${reason ?? ''}`;
}

test('arm, a cart of 10 runs supervise-and-enroll to ten "Done – unplug" with no other click', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await openBench(page, 'Supervise and enroll', true);
  const cart = await invokeBench(bench.origin, bench, 'simulate', [
    { type: 'cart', count: 10, overSeconds: 0 },
  ]);
  expect(cart.ok).toBe(true);
  await expect(deviceCards(page)).toHaveCount(10, { timeout: 60_000 });
  // Something starts by itself: no Start now was pressed.
  await expect(page.locator('[data-phase="running"], [data-phase="countdown"]').first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText('Done – unplug', { exact: true })).toHaveCount(10, { timeout: 540_000 });
  await expect(page.locator('[data-phase="failed"]')).toHaveCount(0);
  await expect(page.getByText(/^Cart finished:/)).toBeVisible();
  await unplugAll(page);
});

test('a device that needs a person: the instruction shows, and the job goes on by itself after the simulated approval', async ({
  page,
}) => {
  test.setTimeout(600_000);
  // Enroll in place on a device already in use: nobody supervises it, so the profile needs approval on it.
  await openBench(page, 'Enroll in place', true);
  await page.getByRole('button', { name: 'Plug in an iPhone' }).click();
  const card = deviceCards(page).first();
  await expect(card).toBeVisible({ timeout: 30_000 });

  let sawApproval = false;
  // Walk whatever the device asks for, as a person would, until it is done.
  for (let turn = 0; turn < 12; turn++) {
    await expect
      .poll(() => phaseOf(card), { timeout: 240_000 })
      .toMatch(/^(waiting-for-operator|failed|succeeded)$/);
    const phase = await phaseOf(card);
    if (phase === 'succeeded') break;
    if (phase === 'failed') {
      // The error's title and its fix are on the card; Retry is there and works.
      await expect(card.locator('.device-error-title')).not.toBeEmpty();
      await expect(card.locator('.device-error-fix')).not.toBeEmpty();
      await card.getByRole('button', { name: /^Retry: / }).click();
      await expect.poll(() => phaseOf(card), { timeout: 60_000 }).not.toBe('failed');
      continue;
    }
    const before = await stateOf(card);
    const reason = before.split(':')[1];
    await expect(card.locator('.device-instruction')).not.toBeEmpty();
    const hand =
      reason === 'tap-trust'
        ? /^Trust: /
        : reason === 'approve-profile'
          ? /^Approve profile: /
          : reason === 'unlock-device'
            ? /^Unlock: /
            : undefined;
    if (!hand) throw new Error(`the simulated person has no hand for "${reason}"`);
    if (reason === 'approve-profile') {
      await expect(card.locator('.device-instruction')).toContainText(/Settings|VPN|Device Management/);
      sawApproval = true;
    }
    // As a person would: do it, and do it again if the device has not moved on after a while (a tap that
    // landed before the prompt was on the screen does nothing, on a real device too).
    for (let tap = 0; tap < 4 && (await stateOf(card)) === before; tap++) {
      // The button goes once the device moves on: a press that finds it gone is not a failure.
      await card
        .getByRole('button', { name: hand })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      await expect
        .poll(() => stateOf(card), { timeout: 20_000 })
        .not.toBe(before)
        .catch(() => undefined);
    }
    expect(await stateOf(card)).not.toBe(before);
  }
  await expect(card).toContainText('Done – unplug');
  expect(sawApproval).toBe(true);
});

test('a failed device shows its error and fix on the card, and Retry gets it to "Done – unplug"', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openBench(page, 'Supervise and enroll', false);
  // Fresh from a cart (erased, at Setup Assistant): nothing on this device needs a person.
  await simVerb(bench, 'attach', '--class', 'iPad', '--erased');
  const card = deviceCards(page).first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  const ecid = await card.getAttribute('data-ecid');
  expect(ecid).toMatch(/\w+/);
  // cfgutil's 401: this Mac's device support is older than the device's iOS. Not something a re-read or a
  // back-off can fix, so the job must stop and say what to do; the fault fires once, as if the Mac was updated.
  await simVerb(bench, 'fault', 'error', '--code', '401', '--ecid', ecid ?? '', '--command', 'prepare');
  await arm(page, true);

  await expect.poll(() => phaseOf(card), { timeout: 240_000 }).toBe('failed');
  await expect(card.locator('.device-error-title')).toHaveText('Update this Mac');
  await expect(card.locator('.device-error-fix')).toContainText('Update macOS and Apple Configurator');
  // Told to a person, once: the live region carries the failure, not the progress before it.
  await expect(page.locator('.bench-live-region')).toContainText('failed: Update this Mac.');
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/real-engine-failed-card.png' });
  await card.getByRole('button', { name: /^Retry: / }).click();

  await expect.poll(() => phaseOf(card), { timeout: 60_000 }).not.toBe('failed');
  await expect(card).toContainText('Done – unplug', { timeout: 240_000 });
  await expect(card.locator('.device-error-title')).toHaveCount(0);
  await unplugAll(page);
});

/** The serial number the bench read from the device (the snapshot through the WebSocket), polled. */
async function serialOf(ecid: string): Promise<string> {
  let serial: string | undefined;
  await expect
    .poll(
      async () => {
        const snapshot = await invokeBench(bench.origin, bench, 'getSnapshot', []);
        const devices = snapshot.ok ? (snapshot.value as BenchSnapshot).devices : [];
        serial = devices.find((d) => d.ecid === ecid)?.serialNumber;
        return serial;
      },
      { timeout: 60_000 },
    )
    .toMatch(/^[A-Z0-9]+$/);
  return serial ?? '';
}

test('a job that ends while the Log tab is open appears there without Refresh, under the search typed', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const logEvents: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"channel":"logChanged"')) logEvents.push(String(payload));
    }),
  );
  await openBench(page, 'Supervise and enroll', false);
  await simVerb(bench, 'attach', '--class', 'iPad', '--erased');
  const card = deviceCards(page).first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  const serial = await serialOf((await card.getAttribute('data-ecid')) ?? '');

  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByRole('heading', { name: 'Bench log' })).toBeVisible();
  const searchBox = page.getByLabel('Serial or name');
  await searchBox.fill(serial);
  await expect(page.getByText('No records match these filters.')).toBeVisible();
  // The job runs while the Log tab stays open; nobody presses Refresh.
  await arm(page, true);
  const row = page.getByRole('row').filter({ hasText: serial });
  await expect(row).toBeVisible({ timeout: 240_000 });
  await expect(row).toContainText('Prepared');
  await expect(searchBox).toHaveValue(serial);
  expect(logEvents.length).toBeGreaterThan(0);
  expect(JSON.parse(logEvents[0] ?? '{}')).toMatchObject({
    type: 'event',
    payload: { revision: expect.any(Number), records: expect.any(Number) },
  });
  // The event says only that the log changed: no record travels with it.
  expect(logEvents.join('')).not.toContain(serial);

  // The whole log of this bench's tests, for the eye: 1280×800.
  await searchBox.fill('');
  const all = await invokeBench(bench.origin, bench, 'queryLog', [{ limit: 1 }]);
  const total = all.ok ? (all.value as { total: number }).total : 0;
  await expect(page.getByRole('table', { name: 'Bench log' })).toHaveAttribute(
    'aria-rowcount',
    String(total + 1),
  );
  await expect(page.getByRole('row').filter({ hasText: serial })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/log-live.png' });
  await arm(page, false);
  await page.getByRole('tab', { name: 'Bench' }).click();
  await unplugAll(page);
});
