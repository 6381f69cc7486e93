import type { StaffingRepos } from '../flows/staffing/ports.ts';
import { DEFAULT_SETTINGS, type StaffingSettings } from '../flows/staffing/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { isLocale } from '../i18n/index.ts';
import { flowRepos } from './flow-repos.ts';
import { staffingOfferRepo } from './staffing-offer-repo.ts';
import { firstName, staffingSessionRepo } from './staffing-session-repo.ts';
import { staffingVolunteerRepo } from './staffing-volunteer-repo.ts';

export { firstName } from './staffing-session-repo.ts';

type Tx = Prisma.TransactionClient;

/** Staffing data access on one transaction. */
export function staffingRepos(tx: Tx): StaffingRepos {
  const base = flowRepos(tx);
  return {
    ...staffingSessionRepo(tx),
    ...staffingVolunteerRepo(tx),
    ...staffingOfferRepo(tx),
    async settings(): Promise<StaffingSettings> {
      const rows = await tx.setting.findMany({ where: { key: { in: Object.keys(DEFAULT_SETTINGS) } } });
      const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
      for (const r of rows) if (typeof r.value === typeof out[r.key]) out[r.key] = r.value;
      return out as unknown as StaffingSettings;
    },

    async assignment(id) {
      return tx.assignment.findUnique({
        where: { id },
        select: { id: true, sessionId: true, personId: true, role: true, status: true },
      });
    },

    // NO KEY UPDATE: inserts that merely reference the row (outbox messages to this person, an
    // assignment) take KEY SHARE locks and must not wait on it, or two acceptances deadlock.
    async lockPerson(personId) {
      await tx.$queryRawUnsafe('SELECT id FROM "Person" WHERE id = $1 FOR NO KEY UPDATE', personId);
    },

    async clashes(personId, start, end, exceptSessionId) {
      return tx.assignment.count({
        where: {
          personId,
          status: 'ACTIVE',
          sessionId: { not: exceptSessionId },
          session: { status: { not: 'CANCELLED' }, startsAt: { lt: end }, endsAt: { gt: start } },
        },
      });
    },

    async monthLoad(personId, from, to) {
      const [count, profile] = await Promise.all([
        tx.assignment.count({
          where: {
            personId,
            status: 'ACTIVE',
            session: { status: { not: 'CANCELLED' }, startsAt: { gte: from, lt: to } },
          },
        }),
        tx.volunteerProfile.findUnique({ where: { personId }, select: { maxPerMonth: true } }),
      ]);
      return { count, max: profile?.maxPerMonth ?? Number.POSITIVE_INFINITY };
    },

    async releaseAssignment(id) {
      await tx.assignment.update({ where: { id }, data: { status: 'RELEASED', releasedAt: new Date() } });
    },

    async upcomingAssignments(personId, now) {
      const rows = await tx.assignment.findMany({
        where: { personId, status: 'ACTIVE', session: { endsAt: { gt: now }, status: { not: 'CANCELLED' } } },
        include: { session: { select: { startsAt: true } } },
        orderBy: { session: { startsAt: 'asc' } },
        take: 20,
      });
      return rows.map((a) => ({ assignmentId: a.id, sessionId: a.sessionId, role: a.role }));
    },

    async createAssignment(sessionId, personId, role) {
      return (await tx.assignment.create({ data: { sessionId, personId, role } })).id;
    },

    async markSessionStaffed(sessionId, staffed) {
      await tx.dialogueSession.update({
        where: { id: sessionId },
        data: { status: staffed ? 'STAFFED' : 'PLANNED' },
      });
    },

    async holdOffers(sessionId, at) {
      await tx.dialogueSession.update({ where: { id: sessionId }, data: { offersDueAt: at } });
    },

    async setRequestStatus(requestId, status) {
      // Only forward: a request that was cancelled or declined stays so.
      await tx.dialogueRequest.updateMany({
        where: { id: requestId, status: { in: ['SUBMITTED', 'APPROVED', 'STAFFING', 'STAFFED'] } },
        data: { status },
      });
    },

    async recipient(personId) {
      const p = await tx.person.findUnique({ where: { id: personId } });
      if (!p || p.erasedAt) return null;
      return { id: p.id, locale: isLocale(p.locale) ? p.locale : 'nl', name: firstName(p.displayName) };
    },

    async coordinators() {
      const rows = await tx.person.findMany({
        where: { roles: { has: 'COORDINATOR' }, erasedAt: null, onboardedAt: { not: null } },
      });
      return rows.map((p) => ({
        id: p.id,
        locale: isLocale(p.locale) ? p.locale : 'nl',
        name: firstName(p.displayName),
      }));
    },

    queueMessage: (personId, key, message) => base.queueMessage(personId, key, message),

    async requestByNumber(number) {
      const r = await tx.dialogueRequest.findUnique({ where: { number }, include: { organisation: true } });
      return r
        ? {
            id: r.id,
            number: r.number,
            status: r.status,
            requestedById: r.requestedById,
            organisation: r.organisation.name,
          }
        : null;
    },

    async setRequestDecision(requestId, status) {
      const { count } = await tx.dialogueRequest.updateMany({
        where: { id: requestId, status: 'SUBMITTED' },
        data: { status },
      });
      return count === 1;
    },

    async setSetting(key, value, actorId) {
      const v = value as Prisma.InputJsonValue;
      await tx.setting.upsert({
        where: { key },
        update: { value: v, updatedById: actorId },
        create: { key, value: v, updatedById: actorId },
      });
      await base.audit({
        actorId,
        action: 'setting.changed',
        subjectType: 'setting',
        subjectId: key,
        details: { value },
      });
    },

    async exclude(sessionId, personId, actorId) {
      await tx.sessionExclusion.upsert({
        where: { sessionId_personId: { sessionId, personId } },
        update: {},
        create: { sessionId, personId, createdById: actorId },
      });
      await tx.offer.updateMany({
        where: { sessionId, personId, status: 'OPEN' },
        data: { status: 'WITHDRAWN', respondedAt: new Date() },
      });
      await base.audit({
        actorId,
        action: 'matching.excluded',
        subjectType: 'session',
        subjectId: sessionId,
        details: { personId },
      });
    },

    async setCodesign(requestId, codesign, actorId) {
      await tx.dialogueRequest.update({ where: { id: requestId }, data: { codesign } });
      await base.audit({
        actorId,
        action: 'request.codesign_set',
        subjectType: 'request',
        subjectId: requestId,
      });
    },

    audit: (entry) => base.audit(entry),
  };
}
