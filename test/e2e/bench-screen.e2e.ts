/**
 * The bench screen against the in-process memory bench with scripted jobs (issue 10): cards in every state,
 * the header, the person's hands, the workflow editor and the results, with screenshots at 1280×800 of
 * 3 and 40 devices for a person to judge (test-results/screenshots/bench-*.png).
 */
import { expect, test, type Page } from '@playwright/test';
import { deviceCards, settle } from './fixtures/bench-page';
import { finishedScene, mixedScene, type Scene } from './fixtures/bench-scenes';
import { startMemoryBench, type MemoryBench } from './fixtures/memory-bench';

const shots = 'test-results/screenshots';
let bench: MemoryBench | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

async function open(page: Page, scene: Scene): Promise<MemoryBench> {
  bench = await startMemoryBench(
    { devices: scene.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
    undefined,
    scene.jobs,
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bench.url);
  await expect(deviceCards(page)).toHaveCount(scene.devices.length);
  return bench;
}

function threeDevices(): Scene {
  const five = mixedScene(5);
  const keep = new Set([five.devices[0]?.ecid, five.devices[1]?.ecid, five.devices[4]?.ecid]);
  return {
    devices: five.devices.filter((d) => keep.has(d.ecid)),
    jobs: {
      jobs: {
        ...five.jobs.jobs,
        jobs: five.jobs.jobs.jobs.filter((j) => keep.has(j.ecid)),
      },
    },
  };
}

test('three devices: running, waiting for a person, failed; every action by keyboard', async ({ page }) => {
  const b = await open(page, threeDevices());
  const cards = deviceCards(page);
  await expect(cards.nth(0)).toContainText('Erasing');
  await expect(cards.nth(0).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '8');
  await expect(cards.nth(1)).toContainText('Settings ▸ General ▸ VPN & Device Management');
  await expect(cards.nth(1).locator('svg.operator-picture')).toHaveAttribute(
    'data-reason',
    'approve-profile',
  );
  await expect(cards.nth(2)).toContainText('Activation Lock is on');
  await expect(cards.nth(2)).toContainText('Turn off Find My');
  await expect(page.getByRole('switch', { name: 'Armed' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('list', { name: 'Cart' })).toContainText('1 need you');
  await settle(page);
  await page.screenshot({ path: `${shots}/bench-3-devices.png` });

  // Keyboard only: focus Retry on the failed card and press Enter.
  const retry = page.getByRole('button', { name: /^Retry: .*Port 1 › 5$/ });
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => b.calls.filter((c) => c.channel === 'jobAction').map((c) => c.args))
    .toEqual([{ ecid: expect.stringMatching(/^0x/), action: 'retry' }]);
  await expect(cards.nth(2)).not.toContainText('Activation Lock is on');

  // The simulated person approves the profile on the waiting card; the job goes on.
  await page.getByRole('button', { name: /^Approve profile: .*Port 1 › 2$/ }).click();
  await expect(cards.nth(1)).not.toContainText('VPN & Device Management');
  await expect(cards.nth(1)).toContainText('Installing the Intune profile');

  // Disarm with the keyboard.
  await page.getByRole('switch', { name: 'Armed' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('switch', { name: 'Armed' })).toHaveAttribute('aria-checked', 'false');
  expect(b.calls.some((c) => c.channel === 'setArmed')).toBe(true);
});

test('a cart of forty in mixed states fits 1280×800 and stays readable', async ({ page }) => {
  await open(page, mixedScene(40));
  await expect(page.getByRole('list', { name: 'Attached devices' })).toHaveClass(/compact/);
  await expect(page.locator('[data-phase="waiting-for-operator"]')).not.toHaveCount(0);
  await expect(page.locator('[data-phase="failed"]')).not.toHaveCount(0);
  await settle(page);
  await page.screenshot({ path: `${shots}/bench-40-devices.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  // A narrow card's port opens the whole card: the instruction, its picture and every action; Escape closes.
  await page.getByRole('button', { name: /^Details: .*Port 1 › 2$/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Device details' });
  await expect(dialog).toContainText('Settings ▸ General ▸ VPN & Device Management');
  await expect(dialog.getByRole('button', { name: /^Skip: / })).toBeVisible();
  await expect(dialog.locator('svg.operator-picture')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/bench-40-details.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Details: .*Port 1 › 2$/ })).toBeFocused();
  // Nothing a person must read is smaller than 13 px.
  const smallest = await page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('.device-card *')]
        .filter(
          (el) =>
            el.childNodes.length > 0 &&
            [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
        )
        .map((el) => parseFloat(getComputedStyle(el).fontSize)),
    ),
  );
  expect(smallest).toBeGreaterThanOrEqual(13);
});

test('workflow editor: duplicate a preset, an inline error, a live name preview, save', async ({ page }) => {
  const b = await open(page, mixedScene(3));
  await page.getByRole('tab', { name: 'Workflows' }).click();
  await page.getByRole('button', { name: /Supervise and enroll/ }).click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  const form = page.getByRole('form', { name: /Editing/ });
  const template = form.getByLabel(/Name template/);
  await template.fill('Cart7-{model}');
  await expect(form.getByRole('alert')).toContainText('add {serial} or a counter');
  await template.fill('Cart7-{n:2}');
  await expect(form.getByRole('list', { name: 'Names on the bench now' })).toContainText('Cart7-01');
  await form.getByLabel('Name', { exact: true }).fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Give the workflow a name.')).toBeVisible();
  await form.getByLabel('Name', { exact: true }).fill('Cart 7');
  await settle(page);
  await page.screenshot({ path: `${shots}/bench-workflow-editor.png` });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('navigation', { name: 'Workflows' })).toContainText('Cart 7');
  const saved = b.calls.find((c) => c.channel === 'saveWorkflow')?.args as { workflow: { id: string } };
  expect(saved.workflow.id).toBe('supervise-and-enroll-copy');
  // The header's picker offers it.
  await page.getByRole('combobox', { name: 'Workflow', exact: true }).selectOption({ label: 'Cart 7' });
  await expect.poll(() => b.calls.filter((c) => c.channel === 'selectWorkflow').length).toBe(1);
});

test('results: a finished cart shows counts, the failed devices with their fix, and Retry failed', async ({
  page,
}) => {
  const b = await open(page, finishedScene(10, 2));
  await expect(page.getByText('Cart finished:')).toBeVisible();
  await page.getByRole('button', { name: 'See results' }).click();
  const table = page.getByRole('table', { name: 'Devices that failed' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('Join it to Wi-Fi');
  await expect(page.getByRole('list', { name: 'Results' })).toContainText('8 done');
  await settle(page);
  await page.screenshot({ path: `${shots}/bench-results.png` });
  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect.poll(() => b.calls.filter((c) => c.channel === 'retryFailed').length).toBe(1);
  await expect(table).toHaveCount(0);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByRole('heading', { name: 'Bench log' })).toBeVisible();
});
