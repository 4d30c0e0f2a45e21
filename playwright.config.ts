import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * E2E tests drive the headless server's UI in Debian's Chromium (the Playwright-bundled browser cannot be
 * downloaded here; Playwright 1.64 matches Chromium 156). `npm run test:e2e` builds dist/ first.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium 156 binary.`,
  );
}

export const config = defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/playwright',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

export default config;
