import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test file boots its own local cloud in its own process (environment variables are
    // per process), on free ports.
    pool: 'forks',
    // Two workers on two cores: most of a test's time is spent waiting on the emulators or the browser.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The browser tests drive the production build of the portal: built here once per run when stale.
    globalSetup: ['test/browser/global-setup.ts'],
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
