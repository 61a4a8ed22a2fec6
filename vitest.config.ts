import { defineConfig } from 'vitest/config';

// One run over every package: a single Temporal dev server and one scratch database are shared
// by all test files (started in the global setup), which keeps the suite fast on two cores.
export default defineConfig({
  test: {
    include: ['*/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['scripts/test-support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { FANFARE_ENV: 'test' },
  },
});
