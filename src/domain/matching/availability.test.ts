import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  type AvailabilityInput,
  isAvailable,
  localSpan,
  parseAvailability,
  partOfDayAt,
} from './availability.ts';
import { at, availability } from './fixtures.ts';
import { LocalClock } from './local-clock.ts';

const ZONE = 'Europe/Amsterdam';
const utc = (iso: string) => new Date(iso);

describe('AvailabilitySchema', () => {
  it('reads the demo seed shape and fills in the defaults', () => {
    const parsed = parseAvailability({
      weekly: { mon: ['evening'], tue: ['evening'], wed: ['afternoon', 'evening'], thu: ['evening'] },
      exceptions: [],
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        version: 1,
        weekly: { mon: ['evening'], tue: ['evening'], wed: ['afternoon', 'evening'], thu: ['evening'] },
        exceptions: [],
        pausedUntil: null,
      },
    });
  });

  it('reads the column default {} (and null) as "no availability yet"', () => {
    for (const json of [{}, null, undefined]) {
      const parsed = parseAvailability(json);
      expect(parsed.ok && parsed.value.weekly).toEqual({});
    }
  });

  it.each<[string, unknown]>([
    ['an unknown part of day', { weekly: { mon: ['night'] } }],
    ['an unknown weekday', { weekly: { maandag: ['evening'] } }],
    ['a range that ends before it starts', { weekly: { mon: [{ from: '21:00', to: '19:00' }] } }],
    ['a malformed clock time', { weekly: { mon: [{ from: '7:00', to: '9:00' }] } }],
    ['a malformed date', { exceptions: [{ kind: 'unavailable', date: '24-12-2026' }] }],
    ['an extra day without slots', { exceptions: [{ kind: 'available', date: '2026-12-24', slots: [] }] }],
    [
      'an until before the date',
      { exceptions: [{ kind: 'unavailable', date: '2026-12-24', until: '2026-12-20' }] },
    ],
  ])('refuses %s with a message naming the field', (_, json) => {
    const parsed = parseAvailability(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.join()).toMatch(/weekly|exceptions/);
  });
});

