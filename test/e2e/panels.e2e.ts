/**
 * The Preflight and Settings panels in Chromium at 1280×800, through the memory bench with the real
 * channels over stand-ins (./fixtures/memory-panels.ts). Screenshots go to test-results/screenshots/.
 */
import { readdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { settle } from './fixtures/bench-page';
import { memoryDevice, startMemoryBench, type MemoryBench } from './fixtures/memory-bench';
import { memoryPanels } from './fixtures/memory-panels';

const shots = 'test-results/screenshots';
let bench: MemoryBench | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

const realBench = {
  devices: [1, 2, 3].map((n) => memoryDevice(n)),
  engine: { kind: 'cfgutil', path: '/usr/local/bin/cfgutil' },
  watcher: { state: 'ok' },
} as const;

test('the preflight panel lists every check with its fix and cleans leftovers only when confirmed', async ({
  page,
}) => {
  const panels = await memoryPanels();
  bench = await startMemoryBench(realBench, undefined, undefined, panels);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bench.url);
  await expect(page.getByRole('navigation', { name: 'Bench tools' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/panel-buttons.png` });
  await page.getByRole('button', { name: 'Preflight' }).click();
  const dialog = page.getByRole('dialog', { name: 'Preflight' });
  await expect(dialog.getByText('Not ready: fix the problems below.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(10);
  await expect(dialog.getByText('No Intune enrollment profile has been imported.')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/preflight-panel.png` });
  await dialog.getByRole('button', { name: /^Clean up…/ }).click();
  await dialog.getByRole('button', { name: 'Delete 2 folders' }).scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: `${shots}/preflight-panel-clean-up.png` });
  expect(await readdir(panels.tempFolder)).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Delete 2 folders' }).click();
  await expect(dialog.getByText('Deleted 2 folders, 12.4 GB freed.')).toBeVisible();
  expect(await readdir(panels.tempFolder)).toHaveLength(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Preflight' })).toBeFocused();
});

test('the settings panel saves, and shows a refused field beside it', async ({ page }) => {
  bench = await startMemoryBench(realBench, undefined, undefined, await memoryPanels());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bench.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('Station name')).toHaveValue('Cart-7-Mac');
  await settle(page);
  await page.screenshot({ path: `${shots}/settings-panel.png` });
  await dialog.getByLabel('Heavy steps at once').fill('80');
  await dialog.getByLabel('Serial numbers').fill('F9FXQ0A1HG7Q\nnot a serial!');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Must be from 1 to 64.')).toBeVisible();
  await expect(dialog.getByLabel('Heavy steps at once')).toHaveAttribute('aria-invalid', 'true');
  await settle(page);
  await page.screenshot({ path: `${shots}/settings-panel-errors.png` });
  await dialog.getByLabel('Heavy steps at once').fill('12');
  await dialog.getByLabel('Serial numbers').fill('F9FXQ0A1HG7Q');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    dialog.getByText(
      'Saved. The cap, countdown, ignore list and station name apply now; the default workflow at the next start.',
    ),
  ).toBeVisible();
});
