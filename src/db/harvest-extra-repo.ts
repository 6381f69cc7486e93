import { StructuredHarvestSchema } from '../domain/harvest.ts';
import type { HarvestExtraRepos, OutcomeEntry } from '../flows/harvest/extra-ports.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { isLocale } from '../i18n/index.ts';

type Tx = Prisma.TransactionClient;

const firstName = (s: string) => s.trim().split(/\s+/)[0] ?? s;

/** Stakeholder contacts, outcomes ("close the loop"), reflections and notes sync, on one transaction. */
export function harvestExtraRepos(tx: Tx): HarvestExtraRepos {
  return {
    async stakeholders(wijk) {
      const rows = await tx.stakeholderContact.findMany({
        where: wijk ? { wijk } : {},
        orderBy: [{ wijk: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        include: {
          person: {
            select: {
              id: true,
              displayName: true,
              locale: true,
              erasedAt: true,
              identities: { where: { unreachableAt: null }, select: { id: true }, take: 1 },
            },
          },
        },
      });
      return rows.map((r) => ({
        id: r.id,
        wijk: r.wijk,
        name: r.name,
        email: r.email,
        person:
          r.person && !r.person.erasedAt
            ? {
                id: r.person.id,
                name: firstName(r.person.displayName),
                locale: isLocale(r.person.locale) ? r.person.locale : 'nl',
                reachable: r.person.identities.length > 0,
              }
            : null,
      }));
    },
    async addStakeholder(input) {
      const row = await tx.stakeholderContact.create({ data: input });
      return row.id;
    },
    async removeStakeholder(id) {
      const { count } = await tx.stakeholderContact.deleteMany({ where: { id } });
      return count === 1;
    },
    async peopleNamed(name) {
      const rows = await tx.person.findMany({
        where: {
          displayName: { equals: name.trim(), mode: 'insensitive' },
          erasedAt: null,
          onboardedAt: { not: null },
        },
        select: { id: true, displayName: true },
        take: 5,
      });
      return rows.map((r) => ({ id: r.id, name: r.displayName }));
    },
    async setReflection(sessionId, text) {
      await tx.harvest.update({ where: { sessionId }, data: { reflection: text } });
    },
    async reflections(since) {
      const rows = await tx.harvest.findMany({
        where: {
          status: { in: ['APPROVED', 'SHARED'] },
          approvedAt: { gte: since },
          reflection: { not: null },
        },
        select: { reflection: true, structured: true, approvedAt: true },
      });
      return rows.map((r) => {
        const parsed = StructuredHarvestSchema.safeParse(r.structured);
        return {
          text: r.reflection ?? '',
          themes: parsed.success ? parsed.data.themes : [],
          approvedAt: r.approvedAt ?? new Date(0),
        };
      });
    },
    async outcomeTargets(personId, asCoordinator, number) {
      const rows = await tx.harvest.findMany({
        where: {
          status: { in: ['APPROVED', 'SHARED'] },
          session: {
            request: {
              ...(number !== null ? { number } : {}),
              ...(asCoordinator
                ? {}
                : {
                    OR: [{ requestedById: personId }, { organisation: { members: { some: { personId } } } }],
                  }),
            },
          },
        },
        orderBy: { approvedAt: 'desc' },
        take: 10,
        select: {
          sessionId: true,
          session: {
            select: {
              startsAt: true,
              request: { select: { number: true, organisation: { select: { name: true } } } },
            },
          },
        },
      });
      return rows.map((r) => ({
        sessionId: r.sessionId,
        number: r.session.request.number,
        organisation: r.session.request.organisation.name,
        startsAt: r.session.startsAt,
      }));
    },
    async outcomeMissing(personId, asCoordinator, number) {
      const request = await tx.dialogueRequest.findFirst({
        where: {
          number,
          ...(asCoordinator
            ? {}
            : { OR: [{ requestedById: personId }, { organisation: { members: { some: { personId } } } }] }),
        },
        select: { sessions: { select: { harvest: { select: { status: true } } } } },
      });
      if (!request) return 'no_request';
      return request.sessions.some((x) => x.harvest) ? 'not_approved' : 'no_harvest';
    },
    async addOutcome(sessionId, entry) {
      // Appended in one statement, so two people recording at once both keep their entry.
      await tx.$executeRaw`UPDATE "Harvest" SET outcomes = outcomes || ${JSON.stringify([entry satisfies OutcomeEntry])}::jsonb
        WHERE "sessionId" = ${sessionId}`;
    },
    async markInSync(sessionId, personId) {
      await tx.harvest.updateMany({ where: { sessionId }, data: { notesInSyncWith: personId } });
    },
    async inSyncWith(sessionId) {
      const row = await tx.harvest.findUnique({ where: { sessionId }, select: { notesInSyncWith: true } });
      return row?.notesInSyncWith ?? null;
    },
  };
}
