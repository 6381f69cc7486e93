import { type HarvestStage, nextHarvestStage } from '../domain/harvest-plan.ts';
import { HARVEST_TIMER, runHarvestStage } from '../flows/harvest/harvest-nudges.ts';
import type { UnitOfWork } from '../flows/ports.ts';
import type { AfterCommit } from '../flows/shell.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { TimerKind } from '../jobs/timers.ts';

export interface HarvestTimerDeps {
  prisma: PrismaClient;
  uow: UnitOfWork;
  zone: string;
  now: () => Date;
  afterCommit(done: AfterCommit): Promise<void>;
}

/** Sessions older than this get no harvest questions any more (e.g. right after the first deploy). */
const LOOKBACK_DAYS = 21;
/** The first question only goes out this long after a session. */
const ASK_WITHIN_DAYS = 3;
/** Sessions further ahead are picked up by a later reconcile. */
const LOOKAHEAD_DAYS = 2;

/** The harvest's ask, nudges and coordinator alert: one timer per session, its stage derived from rows. */
export function harvestTimer(deps: HarvestTimerDeps): TimerKind {
  return {
    name: HARVEST_TIMER,
    async pending(limit) {
      const now = deps.now().getTime();
      const rows = await deps.prisma.dialogueSession.findMany({
        where: {
          endsAt: {
            gte: new Date(now - LOOKBACK_DAYS * 86_400_000),
            lte: new Date(now + LOOKAHEAD_DAYS * 86_400_000),
          },
          status: { not: 'CANCELLED' },
          assignments: { some: { status: 'ACTIVE' } },
          OR: [{ harvest: null }, { harvest: { status: 'DRAFT' } }],
        },
        orderBy: { endsAt: 'asc' },
        take: limit,
        select: {
          id: true,
          endsAt: true,
          reminders: {
            where: { kind: { startsWith: 'harvest_' }, status: 'SENT' },
            select: { kind: true, sentAt: true, dueAt: true },
          },
        },
      });
      return rows.flatMap((r) => {
        const sent = r.reminders.map((x) => ({ stage: x.kind as HarvestStage, sentAt: x.sentAt ?? x.dueAt }));
        // Never asked and long over (e.g. right after this feature is deployed): too late to start asking.
        if (sent.length === 0 && r.endsAt.getTime() < now - ASK_WITHIN_DAYS * 86_400_000) return [];
        const next = nextHarvestStage(r.endsAt, sent, deps.zone);
        return next ? [{ id: r.id, dueAt: next.dueAt }] : [];
      });
    },
    async run(id, now) {
      const out: AfterCommit = { outboundIds: [], timers: [] };
      await deps.uow((repos) =>
        runHarvestStage(
          { repos, zone: deps.zone, now, outboundIds: out.outboundIds, timers: out.timers },
          id,
        ),
      );
      await deps.afterCommit(out);
    },
  };
}
