import type { Prisma } from '../generated/prisma/client.ts';

/**
 * The requests a partner sees and may manage: their organisations' and every one they made
 * themselves, also when they filed it under another organisation's name.
 */
export function partnerRequestsWhere(
  personId: string,
  memberships: readonly { organisationId: string }[],
): Prisma.DialogueRequestWhereInput {
  const orgIds = memberships.map((m) => m.organisationId);
  if (orgIds.length === 0) return { requestedById: personId };
  return { OR: [{ requestedById: personId }, { organisationId: { in: orgIds } }] };
}
