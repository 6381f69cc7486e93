import type { HarvestStage } from '../domain/harvest-plan.ts';
import type { HarvestRepos } from '../flows/harvest/ports.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** Harvest rows; the harvest's timer stages are ScheduledReminder rows with `harvest_*` kinds. */
export function harvestRepos(tx: Tx): HarvestRepos {
  return {
    async pastSessionsOf(personId, now) {
      const rows = await tx.dialogueSession.findMany({
        where: {
          startsAt: { lte: now },
          status: { not: 'CANCELLED' },
          assignments: { some: { personId, status: 'ACTIVE' } },
        },
        orderBy: { startsAt: 'desc' },
        take: 20,
        select: { id: true, request: { select: { number: true } }, harvest: { select: { status: true } } },
      });
      return rows.map((r) => ({
        sessionId: r.id,
        number: r.request.number,
        status: r.harvest?.status ?? null,
      }));
    },
    async isFacilitator(sessionId, personId) {
      const n = await tx.assignment.count({ where: { sessionId, personId, status: 'ACTIVE' } });
      return n > 0;
    },
    async get(sessionId) {
      const h = await tx.harvest.findUnique({
        where: { sessionId },
        select: { status: true, rawNotes: true },
      });
      return h ?? null;
    },
    async saveNotes(sessionId, authorId, notes) {
      const existing = await tx.harvest.findUnique({ where: { sessionId }, select: { status: true } });
      if (existing && (existing.status === 'APPROVED' || existing.status === 'SHARED')) return false;
      await tx.harvest.upsert({
        where: { sessionId },
        create: { sessionId, authorId, rawNotes: notes },
        update: { rawNotes: notes },
      });
      return true;
    },
    async approve(sessionId, structured, at) {
      const { count } = await tx.harvest.updateMany({
        where: { sessionId, status: { in: ['DRAFT', 'SUBMITTED'] } },
        data: { status: 'APPROVED', structured, approvedAt: at },
      });
      return count === 1;
    },
    async markShared(sessionId) {
      await tx.harvest.update({ where: { sessionId }, data: { status: 'SHARED' } });
    },
    async sentStages(sessionId) {
      const rows = await tx.scheduledReminder.findMany({
        where: { sessionId, kind: { startsWith: 'harvest_' }, status: 'SENT' },
        select: { kind: true, sentAt: true, dueAt: true },
      });
      return rows.map((r) => ({ stage: r.kind as HarvestStage, sentAt: r.sentAt ?? r.dueAt }));
    },
    async claimStage(sessionId, stage, personId, at) {
      // Created as SENT: the reminder timer only looks at PENDING rows, and a second run conflicts here.
      const { count } = await tx.scheduledReminder.createMany({
        data: [{ kind: stage, sessionId, personId, dueAt: at, status: 'SENT', sentAt: at }],
        skipDuplicates: true,
      });
      return count === 1;
    },
  };
}
