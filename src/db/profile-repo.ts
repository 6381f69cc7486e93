import type { ProfileRepos } from '../flows/profile/ports.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** A volunteer's own profile on one transaction (level and certification are never written here). */
export function profileRepos(tx: Tx): ProfileRepos {
  return {
    async get(personId) {
      const v = await tx.volunteerProfile.findUnique({ where: { personId } });
      if (!v) return null;
      return {
        level: v.level,
        certifiedAt: v.certifiedAt,
        languages: v.languages,
        wijken: v.wijken,
        anywhere: v.anywhere,
        themes: v.themes,
        availability: v.availability,
        maxPerMonth: v.maxPerMonth,
        pausedUntil: v.pausedUntil,
        broadcastOptOut: v.broadcastOptOut,
      };
    },

    async save(personId, values) {
      const data = { ...values, availability: values.availability as Prisma.InputJsonValue };
      await tx.volunteerProfile.upsert({ where: { personId }, update: data, create: { personId, ...data } });
    },
  };
}
