import { expect, test } from '@playwright/test';
import { settle } from './fixtures/bench-page';
import { memoryDevice, startMemoryBench, type MemoryBench } from './fixtures/memory-bench';

const shots = 'test-results/screenshots';
let bench: MemoryBench | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

test('preflight screen explains Automation Tools and switches to the simulator', async ({ page }) => {
  bench = await startMemoryBench({
    devices: [],
    engine: {
      kind: 'missing',
      searched: ['/usr/local/bin/cfgutil', '/Applications/Apple Configurator.app/Contents/MacOS/cfgutil'],
    },
    watcher: { state: 'ok' },
  });
  await page.goto(bench.url);
  await expect(
    page.getByRole('heading', { name: "Install Apple Configurator's Automation Tools" }),
  ).toBeVisible();
  await expect(page.getByText('/Applications/Apple Configurator.app/Contents/MacOS/cfgutil')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/preflight.png` });
  await page.getByRole('button', { name: 'Use the simulator' }).click();
  await expect(page.getByRole('heading', { name: 'Simulation' })).toBeVisible();
  await expect(page.getByText(/You chose the simulator/)).toBeVisible();
});

test('degraded discovery, devices needing a restore, and a lost connection are all visible', async ({
  page,
}) => {
  bench = await startMemoryBench({
    devices: [
      memoryDevice(1),
      memoryDevice(2, { mode: 'recovery', name: undefined }),
      memoryDevice(3, { mode: 'dfu', name: undefined, model: undefined, serialNumber: undefined }),
      memoryDevice(4, {
        mode: 'other',
        portLabel: undefined,
        name: 'A very long device name that an operator typed in Finder',
      }),
    ],
    engine: { kind: 'cfgutil', path: '/usr/local/bin/cfgutil' },
    watcher: { state: 'degraded', detail: 'cfgutil list timed out; retrying in 8 s.' },
  });
  await page.goto(bench.url);
  await expect(page.getByText('Device discovery is having trouble.')).toBeVisible();
  await expect(page.getByText('Recovery mode')).toBeVisible();
  await expect(page.getByText('DFU mode')).toBeVisible();
  await expect(page.getByText(/2 need a restore/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Unplug/ })).toHaveCount(0);
  await settle(page);
  await page.screenshot({ path: `${shots}/states-cfgutil.png` });
  await bench.stop();
  bench = undefined;
  await expect(page.getByRole('alert')).toContainText('Connection to Enroll Bench lost');
  await settle(page);
  await page.screenshot({ path: `${shots}/connection-lost.png` });
});

test('a page whose token no longer works after a restart says so instead of reconnecting forever', async ({
  page,
}) => {
  const snapshot = {
    devices: [memoryDevice(1)],
    engine: { kind: 'simulator', reason: 'requested' },
    watcher: { state: 'ok' },
  } as const;
  bench = await startMemoryBench(snapshot);
  await page.goto(bench.url);
  await expect(page.getByText('Bench online')).toBeVisible();
  const { port } = bench;
  await bench.stop();
  await expect(page.getByRole('alert')).toContainText('Connection to Enroll Bench lost');
  // Same port, new random token: the page's cookie and remembered token are both stale now.
  bench = await startMemoryBench(snapshot, port);
  await expect(page.getByRole('alert')).toContainText(
    "This page's access token is no longer valid (the bench was restarted). Open the new URL printed by enroll-bench serve.",
  );
  await expect(page.getByText('Disconnected')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/token-expired.png` });
});
