import type { UnitOfWork } from '../flows/ports.ts';
import { REMINDER_TIMER, sendReminder } from '../flows/reminders/reminders.ts';
import type { AfterCommit } from '../flows/shell.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { TimerKind } from '../jobs/timers.ts';

export interface ReminderTimerDeps {
  prisma: PrismaClient;
  uow: UnitOfWork;
  zone: string;
  afterCommit(done: AfterCommit): Promise<void>;
  onSent?(): void;
}

/** Reminders are rows in the database; this timer kind carries each one out exactly once. */
export function reminderTimer(deps: ReminderTimerDeps): TimerKind {
  return {
    name: REMINDER_TIMER,
    async pending(limit) {
      const rows = await deps.prisma.scheduledReminder.findMany({
        where: { status: 'PENDING' },
        orderBy: { dueAt: 'asc' },
        take: limit,
        select: { id: true, dueAt: true },
      });
      return rows;
    },
    async run(id, now) {
      const out: AfterCommit = { outboundIds: [], timers: [] };
      const outcome = await deps.uow((repos) =>
        sendReminder(
          {
            repos: repos.staffing,
            reminders: repos.reminders,
            now,
            zone: deps.zone,
            keyPrefix: `reminder-run:${id}`,
            outboundIds: out.outboundIds,
            timers: out.timers,
          },
          id,
        ),
      );
      if (outcome === 'sent') deps.onSent?.();
      await deps.afterCommit(out);
    },
  };
}
