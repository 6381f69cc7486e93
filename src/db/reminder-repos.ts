import type { ReminderKind } from '../domain/reminder-plan.ts';
import type { ReminderRecord, ReminderRepos } from '../flows/reminders/ports.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

const toRecord = (r: {
  id: string;
  kind: string;
  sessionId: string;
  personId: string;
  dueAt: Date;
  status: ReminderRecord['status'];
}): ReminderRecord => ({
  ...r,
  kind: r.kind as ReminderKind,
});

export function reminderRepos(tx: Tx): ReminderRepos {
  return {
    async ofSession(sessionId) {
      return (await tx.scheduledReminder.findMany({ where: { sessionId } })).map(toRecord);
    },
    async get(id) {
      const r = await tx.scheduledReminder.findUnique({ where: { id } });
      return r ? toRecord(r) : null;
    },
    async plan(row) {
      const r = await tx.scheduledReminder.upsert({
        where: {
          kind_sessionId_personId: { kind: row.kind, sessionId: row.sessionId, personId: row.personId },
        },
        update: { dueAt: row.dueAt, status: 'PENDING', sentAt: null },
        create: { ...row, status: 'PENDING' },
      });
      return r.id;
    },
    async setStatus(id, status) {
      await tx.scheduledReminder.update({ where: { id }, data: { status } });
    },
    async claimSent(id, at) {
      const { count } = await tx.scheduledReminder.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'SENT', sentAt: at },
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
