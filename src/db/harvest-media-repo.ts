import { RawNotesSchema } from '../domain/harvest.ts';
import { mediaJobId } from '../flows/harvest/harvest-llm-effects.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Files in draft harvests still waiting to be read, for the timer reconciler (never older than a day). */
export function harvestMediaRepo(prisma: PrismaClient) {
  return {
    async pending(limit: number, now: Date): Promise<{ id: string; dueAt: Date }[]> {
      const rows = await prisma.harvest.findMany({
        where: { status: 'DRAFT', updatedAt: { gte: new Date(now.getTime() - 86_400_000) } },
        select: { sessionId: true, rawNotes: true },
        take: 500,
      });
      const out: { id: string; dueAt: Date }[] = [];
      for (const row of rows) {
        const notes = RawNotesSchema.safeParse(row.rawNotes);
        if (!notes.success) continue;
        notes.data.attachments.forEach((a, i) => {
          if (a.status === 'pending' && a.ref && a.at && now.getTime() - a.at < 86_400_000)
            out.push({ id: mediaJobId(row.sessionId, i), dueAt: new Date(a.at) });
        });
      }
      return out.slice(0, limit);
    },
  };
}
