import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InboundRecord } from '../flows/shell.ts';

/**
 * How often events stored but not processed are picked up again. An event is stored (and the
 * webhook acknowledged) before it is processed; when the database goes away in between, processing
 * fails and cannot even record the failure: the event stays RECEIVED. Found by
 * test/reliability/outages.test.ts — before, such an event waited for the next restart.
 */
export const INBOX_RECOVERY_MS = 10_000;

export interface InboxRecoveryDeps {
  unprocessed(): Promise<InboundRecord[]>;
  /** Runs one event (in the person's order); resolves when it was handled or failed. */
  dispatch(record: InboundRecord): Promise<void>;
  log: Pick<Logger, 'warn'>;
}

/**
 * Dispatches inbound events once per process at a time, and re-dispatches those left unprocessed.
 * A round re-dispatches only events it already saw unprocessed in the round before (so ≥ one
 * interval old): another replica's fresh events are left to that replica.
 */
export function inboxRecovery(deps: InboxRecoveryDeps) {
  const inFlight = new Set<string>();
  let seen = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  function dispatch(record: InboundRecord): void {
    if (inFlight.has(record.id)) return;
    inFlight.add(record.id);
    void deps.dispatch(record).finally(() => inFlight.delete(record.id));
  }

  /** `immediate`: at start, everything left unprocessed is from before (a previous run). */
  async function recover(immediate = false): Promise<void> {
    try {
      const now = new Set<string>();
      for (const r of await deps.unprocessed()) {
        now.add(r.id);
        if (immediate || seen.has(r.id)) dispatch(r);
      }
      seen = now;
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'inbox recovery failed; will retry');
    }
  }

  return {
    dispatch,
    recover,
    start(everyMs = INBOX_RECOVERY_MS): void {
      timer = setInterval(() => void recover(), everyMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}

/**
 * When Redis comes back after an outage (it may have lost its data: a flush, a restart without
 * persistence), re-create timers and delivery jobs at once instead of at the next reconcile/sweep
 * round (up to 20 s and 60 s later).
 */
export function onRedisBack(
  redis: Redis,
  restore: () => Promise<void>,
  log: Pick<Logger, 'warn'>,
): () => void {
  let lost = false;
  const down = () => {
    lost = true;
  };
  const up = () => {
    if (!lost) return;
    lost = false;
    restore().catch((err) =>
      log.warn({ err: (err as Error).message }, 'restoring queues after a Redis outage failed'),
    );
  };
  redis.on('close', down);
  redis.on('ready', up);
  return () => {
    redis.off('close', down);
    redis.off('ready', up);
  };
}
