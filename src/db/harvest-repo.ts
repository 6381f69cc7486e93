import { RawNotesSchema } from '../domain/harvest.ts';
import { hasOthersWork, mergeNotes } from '../domain/harvest-merge.ts';
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
      // Co-facilitators may answer at the same moment: create the row if needed, lock it, and merge
      // into what is stored instead of overwriting it (docs/harvest.md, "Co-facilitators").
      await tx.harvest.createMany({ data: [{ sessionId, authorId }], skipDuplicates: true });
      const [row] = await tx.$queryRaw<{ status: string; rawNotes: unknown }[]>`
        SELECT status, "rawNotes" FROM "Harvest" WHERE "sessionId" = ${sessionId} FOR UPDATE`;
      if (!row || row.status === 'APPROVED' || row.status === 'SHARED') return false;
      const stored = RawNotesSchema.safeParse(row.rawNotes);
      const merged = stored.success ? mergeNotes(stored.data, notes) : notes;
      await tx.harvest.update({
        where: { sessionId },
        data: {
          rawNotes: merged,
          // Only when this person's conversation holds all of it may they approve without reloading.
          notesInSyncWith: hasOthersWork(merged, notes) ? null : authorId,
        },
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
    async completeRequestIfHarvested(sessionId) {
      const session = await tx.dialogueSession.findUnique({
        where: { id: sessionId },
        select: { requestId: true },
      });
      if (!session) return;
      const waiting = await tx.dialogueSession.count({
        where: {
          requestId: session.requestId,
          status: { not: 'CANCELLED' },
          OR: [{ harvest: null }, { harvest: { status: { notIn: ['APPROVED', 'SHARED'] } } }],
        },
      });
      if (waiting > 0) return;
      // Only a request that was under way; a cancelled or declined one stays so.
      await tx.dialogueRequest.updateMany({
        where: { id: session.requestId, status: { in: ['SUBMITTED', 'APPROVED', 'STAFFING', 'STAFFED'] } },
        data: { status: 'DONE' },
      });
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
