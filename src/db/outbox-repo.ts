import type { DeliveryTarget, OutboundMessage, Platform } from '../bots/ports.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { prismaSql, type SqlRunner, type Statement } from './sql.ts';

export interface DeliveryItem {
  id: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  platform: Platform;
  target: DeliveryTarget | null;
  identityId: string | null;
  message: OutboundMessage;
  createdAt: Date;
}

/** A pending message with its identity, as `pendingFor` reads them (one statement). */
interface PendingRow {
  id: string;
  platform: Platform;
  identityId: string | null;
  payload: unknown;
  createdAt: Date;
  iPlatform: Platform | null;
  externalId: string | null;
  chatId: string | null;
  workspaceId: string | null;
  unreachableAt: Date | null;
}

const PENDING_FOR: Statement = {
  name: 'dlg_outbox_pending_for',
  text: `
    SELECT m."id", m."platform"::text AS "platform", m."identityId", m."payload",
      (m."createdAt" AT TIME ZONE 'UTC') AS "createdAt",
      i."platform"::text AS "iPlatform", i."externalId", i."chatId", i."workspaceId", i."unreachableAt"
    FROM "OutboundMessage" m
    LEFT JOIN "ChannelIdentity" i ON i."id" = m."identityId"
    WHERE m."personId" = $1 AND m."platform" = CAST($2 AS "Platform") AND m."status" = 'PENDING'
    ORDER BY m."createdAt" ASC, m."id" ASC
    LIMIT CAST($3 AS int)`,
};

const MARK_SENT: Statement = {
  name: 'dlg_outbox_mark_sent',
  text: `
    UPDATE "OutboundMessage"
    SET "status" = 'SENT', "sentAt" = (CAST($2 AS timestamptz) AT TIME ZONE 'UTC'),
      "externalMessageId" = CAST($3 AS text), "attempts" = "attempts" + 1
    WHERE "id" = $1 AND "status" = 'PENDING'`,
};

const MARK_SENT_AND_CHECK: Statement = {
  name: 'dlg_outbox_mark_sent_and_check',
  // The SELECT sees the table as it was before this UPDATE, hence the message itself is excluded.
  text: `
    WITH sent AS (
      UPDATE "OutboundMessage"
      SET "status" = 'SENT', "sentAt" = (CAST($2 AS timestamptz) AT TIME ZONE 'UTC'),
        "externalMessageId" = CAST($3 AS text), "attempts" = "attempts" + 1
      WHERE "id" = $1 AND "status" = 'PENDING'
    )
    SELECT EXISTS (
      SELECT 1 FROM "OutboundMessage"
      WHERE "personId" = $4 AND "platform" = CAST($5 AS "Platform") AND "status" = 'PENDING' AND "id" <> $1
    ) AS "more"`,
};

const STILL_PENDING: Statement = {
  name: 'dlg_outbox_still_pending',
  text: `SELECT "id" FROM "OutboundMessage" WHERE "id" = ANY(CAST($1 AS text[])) AND "status" = 'PENDING'`,
};

/**
 * The outbound message log: what to deliver, and what happened to it. `sql`: the pg pool
 * (PostgreSQL), for the statements every message sent costs (read pending, mark sent).
 */
