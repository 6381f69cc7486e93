import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { OutboxRepo } from '../db/outbox-repo.ts';
import type { Metrics } from '../http/metrics.ts';
import type { Delivery } from '../jobs/delivery.ts';
import { onRedisBack } from '../jobs/recovery.ts';
import type { Timers } from '../jobs/timers.ts';

/**
 * A working process's upkeep: re-sends messages whose delivery job was lost (now, every 30 s, and
 * when Redis comes back) and reconciles the timers then. Returns what stops it.
 */
export async function startUpkeep(deps: {
  works: boolean;
  delivery: Pick<Delivery, 'resweep' | 'depth'>;
  outbox: Pick<OutboxRepo, 'stalePending'>;
  timers: Pick<Timers, 'reconcile'>;
  metrics: Metrics;
  redis: Redis;
  log: Logger;
}): Promise<() => void> {
  const { works, delivery, outbox, metrics, log } = deps;
  const sweep = async () => {
    try {
      await delivery.resweep(await outbox.stalePending(30_000));
      metrics.queueDepth.set(await delivery.depth());
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'outbox sweep failed');
    }
  };
  if (works) await delivery.resweep(await outbox.stalePending(0));
  const sweeper = setInterval(works ? sweep : () => {}, 30_000);
  sweeper.unref();
  const stopRedisWatch = works
    ? onRedisBack(
        deps.redis,
        async () => {
          await deps.timers.reconcile();
          await delivery.resweep(await outbox.stalePending(0));
        },
        log,
      )
    : () => {};
  return () => {
    clearInterval(sweeper);
    stopRedisWatch();
  };
}
