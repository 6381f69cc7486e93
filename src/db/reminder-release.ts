import type { Platform } from '../bots/ports.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** An outbox row written by a release: what delivery needs to enqueue it without a lookup. */
export interface Released {
  id: string;
  personId: string;
  platform: Platform;
}

/**
 * Releases prepared reminders that are due, of those named: in ONE statement, each still
 * pending reminder whose session, request and recipient have not changed since it was prepared, and
 * whose recipient has a reachable identity, is marked sent and its prepared message is written to the
 * outbox (key `reminder:<id>`, the same key the full path uses, so the two can never both write).
 *
 * Re-checked here, at the due moment: the row is still PENDING and prepared with the same outbox id
 * (a cancel, move or hand-back changes or clears it); the session is not cancelled and has not started;
 * a facilitator's reminder has the person still actively assigned; `updatedAt` of session, request and
 * recipient is not later than the preparation (an edit since — address, time, questions, language —
 * means the text may be out of date). Whatever fails a check is left pending for the full path, which
 * renders afresh and records why a reminder is no longer wanted.
 *
 * Concurrent releases cannot both write a reminder: the UPDATE re-checks status and outbox id on the
 * latest row version (row lock), and only the rows it updated are inserted.
 */
export async function releaseDue(prisma: PrismaClient, now: Date, ids: string[]): Promise<Released[]> {
  if (ids.length === 0) return [];
  // Wall-clock time, as the outbox's other rows have (delivery orders a person's messages by it).
  const writtenAt = new Date();
  return prisma.$queryRaw<Released[]>`
    WITH due AS (
      SELECT r."id", r."personId", r."outboxId", r."prepared", i."id" AS "identityId", i."platform"
      FROM "ScheduledReminder" r
      JOIN "DialogueSession" s ON s."id" = r."sessionId"
      JOIN "DialogueRequest" q ON q."id" = s."requestId"
      JOIN "Person" p ON p."id" = r."personId"
      JOIN LATERAL (
        SELECT x."id", x."platform" FROM "ChannelIdentity" x
        WHERE x."personId" = r."personId" AND x."unreachableAt" IS NULL
        ORDER BY x."preferred" DESC, x."createdAt" DESC
        LIMIT 1
      ) i ON true
      WHERE r."id" = ANY(${ids}) AND r."status" = 'PENDING' AND r."preparedAt" IS NOT NULL
        AND r."dueAt" <= ${now}
        AND s."status" <> 'CANCELLED' AND s."startsAt" > ${now}
        AND s."updatedAt" <= r."preparedAt" AND q."updatedAt" <= r."preparedAt"
        AND p."updatedAt" <= r."preparedAt" AND p."erasedAt" IS NULL
        AND (r."kind" = 'partner_check' OR EXISTS (
          SELECT 1 FROM "Assignment" a
          WHERE a."sessionId" = r."sessionId" AND a."personId" = r."personId" AND a."status" = 'ACTIVE'
        ))
    ),
    sent AS (
      UPDATE "ScheduledReminder" r
      SET "status" = 'SENT', "sentAt" = ${now}, "prepared" = NULL, "preparedAt" = NULL, "outboxId" = NULL
      FROM due
      WHERE r."id" = due."id" AND r."status" = 'PENDING' AND r."outboxId" = due."outboxId"
      RETURNING r."id"
    )
    INSERT INTO "OutboundMessage"
      ("id", "idempotencyKey", "personId", "identityId", "platform", "payload", "status", "createdAt")
    SELECT due."outboxId", 'reminder:' || due."id", due."personId", due."identityId", due."platform",
      due."prepared", 'PENDING', ${writtenAt}
    FROM due JOIN sent ON sent."id" = due."id"
    ON CONFLICT DO NOTHING
    RETURNING "id", "personId", "platform"::text AS "platform"`;
}

/** Ids of prepared reminders due by `now`, earliest first (one index scan): what a release works through. */
export async function preparedDue(prisma: PrismaClient, now: Date, limit: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ScheduledReminder"
    WHERE "status" = 'PENDING' AND "dueAt" <= ${now} AND "preparedAt" IS NOT NULL
    ORDER BY "dueAt", "id"
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Prepared reminders that are due but were not released (a check failed, or it is night): for the
 * full path. Rows another release is writing right now (locked) are skipped, not waited for.
 */
export async function unreleased(prisma: PrismaClient, now: Date, limit = 500): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ScheduledReminder"
    WHERE "status" = 'PENDING' AND "preparedAt" IS NOT NULL AND "dueAt" <= ${now}
    ORDER BY "dueAt", "id"
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  return rows.map((r) => r.id);
}
