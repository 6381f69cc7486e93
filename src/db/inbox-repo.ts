import type { InboundContent, InboundEvent } from '../bots/ports.ts';
import { InboundContentSchema } from '../bots/ports.ts';
import type { InboundRecord } from '../flows/shell.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { newId } from './ids.ts';

export type RecordResult = { duplicate: true } | { duplicate: false; id: string; personId: string };

/** The inbound event log: de-duplicates by platform event id and finds or creates the sender. */
export function inboxRepo(prisma: PrismaClient, defaultLocale: string) {
  /** Stores the event of a sender we know, in one statement; null when we do not know the sender yet. */
  async function recordKnown(event: InboundEvent): Promise<RecordResult | null> {
    const { platform, externalId } = event.sender;
    // Finds the sender; someone we could not reach (blocked the bot, left the workspace) who writes
    // again can be reached again; stores the event unless its platform event id was stored before.
    const rows = await prisma.$queryRaw<{ personId: string; storedId: string | null }[]>`
      WITH ident AS (
        SELECT "id", "personId", "unreachableAt" FROM "ChannelIdentity"
        WHERE "platform" = CAST(${platform} AS "Platform") AND "externalId" = ${externalId}
      ), reachable AS (
        UPDATE "ChannelIdentity" SET "unreachableAt" = NULL
        WHERE "id" IN (SELECT "id" FROM ident WHERE "unreachableAt" IS NOT NULL)
      ), stored AS (
        INSERT INTO "InboundEvent"
          ("id", "platform", "eventId", "personId", "externalUserId", "kind", "payload", "status", "receivedAt")
        SELECT ${newId()}, CAST(${platform} AS "Platform"), ${event.eventId}, ident."personId", ${externalId},
          ${event.content.kind}, CAST(${JSON.stringify(event.content)} AS jsonb), 'RECEIVED', ${event.receivedAt}
        FROM ident
        ON CONFLICT DO NOTHING
        RETURNING "id"
      )
      SELECT ident."personId", (SELECT "id" FROM stored) AS "storedId" FROM ident`;
    const row = rows[0];
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
