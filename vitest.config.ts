import { defineConfig } from 'vitest/config';

/** Node environment by default; renderer tests opt into jsdom with a `@vitest-environment jsdom` docblock. */
export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});

// Vitest reads the default export; the named export keeps the project's no-default-export rule readable.
export default config;
