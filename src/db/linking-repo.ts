import { randomInt } from 'node:crypto';
import type { Platform } from '../bots/ports.ts';
import type { LinkingRepos } from '../flows/linking.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { isLocale } from '../i18n/index.ts';

type Tx = Prisma.TransactionClient;

/** Eight digits: easy to type on a phone, 10^8 possibilities for a code that lives 15 minutes. */
const newCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

/** Linking chat accounts to one person, on the current transaction. */
export function linkingRepos(tx: Tx): LinkingRepos {
  return {
    async createCode(personId, now, ttlMs) {
      // One live code per person: a new one replaces any earlier unused one.
      await tx.linkCode.deleteMany({ where: { personId, usedAt: null } });
      const expiresAt = new Date(now.getTime() + ttlMs);
      for (let attempt = 0; ; attempt++) {
        const code = newCode();
        const { count } = await tx.linkCode.createMany({
          data: [{ code, personId, expiresAt }],
          skipDuplicates: true,
        });
        if (count === 1) return { code, expiresAt };
        if (attempt > 5) throw new Error('could not find a free link code');
      }
    },

    async redeem(personId, code, now) {
      const found = await tx.linkCode.findUnique({ where: { code } });
      if (!found || found.usedAt || found.expiresAt < now) return { ok: false, error: 'invalid' };
      if (found.personId === personId) return { ok: false, error: 'same_person' };
      // Claim the code atomically: two accounts racing for one code cannot both win.
      const claimed = await tx.linkCode.updateMany({ where: { code, usedAt: null }, data: { usedAt: now } });
      if (claimed.count !== 1) return { ok: false, error: 'invalid' };
      const target = await tx.person.findUniqueOrThrow({ where: { id: found.personId } });
      const moved = await tx.channelIdentity.findMany({
        where: { personId },
        select: { id: true, platform: true },
      });
      await tx.channelIdentity.updateMany({ where: { personId }, data: { personId: target.id } });
      await tx.auditLog.create({
        data: {
          actorId: target.id,
          action: 'identity.linked',
          subjectType: 'person',
          subjectId: target.id,
          details: { platforms: moved.map((m) => m.platform), from: personId },
        },
      });
      return { ok: true, personId: target.id, locale: isLocale(target.locale) ? target.locale : 'nl' };
    },

    async channels(personId) {
      const rows = await tx.channelIdentity.findMany({
        where: { personId },
        orderBy: [{ preferred: 'desc' }, { createdAt: 'desc' }],
        select: { platform: true, preferred: true, unreachableAt: true },
      });
      // The first reachable one is where messages go (the same order queueMessage uses).
      const seen = new Set<Platform>();
      const reachable = rows.filter((r) => !r.unreachableAt);
      const current = reachable[0]?.platform ?? null;
      return rows
        .filter((r) => !seen.has(r.platform) && seen.add(r.platform))
        .map((r) => ({ platform: r.platform, current: r.platform === current, reachable: !r.unreachableAt }));
    },

    async prefer(personId, platform) {
      const { count } = await tx.channelIdentity.updateMany({
        where: { personId, platform },
        data: { preferred: true },
      });
      if (count === 0) return false;
      await tx.channelIdentity.updateMany({
        where: { personId, platform: { not: platform } },
        data: { preferred: false },
      });
      return true;
    },
  };
}
