import { parseAvailability } from '../domain/matching/availability.ts';
import type { DeclineReason, Volunteer } from '../domain/matching/types.ts';
import type { OfferRecord, StaffingRepos } from '../flows/staffing/ports.ts';
import {
  DEFAULT_SETTINGS,
  type OfferRole,
  type SessionSnapshot,
  type StaffingSettings,
} from '../flows/staffing/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { isLocale } from '../i18n/index.ts';
import { flowRepos, newButtonId } from './flow-repos.ts';

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

/** Staffing data access on one transaction. */
export function staffingRepos(tx: Tx): StaffingRepos {
  const base = flowRepos(tx);
  return {
    async settings(): Promise<StaffingSettings> {
      const rows = await tx.setting.findMany({ where: { key: { in: Object.keys(DEFAULT_SETTINGS) } } });
      const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
      for (const r of rows) if (typeof r.value === typeof out[r.key]) out[r.key] = r.value;
      return out as unknown as StaffingSettings;
    },

    async lockSession(sessionId): Promise<SessionSnapshot | null> {
      // Row lock: concurrent acceptances for one session wait here, one after the other.
      await tx.$queryRawUnsafe('SELECT id FROM "DialogueSession" WHERE id = $1 FOR NO KEY UPDATE', sessionId);
      return this.session(sessionId);
    },

    async session(sessionId): Promise<SessionSnapshot | null> {
      const s = await tx.dialogueSession.findUnique({
        where: { id: sessionId },
        include: {
          request: { include: { organisation: true } },
          assignments: {
            where: { status: 'ACTIVE' },
            include: { person: { select: { displayName: true } } },
          },
          offers: true,
          exclusions: true,
        },
      });
      if (!s) return null;
      const r = s.request;
      return {
        id: s.id,
        requestId: r.id,
        requestNumber: r.number,
        requestedById: r.requestedById,
        organisation: r.organisation.name,
        theme: r.theme,
        goal: r.goal,
        targetGroup: r.targetGroup,
        expectedParticipants: r.expectedParticipants,
        languages: r.languages,
        online: r.online,
        wijk: r.wijk,
        address: r.address,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        status: s.status,
        facilitatorsNeeded: s.needsCoFacilitator ? 2 : 1,
        traineePlaces: s.traineeWelcome ? 1 : 0,
        assignments: s.assignments.map((a) => ({
          id: a.id,
          personId: a.personId,
          role: a.role,
          name: firstName(a.person.displayName),
        })),
        offers: s.offers.map((o) => ({
          id: o.id,
          personId: o.personId,
          role: o.role === 'TRAINEE' ? 'TRAINEE' : 'LEAD',
          wave: o.wave,
          status: o.status,
          expiresAt: o.expiresAt,
        })),
        excluded: s.exclusions.map((e) => e.personId),
        contact: { name: r.contactName, email: r.contactEmail, phone: r.contactPhone },
        calendarSequence: s.calendarSequence,
        requestCreatedAt: r.createdAt,
        codesign: parseCodesign(r.codesign),
      };
    },

    async sessionIdsOfRequest(requestId) {
      return (await tx.dialogueSession.findMany({ where: { requestId }, select: { id: true } })).map(
        (s) => s.id,
      );
    },

    async volunteersForMatching(now) {
      const since = new Date(now.getTime() - 120 * 86_400_000);
      const rows = await tx.volunteerProfile.findMany({
        where: { person: { roles: { has: 'VOLUNTEER' }, erasedAt: null, onboardedAt: { not: null } } },
        include: {
          person: {
            include: {
              assignments: {
                // A cancelled session neither books its facilitators nor counts to their month (test/fuzz/monthly-max.test.ts).
                where: {
                  status: 'ACTIVE',
                  session: { endsAt: { gte: since }, status: { not: 'CANCELLED' } },
                },
                include: { session: { include: { request: true } } },
              },
              offers: {
                where: { status: 'DECLINED', respondedAt: { gte: since } },
                include: { session: { include: { request: true } } },
              },
            },
          },
        },
      });
      return rows.map((v): Volunteer => {
        const availability = parseAvailability(v.availability);
        return {
          id: v.personId,
          level: v.level,
          languages: v.languages,
          wijken: v.wijken,
          anywhere: v.anywhere,
          themes: v.themes,
          // A broken profile means "no availability known", never a failed matching run.
          availability: availability.ok
            ? availability.value
            : (parseAvailability({}) as { ok: true; value: Volunteer['availability'] }).value,
          maxPerMonth: v.maxPerMonth,
          pausedUntil: v.pausedUntil,
          assignments: v.person.assignments.map((a) => ({
            sessionId: a.sessionId,
            role: a.role,
            start: a.session.startsAt,
            end: a.session.endsAt,
            theme: a.session.request.theme,
          })),
          declines: v.person.offers.map((o) => ({
            at: o.respondedAt ?? o.createdAt,
            sessionStart: o.session.startsAt,
            theme: o.session.request.theme,
            wijk: o.session.request.wijk,
            reason: (['day', 'theme', 'distance'].includes(o.declineReason ?? '')
              ? o.declineReason
              : null) as DeclineReason,
          })),
        };
      });
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

    async createAssignment(sessionId, personId, role) {
      return (await tx.assignment.create({ data: { sessionId, personId, role } })).id;
    },

    async markSessionStaffed(sessionId, staffed) {
      await tx.dialogueSession.update({
        where: { id: sessionId },
        data: { status: staffed ? 'STAFFED' : 'PLANNED' },
      });
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

    async fairness(now) {
      const since = new Date(now.getTime() - 90 * 86_400_000);
      const rows = await tx.volunteerProfile.findMany({
        where: { person: { erasedAt: null, roles: { has: 'VOLUNTEER' } } },
        include: {
          person: {
            select: {
              displayName: true,
              _count: {
                select: {
                  assignments: {
                    where: { status: 'ACTIVE', session: { startsAt: { gte: since } } },
                  },
                },
              },
            },
          },
        },
      });
      return rows
        .map((r) => ({
          personId: r.personId,
          name: r.person.displayName,
          level: r.level,
          count: r.person._count.assignments,
          maxPerMonth: r.maxPerMonth,
        }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
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

    async findVolunteers(query) {
      const rows = await tx.volunteerProfile.findMany({
        where: { person: { erasedAt: null, displayName: { contains: query.trim(), mode: 'insensitive' } } },
        include: { person: { select: { displayName: true } } },
        take: 10,
      });
      return rows.map((r) => ({ id: r.personId, name: r.person.displayName, level: r.level }));
    },

    async setLevel(personId, level, actorId) {
      const before = await tx.volunteerProfile.findUniqueOrThrow({ where: { personId } });
      await tx.volunteerProfile.update({
        where: { personId },
        data: { level, certifiedAt: level === 'TRAINEE' ? null : (before.certifiedAt ?? new Date()) },
      });
      await base.audit({
        actorId,
        action: 'volunteer.level_set',
        subjectType: 'person',
        subjectId: personId,
        details: { from: before.level, to: level },
      });
    },

    async volunteerInfo(ids) {
      const rows = await tx.person.findMany({
        where: { id: { in: ids } },
        include: { volunteer: { select: { level: true } } },
      });
      return new Map(
        rows.map((p) => [p.id, { name: p.displayName, level: p.volunteer?.level ?? 'TRAINEE' }]),
      );
    },

    audit: (entry) => base.audit(entry),
  };
}

/** Partners and coordinators are told facilitators' first names only. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}

function parseCodesign(json: unknown): { format: string; questions: string[] } | null {
  const v = json as { format?: unknown; questions?: unknown } | null;
  if (!v || typeof v.format !== 'string' || !Array.isArray(v.questions)) return null;
  return { format: v.format, questions: v.questions.filter((q): q is string => typeof q === 'string') };
}
