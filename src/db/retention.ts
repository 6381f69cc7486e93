import { DateTime } from 'luxon';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { TimerKind } from '../jobs/timers.ts';

export const RETENTION_TIMER = 'retention';
const LAST_RUN_KEY = 'retention.lastRunAt';
const DAY_MS = 86_400_000;

/** What one retention sweep removed (counts only). */
export interface RetentionReport {
  conversations: number;
  buttons: number;
  linkCodes: number;
  inboundTexts: number;
  outboundTexts: number;
  /** /mijngegevens files removed from the outbox a day after delivery. */
  exports: number;
}

/**
 * Storage limitation (AVG art. 5): deletes conversation state and buttons that have expired, and
 * the text of logged messages older than `days`. The rows of the logs stay (de-duplication,
 * idempotency and anonymous counts need them); only what was said goes.
 */
export async function sweepRetention(
  prisma: PrismaClient,
  opts: { now: Date; days: number },
): Promise<RetentionReport> {
  const cutoff = new Date(opts.now.getTime() - opts.days * DAY_MS);
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
    return {
      exports,
      conversations: conversations.count,
      buttons: buttons.count,
      linkCodes: linkCodes.count,
      inboundTexts,
      outboundTexts,
    };
  });
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
      const report = await sweepRetention(deps.prisma, { now, days: deps.days });
      await deps.prisma.setting.upsert({
        where: { key: LAST_RUN_KEY },
        update: { value: now.toISOString() },
        create: { key: LAST_RUN_KEY, value: now.toISOString() },
      });
      deps.onSwept?.(report);
    },
  };
}
