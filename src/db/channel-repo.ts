import type { Platform } from '../bots/ports.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** A file a person sent, as a channel announces it before fetching it. */
export interface IncomingMedia {
  ref: string;
  platform: Platform;
  externalUserId: string;
  kind: string;
  platformFileId: string;
  mimeType?: string;
  fileName?: string;
  sizeBytes?: number;
  tooLarge: boolean;
}

/** What channel adapters keep beyond events and messages: files people sent, reachability, sent message ids. */
export function channelRepo(prisma: PrismaClient) {
  return {
    /** Records a file once (by ref); returns false when it was known already. */
    async announce(m: IncomingMedia): Promise<boolean> {
      const identity = await prisma.channelIdentity.findUnique({
        where: { platform_externalId: { platform: m.platform, externalId: m.externalUserId } },
        select: { personId: true },
      });
      const { count } = await prisma.mediaFile.createMany({
        data: [
          {
            ref: m.ref,
            platform: m.platform,
            personId: identity?.personId ?? null,
            kind: m.kind,
            platformFileId: m.platformFileId,
            mimeType: m.mimeType ?? null,
            fileName: m.fileName?.slice(0, 200) ?? null,
            sizeBytes: m.sizeBytes ?? null,
            status: m.tooLarge ? 'TOO_LARGE' : 'PENDING',
          },
        ],
        skipDuplicates: true,
      });
      return count === 1;
    },

    async stored(ref: string, content: Uint8Array, sizeBytes: number): Promise<void> {
      await prisma.mediaFile.update({
        where: { ref },
        data: {
          status: 'STORED',
          content: Buffer.from(content),
          sizeBytes,
          storedAt: new Date(),
          error: null,
        },
      });
    },

    async failed(ref: string, status: 'TOO_LARGE' | 'FAILED', error: string, sizeBytes?: number) {
      await prisma.mediaFile.update({
        where: { ref },
        data: { status, error: error.slice(0, 300), ...(sizeBytes ? { sizeBytes } : {}) },
      });
    },

    /** Files announced but never fetched (the process stopped in between), oldest first. */
    async pending(platform: Platform, limit = 100): Promise<{ ref: string; platformFileId: string }[]> {
      return prisma.mediaFile.findMany({
        where: { platform, status: 'PENDING' },
        orderBy: { createdAt: 'asc' },
        select: { ref: true, platformFileId: true },
        take: limit,
      });
    },

    /** The platform's id of a message we sent (to edit it in place), by its delivery id. */
    async externalMessageId(deliveryId: string): Promise<string | null> {
      const row = await prisma.outboundMessage.findUnique({
        where: { id: deliveryId },
        select: { externalMessageId: true },
      });
      return row?.externalMessageId ?? null;
    },

    async find(ref: string) {
      return prisma.mediaFile.findUnique({ where: { ref } });
    },

    /**
     * A person who blocked the bot and now writes again can be reached again. Returns whether the
     * identity had been marked unreachable.
     */
    async markReachable(platform: Platform, externalId: string): Promise<boolean> {
      const { count } = await prisma.channelIdentity.updateMany({
        where: { platform, externalId, unreachableAt: { not: null } },
        data: { unreachableAt: null },
      });
      return count > 0;
    },
  };
}
export type ChannelRepo = ReturnType<typeof channelRepo>;
