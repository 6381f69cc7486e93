import { DateTime } from 'luxon';
import type { App } from '../../src/app.ts';

/**
 * A local wall-clock time (as a person types it, "2026-12-10T16:00") in the app's zone, as an ISO
 * instant. Tests run in a zone where it is midday now (vitest.config.ts), not always Amsterdam.
 */
export function localIso(app: App, local: string): string {
  return DateTime.fromISO(local, { zone: app.config.APP_TIMEZONE }).toUTC().toISO() ?? '';
}

/** The zone the tests' apps run in (vitest.config.ts sets it; Amsterdam outside vitest). */
export const testZone = (): string => process.env.APP_TIMEZONE ?? 'Europe/Amsterdam';

/** The same calendar day as `day` in the tests' zone, at `hour`:`minute` local time (and `dayOfMonth`, if given). */
export function atLocal(day: Date, hour: number, minute = 0, dayOfMonth?: number): Date {
  return DateTime.fromJSDate(day, { zone: testZone() })
    .set({ ...(dayOfMonth ? { day: dayOfMonth } : {}), hour, minute, second: 0, millisecond: 0 })
    .toJSDate();
}
