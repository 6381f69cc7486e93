import type { InboundContent, InboundEvent } from '../bots/ports.ts';
import { InboundContentSchema } from '../bots/ports.ts';
import type { InboundRecord } from '../flows/shell.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export type RecordResult = { duplicate: true } | { duplicate: false; id: string; personId: string };

/** The inbound event log: de-duplicates by platform event id and finds or creates the sender. */
export function inboxRepo(prisma: PrismaClient, defaultLocale: string) {
  async function personFor(event: InboundEvent): Promise<string> {
    const { platform, externalId } = event.sender;
    const where = { platform_externalId: { platform, externalId } };
    const found = await prisma.channelIdentity.findUnique({ where, select: { personId: true } });
    if (found) return found.personId;
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
      const personId = await personFor(event);
      const { count } = await prisma.inboundEvent.createMany({
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
      });
      if (count === 0) return { duplicate: true };
      const row = await prisma.inboundEvent.findUniqueOrThrow({
        where: { platform_eventId: { platform: event.sender.platform, eventId: event.eventId } },
        select: { id: true },
      });
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

    async load(id: string): Promise<InboundRecord | null> {
      const r = await prisma.inboundEvent.findUnique({ where: { id } });
      if (!r?.personId) return null;
      const content = InboundContentSchema.safeParse(r.payload);
      if (!content.success) return null;
      return { id: r.id, personId: r.personId, platform: r.platform, content: content.data };
    },
  };
}
export type InboxRepo = ReturnType<typeof inboxRepo>;
