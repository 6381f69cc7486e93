import { DateTime } from 'luxon';

/** The reminders of one session, for one person. */
export type ReminderKind = 'week_before' | 'day_before' | 'nudge' | 'partner_check';

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: Date;
  /** True when quiet hours moved it from its natural moment. */
  moved: boolean;
}

export interface PlanInput {
  role: 'facilitator' | 'partner';
  sessionStart: Date;
  /** When the person was booked (assignment accepted, request confirmed); nothing is planned before it. */
  bookedAt: Date;
  zone: string;
  quietHours?: { from: number; to: number };
}

/** No messages between 21:00 and 08:00 in the organisation's time zone. */
export const QUIET_HOURS = { from: 21, to: 8 };

interface KindRule {
  kind: ReminderKind;
  /** The natural moment, from the session's start in local time. */
  natural(start: DateTime): DateTime;
  /** After this moment the reminder is pointless (relative to the start). */
  latest(start: DateTime): DateTime;
  /** Too soon after booking to be useful (the booking confirmation already says it). */
  minAfterBookingMinutes: number;
}

// Calendar arithmetic in the local zone keeps "10:00 the day before" at 10:00 across DST switches;
// the nudge is a fixed number of hours before the start.
const RULES: Record<PlanInput['role'], KindRule[]> = {
  facilitator: [
    {
      kind: 'week_before',
      natural: (s) => s.minus({ days: 7 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }),
      latest: (s) => s.minus({ days: 5 }),
      minAfterBookingMinutes: 24 * 60,
    },
    {
      kind: 'day_before',
      natural: (s) => s.minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }),
      latest: (s) => s.minus({ hours: 4 }),
      minAfterBookingMinutes: 6 * 60,
    },
    {
      kind: 'nudge',
      natural: (s) => s.minus({ hours: 3 }),
      latest: (s) => s.minus({ minutes: 60 }),
      minAfterBookingMinutes: 60,
    },
  ],
  partner: [
    {
      kind: 'partner_check',
      natural: (s) => s.minus({ days: 3 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }),
      latest: (s) => s.minus({ days: 1 }),
      minAfterBookingMinutes: 24 * 60,
    },
  ],
};

/**
 * Plans the reminders for one person and session: each at its natural moment, moved out of quiet
 * hours (to the next morning, or else the evening before), and dropped when it would be pointless:
 * already past at booking, too close after booking, or pushed beyond its latest useful moment.
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const quiet = input.quietHours ?? QUIET_HOURS;
  const start = DateTime.fromJSDate(input.sessionStart, { zone: input.zone });
  const booked = DateTime.fromJSDate(input.bookedAt, { zone: input.zone });
  const plan: PlannedReminder[] = [];
  for (const rule of RULES[input.role]) {
    const natural = rule.natural(start);
    const latest = rule.latest(start);
    const earliest = booked.plus({ minutes: rule.minAfterBookingMinutes });
    const due = outOfQuietHours(natural, quiet, earliest, latest);
    if (!due) continue;
    plan.push({ kind: rule.kind, dueAt: due.toJSDate(), moved: +due !== +natural });
  }
  return plan;
}

/**
 * The morning after a quiet-hours moment at `hour` (the same day when it is after midnight), e.g.
 * 08:00 for the end of quiet hours or 09:00 for an offer's deadline.
 */
export function morningAfter(t: DateTime, hour: number = QUIET_HOURS.to, quiet = QUIET_HOURS): DateTime {
  return (t.hour < quiet.to ? t : t.plus({ days: 1 })).set({ hour, minute: 0, second: 0, millisecond: 0 });
}

/** Whether a local moment falls in quiet hours. */
export function isQuiet(t: DateTime, quiet = QUIET_HOURS): boolean {
  const h = t.hour + t.minute / 60;
  return quiet.from > quiet.to ? h >= quiet.from || h < quiet.to : h >= quiet.from && h < quiet.to;
}

function outOfQuietHours(
  t: DateTime,
  quiet: { from: number; to: number },
  earliest: DateTime,
  latest: DateTime,
): DateTime | null {
  const fits = (c: DateTime) => c >= earliest && c <= latest && !isQuiet(c, quiet);
  if (fits(t)) return t;
  if (!isQuiet(t, quiet)) return null; // outside the window for another reason: pointless
  // Next morning at the end of quiet hours (same day if before it), else the evening before.
  const morning = morningAfter(t, quiet.to, quiet);
  if (fits(morning)) return morning;
  const evening = (t.hour < quiet.to ? t.minus({ days: 1 }) : t).set({
    hour: quiet.from - 1,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  if (fits(evening)) return evening;
  return null;
}
