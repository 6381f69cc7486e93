import { randomBytes } from 'node:crypto';
import { type LocalChatMessage, toLocalMessage } from '../bots/local/local-adapter.ts';
import type { OutboundMessage } from '../bots/ports.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface Persona {
  key: string;
  name: string;
  roles: ('PARTNER' | 'VOLUNTEER' | 'COORDINATOR')[];
  locale: 'nl' | 'en';
  onboarded: boolean;
}

const ROLE_ORDER = { COORDINATOR: 0, PARTNER: 1, VOLUNTEER: 2 } as const;

/** Data behind the local web chat: personas (local identities) and their transcripts. */
export function localChatRepo(prisma: PrismaClient, defaultLocale: 'nl' | 'en') {
  return {
    async personas(): Promise<Persona[]> {
      const rows = await prisma.channelIdentity.findMany({
        where: { platform: 'LOCAL', person: { erasedAt: null } },
        include: { person: true },
        orderBy: { createdAt: 'asc' },
      });
      const list = rows.map((r) => ({
        key: r.externalId,
        name: r.person.displayName || r.externalId,
        roles: r.person.roles,
        locale: (r.person.locale === 'en' ? 'en' : 'nl') as 'nl' | 'en',
        onboarded: r.person.onboardedAt !== null,
      }));
      const rank = (p: Persona) => (p.roles.length ? Math.min(...p.roles.map((r) => ROLE_ORDER[r])) : 3);
      return list.sort((a, b) => rank(a) - rank(b));
    },

    async persona(key: string): Promise<Persona | null> {
      return (await this.personas()).find((p) => p.key === key) ?? null;
    },

    /** A brand-new local user (not onboarded), as someone opening the bot for the first time. */
    async createPersona(name: string | undefined): Promise<Persona> {
      const key = `user-${randomBytes(4).toString('hex')}`;
      const displayName = (name ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
      await prisma.channelIdentity.create({
        data: {
          platform: 'LOCAL',
          externalId: key,
          person: { create: { displayName, locale: defaultLocale } },
        },
      });
      return { key, name: displayName || key, roles: [], locale: defaultLocale, onboarded: false };
    },

    /** Everything the persona typed and everything delivered to them, in order. */
    async history(key: string, limit = 300): Promise<LocalChatMessage[]> {
      const identity = await prisma.channelIdentity.findUnique({
        where: { platform_externalId: { platform: 'LOCAL', externalId: key } },
      });
      if (!identity) return [];
      const [inbound, outbound] = await Promise.all([
        prisma.inboundEvent.findMany({
          where: { platform: 'LOCAL', externalUserId: key },
          orderBy: { receivedAt: 'desc' },
          take: limit,
        }),
        prisma.outboundMessage.findMany({
          where: { personId: identity.personId, platform: 'LOCAL', status: 'SENT' },
          orderBy: { createdAt: 'desc' },
          take: limit,
        }),
      ]);
      const buttonIds = inbound.flatMap((e) => {
        const p = e.payload as { kind?: string; buttonId?: string };
        return p.kind === 'button' && p.buttonId ? [p.buttonId] : [];
      });
      const labels = new Map(
        (
          await prisma.buttonToken.findMany({
            where: { id: { in: buttonIds } },
            select: { id: true, label: true },
          })
        ).map((b) => [b.id, b.label]),
      );
      const ins: LocalChatMessage[] = inbound.map((e) => {
        const p = e.payload as {
          kind: string;
          text?: string;
          buttonId?: string;
          command?: string;
          args?: string;
        };
        const text =
          p.kind === 'text'
            ? (p.text ?? '')
            : p.kind === 'button'
              ? (labels.get(p.buttonId ?? '') ?? '🔘')
              : `/${p.command ?? ''} ${p.args ?? ''}`.trim();
        return {
          id: e.id,
          seq: e.receivedAt.getTime(),
          direction: 'in',
          text,
          at: e.receivedAt.toISOString(),
        };
      });
      // Edits replace the text and buttons of the message they refer to, where it stood.
      const all = outbound
        .map((o) => ({ row: o, message: o.payload as unknown as OutboundMessage }))
        .reverse();
      const edits = new Map(
        all.filter((x) => x.message.replaces).map((x) => [x.message.replaces as string, x.message]),
      );
      const outs = all
        .filter((x) => !x.message.replaces)
        .map((x) => {
          const edit = edits.get(x.row.id);
          return toLocalMessage(
            x.row.id,
            x.row.createdAt,
            edit ? { ...x.message, text: edit.text, buttons: edit.buttons } : x.message,
          );
        });
      return [...ins, ...outs].sort((a, b) => a.seq - b.seq || (a.direction === 'in' ? -1 : 1)).slice(-limit);
    },

    async buttonLabel(id: string): Promise<string | null> {
      return (await prisma.buttonToken.findUnique({ where: { id }, select: { label: true } }))?.label ?? null;
    },

    async file(outboundId: string): Promise<OutboundMessage['file'] | null> {
      const o = await prisma.outboundMessage.findUnique({ where: { id: outboundId } });
      return (o?.payload as unknown as OutboundMessage | undefined)?.file ?? null;
    },
  };
}
export type LocalChatRepo = ReturnType<typeof localChatRepo>;
