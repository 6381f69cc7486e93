import { parseAvailability } from '../domain/matching/availability.ts';
import type { DeclineReason, Volunteer } from '../domain/matching/types.ts';
import type { StaffingRepos } from '../flows/staffing/ports.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { flowRepos } from './flow-repos.ts';

type Tx = Prisma.TransactionClient;

/** Staffing: the volunteers (for matching, the fairness view, search, levels), on one transaction. */
export function staffingVolunteerRepo(
  tx: Tx,
): Pick<
  StaffingRepos,
  'volunteersForMatching' | 'fairness' | 'findVolunteers' | 'setLevel' | 'volunteerInfo'
> {
  const base = flowRepos(tx);
  return {
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
  };
}
