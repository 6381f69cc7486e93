import type { PrismaClient } from '../generated/prisma/client.ts';
import { digestEntries } from './harvest-digest-query.ts';
import { staffingRepos } from './staffing-repos.ts';

export interface PipelineRequest {
  number: number;
  status: string;
  organisation: string;
  theme: string;
  firstStart: Date | null;
}

export interface CalendarSession {
  number: number;
  organisation: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  wijk: string | null;
  online: boolean;
  needed: number;
  facilitators: { name: string; role: string }[];
}

/** What an audit entry was about, in the words the page shows (null: nothing to look up). */
export type AuditSubject =
  | { kind: 'request'; number: number; organisation: string }
  | { kind: 'session'; number: number; startsAt: Date }
  | { kind: 'person'; name: string }
  /** A setting's key (a word, not an id). */
  | { kind: 'key'; key: string }
  | { kind: 'erased' }
  | { kind: 'gone' };

export interface AuditRow {
  createdAt: Date;
  /** Who did it (a person, or erased); null: the system. */
  actor: AuditSubject | null;
  action: string;
  subjectType: string;
  subject: AuditSubject | null;
  details: unknown;
  /** The person the details name (`personId`), if any. */
  person: AuditSubject | null;
}

/** Subject types whose id is a person, a request or a session (a harvest is kept per session). */
const PERSON_SUBJECTS = new Set(['person', 'volunteerProfile']);
const SESSION_SUBJECTS = new Set(['session', 'Harvest']);

/** Read-only queries behind the coordinator dashboard's pages. */
export function dashboardQueries(prisma: PrismaClient) {
  return {
    /** Every request with its first session, newest first (the page groups them by status). */
    async pipeline(): Promise<PipelineRequest[]> {
      const rows = await prisma.dialogueRequest.findMany({
        include: {
          organisation: { select: { name: true } },
          sessions: { select: { startsAt: true }, orderBy: { startsAt: 'asc' }, take: 1 },
        },
        orderBy: { number: 'desc' },
        take: 1000,
      });
      return rows.map((r) => ({
        number: r.number,
        status: r.status,
        organisation: r.organisation.name,
        theme: r.theme,
        firstStart: r.sessions[0]?.startsAt ?? null,
      }));
    },

    /** Sessions in [from, to) with their active facilitators. */
    async calendar(from: Date, to: Date): Promise<CalendarSession[]> {
      const rows = await prisma.dialogueSession.findMany({
        where: { startsAt: { gte: from, lt: to } },
        include: {
          request: { include: { organisation: { select: { name: true } } } },
          assignments: {
            where: { status: 'ACTIVE' },
            include: { person: { select: { displayName: true } } },
            orderBy: { createdAt: 'asc' },
          },
        },
        orderBy: { startsAt: 'asc' },
      });
      return rows.map((s) => ({
        number: s.request.number,
        organisation: s.request.organisation.name,
        theme: s.request.theme,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        status: s.status,
        wijk: s.request.wijk,
        online: s.request.online,
        needed: s.needsCoFacilitator ? 2 : 1,
        facilitators: s.assignments.map((a) => ({ name: a.person.displayName, role: a.role })),
      }));
    },

    /** The same ledger /eerlijkheid shows in chat. */
    fairness: (now: Date) => staffingRepos(prisma).fairness(now),

    /** Approved harvests in [from, to): the entries (for the digest's charts) and how often each theme came up. */
    async themes(from: Date, to: Date) {
      const entries = await digestEntries(prisma, { from, to });
      const themes = new Map<string, number>();
      let participants = 0;
      for (const e of entries) {
        for (const theme of new Set(e.harvest.themes)) themes.set(theme, (themes.get(theme) ?? 0) + 1);
        participants += e.harvest.participants ?? 0;
      }
      const sorted = (m: Map<string, number>) =>
        [...m]
          .map(([key, count]) => ({ key, count }))
          .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
      return {
        entries,
        harvests: entries.length,
        participants,
        themes: sorted(themes),
      };
    },

    /** One page of the audit log, newest first. */
    async audit(page: number, perPage: number): Promise<{ rows: AuditRow[]; total: number }> {
      const [total, rows] = await Promise.all([
        prisma.auditLog.count(),
        prisma.auditLog.findMany({
          include: { actor: { select: { displayName: true, erasedAt: true } } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * perPage,
          take: perPage,
        }),
      ]);
      const ids = (types: Set<string>) => [
        ...new Set(rows.flatMap((r) => (r.subjectId && types.has(r.subjectType) ? [r.subjectId] : []))),
      ];
      // A person named in the details (who was assigned, excluded, …) is shown by name as well.
      const detailPerson = (d: unknown) =>
        d && typeof d === 'object' && typeof (d as { personId?: unknown }).personId === 'string'
          ? (d as { personId: string }).personId
          : null;
      const personIds = [
        ...new Set([...ids(PERSON_SUBJECTS), ...rows.flatMap((r) => detailPerson(r.details) ?? [])]),
      ];
      // One query per kind of subject for the whole page, not one per row.
      const [people, requests, sessions] = await Promise.all([
        prisma.person.findMany({
          where: { id: { in: personIds } },
          select: { id: true, displayName: true, erasedAt: true },
        }),
        prisma.dialogueRequest.findMany({
          where: { id: { in: ids(new Set(['request'])) } },
          select: { id: true, number: true, organisation: { select: { name: true } } },
        }),
        prisma.dialogueSession.findMany({
          where: { id: { in: ids(SESSION_SUBJECTS) } },
          select: { id: true, startsAt: true, request: { select: { number: true } } },
        }),
      ]);
      const person = new Map(people.map((p) => [p.id, p]));
      const personSubject = (id: string): AuditSubject => {
        const p = person.get(id);
        if (!p) return { kind: 'gone' };
        return p.erasedAt ? { kind: 'erased' } : { kind: 'person', name: p.displayName };
      };
      const request = new Map(requests.map((r) => [r.id, r]));
      const session = new Map(sessions.map((x) => [x.id, x]));
      const subjectOf = (type: string, id: string | null): AuditSubject | null => {
        if (!id) return null;
        if (PERSON_SUBJECTS.has(type)) return personSubject(id);
        if (type === 'setting') return { kind: 'key', key: id };
        if (type === 'request') {
          const r = request.get(id);
          return r
            ? { kind: 'request', number: r.number, organisation: r.organisation.name }
            : { kind: 'gone' };
        }
        if (SESSION_SUBJECTS.has(type)) {
          const x = session.get(id);
          return x ? { kind: 'session', number: x.request.number, startsAt: x.startsAt } : { kind: 'gone' };
        }
        return null;
      };
      return {
        total,
        rows: rows.map((r) => {
          const named = detailPerson(r.details);
          return {
            createdAt: r.createdAt,
            actor: r.actor
              ? r.actor.erasedAt
                ? { kind: 'erased' as const }
                : { kind: 'person' as const, name: r.actor.displayName }
              : null,
            action: r.action,
            subjectType: r.subjectType,
            subject: subjectOf(r.subjectType, r.subjectId),
            details: r.details,
            person: named ? personSubject(named) : null,
          };
        }),
      };
    },
  };
}

export type DashboardQueries = ReturnType<typeof dashboardQueries>;