describe('isAvailable', () => {
  const tuesdayEvenings = availability({ weekly: { tue: ['evening'] } });

  it.each<[string, AvailabilityInput, string, string, boolean]>([
    ['inside a part of day', { weekly: { tue: ['evening'] } }, '2026-12-08 19:00', '2026-12-08 21:00', true],
    ['exactly a part of day', { weekly: { tue: ['evening'] } }, '2026-12-08 17:00', '2026-12-08 22:00', true],
    [
      'running past the part of day',
      { weekly: { tue: ['evening'] } },
      '2026-12-08 20:30',
      '2026-12-08 22:30',
      false,
    ],
    ['starting before it', { weekly: { tue: ['evening'] } }, '2026-12-08 16:30', '2026-12-08 18:00', false],
    ['on another weekday', { weekly: { wed: ['evening'] } }, '2026-12-08 19:00', '2026-12-08 21:00', false],
    [
      'across two adjoining parts',
      { weekly: { tue: ['morning', 'afternoon'] } },
      '2026-12-08 11:00',
      '2026-12-08 13:00',
      true,
    ],
    [
      'across a gap between parts',
      { weekly: { tue: ['morning', 'evening'] } },
      '2026-12-08 11:00',
      '2026-12-08 18:00',
      false,
    ],
    [
      'in an explicit range',
      { weekly: { tue: [{ from: '18:30', to: '21:15' }] } },
      '2026-12-08 18:30',
      '2026-12-08 21:15',
      true,
    ],
    [
      'past an explicit range',
      { weekly: { tue: [{ from: '18:30', to: '21:15' }] } },
      '2026-12-08 18:30',
      '2026-12-08 21:30',
      false,
    ],
    [
      'on a day off (whole day)',
      { weekly: { tue: ['evening'] }, exceptions: [{ kind: 'unavailable', date: '2026-12-08' }] },
      '2026-12-08 19:00',
      '2026-12-08 21:00',
      false,
    ],
    [
      'the day after a day off',
      { weekly: { tue: ['evening'] }, exceptions: [{ kind: 'unavailable', date: '2026-12-08' }] },
      '2026-12-15 19:00',
      '2026-12-15 21:00',
      true,
    ],
    [
      'in a holiday range',
      {
        weekly: { tue: ['evening'] },
        exceptions: [{ kind: 'unavailable', date: '2026-12-01', until: '2026-12-10' }],
      },
      '2026-12-08 19:00',
      '2026-12-08 21:00',
      false,
    ],
    [
      'outside the removed slot',
      {
        weekly: { tue: ['afternoon', 'evening'] },
        exceptions: [{ kind: 'unavailable', date: '2026-12-08', slots: ['afternoon'] }],
      },
      '2026-12-08 19:00',
      '2026-12-08 21:00',
      true,
    ],
    [
      'inside the removed slot',
      {
        weekly: { tue: ['afternoon', 'evening'] },
        exceptions: [{ kind: 'unavailable', date: '2026-12-08', slots: [{ from: '20:00', to: '20:30' }] }],
      },
      '2026-12-08 19:00',
      '2026-12-08 21:00',
      false,
    ],
    [
      'on an extra day',
      { weekly: {}, exceptions: [{ kind: 'available', date: '2026-12-09', slots: ['morning'] }] },
      '2026-12-09 09:00',
      '2026-12-09 11:00',
      true,
    ],
    [
      'an extra slot next to the pattern',
      {
        weekly: { tue: ['evening'] },
        exceptions: [{ kind: 'available', date: '2026-12-08', slots: [{ from: '15:00', to: '17:00' }] }],
      },
      '2026-12-08 16:00',
      '2026-12-08 18:00',
      true,
    ],
    [
      'across midnight with both days open',
      { weekly: { tue: [{ from: '20:00', to: '24:00' }], wed: [{ from: '00:00', to: '02:00' }] } },
      '2026-12-08 23:00',
      '2026-12-09 01:00',
      true,
    ],
    [
      'across midnight with the next day closed',
      { weekly: { tue: [{ from: '20:00', to: '24:00' }] } },
      '2026-12-08 23:00',
      '2026-12-09 01:00',
      false,
    ],
    [
      'ending exactly at midnight',
      { weekly: { tue: [{ from: '20:00', to: '24:00' }] } },
      '2026-12-08 22:00',
      '2026-12-09 00:00',
      true,
    ],
  ])('%s', (_, input, start, end, expected) => {
    expect(isAvailable(availability(input), at(start), at(end), ZONE)).toBe(expected);
  });

  it('leaves the travel buffer to the caller: widening by 30 minutes can tip it', () => {
    expect(isAvailable(tuesdayEvenings, at('2026-12-08 19:30'), at('2026-12-08 21:30'), ZONE)).toBe(true);
    expect(isAvailable(tuesdayEvenings, at('2026-12-08 19:00'), at('2026-12-08 22:00'), ZONE)).toBe(true);
    expect(isAvailable(tuesdayEvenings, at('2026-12-08 20:00'), at('2026-12-08 22:30'), ZONE)).toBe(false);
  });

  it('does not look at the pause (the paused rule does, so exclusions name the right reason)', () => {
    const paused = availability({ weekly: { tue: ['evening'] }, pausedUntil: '2026-12-31' });
    expect(isAvailable(paused, at('2026-12-08 19:00'), at('2026-12-08 21:00'), ZONE)).toBe(true);
  });

  describe('across daylight-saving switches (times are wall-clock in Amsterdam)', () => {
    const sundayEvenings = availability({ weekly: { sun: ['evening'] } });

    it('March: on Sunday 29 March 2026 Amsterdam is UTC+2 from 03:00, so 17:00 local is 15:00 UTC', () => {
      // 15:00–17:30 UTC = 17:00–19:30 CEST: inside the evening. A fixed UTC+1 would read 16:00–18:30.
      expect(
        isAvailable(sundayEvenings, utc('2026-03-29T15:00:00Z'), utc('2026-03-29T17:30:00Z'), ZONE),
      ).toBe(true);
      // 19:30–21:00 UTC = 21:30–23:00 CEST: runs past 22:00. A fixed UTC+1 would read 20:30–22:00.
      expect(
        isAvailable(sundayEvenings, utc('2026-03-29T19:30:00Z'), utc('2026-03-29T21:00:00Z'), ZONE),
      ).toBe(false);
      // The Sunday before (still winter time): 17:00 local is 16:00 UTC.
      expect(
        isAvailable(sundayEvenings, utc('2026-03-22T15:00:00Z'), utc('2026-03-22T17:30:00Z'), ZONE),
      ).toBe(false);
      expect(
        isAvailable(sundayEvenings, utc('2026-03-22T16:00:00Z'), utc('2026-03-22T18:30:00Z'), ZONE),
      ).toBe(true);
    });

    it('March: a range over the skipped hour (01:00–04:00 local) lasts two real hours', () => {
      const night = availability({ weekly: { sun: [{ from: '01:00', to: '04:00' }] } });
      // 00:30Z = 01:30 CET, 01:30Z = 03:30 CEST.
      expect(isAvailable(night, utc('2026-03-29T00:30:00Z'), utc('2026-03-29T01:30:00Z'), ZONE)).toBe(true);
      // 02:00Z = 04:00 CEST: one minute later is past the range.
      expect(isAvailable(night, utc('2026-03-29T00:00:00Z'), utc('2026-03-29T02:01:00Z'), ZONE)).toBe(false);
    });

    it('October: on Sunday 25 October 2026 Amsterdam is back at UTC+1, so 21:00 local is 20:00 UTC', () => {
      expect(
        isAvailable(sundayEvenings, utc('2026-10-25T20:00:00Z'), utc('2026-10-25T21:00:00Z'), ZONE),
      ).toBe(true);
      // 21:00 UTC = 22:00 CET... one minute more is past the evening. A fixed UTC+2 would say 23:00.
      expect(
        isAvailable(sundayEvenings, utc('2026-10-25T20:00:00Z'), utc('2026-10-25T21:01:00Z'), ZONE),
      ).toBe(false);
      // The Sunday before (summer time): 20:00–21:00 UTC is 22:00–23:00 CEST.
      expect(
        isAvailable(sundayEvenings, utc('2026-10-18T20:00:00Z'), utc('2026-10-18T21:00:00Z'), ZONE),
      ).toBe(false);
      expect(
        isAvailable(sundayEvenings, utc('2026-10-18T19:00:00Z'), utc('2026-10-18T20:00:00Z'), ZONE),
      ).toBe(true);
    });

    it('October: a range over the repeated hour covers both 02:30s', () => {
      const night = availability({ weekly: { sun: [{ from: '02:00', to: '03:00' }] } });
      // 00:30Z = 02:30 CEST, 01:30Z = 02:30 CET: both inside 02:00–03:00 local.
      expect(isAvailable(night, utc('2026-10-25T00:10:00Z'), utc('2026-10-25T00:50:00Z'), ZONE)).toBe(true);
      expect(isAvailable(night, utc('2026-10-25T01:10:00Z'), utc('2026-10-25T01:50:00Z'), ZONE)).toBe(true);
    });
  });
});

