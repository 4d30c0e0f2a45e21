/**
 * Issue 21 item 1, on the served simulated bench (real job engine, simulated cfgutil): every wait for a
 * person offers the button its instruction names, and each is walked to its end through the UI.
 *
 * - Where the bench can see the effect (Trust, the approval, the unlock) it goes on by itself once a re-read
 *   shows it, and the button re-reads at once: pressed too early, the wait stays with "does not show it yet".
 * - Where it cannot (Setup Assistant, Activation Lock), the button is the answer.
 * - A wait that runs out fails saying so, keeps the instruction, and Retry reads the device before waiting.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { invokeBench } from './fixtures/bench-socket';
import { deviceCards, unplugAll } from './fixtures/bench-page';
import { setUpEnrollment } from './fixtures/enrollment-setup';
import { startServedBench, type ServedBench } from './fixtures/serve-process';
import { simVerb } from './fixtures/sim-verb';

let bench: ServedBench;

test.beforeAll(async () => {
  // Fifty times faster than real time: a person's 30-minute wait runs out in 36 s.
  bench = await startServedBench(['--time-scale', '0.02']);
  await setUpEnrollment(bench);
  for (const workflow of [
    {
      id: 'e2e-setup-assistant',
      name: 'E2E Setup Assistant by hand',
      description: 'Prepared with panes left on, so a person finishes Setup Assistant.',
      preset: false,
      steps: [
        { kind: 'erase', allowOtherOrganization: false },
        { kind: 'wait-until-settled' },
        { kind: 'prepare', language: 'en', locale: 'en_US', skipPanes: ['language'], allowPairing: false },
        { kind: 'wait-until-settled' },
        { kind: 'finish-setup-assistant' },
        { kind: 'rename', template: 'SA-{serial}' },
      ],
    },
    {
      id: 'e2e-erase-only',
      name: 'E2E Erase only',
      description: 'Erase and wait for the restart.',
      preset: false,
      steps: [{ kind: 'erase', allowOtherOrganization: false }, { kind: 'wait-until-settled' }],
    },
  ]) {
    expect(await invokeBench(bench.origin, bench, 'saveWorkflow', [{ workflow }])).toMatchObject({
      ok: true,
    });
  }
});

test.afterAll(async () => {
  await bench?.stop();
});

async function openBench(page: Page, workflow: string): Promise<void> {
  await page.goto(bench.url);
  await unplugAll(page);
  await page
    .getByRole('combobox', { name: 'Workflow', exact: true })
    .selectOption({ label: workflow }, { timeout: 30_000 });
  const armed = page.getByRole('switch', { name: 'Armed' });
  if ((await armed.getAttribute('aria-checked')) !== 'true') await armed.click();
  await expect(armed).toHaveAttribute('aria-checked', 'true');
}

/** Plugs one simulated device in with `flags` and returns its card and ECID. */
async function plugIn(page: Page, ...flags: string[]): Promise<{ card: Locator; ecid: string }> {
  await simVerb(bench, 'attach', '--class', 'iPhone', ...flags);
  const card = deviceCards(page).first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  return { card, ecid: (await card.getAttribute('data-ecid')) ?? '' };
}

async function waitsFor(card: Locator, reason: string): Promise<void> {
  await expect(card.locator(`svg.operator-picture[data-reason="${reason}"]`)).toBeVisible({
    timeout: 120_000,
  });
  await expect(card).toHaveAttribute('data-phase', 'waiting-for-operator');
}

async function done(card: Locator): Promise<void> {
  await expect(card).toHaveAttribute('data-phase', 'succeeded', { timeout: 120_000 });
  await expect(card).toContainText('Done – unplug');
}

