import { DateTime } from 'luxon';
import type { OutboundMessage } from '../../bots/ports.ts';
import { calendarInvite } from '../../domain/calendar.ts';
import { isQuiet, planReminders, QUIET_HOURS, type ReminderKind } from '../../domain/reminder-plan.ts';
import { type Locale, type MessageKey, t } from '../../i18n/index.ts';
import { sessionDetails, when, where } from '../staffing/offer-text.ts';
import type { StaffingScope } from '../staffing/staffing.ts';
import type { SessionSnapshot } from '../staffing/types.ts';
import type { ReminderRepos } from './ports.ts';
import { openingQuestions } from './questions.ts';

export const REMINDER_TIMER = 'reminder';

/** Staffing scope plus the reminder tables, on the same transaction. */
export interface ReminderScope extends StaffingScope {
  reminders: ReminderRepos;
}

async function send(scope: StaffingScope, personId: string, key: string, message: OutboundMessage) {
  const id = await scope.repos.queueMessage(personId, `${scope.keyPrefix}:${key}`, message);
  if (id) scope.outboundIds.push(id);
  return id;
}

/**
 * Brings a session's reminder rows in line with who is assigned now: plans new ones, re-plans moved
 * ones, cancels those of people no longer on it (or of a cancelled session). Timers follow after commit.
 */
export async function replanSession(scope: ReminderScope, sessionId: string): Promise<void> {
  const session = await scope.repos.session(sessionId);
  if (!session) return;
  const existing = await scope.reminders.ofSession(sessionId);
  const wanted = new Map<string, { kind: ReminderKind; personId: string; dueAt: Date }>();
  if (session.status !== 'CANCELLED') {
    for (const a of session.assignments) {
      for (const r of planReminders({
        role: 'facilitator',
        sessionStart: session.startsAt,
        bookedAt: scope.now,
        zone: scope.zone,
      })) {
        wanted.set(`${r.kind}/${a.personId}`, { kind: r.kind, personId: a.personId, dueAt: r.dueAt });
      }
    }
    if (session.requestedById && session.assignments.length > 0) {
      for (const r of planReminders({
        role: 'partner',
        sessionStart: session.startsAt,
        bookedAt: scope.now,
        zone: scope.zone,
      })) {
        wanted.set(`${r.kind}/${session.requestedById}`, {
          kind: r.kind,
          personId: session.requestedById,
          dueAt: r.dueAt,
        });
      }
    }
  }
  for (const row of existing) {
    const want = wanted.get(`${row.kind}/${row.personId}`);
    if (want) {
      wanted.delete(`${row.kind}/${row.personId}`);
      // Already sent or skipped stays so; a pending one follows a move.
      if (row.status === 'PENDING' && +row.dueAt !== +want.dueAt) {
        await scope.reminders.plan({ ...want, sessionId });
        scope.timers.push({ kind: REMINDER_TIMER, id: row.id, dueAt: want.dueAt });
      }
      if (row.status === 'CANCELLED') {
        await scope.reminders.plan({ ...want, sessionId });
        scope.timers.push({ kind: REMINDER_TIMER, id: row.id, dueAt: want.dueAt });
      }
    } else if (row.status === 'PENDING') {
      await scope.reminders.setStatus(row.id, 'CANCELLED');
    }
  }
  for (const want of wanted.values()) {
    const id = await scope.reminders.plan({ ...want, sessionId });
    scope.timers.push({ kind: REMINDER_TIMER, id, dueAt: want.dueAt });
  }
}

/** The session as a calendar invite for one person, in their language. */
export async function sendInvite(
  scope: StaffingScope,
  session: SessionSnapshot,
  personId: string,
  change: 'booked' | 'changed' | 'cancelled',
) {
  const who = await scope.repos.recipient(personId);
  if (!who) return;
  const l = who.locale;
  const file = calendarInvite({
    uid: `${session.id}@dialoogbot`,
    sequence: session.calendarSequence,
    cancelled: change === 'cancelled',
    start: session.startsAt,
    end: session.endsAt,
    title: t(l, 'invite.title', {
      theme: t(l, `theme.${session.theme}` as MessageKey),
      organisation: session.organisation,
    }),
    description: sessionDetails(session, scope.zone, l),
    location: where(session, l),
  });
  await send(scope, personId, `invite:${session.id}:${personId}:${session.calendarSequence}:${change}`, {
    text: t(l, `invite.${change}`, { when: when(session, scope.zone, l) }),
    file,
  });
}

