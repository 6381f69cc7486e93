import { StructuredHarvestSchema } from '../domain/harvest.ts';
import type { DigestEntry } from '../domain/harvest-digest.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Approved (or shared) harvests of sessions in [from, to), optionally of one wijk and one theme. */
export async function digestEntries(
  prisma: PrismaClient,
  filter: { from: Date; to: Date; wijk?: string; theme?: string },
): Promise<DigestEntry[]> {
  const rows = await prisma.harvest.findMany({
    where: {
      status: { in: ['APPROVED', 'SHARED'] },
      session: {
        startsAt: { gte: filter.from, lt: filter.to },
        ...(filter.wijk ? { request: { wijk: filter.wijk } } : {}),
      },
    },
    include: { session: { include: { request: { include: { organisation: true } } } } },
    orderBy: { session: { startsAt: 'asc' } },
  });
  return rows.flatMap((r) => {
    const parsed = StructuredHarvestSchema.safeParse(r.structured);
    if (!parsed.success) return [];
    if (
      filter.theme &&
      !parsed.data.themes.includes(filter.theme as never) &&
      r.session.request.theme !== filter.theme
    )
      return [];
    return [
      {
        requestNumber: r.session.request.number,
        organisation: r.session.request.organisation.name,
        wijk: r.session.request.wijk,
        startsAt: r.session.startsAt,
        harvest: parsed.data,
        outcomes: Array.isArray(r.outcomes)
          ? (r.outcomes as { text?: unknown; at?: unknown }[]).flatMap((o) =>
              typeof o?.text === 'string' ? [{ text: o.text, at: String(o.at ?? '') }] : [],
            )
          : [],
      },
    ];
  });
}
