import { DateTime } from 'luxon';
import type { OutboundMessage } from '../../bots/ports.ts';
import { isQuiet, QUIET_HOURS } from '../../domain/reminder-plan.ts';
import type { SessionSnapshot } from '../staffing/types.ts';
import type { ReminderRecord } from './ports.ts';
import { reminderMessage } from './reminder-text.ts';
import { REMINDER_TIMER, type ReminderScope } from './reminders.ts';

export type ReminderOutcome = 'sent' | 'not_due' | 'already' | 'cancelled' | 'skipped' | 'moved';

/**
 * Timer id of the job that releases every prepared reminder due at one instant (docs/reminders.md).
 * Ids of reminder rows are cuids, so they never look like this.
 */
export const releaseTimerId = (dueAt: Date) => `release-${dueAt.getTime()}`;
export const isReleaseTimerId = (id: string) => id.startsWith('release-');
/** The instant (ms) a release timer id stands for. */
export const releaseInstant = (id: string) => Number(id.slice('release-'.length));

type Assignment = SessionSnapshot['assignments'][number];

/** The session and the recipient's assignment, or — recorded on the row — why the reminder no longer makes sense. */
async function stillWanted(
  scope: ReminderScope,
  r: ReminderRecord,
): Promise<{ session: SessionSnapshot; assignment: Assignment | null } | 'cancelled' | 'skipped'> {
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
  return { session, assignment };
}

/** The message as it will be sent (its buttons stored as tokens), or null when the person is gone. */
async function render(
  scope: ReminderScope,
  r: ReminderRecord,
  session: SessionSnapshot,
  assignment: Assignment | null,
): Promise<OutboundMessage | null> {
  const who = await scope.repos.recipient(r.personId);
  if (!who) return null;
  const message = reminderMessage(r.kind, session, who.locale, scope.zone, assignment?.id ?? null);
  const buttons = await scope.repos.offerButtons(
    r.personId,
    message.buttons.filter((row) => row.length > 0),
  );
  return { text: message.text, buttons };
}

/**
 * Renders a reminder ahead of its due time and stores it on the row (not in the outbox yet), then
 * asks for the release timer of its due instant. Sending stays the release's job: at the due moment
 * one statement writes every prepared message of that instant to the outbox, re-checking that the
 * reminder is still pending and that session, request and recipient did not change since.
 */
export async function prepareReminder(
  scope: ReminderScope,
  reminderId: string,
): Promise<'prepared' | ReminderOutcome> {
  const r = await scope.reminders.get(reminderId);
  if (r?.status !== 'PENDING') return 'already';
  if (r.dueAt <= scope.now) return sendReminder(scope, reminderId); // too late to prepare
  if (!r.preparedAt) {
    const wanted = await stillWanted(scope, r);
    if (typeof wanted === 'string') return wanted;
    const message = await render(scope, r, wanted.session, wanted.assignment);
    // Nobody to send it to: nothing to prepare; at its due time the full path records the outcome.
    if (!message) return 'not_due';
    if (!(await scope.reminders.savePrepared(r.id, r.dueAt, { message, at: scope.now }))) return 'already';
  }
  scope.timers.push({ kind: REMINDER_TIMER, id: releaseTimerId(r.dueAt), dueAt: r.dueAt });
  return 'prepared';
}

/**
 * Sends one due reminder exactly once, rendering it now (any prepared message is dropped); anything
 * that no longer makes sense is cancelled or skipped. The path for reminders that were not
 * prepared (booked late, or a preparation the release found out of date).
 */
export async function sendReminder(scope: ReminderScope, reminderId: string): Promise<ReminderOutcome> {
  const r = await scope.reminders.get(reminderId);
  if (r?.status !== 'PENDING') return 'already';
  if (r.dueAt.getTime() > scope.now.getTime() + 1000) return 'not_due'; // a stale job of a re-planned reminder
  const wanted = await stillWanted(scope, r);
  if (typeof wanted === 'string') return wanted;
  const { session, assignment } = wanted;
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
  const message = await render(scope, r, session, assignment);
  if (!message) return 'cancelled';
  // The key is the reminder's id: a job that runs twice writes the message once.
  const id = await scope.repos.queueMessage(r.personId, `reminder:${r.id}`, message);
  if (id) scope.outboundIds.push(id);
  return 'sent';
}
