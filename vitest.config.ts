import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time: most tests wait on PostgreSQL, Redis and timers, not on this process's CPU.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    env: { TZ: 'UTC' },
  },
});
