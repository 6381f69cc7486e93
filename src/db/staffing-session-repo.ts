import type { StaffingRepos } from '../flows/staffing/ports.ts';
import type { SessionSnapshot } from '../flows/staffing/types.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** Staffing: a session as the staffing flow sees it (its request, assignments, offers), on one transaction. */
export function staffingSessionRepo(
  tx: Tx,
): Pick<StaffingRepos, 'lockSession' | 'session' | 'sessionIdsOfRequest'> {
  return {
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
            where: { status: { in: ['ACTIVE', 'RELEASED'] } },
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
        assignments: s.assignments
          .filter((a) => a.status === 'ACTIVE')
          .map((a) => ({
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
        handedBack: s.assignments.filter((a) => a.status === 'RELEASED').map((a) => a.personId),
        offersDueAt: s.offersDueAt,
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
