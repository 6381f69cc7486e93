import type { OfferRecord, StaffingRepos } from '../flows/staffing/ports.ts';
import type { OfferRole } from '../flows/staffing/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { newButtonId } from './flow-repos.ts';

type Tx = Prisma.TransactionClient;

const toOffer = (o: {
  id: string;
  sessionId: string;
  personId: string;
  role: string;
  wave: number;
  status: OfferRecord['status'];
  expiresAt: Date;
  messageId: string | null;
}): OfferRecord => ({
  ...o,
  role: o.role === 'TRAINEE' ? 'TRAINEE' : 'LEAD',
});

/** Staffing: offers (and their buttons), on one transaction. */
export function staffingOfferRepo(
  tx: Tx,
): Pick<
  StaffingRepos,
  | 'clashingOpenOffers'
  | 'offer'
  | 'createOffers'
  | 'setOfferMessage'
  | 'setOfferStatus'
  | 'openOffers'
  | 'offerButtons'
> {
  return {
    async clashingOpenOffers(personId, start, end, exceptSessionId) {
      const rows = await tx.offer.findMany({
        where: {
          personId,
          status: 'OPEN',
          sessionId: { not: exceptSessionId },
          session: { startsAt: { lt: end }, endsAt: { gt: start } },
        },
      });
      return rows.map(toOffer);
    },

    async offer(offerId) {
      const o = await tx.offer.findUnique({ where: { id: offerId } });
      return o ? toOffer(o) : null;
    },

    async createOffers(rows) {
      const out: OfferRecord[] = [];
      for (const r of rows) {
        const o = await tx.offer.upsert({
          where: { sessionId_personId_role: { sessionId: r.sessionId, personId: r.personId, role: r.role } },
          update: {},
          create: {
            sessionId: r.sessionId,
            personId: r.personId,
            role: r.role,
            wave: r.wave,
            expiresAt: r.expiresAt,
          },
        });
        if (o.wave === r.wave && o.status === 'OPEN') out.push(toOffer(o));
      }
      return out;
    },

    async setOfferMessage(offerId, messageId) {
      await tx.offer.update({ where: { id: offerId }, data: { messageId } });
    },

    async setOfferStatus(offerId, status, declineReason) {
      await tx.offer.update({
        where: { id: offerId },
        data: { status, respondedAt: new Date(), ...(declineReason ? { declineReason } : {}) },
      });
    },

    async openOffers(sessionId, role: OfferRole) {
      return (await tx.offer.findMany({ where: { sessionId, role, status: 'OPEN' } })).map(toOffer);
    },

    async offerButtons(personId, rows) {
      const expiresAt = new Date(Date.now() + 60 * 86_400_000);
      const out = rows.map((row) => row.map((b) => ({ ...b, id: newButtonId() })));
      await tx.buttonToken.createMany({
        data: out.flat().map((b) => ({
          id: b.id,
          personId,
          flow: 'offer',
          rev: 0,
          action: b.action,
          value: b.value,
          label: b.label,
          expiresAt,
        })),
      });
      return out.map((row) => row.map((b) => ({ id: b.id, label: b.label })));
    },
  };
}
