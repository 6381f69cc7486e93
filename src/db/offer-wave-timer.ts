import type { UnitOfWork } from '../flows/ports.ts';
import type { AfterCommit } from '../flows/shell.ts';
import { expireWave } from '../flows/staffing/offer-responses.ts';
import { heldRoundTimerId, OFFER_WAVE_TIMER } from '../flows/staffing/staffing.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { TimerKind } from '../jobs/timers.ts';

export interface OfferWaveTimerDeps {
  prisma: PrismaClient;
  uow: UnitOfWork;
  zone: string;
  afterCommit(done: AfterCommit): Promise<void>;
}

/** Offer waves expire from the database's truth (open offers and their expiry), not from Redis. */
export function offerWaveTimer(deps: OfferWaveTimerDeps): TimerKind {
  return {
    name: OFFER_WAVE_TIMER,
    async pending(limit) {
      const waves = await deps.prisma.offer.groupBy({
        by: ['sessionId', 'role', 'wave'],
        where: { status: 'OPEN' },
        _max: { expiresAt: true },
        take: limit,
        orderBy: { sessionId: 'asc' },
      });
      // Rounds held back by quiet hours are in the database too, so a flushed Redis loses none.
      const held = await deps.prisma.dialogueSession.findMany({
        where: { offersDueAt: { not: null }, status: { not: 'CANCELLED' } },
        select: { id: true, offersDueAt: true },
        take: limit,
      });
      return [
        ...waves.map((w) => ({
          id: `${w.sessionId}.${w.role === 'TRAINEE' ? 'TRAINEE' : 'LEAD'}.${w.wave}`,
          dueAt: w._max.expiresAt ?? new Date(),
        })),
        ...held.flatMap((s) =>
          s.offersDueAt ? [{ id: heldRoundTimerId(s.id, s.offersDueAt), dueAt: s.offersDueAt }] : [],
        ),
      ];
    },
    async run(id, now) {
      const done = await deps.uow(async (repos) => {
        const out: AfterCommit = { outboundIds: [], timers: [] };
        await expireWave(
          {
            repos: repos.staffing,
            reminders: repos.reminders,
            now,
            zone: deps.zone,
            keyPrefix: `wave:${id}`,
            outboundIds: out.outboundIds,
            timers: out.timers,
          },
          id,
        );
        return out;
      });
      await deps.afterCommit(done);
    },
  };
}
