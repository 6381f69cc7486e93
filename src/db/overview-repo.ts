import type { Overview, OverviewRepos, OverviewSession } from '../flows/overview/ports.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** How far ahead /overzicht looks for sessions still without facilitators. */
const HORIZON_DAYS = 90;
/** How far back a missing harvest still counts as "late" rather than forgotten. */
const HARVEST_LOOKBACK_DAYS = 60;
const LIST_MAX = 15;

export function overviewRepos(tx: Tx): OverviewRepos {
  return {
    async overview(now, opts): Promise<Overview> {
      const horizon = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
      const [requests, sessions, late] = await Promise.all([
        tx.dialogueRequest.findMany({
          where: { status: { in: ['SUBMITTED', 'APPROVED', 'STAFFING'] } },
          include: {
            organisation: { select: { name: true } },
            sessions: { orderBy: { startsAt: 'asc' }, take: 1, select: { startsAt: true } },
          },
          orderBy: { number: 'asc' },
          take: LIST_MAX,
        }),
        tx.dialogueSession.findMany({
          where: { status: { not: 'CANCELLED' }, startsAt: { gt: now, lt: horizon } },
          include: {
            request: { select: { number: true, organisation: { select: { name: true } } } },
            assignments: { where: { status: 'ACTIVE' }, select: { role: true } },
            offers: { where: { status: 'OPEN', expiresAt: { gt: now } }, select: { id: true } },
          },
          orderBy: { startsAt: 'asc' },
        }),
        tx.dialogueSession.findMany({
          where: {
            status: { not: 'CANCELLED' },
            endsAt: {
              lt: opts.harvestLateAfter,
              gt: new Date(now.getTime() - HARVEST_LOOKBACK_DAYS * 86_400_000),
            },
            assignments: { some: { status: 'ACTIVE' } },
            OR: [{ harvest: null }, { harvest: { status: 'DRAFT' } }],
          },
          include: { request: { select: { number: true, organisation: { select: { name: true } } } } },
          orderBy: { endsAt: 'asc' },
          take: LIST_MAX,
        }),
      ]);
      const rows: OverviewSession[] = sessions.map((s) => ({
        number: s.request.number,
        organisation: s.request.organisation.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        facilitators: s.assignments.filter((a) => a.role !== 'TRAINEE').length,
        needed: s.needsCoFacilitator ? 2 : 1,
        openOffers: s.offers.length,
      }));
      return {
        openRequests: requests.map((r) => ({
          number: r.number,
          organisation: r.organisation.name,
          status: r.status,
          firstStart: r.sessions[0]?.startsAt ?? null,
        })),
        unstaffed: rows.filter((s) => s.facilitators < s.needed).slice(0, LIST_MAX),
        pendingOffers: {
          total: rows.reduce((n, s) => n + s.openOffers, 0),
          sessions: rows.filter((s) => s.openOffers > 0).length,
        },
        thisWeek: rows.filter((s) => s.startsAt < opts.weekEnd).slice(0, LIST_MAX),
        lateHarvests: late.map((s) => ({
          number: s.request.number,
          organisation: s.request.organisation.name,
          endsAt: s.endsAt,
        })),
      };
    },
  };
}
