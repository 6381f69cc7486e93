import type { OutboundMessage } from '../../bots/ports.ts';
import { calendarInvite } from '../../domain/calendar.ts';
import { planReminders, type ReminderKind } from '../../domain/reminder-plan.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { sessionDetails, when, where } from '../staffing/offer-text.ts';
import type { StaffingScope } from '../staffing/staffing.ts';
import type { SessionSnapshot } from '../staffing/types.ts';
import type { ReminderRepos } from './ports.ts';

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
