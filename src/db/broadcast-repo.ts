import { randomBytes } from 'node:crypto';
import type { BroadcastFilter, OutreachRepos } from '../flows/broadcast.ts';
import type { RoleName } from '../flows/types.ts';
import { type Prisma, VolunteerLevel } from '../generated/prisma/client.ts';
import { isLocale } from '../i18n/index.ts';

type Tx = Prisma.TransactionClient;

/** Invite codes: no look-alike letters or digits (0/O, 1/I/L), safe in a Telegram /start parameter. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const PREFIX: Record<RoleName, string> = { VOLUNTEER: 'V', COORDINATOR: 'C', PARTNER: 'P' };

function newInviteCode(role: RoleName): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${PREFIX[role]}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Coordinators' invites and broadcasts (/uitnodigen, /rondsturen) on one transaction. */
export function outreachRepos(tx: Tx): OutreachRepos {
  return {
    async createInvite({ role, createdById, expiresAt }) {
      for (;;) {
        const code = newInviteCode(role);
        const rows = await tx.inviteCode.createManyAndReturn({
          data: [{ code, role, maxUses: 1, expiresAt, createdById }],
          skipDuplicates: true,
          select: { id: true },
        });
        if (rows[0]) return { id: rows[0].id, code };
      }
    },

    async draftBroadcast({ createdById, text, filter }) {
      const row = await tx.broadcast.create({
        data: { createdById, text, filter: filter as Prisma.InputJsonValue },
        select: { id: true },
      });
      return row.id;
    },

    async recipients(filter, now) {
      const people = await tx.person.findMany({
        where: {
          roles: { has: 'VOLUNTEER' },
          erasedAt: null,
          volunteer: {
            is: {
              ...(filter.wijk ? { wijken: { has: filter.wijk } } : {}),
              ...(filter.level ? { level: VolunteerLevel[filter.level] } : {}),
            },
          },
        },
        select: {
          id: true,
          locale: true,
          volunteer: { select: { broadcastOptOut: true, pausedUntil: true } },
          identities: { where: { unreachableAt: null }, select: { id: true }, take: 1 },
        },
        orderBy: { createdAt: 'asc' },
      });
      const out = {
        send: [] as { personId: string; locale: 'nl' | 'en' }[],
        optedOut: 0,
        paused: 0,
        unreachable: 0,
      };
      for (const p of people) {
        if (p.volunteer?.broadcastOptOut) out.optedOut++;
        else if (p.volunteer?.pausedUntil && p.volunteer.pausedUntil > now) out.paused++;
        else if (p.identities.length === 0) out.unreachable++;
        else out.send.push({ personId: p.id, locale: isLocale(p.locale) ? p.locale : 'nl' });
      }
      return out;
    },

    async claimBroadcast(id, createdById) {
      // Only one press wins: DRAFT → SENT happens once, however often the button is pressed.
      const claimed = await tx.broadcast.updateManyAndReturn({
        where: { id, status: 'DRAFT', createdById },
        data: { status: 'SENT' },
        select: { text: true, filter: true },
      });
      const row = claimed[0];
      if (!row) return null;
      return { text: row.text ?? '', filter: (row.filter ?? {}) as BroadcastFilter };
    },

    async finishBroadcast(id, counts, now) {
      // The text is not kept once sent: the outbox holds the messages (and retention erases them).
      await tx.broadcast.update({
        where: { id },
        data: { sent: counts.sent, skipped: counts.skipped, sentAt: now, text: null },
      });
    },

    async cancelBroadcast(id, createdById) {
      const r = await tx.broadcast.updateMany({
        where: { id, status: 'DRAFT', createdById },
        data: { status: 'CANCELLED', text: null },
      });
      return r.count === 1;
    },

    async broadcastStatus(id) {
      const row = await tx.broadcast.findUnique({ where: { id }, select: { status: true } });
      return row?.status ?? null;
    },

    async setBroadcastOptOut(personId, optOut) {
      const r = await tx.volunteerProfile.updateMany({
        where: { personId },
        data: { broadcastOptOut: optOut },
      });
      return r.count === 1;
    },
  };
}
