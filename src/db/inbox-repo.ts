import type { InboundContent, InboundEvent } from '../bots/ports.ts';
import { InboundContentSchema } from '../bots/ports.ts';
import type { InboundRecord } from '../flows/shell.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { newId } from './ids.ts';
import { prismaSql, type SqlRunner, type Statement } from './sql.ts';

export type RecordResult = { duplicate: true } | { duplicate: false; id: string; personId: string };

/**
 * Finds the sender; someone we could not reach (blocked the bot, left the workspace) who writes
 * again can be reached again; stores the event unless its platform event id was stored before.
 */
const RECORD_KNOWN: Statement = {
  name: 'dlg_record_inbound',
  text: `
    WITH ident AS (
      SELECT "id", "personId", "unreachableAt" FROM "ChannelIdentity"
      WHERE "platform" = CAST($1 AS "Platform") AND "externalId" = $2
    ), reachable AS (
      UPDATE "ChannelIdentity" SET "unreachableAt" = NULL
      WHERE "id" IN (SELECT "id" FROM ident WHERE "unreachableAt" IS NOT NULL)
    ), stored AS (
      INSERT INTO "InboundEvent"
        ("id", "platform", "eventId", "personId", "externalUserId", "kind", "payload", "status", "receivedAt")
      SELECT CAST($3 AS text), CAST($1 AS "Platform"), CAST($4 AS text), ident."personId", CAST($2 AS text),
        CAST($5 AS text), CAST($6 AS jsonb), 'RECEIVED', (CAST($7 AS timestamptz) AT TIME ZONE 'UTC')
      FROM ident
      ON CONFLICT DO NOTHING
      RETURNING "id"
    )
    SELECT ident."personId", (SELECT "id" FROM stored) AS "storedId" FROM ident`,
};

/**
 * The inbound event log: de-duplicates by platform event id and finds or creates the sender.
 * `sql`: the pg pool (PostgreSQL), for the one statement every update of a known sender costs.
 */
export function inboxRepo(prisma: PrismaClient, defaultLocale: string, sql?: SqlRunner) {
  const run = sql ?? prismaSql(prisma);

  /** Stores the event of a sender we know, in one statement; null when we do not know the sender yet. */
  async function recordKnown(event: InboundEvent): Promise<RecordResult | null> {
    const { platform, externalId } = event.sender;
    const [row] = await run.query<{ personId: string; storedId: string | null }>(RECORD_KNOWN, [
      platform,
      externalId,
      newId(),
      event.eventId,
      event.content.kind,
      JSON.stringify(event.content),
      event.receivedAt.toISOString(),
    ]);
    if (!row) return null;
    return row.storedId
      ? { duplicate: false, id: row.storedId, personId: row.personId }
      : { duplicate: true };
  }

  /** Creates the person and identity of a first message (or finds them, when two first messages raced). */
  async function newSender(event: InboundEvent): Promise<string> {
    const { platform, externalId } = event.sender;
    const where = { platform_externalId: { platform, externalId } };
    const locale = event.sender.languageCode?.toLowerCase().startsWith('en') ? 'en' : defaultLocale;
    try {
      const created = await prisma.channelIdentity.create({
        data: {
          platform,
          externalId,
          chatId: event.sender.chatId ?? null,
          workspaceId: event.sender.workspaceId ?? null,
          person: { create: { displayName: (event.sender.displayName ?? '').slice(0, 80), locale } },
        },
      });
      return created.personId;
    } catch {
      // Two first messages raced; the other one created the identity.
      return (await prisma.channelIdentity.findUniqueOrThrow({ where, select: { personId: true } })).personId;
    }
  }

  return {
    /** Stores the event once; a repeat (same platform event id) is reported as a duplicate. */
    async record(event: InboundEvent): Promise<RecordResult> {
      const known = await recordKnown(event);
      if (known) return known;
      const personId = await newSender(event);
      // Inserts nothing (and returns no row) when this platform event id was stored before.
      const rows = await prisma.inboundEvent.createManyAndReturn({
        data: [
          {
            platform: event.sender.platform,
            eventId: event.eventId,
            personId,
            externalUserId: event.sender.externalId,
            kind: event.content.kind,
            payload: event.content as unknown as Prisma.InputJsonValue,
            receivedAt: event.receivedAt,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      const row = rows[0];
      if (!row) return { duplicate: true };
      return { duplicate: false, id: row.id, personId };
    },

    /** Events received but not processed (the process stopped in between), oldest first. */
    async unprocessed(limit = 500): Promise<InboundRecord[]> {
      const rows = await prisma.inboundEvent.findMany({
        where: { status: 'RECEIVED', personId: { not: null } },
        orderBy: { receivedAt: 'asc' },
        take: limit,
      });
      return rows.flatMap((r) => {
        const content = InboundContentSchema.safeParse(r.payload);
        if (!content.success || !r.personId) return [];
        return [
          { id: r.id, personId: r.personId, platform: r.platform, content: content.data as InboundContent },
        ];
      });
    },
  };
}
export type InboxRepo = ReturnType<typeof inboxRepo>;
