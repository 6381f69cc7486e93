import type { ReminderKind } from '../domain/reminder-plan.ts';
import type { ReminderRecord, ReminderRepos } from '../flows/reminders/ports.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { newId } from './ids.ts';

type Tx = Prisma.TransactionClient;

/** What a reminder that is (re-)planned, cancelled, skipped or sent no longer needs: its prepared message. */
const UNPREPARED = { preparedAt: null, prepared: Prisma.DbNull, outboxId: null };
/** A record's columns (not the prepared message itself). */
const RECORD = {
  id: true,
  kind: true,
  sessionId: true,
  personId: true,
  dueAt: true,
  status: true,
  preparedAt: true,
} as const;

const toRecord = (r: {
  id: string;
  kind: string;
  sessionId: string;
  personId: string;
  dueAt: Date;
  status: ReminderRecord['status'];
  preparedAt: Date | null;
}): ReminderRecord => ({
  id: r.id,
  kind: r.kind as ReminderKind,
  sessionId: r.sessionId,
  personId: r.personId,
  dueAt: r.dueAt,
  status: r.status,
  preparedAt: r.preparedAt,
});

export function reminderRepos(tx: Tx): ReminderRepos {
  return {
    async ofSession(sessionId) {
      return (await tx.scheduledReminder.findMany({ where: { sessionId }, select: RECORD })).map(toRecord);
    },
    async get(id) {
      const r = await tx.scheduledReminder.findUnique({ where: { id }, select: RECORD });
      return r ? toRecord(r) : null;
    },
    async plan(row) {
      const r = await tx.scheduledReminder.upsert({
        where: {
          kind_sessionId_personId: { kind: row.kind, sessionId: row.sessionId, personId: row.personId },
        },
        update: { dueAt: row.dueAt, status: 'PENDING', sentAt: null, ...UNPREPARED },
        create: { ...row, status: 'PENDING' },
      });
      return r.id;
    },
    async setStatus(id, status) {
      await tx.scheduledReminder.update({
        where: { id },
        data: status === 'PENDING' ? { status } : { status, ...UNPREPARED },
      });
    },
    async claimSent(id, at) {
      const { count } = await tx.scheduledReminder.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'SENT', sentAt: at, ...UNPREPARED },
      });
      return count === 1;
    },
    async savePrepared(id, dueAt, prepared) {
      const { count } = await tx.scheduledReminder.updateMany({
        where: { id, status: 'PENDING', dueAt, preparedAt: null },
        data: {
          preparedAt: prepared.at,
          prepared: prepared.message as unknown as Prisma.InputJsonValue,
          // The outbox row's id, fixed now: the release writes it once, and delivery jobs are named after it.
          outboxId: newId(),
        },
      });
      return count === 1;
    },
    async bumpCalendarSequence(sessionId) {
      const s = await tx.dialogueSession.update({
        where: { id: sessionId },
        data: { calendarSequence: { increment: 1 } },
      });
      return s.calendarSequence;
    },
    async confirmAttendance(assignmentId, at) {
      await tx.assignment.updateMany({
        where: { id: assignmentId, confirmedAt: null },
        data: { confirmedAt: at },
      });
    },
    async setSessionStatus(sessionId, status) {
      await tx.dialogueSession.update({ where: { id: sessionId }, data: { status } });
    },
    async moveSession(sessionId, startsAt, endsAt) {
      await tx.dialogueSession.update({ where: { id: sessionId }, data: { startsAt, endsAt } });
    },
    async setRequestCancelled(requestId) {
      const open = await tx.dialogueSession.count({ where: { requestId, status: { not: 'CANCELLED' } } });
      if (open === 0)
        await tx.dialogueRequest.update({ where: { id: requestId }, data: { status: 'CANCELLED' } });
    },
  };
}
