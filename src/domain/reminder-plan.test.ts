import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isQuiet, planReminders } from './reminder-plan.ts';

const zone = 'Europe/Amsterdam';
const at = (local: string) => DateTime.fromISO(local, { zone }).toJSDate();
const local = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
const plan = (role: 'facilitator' | 'partner', start: string, booked: string) =>
  Object.fromEntries(
    planReminders({ role, sessionStart: at(start), bookedAt: at(booked), zone }).map((r) => [
      r.kind,
      local(r.dueAt),
    ]),
  );

describe('reminder plan', () => {
  it.each([
    // booked long before: every reminder at its natural moment
    [
      '2026-12-15T19:30',
      '2026-11-01T12:00',
      { week_before: '2026-12-08T10:00', day_before: '2026-12-14T10:00', nudge: '2026-12-15T16:30' },
    ],
    // booked a week before (6 days): no "one week to go"
    ['2026-12-15T19:30', '2026-12-09T12:00', { day_before: '2026-12-14T10:00', nudge: '2026-12-15T16:30' }],
    // booked the day before, after 10:00: only the nudge
    ['2026-12-15T19:30', '2026-12-14T15:00', { nudge: '2026-12-15T16:30' }],
    // booked an hour before: nothing (the confirmation is the reminder)
    ['2026-12-15T19:30', '2026-12-15T18:30', {}],
  ])('facilitator, session %s booked %s', (start, booked, expected) => {
    expect(plan('facilitator', start, booked)).toEqual(expected);
  });

  it('moves a nudge out of the night to 08:00, and drops it when that is pointless', () => {
    // 10:00 session: nudge would be 07:00 → 08:00 (still 2 h before)
    expect(plan('facilitator', '2026-12-15T10:00', '2026-11-01T12:00').nudge).toBe('2026-12-15T08:00');
    // 08:30 session: 05:30 → 08:00 is only 30 min before; the evening before (20:00) is fine
    expect(plan('facilitator', '2026-12-15T08:30', '2026-11-01T12:00').nudge).toBe('2026-12-14T20:00');
    // same, but booked at 22:00 the evening before: nothing left that makes sense
    expect(plan('facilitator', '2026-12-15T08:30', '2026-12-14T22:00').nudge).toBeUndefined();
  });

  it('never plans anything in quiet hours', () => {
    for (let h = 0; h < 24; h++) {
      const start = `2026-12-15T${String(h).padStart(2, '0')}:15`;
      for (const r of planReminders({
        role: 'facilitator',
        sessionStart: at(start),
        bookedAt: at('2026-11-01T12:00'),
        zone,
      })) {
        expect(isQuiet(DateTime.fromJSDate(r.dueAt, { zone }))).toBe(false);
      }
    }
  });

  it('keeps local times across the March and October daylight-saving switches', () => {
    // Summer time starts 29 March 2026; the week-before reminder is in winter time.
    const march = planReminders({
      role: 'facilitator',
      sessionStart: at('2026-04-02T19:00'),
      bookedAt: at('2026-03-01T12:00'),
      zone,
    });
    expect(march.map((r) => [r.kind, r.dueAt.toISOString()])).toEqual([
      ['week_before', '2026-03-26T09:00:00.000Z'], // 10:00 CET
      ['day_before', '2026-04-01T08:00:00.000Z'], // 10:00 CEST
      ['nudge', '2026-04-02T14:00:00.000Z'], // 16:00 CEST
    ]);
    // Winter time starts 25 October 2026; a session on that Sunday at 12:00 has its nudge at 09:00 CET.
    const october = planReminders({
      role: 'facilitator',
      sessionStart: at('2026-10-25T12:00'),
      bookedAt: at('2026-10-01T12:00'),
      zone,
    });
    expect(october.map((r) => [r.kind, local(r.dueAt)])).toEqual([
      ['week_before', '2026-10-18T10:00'],
      ['day_before', '2026-10-24T10:00'],
      ['nudge', '2026-10-25T09:00'],
    ]);
  });

  it('plans the partner check three days before at 10:00', () => {
    expect(plan('partner', '2026-12-15T19:30', '2026-11-01T12:00')).toEqual({
      partner_check: '2026-12-12T10:00',
    });
    expect(plan('partner', '2026-12-15T19:30', '2026-12-14T09:00')).toEqual({});
  });
});
