import type { PrismaClient } from '../generated/prisma/client.ts';

export type ExportKind = 'requests' | 'sessions';

/**
 * Flat rows for CSV or JSON: one per request or per session, with dates as ISO text. The keys are
 * the columns (EXPORT_COLUMNS in export-readable.ts lists them for an export without rows).
 */
export async function exportRows(prisma: PrismaClient, kind: ExportKind): Promise<Record<string, unknown>[]> {
  if (kind === 'requests') {
    const rows = await prisma.dialogueRequest.findMany({
      include: {
        organisation: true,
        sessions: { select: { startsAt: true }, orderBy: { startsAt: 'asc' } },
      },
      orderBy: { number: 'asc' },
    });
    return rows.map((r) => ({
      number: r.number,
      status: r.status,
      organisation: r.organisation.name,
      theme: r.theme,
      goal: r.goal,
      targetGroup: r.targetGroup,
      expectedParticipants: r.expectedParticipants,
      languages: r.languages.join(';'),
      online: r.online,
      wijk: r.wijk ?? '',
      address: r.address ?? '',
      durationMinutes: r.durationMinutes,
      scheduleMode: r.scheduleMode,
      coDesign: r.coDesign,
      accessibility: r.accessibility ?? '',
      contactName: r.contactName,
      contactEmail: r.contactEmail ?? '',
      contactPhone: r.contactPhone ?? '',
      sessions: r.sessions.length,
      sessionDates: r.sessions.map((x) => x.startsAt.toISOString()).join(';'),
      createdAt: r.createdAt.toISOString(),
    }));
  }
  const rows = await prisma.dialogueSession.findMany({
    include: {
      request: { include: { organisation: true } },
      assignments: { where: { status: 'ACTIVE' }, select: { role: true } },
      harvest: { select: { status: true } },
    },
    orderBy: { startsAt: 'asc' },
  });
  return rows.map((s) => ({
    requestNumber: s.request.number,
    organisation: s.request.organisation.name,
    theme: s.request.theme,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    status: s.status,
    online: s.request.online,
    wijk: s.request.wijk ?? '',
    facilitatorsNeeded: s.needsCoFacilitator ? 2 : 1,
    facilitators: s.assignments.filter((a) => a.role !== 'TRAINEE').length,
    trainees: s.assignments.filter((a) => a.role === 'TRAINEE').length,
    harvest: s.harvest?.status ?? '',
  }));
}
