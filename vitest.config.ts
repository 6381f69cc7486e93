import { defineConfig } from 'vitest/config';

/**
 * A fixed-offset zone in which it is now about midday (Etc/GMT signs are inverted). Tests that run
 * on the real clock (reminders due "now", offers, nudges) would otherwise meet the quiet hours
 * (21:00–08:00 in Europe/Amsterdam) whenever the suite runs in the evening; quiet hours themselves
 * are tested with fixed clocks and zones. Computed once per run, so every worker and child agrees.
 */
function middayZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // -11 … +12, all valid Etc zones
  if (offset === 0) return 'Etc/UTC';
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    env: { TZ: 'UTC', APP_TIMEZONE: process.env.APP_TIMEZONE ?? middayZone() },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/reliability/**'],
          // Two files at a time: most tests wait on PostgreSQL, Redis and timers, not on this process's CPU.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          // Kill -9, outages and storms measure windows of time: alone, after the rest, on a quiet machine.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
