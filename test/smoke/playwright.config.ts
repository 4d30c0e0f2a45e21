import { defineConfig } from '@playwright/test';

/**
 * The packaged-app smoke test: macOS CI only (.github/workflows/macos.yml), never on the Linux machines,
 * which cannot run Electron. `vitest` does not collect `*.smoke.ts`, and the E2E config looks in test/e2e.
 */
export const config = defineConfig({
  testDir: '.',
  testMatch: '**/*.smoke.ts',
  outputDir: '../../test-results/smoke',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
});

// Playwright reads the default export; the named one keeps the style of the other configs.
// eslint-disable-next-line no-restricted-syntax
export default config;
