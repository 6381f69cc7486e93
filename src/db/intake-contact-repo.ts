import type { IntakeContactRepos } from '../flows/intake/intake-contact.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** The contact details of a partner's most recent request (for "same as last time"). */
export function intakeContactRepos(tx: Prisma.TransactionClient): IntakeContactRepos {
  return {
    async lastContact(personId) {
      const r = await tx.dialogueRequest.findFirst({
        where: {
          requestedById: personId,
          OR: [{ contactEmail: { not: null } }, { contactPhone: { not: null } }],
        },
        orderBy: { createdAt: 'desc' },
        select: { contactName: true, contactEmail: true, contactPhone: true },
      });
      return r ? { name: r.contactName, email: r.contactEmail, phone: r.contactPhone } : null;
    },
  };
}