function mapLink(session: SessionSnapshot): string {
  if (session.online || !session.address) return '—';
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${session.address}, Utrecht`)}`;
}

function contactLine(session: SessionSnapshot): string {
  return [session.contact.name, session.contact.phone, session.contact.email].filter(Boolean).join(', ');
}

function reminderMessage(
  kind: ReminderKind,
  session: SessionSnapshot,
  l: Locale,
  zone: string,
  assignmentId: string | null,
) {
  const cant = assignmentId
    ? [{ label: t(l, 'reminder.cant'), action: 'act.cantmake', value: assignmentId }]
    : [];
  switch (kind) {
    case 'week_before':
      return {
        text: t(l, 'reminder.week_before', { details: sessionDetails(session, zone, l) }),
        buttons: [
          [{ label: t(l, 'reminder.coming'), action: 'act.coming', value: assignmentId ?? '' }, ...cant],
        ],
      };
    case 'day_before':
      return {
        text: t(l, 'reminder.day_before', {
          details: sessionDetails(session, zone, l),
          map: mapLink(session),
          contact: contactLine(session),
          questions: openingQuestions(session, l)
            .map((q) => `• ${q}`)
            .join('\n'),
        }),
        buttons: [cant],
      };
    case 'nudge':
      return {
        text: t(l, 'reminder.nudge', {
          time: DateTime.fromJSDate(session.startsAt, { zone }).toFormat('HH:mm'),
          organisation: session.organisation,
          where: where(session, l),
        }),
        buttons: [cant],
      };
    case 'partner_check':
      return {
        text: t(l, 'reminder.partner_check', {
          when: when(session, zone, l),
          participants: session.expectedParticipants,
        }),
        buttons: [
          [
            { label: t(l, 'reminder.partner_ok'), action: 'act.partner.ok', value: session.id },
            { label: t(l, 'reminder.partner_changed'), action: 'act.partner.changed', value: session.id },
          ],
        ],
      };
  }
}

export type ReminderOutcome = 'sent' | 'not_due' | 'already' | 'cancelled' | 'skipped' | 'moved';

/** Sends one due reminder exactly once; anything that no longer makes sense is cancelled or skipped. */
export async function sendReminder(scope: ReminderScope, reminderId: string): Promise<ReminderOutcome> {
  const r = await scope.reminders.get(reminderId);
  if (r?.status !== 'PENDING') return 'already';
  if (r.dueAt.getTime() > scope.now.getTime() + 1000) return 'not_due'; // a stale job of a re-planned reminder
  const session = await scope.repos.session(r.sessionId);
  const assignment = session?.assignments.find((a) => a.personId === r.personId) ?? null;
  const isFacilitatorKind = r.kind !== 'partner_check';
  if (!session || session.status === 'CANCELLED' || (isFacilitatorKind && !assignment)) {
    await scope.reminders.setStatus(r.id, 'CANCELLED');
    return 'cancelled';
  }
  if (session.startsAt <= scope.now) {
    await scope.reminders.setStatus(r.id, 'SKIPPED');
    return 'skipped';
  }
  // Overdue after an outage, now at night: wait for the morning if that is still before the start.
  const local = DateTime.fromJSDate(scope.now, { zone: scope.zone });
  if (isQuiet(local)) {
    const morning = (local.hour < QUIET_HOURS.to ? local : local.plus({ days: 1 })).set({
      hour: QUIET_HOURS.to,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    if (morning.toJSDate() < session.startsAt) {
      await scope.reminders.plan({
        kind: r.kind,
        sessionId: r.sessionId,
        personId: r.personId,
        dueAt: morning.toJSDate(),
      });
      scope.timers.push({ kind: REMINDER_TIMER, id: r.id, dueAt: morning.toJSDate() });
      return 'moved';
    }
    await scope.reminders.setStatus(r.id, 'SKIPPED');
    return 'skipped';
  }
  if (!(await scope.reminders.claimSent(r.id, scope.now))) return 'already';
  const who = await scope.repos.recipient(r.personId);
  if (!who) return 'cancelled';
  const message = reminderMessage(r.kind, session, who.locale, scope.zone, assignment?.id ?? null);
  const buttons = await scope.repos.offerButtons(
    r.personId,
    message.buttons.filter((row) => row.length > 0),
  );
  // The key is the reminder's id: a job that runs twice writes the message once.
  const id = await scope.repos.queueMessage(r.personId, `reminder:${r.id}`, { text: message.text, buttons });
  if (id) scope.outboundIds.push(id);
  return 'sent';
}
