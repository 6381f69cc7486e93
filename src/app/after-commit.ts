import type { Logger } from 'pino';
import type { AfterCommit } from '../flows/shell.ts';
import type { Delivery } from '../jobs/delivery.ts';
import type { Timers } from '../jobs/timers.ts';

/**
 * After a commit: deliver the outbox rows and schedule the timers it wrote. `direct`: this process
 * runs delivery, so a step's replies (when the step says where they go) are sent from here at once
 * instead of through a queued job (src/jobs/delivery.ts `sendNow`).
 */
export function createAfterCommit(deps: {
  delivery: Pick<Delivery, 'enqueue' | 'sendNow'>;
  timers: Pick<Timers, 'schedule'>;
  log: Logger;
  direct?: boolean;
}): (done: AfterCommit) => Promise<void> {
  const { delivery, timers, log } = deps;
  return async function afterCommit(done: AfterCommit): Promise<void> {
    let ids = done.outboundIds;
    let routes = done.routes;
    if (deps.direct && done.direct && done.direct.messages.length > 0) {
      const sent = new Set(done.direct.messages.map((m) => m.id));
      delivery.sendNow(done.direct);
      ids = ids.filter((id) => !sent.has(id));
      routes = routes?.map((r) => ({ ...r, ids: r.ids.filter((id) => !sent.has(id)) }));
    } else await done.direct?.reservation?.release();
    // If either fails, the database still says what is due: the outbox sweeper and the timer
    // reconciler pick it up.
    await delivery
      .enqueue(ids, routes)
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
