import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChannelAdapter, Platform } from '../bots/ports.ts';
import type { OutboxRepo } from '../db/outbox-repo.ts';
import type { Metrics } from '../http/metrics.ts';

/** Job payload: ids only, never message text (BullMQ stores job data in clear text). */
export interface DeliveryJob {
  ids: string[];
}

class RateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited, retry after ${retryAfterMs} ms`);
  }
}

const PLATFORMS: Platform[] = ['LOCAL', 'TELEGRAM', 'SLACK'];
const MAX_ATTEMPTS = 8;

/** Per-platform queue limits (Telegram ~30 msg/s overall; Slack ~1/s per channel, tiered per method). */
const LIMITS: Partial<Record<Platform, { max: number; duration: number }>> = {
  TELEGRAM: { max: 30, duration: 1000 },
  SLACK: { max: 20, duration: 1000 },
};

export interface DeliveryDeps {
  connection: Redis;
  workerConnection: Redis;
  prefix: string;
  outbox: OutboxRepo;
  adapters: Partial<Record<Platform, ChannelAdapter>>;
  log: Logger;
  metrics: Metrics;
}

/** The outbound queue: one BullMQ queue per platform, batch jobs per person, idempotent per message. */
export function createDelivery(deps: DeliveryDeps) {
  const queues = new Map<Platform, Queue<DeliveryJob>>();
  const workers: Worker<DeliveryJob>[] = [];
  for (const platform of PLATFORMS) {
    queues.set(
      platform,
      new Queue(`outbound-${platform.toLowerCase()}`, { connection: deps.connection, prefix: deps.prefix }),
    );
  }

  async function deliver(job: Job<DeliveryJob>): Promise<void> {
    for (const id of job.data.ids) {
      const item = await deps.outbox.load(id);
      if (item?.status !== 'PENDING') continue; // sent before (a retried job) or given up
      const adapter = deps.adapters[item.platform];
      if (!adapter || !item.target) {
        await deps.outbox.markFailed(
          id,
          adapter ? 'recipient unreachable' : `channel ${item.platform} is off`,
        );
        deps.metrics.outbound.inc({ platform: item.platform, outcome: 'failed' });
        continue;
      }
      const result = await adapter.send(item.target, item.message, {
        deliveryId: item.id,
        createdAt: item.createdAt,
      });
      if (result.ok) {
        await deps.outbox.markSent(id, result.externalMessageId);
        deps.metrics.outbound.inc({ platform: item.platform, outcome: 'sent' });
        continue;
      }
      if (result.reason === 'unreachable') {
        if (item.identityId) await deps.outbox.markUnreachable(item.identityId);
        await deps.outbox.markFailed(id, `unreachable: ${result.detail}`);
        deps.metrics.outbound.inc({ platform: item.platform, outcome: 'unreachable' });
        continue;
      }
      await deps.outbox.markAttempt(id, result.reason);
      if (job.attemptsMade + 1 >= MAX_ATTEMPTS) {
        await deps.outbox.markFailed(id, `gave up after ${MAX_ATTEMPTS} attempts: ${result.reason}`);
        deps.metrics.outbound.inc({ platform: item.platform, outcome: 'failed' });
        throw new UnrecoverableError('delivery gave up');
      }
      // Later messages of this batch wait, so a person never sees them out of order.
      throw result.reason === 'rate_limited'
        ? new RateLimited(result.retryAfterMs)
        : new Error(result.detail);
    }
  }

  return {
    /** Enqueues delivery of outbox rows; safe to call twice for the same ids (deterministic job ids). */
    async enqueue(ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      for (const g of await deps.outbox.groups(ids)) {
        const queue = queues.get(g.platform);
        await queue?.add(
          'deliver',
          { ids: g.ids },
          {
            jobId: `out-${g.ids[0]}`,
            attempts: MAX_ATTEMPTS,
            backoff: { type: 'custom' },
            removeOnComplete: { age: 3600, count: 10_000 },
            removeOnFail: { age: 7 * 86_400 },
          },
        );
      }
    },

    /** Starts workers for the platforms that have an adapter. */
    start(): void {
      for (const platform of PLATFORMS) {
        if (!deps.adapters[platform]) continue;
        const worker = new Worker<DeliveryJob>(`outbound-${platform.toLowerCase()}`, deliver, {
          connection: deps.workerConnection,
          prefix: deps.prefix,
          concurrency: 8,
          limiter: LIMITS[platform],
          settings: {
            backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) =>
              err instanceof RateLimited ? err.retryAfterMs : Math.min(60_000, 500 * 2 ** attemptsMade),
          },
        });
        worker.on('failed', (job, err) =>
          deps.log.warn({ jobId: job?.id, platform, err: err.message }, 'delivery attempt failed'),
        );
        worker.on('error', (err) => deps.log.error({ platform, err: err.message }, 'delivery worker error'));
        workers.push(worker);
      }
    },

    async depth(): Promise<number> {
      let total = 0;
      for (const q of queues.values()) total += await q.getJobCountByTypes('waiting', 'delayed', 'active');
      return total;
    },

    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
export type Delivery = ReturnType<typeof createDelivery>;
