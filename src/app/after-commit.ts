import type { Logger } from 'pino';
import type { AfterCommit } from '../flows/shell.ts';
import type { Delivery } from '../jobs/delivery.ts';
import type { Timers } from '../jobs/timers.ts';

/** After a commit: deliver the outbox rows and schedule the timers it wrote. */
export function createAfterCommit(deps: {
  delivery: Pick<Delivery, 'enqueue'>;
  timers: Pick<Timers, 'schedule'>;
  log: Logger;
}): (done: AfterCommit) => Promise<void> {
  const { delivery, timers, log } = deps;
  return async function afterCommit(done: AfterCommit): Promise<void> {
    // If either fails, the database still says what is due: the outbox sweeper and the timer
    // reconciler pick it up.
    await delivery
      .enqueue(done.outboundIds, done.routes)
      .catch((err) => log.warn({ err: (err as Error).message }, 'enqueue failed; sweeper will retry'));
    for (const timer of done.timers) {
      await timers
        .schedule(timer.kind, timer.id, timer.dueAt)
        .catch((err) =>
          log.warn({ err: (err as Error).message }, 'timer schedule failed; reconciler will retry'),
        );
    }
  };
}
