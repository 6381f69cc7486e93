import type { Platform } from '../bots/ports.ts';
import type { RoleName } from '../flows/types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isLocale, type Locale } from '../i18n/index.ts';
import { partnerRequestsWhere } from './partner-requests.ts';

/** A request as a home screen lists it. */
export interface HomeRequest {
  number: number;
  organisation: string;
  theme: string;
  status: string;
  firstStart: Date | null;
}

/** What one person's home screen shows, by role; sections are absent for roles the person lacks. */
export interface HomeData {
  personId: string;
  displayName: string;
  locale: Locale;
  onboarded: boolean;
  roles: RoleName[];
  partner?: { organisations: string[]; requests: HomeRequest[]; total: number };
  volunteer?: {
    offers: { theme: string; organisation: string; startsAt: Date; expiresAt: Date }[];
    upcoming: { theme: string; organisation: string; startsAt: Date; role: string }[];
  };
  coordinator?: {
    counts: { submitted: number; inProgress: number; staffed: number; done: number };
    open: HomeRequest[];
    openTotal: number;
  };
}

const LIST_LIMIT = 15;
const OPEN_STATUSES = ['SUBMITTED', 'APPROVED', 'STAFFING'] as const;

/** Read models for home screens (Slack App Home): per person, per role, straight from the tables. */
export function homeRepo(prisma: PrismaClient) {
  return {
    /** The person behind a platform account, or null when we have never heard from them. */
    async personIdFor(platform: Platform, externalId: string): Promise<string | null> {
      const found = await prisma.channelIdentity.findUnique({
        where: { platform_externalId: { platform, externalId } },
        select: { personId: true },
      });
      return found?.personId ?? null;
    },

    /** What a request form is pre-filled with: the person's language, name and organisations. */
    async formDefaults(
      personId: string,
    ): Promise<{ locale: Locale; displayName: string; organisations: string[] } | null> {
      const p = await prisma.person.findUnique({
        where: { id: personId },
        include: { memberships: { include: { organisation: true } } },
      });
      if (!p || p.erasedAt) return null;
      return {
        locale: isLocale(p.locale) ? p.locale : 'nl',
        displayName: p.displayName,
        organisations: p.memberships.map((m) => m.organisation.name),
      };
    },

    async home(personId: string, now: Date): Promise<HomeData | null> {
      const p = await prisma.person.findUnique({
        where: { id: personId },
        include: { memberships: { include: { organisation: true } } },
      });
      if (!p || p.erasedAt) return null;
      const data: HomeData = {
        personId,
        displayName: p.displayName,
        locale: isLocale(p.locale) ? p.locale : 'nl',
        onboarded: p.onboardedAt !== null,
        roles: p.roles,
      };
      if (!data.onboarded) return data;
      if (p.roles.includes('PARTNER')) {
        const where = partnerRequestsWhere(personId, p.memberships);
        const [rows, total] = await Promise.all([
          prisma.dialogueRequest.findMany({
            where,
            include: requestInclude,
            orderBy: { number: 'desc' },
            take: LIST_LIMIT,
          }),
          prisma.dialogueRequest.count({ where }),
        ]);
        data.partner = {
          organisations: p.memberships.map((m) => m.organisation.name),
          requests: rows.map(toHomeRequest),
          total,
        };
      }
      if (p.roles.includes('VOLUNTEER')) {
        const [offers, assignments] = await Promise.all([
          prisma.offer.findMany({
            where: { personId, status: 'OPEN', expiresAt: { gt: now } },
            include: { session: { include: { request: { include: { organisation: true } } } } },
            orderBy: { expiresAt: 'asc' },
            take: LIST_LIMIT,
          }),
          prisma.assignment.findMany({
            where: {
              personId,
              status: 'ACTIVE',
              session: { startsAt: { gt: now }, status: { not: 'CANCELLED' } },
            },
            include: { session: { include: { request: { include: { organisation: true } } } } },
            orderBy: { session: { startsAt: 'asc' } },
            take: LIST_LIMIT,
          }),
        ]);
        data.volunteer = {
          offers: offers.map((o) => ({
            theme: o.session.request.theme,
            organisation: o.session.request.organisation.name,
            startsAt: o.session.startsAt,
            expiresAt: o.expiresAt,
          })),
          upcoming: assignments.map((a) => ({
            theme: a.session.request.theme,
            organisation: a.session.request.organisation.name,
            startsAt: a.session.startsAt,
            role: a.role,
          })),
        };
      }
      if (p.roles.includes('COORDINATOR')) {
        const grouped = await prisma.dialogueRequest.groupBy({ by: ['status'], _count: { _all: true } });
        const count = (...statuses: string[]) =>
          grouped.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
        const where = { status: { in: [...OPEN_STATUSES] } };
        const open = await prisma.dialogueRequest.findMany({
          where,
          include: requestInclude,
          orderBy: { number: 'asc' },
          take: LIST_LIMIT,
        });
        data.coordinator = {
          counts: {
            submitted: count('SUBMITTED'),
            inProgress: count('APPROVED', 'STAFFING'),
            staffed: count('STAFFED'),
            done: count('DONE'),
          },
          open: open.map(toHomeRequest),
          openTotal: count(...OPEN_STATUSES),
        };
      }
      return data;
    },
  };
}
export type HomeRepo = ReturnType<typeof homeRepo>;

const requestInclude = {
  organisation: true,
  sessions: { orderBy: { startsAt: 'asc' as const }, take: 1 },
  dateOptions: { orderBy: { startsAt: 'asc' as const }, take: 1 },
};

function toHomeRequest(r: {
  number: number;
  theme: string;
  status: string;
  organisation: { name: string };
  sessions: { startsAt: Date }[];
  dateOptions: { startsAt: Date }[];
}): HomeRequest {
  return {
    number: r.number,
    organisation: r.organisation.name,
    theme: r.theme,
    status: r.status,
    firstStart: r.sessions[0]?.startsAt ?? r.dateOptions[0]?.startsAt ?? null,
  };
}
