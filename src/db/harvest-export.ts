import { displayText } from '../domain/harvest.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { digestEntries } from './harvest-digest-query.ts';

/**
 * Approved harvests as flat rows, one per shareable item: only what the facilitator approved for
 * sharing (items with share=true of APPROVED/SHARED harvests). Raw notes and reflections are never
 * read. A harvest without shareable items still gets one row (themes and participants).
 */
export async function harvestExportRows(
  prisma: PrismaClient,
  range: { from?: Date; to?: Date } = {},
): Promise<Record<string, unknown>[]> {
  const entries = await digestEntries(prisma, {
    from: range.from ?? new Date(0),
    to: range.to ?? new Date(8.64e15),
  });
  return entries.flatMap((e) => {
    const base = {
      requestNumber: e.requestNumber,
      organisation: e.organisation,
      wijk: e.wijk ?? '',
      sessionStart: e.startsAt.toISOString(),
      participants: e.harvest.participants ?? '',
      themes: e.harvest.themes.join(';'),
      tags: e.harvest.tags.join(';'),
    };
    const items = e.harvest.items.filter((i) => i.share);
    if (items.length === 0) return [{ ...base, section: '', text: '' }];
    return items.map((i) => ({ ...base, section: i.section, text: displayText(i) }));
  });
}
