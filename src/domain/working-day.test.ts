import { describe, expect, it } from 'vitest';
import { digestDueAt, nextDigestMonth } from '../jobs/monthly-digest.ts';
import { easterSunday, firstWorkingDay } from './working-day.ts';

const zone = 'Europe/Amsterdam';

describe('first working day of the month', () => {
  it('knows Easter', () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
  });

  it('skips weekends and Dutch public holidays, at 09:00 Amsterdam time', () => {
    expect(firstWorkingDay(2026, 11, zone).toISO()).toBe('2026-11-02T09:00:00.000+01:00'); // 1 Nov is a Sunday
    expect(firstWorkingDay(2027, 1, zone).toISODate()).toBe('2027-01-04'); // Fri 1 Jan holiday, then a weekend
    expect(firstWorkingDay(2024, 4, zone).toISODate()).toBe('2024-04-02'); // Easter Monday 1 April
    expect(firstWorkingDay(2025, 5, zone).toISODate()).toBe('2025-05-01'); // a Thursday, a working day
    expect(firstWorkingDay(2008, 5, zone).toISODate()).toBe('2008-05-02'); // Ascension Day on 1 May
    expect(firstWorkingDay(2028, 5, zone).toISO()).toBe('2028-05-01T09:00:00.000+02:00');
  });
});

describe('monthly digest schedule', () => {
  it('reports the previous month on the first working day, once, and skips a digest that is days late', () => {
    expect(digestDueAt('2026-10', zone).toISO()).toBe('2026-11-02T09:00:00.000+01:00');
    // 1 November: October's digest is next (due tomorrow).
    expect(nextDigestMonth(new Date('2026-11-01T12:00:00Z'), '2026-09', zone)).toBe('2026-10');
    // Sent: then November's.
    expect(nextDigestMonth(new Date('2026-11-02T09:00:00Z'), '2026-10', zone)).toBe('2026-11');
    // First install on 29 November: October's is weeks late, so the first is November's, on 1 December.
    expect(nextDigestMonth(new Date('2026-11-29T12:00:00Z'), null, zone)).toBe('2026-11');
    expect(nextDigestMonth(new Date('2026-11-03T12:00:00Z'), null, zone)).toBe('2026-10');
  });
});
