import { DateTime } from 'luxon';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { TimerKind } from '../jobs/timers.ts';

export const RETENTION_TIMER = 'retention';
const LAST_RUN_KEY = 'retention.lastRunAt';
const DAY_MS = 86_400_000;
const DEFAULT_HARVEST_RAW_DAYS = 60;

/** What one retention sweep removed (counts only). */
export interface RetentionReport {
  conversations: number;
  buttons: number;
  linkCodes: number;
  inboundTexts: number;
  outboundTexts: number;
  /** /mijngegevens files removed from the outbox a day after delivery. */
  exports: number;
  /** Harvests whose raw notes were deleted (approved long enough ago, or drafts left untouched). */
  harvestNotes: number;
  /** Stored media files (voice notes, photos) deleted. */
  mediaFiles: number;
  /** Broadcast drafts never sent nor cancelled within a day: cancelled, their text erased. */
  broadcastDrafts: number;
}

/**
 * Storage limitation (AVG art. 5): deletes conversation state and buttons that have expired, and
 * the text of logged messages older than `days`. The rows of the logs stay (de-duplication,
 * idempotency and anonymous counts need them); only what was said goes.
 */
export async function sweepRetention(
  prisma: PrismaClient,
  opts: { now: Date; days: number; harvestRawDays?: number },
): Promise<RetentionReport> {
  const cutoff = new Date(opts.now.getTime() - opts.days * DAY_MS);
  const rawCutoff = new Date(opts.now.getTime() - (opts.harvestRawDays ?? DEFAULT_HARVEST_RAW_DAYS) * DAY_MS);
  return prisma.$transaction(async (tx) => {
    const conversations = await tx.conversation.deleteMany({ where: { expiresAt: { lt: opts.now } } });
    const buttons = await tx.buttonToken.deleteMany({ where: { expiresAt: { lt: opts.now } } });
    const linkCodes = await tx.linkCode.deleteMany({ where: { expiresAt: { lt: opts.now } } });
    // Raw SQL so the kind survives and already-scrubbed rows are skipped without loading them.
    const inboundTexts = await tx.$executeRawUnsafe(
      `UPDATE "InboundEvent" SET payload = jsonb_build_object('kind', kind, 'scrubbed', true)
       WHERE "receivedAt" < $1 AND status <> 'RECEIVED' AND NOT (payload ? 'scrubbed')`,
      cutoff,
    );
    const outboundTexts = await tx.$executeRawUnsafe(
      `UPDATE "OutboundMessage" SET payload = '{"text":"","scrubbed":true}'::jsonb
       WHERE "createdAt" < $1 AND status <> 'PENDING' AND NOT (payload ? 'scrubbed')`,
      cutoff,
    );
    // An export is a full copy of someone's data: once delivered, the outbox need not keep it.
    const exports = await tx.$executeRawUnsafe(
      `UPDATE "OutboundMessage" SET payload = payload #- '{file,contentBase64}'
       WHERE "createdAt" < $1 AND status = 'SENT'
         AND payload->'file'->>'filename' LIKE 'mijngegevens-%' AND payload->'file' ? 'contentBase64'`,
      new Date(opts.now.getTime() - DAY_MS),
    );
    const { harvestNotes, mediaFiles } = await sweepHarvestRaw(tx, rawCutoff, opts.now);
    // A preview left standing holds a coordinator's text: after a day it is cancelled (a late
    // press on "send" then gets "already done") and the text goes.
    const drafts = await tx.broadcast.updateMany({
      where: { status: 'DRAFT', createdAt: { lt: new Date(opts.now.getTime() - DAY_MS) } },
      data: { status: 'CANCELLED', text: null },
    });
    return {
      broadcastDrafts: drafts.count,
      harvestNotes,
      mediaFiles,
      exports,
      conversations: conversations.count,
      buttons: buttons.count,
      linkCodes: linkCodes.count,
      inboundTexts,
      outboundTexts,
    };
  });
}

/**
 * Raw harvest notes (they may hold names and the private reflection) go `harvestRawDays` after
 * approval, and a draft's after as many days untouched; the structured, scrubbed harvest and the
 * scrubbed reflection stay. Media files go once nothing that still has raw notes refers to them.
 */
async function sweepHarvestRaw(
  tx: Prisma.TransactionClient,
  cutoff: Date,
  now: Date,
): Promise<{ harvestNotes: number; mediaFiles: number }> {
  const harvestNotes = await tx.$executeRaw`
    UPDATE "Harvest" SET "rawNotes" = '{}'::jsonb, "rawDeletedAt" = ${now}, "notesInSyncWith" = NULL
    WHERE "rawDeletedAt" IS NULL
      AND ((status IN ('APPROVED', 'SHARED') AND "approvedAt" < ${cutoff})
        OR (status IN ('DRAFT', 'SUBMITTED') AND "updatedAt" < ${cutoff}))`;
  const mediaFiles = await tx.$executeRaw`
    DELETE FROM "MediaFile" m
    WHERE m."createdAt" < ${cutoff}
      AND NOT EXISTS (
        SELECT 1 FROM "Harvest" h
        WHERE h."rawDeletedAt" IS NULL AND strpos(h."rawNotes"::text, m.ref) > 0)`;
  return { harvestNotes, mediaFiles };
}

/** The first 03:30 (local, a quiet hour) after `after`: a stable due time, so the job id is stable. */
export function nextSweepAt(after: Date, zone: string): Date {
  const base = DateTime.fromJSDate(after, { zone });
  let next = base.set({ hour: 3, minute: 30, second: 0, millisecond: 0 });
  if (next <= base) next = next.plus({ days: 1 });
  return next.toJSDate();
}

/**
 * A nightly timer whose truth is the time of the last sweep (a Setting row): the reconciler always
 * finds the next one, and a job that runs twice sweeps once.
 */
export function retentionTimer(deps: {
  prisma: PrismaClient;
  days: number;
  harvestRawDays?: number;
  zone: string;
  now: () => Date;
  onSwept?(report: RetentionReport): void;
}): TimerKind {
  const lastRun = async (): Promise<Date | null> => {
    const row = await deps.prisma.setting.findUnique({ where: { key: LAST_RUN_KEY } });
    return typeof row?.value === 'string' ? new Date(row.value) : null;
  };
  return {
    name: RETENTION_TIMER,
    async pending() {
      const last = await lastRun();
      return [{ id: 'nightly', dueAt: nextSweepAt(last ?? deps.now(), deps.zone) }];
    },
    async run(_id, now) {
      const last = await lastRun();
      if (last && now.getTime() - last.getTime() < DAY_MS - 3_600_000) return;
      const report = await sweepRetention(deps.prisma, {
        now,
        days: deps.days,
        harvestRawDays: deps.harvestRawDays,
      });
      await deps.prisma.setting.upsert({
        where: { key: LAST_RUN_KEY },
        update: { value: now.toISOString() },
        create: { key: LAST_RUN_KEY, value: now.toISOString() },
      });
      deps.onSwept?.(report);
    },
  };
}
