import type { DeliveryTarget, OutboundMessage, Platform } from '../bots/ports.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface DeliveryItem {
  id: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  platform: Platform;
  target: DeliveryTarget | null;
  identityId: string | null;
  message: OutboundMessage;
  createdAt: Date;
}

/** The outbound message log: what to deliver, and what happened to it. */
export function outboxRepo(prisma: PrismaClient) {
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

    /** A person's messages still to deliver on one platform, oldest first (delivery sends them in this order). */
    async pendingFor(personId: string, platform: Platform, limit = 200): Promise<string[]> {
      const rows = await prisma.outboundMessage.findMany({
        where: { personId, platform, status: 'PENDING' },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
        take: limit,
      });
      return rows.map((r) => r.id);
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

    async markSent(id: string, externalMessageId?: string): Promise<void> {
      await prisma.outboundMessage.updateMany({
        where: { id, status: 'PENDING' },
        data: {
          status: 'SENT',
          sentAt: new Date(),
          externalMessageId: externalMessageId ?? null,
          attempts: { increment: 1 },
        },
      });
    },

    async markAttempt(id: string, error: string): Promise<void> {
      await prisma.outboundMessage.update({
        where: { id },
        data: { attempts: { increment: 1 }, error: error.slice(0, 300) },
      });
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

    /** Messages still pending after `olderThanMs` (their job may have been lost): re-enqueue them. */
    async stalePending(olderThanMs: number, limit = 1000): Promise<string[]> {
      const rows = await prisma.outboundMessage.findMany({
        where: { status: 'PENDING', createdAt: { lt: new Date(Date.now() - olderThanMs) } },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
        take: limit,
      });
      return rows.map((r) => r.id);
    },
  };
}
export type OutboxRepo = ReturnType<typeof outboxRepo>;