export function outboxRepo(prisma: PrismaClient, sql?: SqlRunner) {
  const run = sql ?? prismaSql(prisma);
  return {
    /** Groups message ids per person and platform, keeping their order, for batch delivery jobs. */
    async groups(ids: string[]): Promise<{ platform: Platform; personId: string; ids: string[] }[]> {
      const rows = await prisma.outboundMessage.findMany({
        where: { id: { in: ids } },
        select: { id: true, platform: true, personId: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const groups = new Map<string, { platform: Platform; personId: string; ids: string[] }>();
      for (const id of ids) {
        const r = byId.get(id);
        if (!r) continue;
        const key = `${r.platform}/${r.personId}`;
        const g = groups.get(key) ?? { platform: r.platform, personId: r.personId, ids: [] };
        g.ids.push(id);
        groups.set(key, g);
      }
      return [...groups.values()];
    },

    /**
     * A person's messages still to deliver on one platform, oldest first (delivery sends them in
     * this order), each with where it goes — read together in one statement.
     */
    async pendingFor(personId: string, platform: Platform, limit = 200): Promise<DeliveryItem[]> {
      const rows = await run.query<PendingRow>(PENDING_FOR, [personId, platform, limit]);
      return rows.map((r) => ({
        id: r.id,
        status: 'PENDING' as const,
        platform: r.platform,
        identityId: r.identityId,
        target:
          r.iPlatform && r.externalId !== null && !r.unreachableAt
            ? {
                platform: r.iPlatform,
                externalId: r.externalId,
                chatId: r.chatId,
                workspaceId: r.workspaceId,
              }
            : null,
        message: r.payload as OutboundMessage,
        createdAt: new Date(r.createdAt),
      }));
    },

    async load(id: string): Promise<DeliveryItem | null> {
      const r = await prisma.outboundMessage.findUnique({ where: { id }, include: { identity: true } });
      if (!r) return null;
      const i = r.identity;
      return {
        id: r.id,
        status: r.status,
        platform: r.platform,
        identityId: r.identityId,
        target:
          i && !i.unreachableAt
            ? { platform: i.platform, externalId: i.externalId, chatId: i.chatId, workspaceId: i.workspaceId }
            : null,
        message: r.payload as unknown as OutboundMessage,
        createdAt: r.createdAt,
      };
    },

    /** Which of these messages are still pending (not sent or given up by someone else). */
    async stillPending(ids: string[]): Promise<string[]> {
      return (await run.query<{ id: string }>(STILL_PENDING, [ids])).map((r) => r.id);
    },

    async markSent(id: string, externalMessageId?: string): Promise<void> {
      await run.query(MARK_SENT, [id, new Date().toISOString(), externalMessageId ?? null]);
    },

    /**
     * Marks a message sent and, in the same statement, tells whether other messages to this person
     * on this platform are still pending (so the sender need not ask again after its last one).
     */
    async markSentAndCheck(
      id: string,
      externalMessageId: string | undefined,
      pendingOf: { personId: string; platform: Platform },
    ): Promise<boolean> {
      const rows = await run.query<{ more: boolean }>(MARK_SENT_AND_CHECK, [
        id,
        new Date().toISOString(),
        externalMessageId ?? null,
        pendingOf.personId,
        pendingOf.platform,
      ]);
      return rows[0]?.more ?? true;
    },

    /** A failed attempt; `retryAt` is when its job tries again. Returns the attempts made so far. */
    async markAttempt(id: string, error: string, retryAt: Date | null = null): Promise<number> {
      const row = await prisma.outboundMessage.update({
        where: { id },
        data: { attempts: { increment: 1 }, error: error.slice(0, 300), retryAt },
        select: { attempts: true },
      });
      return row.attempts;
    },

    async markFailed(id: string, error: string): Promise<void> {
      await prisma.outboundMessage.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'FAILED', error: error.slice(0, 300) },
      });
    },

    async markUnreachable(identityId: string): Promise<void> {
      await prisma.channelIdentity.update({ where: { id: identityId }, data: { unreachableAt: new Date() } });
    },

    /**
     * Pending messages written (or, after a failed attempt, due again) more than `olderThanMs` ago:
     * their job was lost, gave up, or was deduplicated away. One waiting for its retry is left to it.
     */
    async stalePending(olderThanMs: number, limit = 1000): Promise<string[]> {
      const before = new Date(Date.now() - olderThanMs);
      const rows = await prisma.outboundMessage.findMany({
        where: {
          status: 'PENDING',
          OR: [{ retryAt: null, createdAt: { lt: before } }, { retryAt: { lt: before } }],
        },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
        take: limit,
      });
      return rows.map((r) => r.id);
    },
  };
}
export type OutboxRepo = ReturnType<typeof outboxRepo>;