describe('localSpan', () => {
  it('splits an interval at local midnight', () => {
    expect(localSpan(at('2026-12-08 23:00').getTime(), at('2026-12-09 01:30').getTime(), ZONE)).toEqual([
      { date: '2026-12-08', weekday: 1, from: 23 * 60, to: 1440 },
      { date: '2026-12-09', weekday: 2, from: 0, to: 90 },
    ]);
  });

  it('keeps whole days in between', () => {
    const pieces = localSpan(at('2026-12-31 22:00').getTime(), at('2027-01-02 01:00').getTime(), ZONE);
    expect(pieces.map((p) => [p.date, p.weekday, p.from, p.to])).toEqual([
      ['2026-12-31', 3, 1320, 1440],
      ['2027-01-01', 4, 0, 1440],
      ['2027-01-02', 5, 0, 60],
    ]);
  });

  it('agrees with luxon minute by minute, in any zone and around every 2026 switch', () => {
    const switches = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'].map((iso) => Date.parse(iso));
    // Shared clocks, so the quarter-hour cache is exercised across calls.
    const clocks = new Map<string, LocalClock>();
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide'),
        fc.constantFrom(...switches),
        fc.integer({ min: -36 * 60, max: 36 * 60 }),
        fc.integer({ min: 0, max: 59_999 }),
        (zone, around, offsetMinutes, extraMs) => {
          const ms = around + offsetMinutes * 60_000 + extraMs;
          const dt = DateTime.fromMillis(ms, { zone });
          const clock = clocks.get(zone) ?? new LocalClock(zone);
          clocks.set(zone, clock);
          const local = clock.at(ms);
          expect(local).toEqual({
            date: dt.toISODate(),
            weekday: dt.weekday - 1,
            minute: dt.hour * 60 + dt.minute,
            month: dt.toFormat('yyyy-MM'),
          });
        },
      ),
    );
  });
});

describe('partOfDayAt', () => {
  it.each([
    [9 * 60, 'morning'],
    [11 * 60 + 59, 'morning'],
    [12 * 60, 'afternoon'],
    [16 * 60 + 59, 'afternoon'],
    [17 * 60, 'evening'],
    [23 * 60, 'evening'],
  ] as const)('%i minutes → %s', (minute, part) => {
    expect(partOfDayAt(minute)).toBe(part);
  });
});