test('Trust, unlock and the approval: each button re-reads; too early keeps the wait, done goes on', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openBench(page, 'Enroll in place');
  const { card, ecid } = await plugIn(page, '--locked');
  const seen = new Set<string>();
  // A person answers whatever the card asks, in the order the device asks it.
  while ((await card.getAttribute('data-phase')) !== 'succeeded') {
    await expect(card).toHaveAttribute('data-phase', /^(waiting-for-operator|succeeded)$/, {
      timeout: 60_000,
    });
    const reason = await card
      .locator('svg.operator-picture')
      .getAttribute('data-reason', { timeout: 1_000 })
      .catch(() => null);
    if (reason === null) continue;
    seen.add(reason);
    // Trust and the unlock: the button pressed before the hand is checked and the wait stays; after the
    // hand, the bench's own re-read goes on (within a poll, before anyone could press).
    if (reason === 'tap-trust') {
      await card.getByRole('button', { name: /^I tapped Trust: / }).click({ timeout: 5_000 });
      await expect(card.locator('svg.operator-picture[data-reason="tap-trust"]')).toBeVisible();
      await simVerb(bench, 'trust', ecid);
    } else if (reason === 'unlock-device') {
      await card.getByRole('button', { name: /^It’s unlocked: / }).click({ timeout: 5_000 });
      await expect(card.locator('svg.operator-picture[data-reason="unlock-device"]')).toBeVisible();
      await simVerb(bench, 'unlock', ecid);
    } else if (reason === 'approve-profile') {
      // Pressed before the approval: the re-read does not show the profile, so the wait and its words stay.
      await card.getByRole('button', { name: /^I approved it: / }).click();
      await expect(card.locator('.device-instruction')).toContainText('does not show it yet');
      await expect(card.locator('.device-instruction')).toContainText('VPN & Device Management');
      await expect(card).toHaveAttribute('data-phase', 'waiting-for-operator');
      await simVerb(bench, 'approve', ecid);
    } else {
      throw new Error(`no answer planned for "${reason}"`);
    }
    await expect(card.locator(`svg.operator-picture[data-reason="${reason}"]`)).toHaveCount(0, {
      timeout: 30_000,
    });
  }
  await done(card);
  expect([...seen].sort()).toEqual(['approve-profile', 'tap-trust', 'unlock-device']);
  await unplugAll(page);
});

test('the approval made on the device: the bench goes on by itself, no button pressed', async ({ page }) => {
  test.setTimeout(300_000);
  await openBench(page, 'Enroll in place');
  const { card, ecid } = await plugIn(page, '--paired');
  await waitsFor(card, 'approve-profile');
  await simVerb(bench, 'approve', ecid);
  await done(card);
  await unplugAll(page);
});

test('Setup Assistant left on the device: Continue once the Home Screen shows', async ({ page }) => {
  test.setTimeout(300_000);
  await openBench(page, 'E2E Setup Assistant by hand');
  const { card, ecid } = await plugIn(page, '--erased');
  await waitsFor(card, 'finish-setup-assistant');
  await expect(card.locator('.device-instruction')).toContainText('then press Continue');
  await simVerb(bench, 'finish-setup', ecid);
  await card.getByRole('button', { name: /^Continue: / }).click();
  await done(card);
  await unplugAll(page);
});

test('Activation Lock: Retry after Find My is off goes on', async ({ page }) => {
  test.setTimeout(300_000);
  await openBench(page, 'E2E Erase only');
  // Activation Lock stops the erase itself (the simulator's switch; by default it stops activation).
  await simVerb(bench, 'switch', 'activationLockAt', 'erase');
  const { card, ecid } = await plugIn(page, '--paired', '--find-my');
  await waitsFor(card, 'activation-lock');
  await expect(card.locator('.device-instruction')).toContainText('Then press Retry');
  await simVerb(bench, 'find-my', ecid, 'off');
  await card.getByRole('button', { name: /^Retry: / }).click();
  await done(card);
  await simVerb(bench, 'switch', 'activationLockAt', 'activation');
  await unplugAll(page);
});

test('a wait that runs out says so and keeps the instruction; Retry reads the device first', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openBench(page, 'Enroll in place');
  const { card, ecid } = await plugIn(page, '--paired');
  await waitsFor(card, 'approve-profile');
  await expect(card).toHaveAttribute('data-phase', 'failed', { timeout: 120_000 });
  await expect(card.locator('.device-error-title')).toHaveText('The profile was not approved');
  await expect(card.locator('.device-error-fix')).toContainText('The wait for a person ran out.');
  await expect(card.locator('.device-error-fix')).toContainText('VPN & Device Management');
  // Approved after the wait ran out: Retry's first read sees the profile, so no new wait and no new install.
  await simVerb(bench, 'approve', ecid);
  await card.getByRole('button', { name: /^Retry: / }).click();
  await done(card);
  await unplugAll(page);
});
