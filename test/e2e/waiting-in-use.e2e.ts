/**
 * Issue 21 item 1 for the two waits of cart safety, on the served simulated bench (the real job engine, the
 * simulated cfgutil), each walked to its end through the UI. What reached each device is read from the
 * simulator's own record (`enroll-bench sim commands ECID`), not from the bench:
 *
 * - In use (activated, with a person's name): held, never erased, until the operator presses the card's Erase
 *   or the banner's "Erase the N in-use devices on this bench"; then it runs to "Done – unplug".
 * - Cannot tell (who manages it does not read clearly): held with its instruction and "Read again"; unknown
 *   fails closed, so no erase reaches it while it is unknown, however often Read again is pressed; once it reads
 *   clearly the bench goes on by itself.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { deviceCards, settle, unplugAll } from './fixtures/bench-page';
import { setUpEnrollment } from './fixtures/enrollment-setup';
import { startServedBench, type ServedBench } from './fixtures/serve-process';
import { simVerb } from './fixtures/sim-verb';

let bench: ServedBench;

/** The commands that change a device; `get` and `pair` only look. */
const CHANGING = /^(erase|prepare|install-profile|remove-profile|rename)$/;

test.beforeAll(async () => {
  // Twenty times faster than real time: a person's 30-minute wait runs out in 90 s, an erase takes seconds.
  bench = await startServedBench(['--time-scale', '0.05']);
  await setUpEnrollment(bench);
  // The hands-free case: the profile installs silently on a device this bench supervises.
  await simVerb(bench, 'switch', 'mdmInstallsSilently', 'on');
});

test.afterAll(async () => {
  await bench?.stop();
});

async function openBench(page: Page): Promise<void> {
  await page.goto(bench.url);
  await unplugAll(page);
  await page
    .getByRole('combobox', { name: 'Workflow', exact: true })
    .selectOption({ label: 'Supervise and enroll' }, { timeout: 30_000 });
  const armed = page.getByRole('switch', { name: 'Armed' });
  if ((await armed.getAttribute('aria-checked')) !== 'true') await armed.click();
  await expect(armed).toHaveAttribute('aria-checked', 'true');
}

/** Plugs one simulated iPhone in with `flags`; its card and ECID. */
async function plugIn(page: Page, ...flags: string[]): Promise<{ card: Locator; ecid: string }> {
  const ecid = (await simVerb(bench, 'attach', '--class', 'iPhone', ...flags)).trim();
  const card = deviceCards(page).and(page.locator(`[data-ecid="${ecid}"]`));
  await expect(card).toBeVisible({ timeout: 30_000 });
  return { card, ecid };
}

/** What reached the device, by the simulator's record. */
async function commandsTo(ecid: string): Promise<string[]> {
  return (await simVerb(bench, 'commands', ecid)).split('\n').filter((c) => c !== '');
}

async function changesTo(ecid: string): Promise<string[]> {
  return (await commandsTo(ecid)).filter((c) => CHANGING.test(c));
}

async function waitsFor(card: Locator, reason: string): Promise<void> {
  await expect(card.locator(`svg.operator-picture[data-reason="${reason}"]`)).toBeVisible({
    timeout: 120_000,
  });
  await expect(card).toHaveAttribute('data-phase', 'waiting-for-operator');
}

async function done(card: Locator): Promise<void> {
  await expect(card).toHaveAttribute('data-phase', 'succeeded', { timeout: 240_000 });
  await expect(card).toContainText('Done – unplug');
}

/** A few polls of the job go by (the bench reads a waiting device again every few device-seconds). */
async function aWhile(page: Page): Promise<void> {
  await page.waitForTimeout(3_000);
}

test('in use: held and never erased until the card’s Erase, then it runs to the end', async ({ page }) => {
  test.setTimeout(300_000);
  await openBench(page);
  const { card, ecid } = await plugIn(page, '--paired', '--name', 'Logan’s iPhone');
  await waitsFor(card, 'in-use');
  await expect(card.locator('.device-instruction')).toContainText('In use: erase');
  await expect(card.locator('.device-instruction')).toContainText('Logan’s iPhone');
  await expect(card.getByRole('button', { name: /^Erase: / })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Skip: / })).toBeVisible();
  // Nobody answers for a while: nothing is sent that changes it, and it still waits.
  await aWhile(page);
  await expect(card).toHaveAttribute('data-phase', 'waiting-for-operator');
  expect(await commandsTo(ecid)).not.toHaveLength(0); // the bench did read it
  expect(await changesTo(ecid)).toEqual([]);
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/in-use-held.png' });

  await card.getByRole('button', { name: /^Erase: / }).click();
  await done(card);
  expect((await changesTo(ecid))[0]).toBe('erase');
  await unplugAll(page);
});

test('in use, a returned cart: the banner’s "Erase the 2 in-use devices" answers both, after a confirmation', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openBench(page);
  const logans = await plugIn(page, '--paired', '--name', 'Logan’s iPhone');
  const sams = await plugIn(page, '--paired', '--name', 'Sam’s iPhone');
  await waitsFor(logans.card, 'in-use');
  await waitsFor(sams.card, 'in-use');
  const banner = page.getByRole('region', { name: 'Devices in use' });
  await expect(banner).toContainText('2 devices are in use');
  await banner.getByRole('button', { name: 'Erase the 2 in-use devices on this bench' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Logan’s iPhone');
  await expect(dialog).toContainText('Sam’s iPhone');
  // The dialog alone erases nothing.
  expect(await changesTo(logans.ecid)).toEqual([]);
  expect(await changesTo(sams.ecid)).toEqual([]);
  await dialog.getByRole('button', { name: 'Erase 2' }).click();
  await expect(banner).toHaveCount(0, { timeout: 60_000 });
  await done(logans.card);
  await done(sams.card);
  expect((await changesTo(logans.ecid))[0]).toBe('erase');
  expect((await changesTo(sams.ecid))[0]).toBe('erase');
  await unplugAll(page);
});

test('cannot tell: held with its instruction and Read again; no erase while unknown; goes on once it reads clearly', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openBench(page);
  // Who manages it does not read (a property error for isSupervised): the bench cannot tell.
  const { card, ecid } = await plugIn(page, '--paired', '--unreadable', 'isSupervised');
  await waitsFor(card, 'cannot-tell');
  await expect(card.locator('.device-instruction')).toContainText(
    'The bench cannot tell who manages this device',
  );
  await expect(card.locator('.device-instruction')).toContainText('Nothing was changed');
  const readAgain = card.getByRole('button', { name: /^Read again: / });
  await expect(readAgain).toBeVisible();
  // Read again while it is still unknown: it reads again, stays held, and nothing that changes it is sent.
  const before = (await commandsTo(ecid)).length;
  await readAgain.click();
  await aWhile(page);
  await readAgain.click();
  await aWhile(page);
  await expect(card).toHaveAttribute('data-phase', 'waiting-for-operator');
  await expect(card.locator('svg.operator-picture[data-reason="cannot-tell"]')).toBeVisible();
  const looked = await commandsTo(ecid);
  expect(looked.length).toBeGreaterThan(before);
  expect(looked.filter((c) => CHANGING.test(c))).toEqual([]);
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/cannot-tell-held.png' });

  // It reads clearly again (plugged back in, unlocked): a phone nobody supervises, with its factory name.
  await simVerb(bench, 'unreadable', ecid, 'isSupervised', 'off');
  await done(card);
  expect((await changesTo(ecid))[0]).toBe('erase');
  await unplugAll(page);
});
