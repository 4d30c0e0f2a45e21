/**
 * Launches the packaged Mac app (built by `npm run dist -- --dir --arm64 …` in CI) with Playwright's
 * `_electron` and checks what an operator sees first: the bench window, the SIMULATION banner (the runner
 * has no Apple Configurator) and a simulated device on the bench.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { deviceCards } from '../e2e/fixtures/bench-page';

const executablePath =
  process.env.ENROLL_BENCH_APP ?? 'release/mac-arm64/Enroll Bench.app/Contents/MacOS/Enroll Bench';

let app: ElectronApplication | undefined;

test.afterEach(async () => {
  await app?.close();
});

test('the packaged app opens the bench window in simulation and shows a simulated device', async () => {
  app = await electron.launch({
    executablePath,
    // The runner is fresh: the app's data folder (~/Library/Application Support/Enroll Bench) starts empty.
    args: ['--simulate'],
  });
  expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(true);
  const window = await app.firstWindow();
  await expect(window).toHaveTitle('Enroll Bench');
  await expect(window.getByRole('heading', { name: 'Simulation' })).toBeVisible();

  await window.getByRole('button', { name: 'Plug in an iPad' }).click();
  await expect(deviceCards(window).first()).toBeVisible({ timeout: 60_000 });
  await expect(
    deviceCards(window)
      .first()
      .getByText(/^Port /),
  ).toBeVisible();
});
