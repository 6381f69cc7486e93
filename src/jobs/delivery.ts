import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChannelAdapter, Platform } from '../bots/ports.ts';
import type { DeliveryItem, OutboxRepo } from '../db/outbox-repo.ts';
import type { DirectDelivery } from '../flows/shell.ts';
import type { Metrics } from '../http/metrics.ts';
import { createDirectSend } from './direct-send.ts';
import { formatAge, JOB_ATTEMPTS, RETRY_POLICY, type RetryPolicy, retryDelay } from './retry-policy.ts';
import { LOCK_WAIT_MS, takeSendLock } from './send-lock.ts';

/** Job payload: ids only, never message text (BullMQ stores job data in clear text). */
export interface DeliveryJob {
  ids: string[];
  /** The person the messages are for: one sender per person at a time keeps their messages in order. */
  personId?: string;
  /** How often rate limits (429 retry_after or our own pacing) postponed this job; bounded. */
  deferrals?: number;
}

const PLATFORMS: Platform[] = ['LOCAL', 'TELEGRAM', 'SLACK'];
/** Every delivery job: retried with the retry policy's pauses; the row, not the job, says when to give up. */
const JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'custom' as const },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 86_400 },
};
/** Postponements do not use up attempts (a 429 is not a failure), but they are bounded too. */
const MAX_DEFERRALS = 200;
/** Messages whose person and platform are known already (no lookup needed to enqueue them). */
export interface DeliveryRoute {
  platform: Platform;
  personId: string;
  ids: string[];
}

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
  /** Benchmarks: other queue limits than the platforms' own. */
  limits?: Partial<Record<Platform, { max: number; duration: number }>>;
  /** Tests: shorter retry pauses and give-up age than RETRY_POLICY. */
  retry?: Partial<RetryPolicy>;
}

/** The outbound queue: one BullMQ queue per platform, batch jobs per person, idempotent per message. */
export function createDelivery(deps: DeliveryDeps) {
  const policy: RetryPolicy = { ...RETRY_POLICY, ...deps.retry };
  const queues = new Map<Platform, Queue<DeliveryJob>>();
  const workers: Worker<DeliveryJob>[] = [];
  for (const platform of PLATFORMS) {
    const queue = new Queue<DeliveryJob>(`outbound-${platform.toLowerCase()}`, {
      connection: deps.connection,
      prefix: deps.prefix,
    });
    // Without a listener BullMQ prints connection errors (Redis away) as bare stack traces on stderr.
    queue.on('error', (err) => deps.log.warn({ err: err.message }, 'outbound queue error'));
    queues.set(platform, queue);
  }

  /** Postpones the whole job (later messages of the batch wait too, keeping their order). */
  async function defer(
    job: Job<DeliveryJob>,
    token: string | undefined,
    ms: number,
    counts = true,
  ): Promise<never> {
    // Waiting for another sender is not a failure and is bounded by the lock's lifetime, so it does not count.
    const deferrals = (job.data.deferrals ?? 0) + (counts ? 1 : 0);
    if (deferrals > MAX_DEFERRALS) throw new UnrecoverableError('delivery gave up: postponed too often');
    if (counts) await job.updateData({ ...job.data, deferrals });
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  }

  const lockKey = (personOrId: string) => `${deps.prefix}:outbound-lock:${personOrId}`;

  async function deliver(job: Job<DeliveryJob>, token?: string): Promise<void> {
    const { personId } = job.data;
    const lock = lockKey(personId ?? job.data.ids[0] ?? job.id ?? '');
    const held = await takeSendLock(deps.connection, lock, `${job.id}:${Date.now()}`);
    if (!held) return defer(job, token, LOCK_WAIT_MS, false);
    try {
      // The oldest pending messages first, including those of later batches (their jobs then find nothing
      // to do); and again until none is left, so a message written meanwhile is not left behind.
      const platform = job.queueName.replace('outbound-', '').toUpperCase() as Platform;
      // Identities found unreachable during this job: their later messages fail without another call.
      const unreachable = new Set<string>();
      if (!personId) {
        for (const id of job.data.ids) {
          const item = await deps.outbox.load(id);
          // Sent before (a retried job) or given up.
          if (item?.status === 'PENDING') await deliverOne(job, token, item, unreachable, undefined);
        }
        return;
      }
      for (let round = 0; round < 50; round++) {
        // Pending messages come with their target; while we hold the lock nobody else sends them.
        const items = await deps.outbox.pendingFor(personId, platform);
        if (items.length === 0) break;
        let more = true;
        for (const [i, item] of items.entries()) {
          // Marking the last one sent also tells whether anything was written meanwhile.
          const check = i === items.length - 1 ? { personId, platform } : undefined;
          more = await deliverOne(job, token, item, unreachable, check);
        }
        if (!more) break;
      }
    } finally {
      await held.release();
    }
  }

  /**
   * Sends one pending message and records the outcome. Returns whether more may be pending for the
   * person: false only when `check` was given, the message was sent, and nothing else is pending.
   */
  async function deliverOne(
    job: Job<DeliveryJob>,
    token: string | undefined,
    item: DeliveryItem,
    unreachable: Set<string>,
    check: { personId: string; platform: Platform } | undefined,
  ): Promise<boolean> {
    const { id } = item;
    const adapter = deps.adapters[item.platform];
    const gone = item.identityId !== null && unreachable.has(item.identityId);
    if (!adapter || !item.target || gone) {
      await deps.outbox.markFailed(id, adapter ? 'recipient unreachable' : `channel ${item.platform} is off`);
      deps.metrics.outbound.inc({ platform: item.platform, outcome: 'failed' });
      return true;
    }
    const result = await adapter.send(item.target, item.message, {
      deliveryId: item.id,
      createdAt: item.createdAt,
    });
    if (result.ok) {
      let more = true;
      if (check) more = await deps.outbox.markSentAndCheck(id, result.externalMessageId, check);
      else await deps.outbox.markSent(id, result.externalMessageId);
      deps.metrics.outbound.inc({ platform: item.platform, outcome: 'sent' });
      return more;
    }
    if (result.reason === 'unreachable') {
      if (item.identityId) {
        await deps.outbox.markUnreachable(item.identityId);
        unreachable.add(item.identityId);
      }
      await deps.outbox.markFailed(id, `unreachable: ${result.detail}`);
      deps.metrics.outbound.inc({ platform: item.platform, outcome: 'unreachable' });
      return true;
    }
    if (result.reason === 'rate_limited') {
      deps.metrics.outbound.inc({ platform: item.platform, outcome: 'rate_limited' });
      if ((job.data.deferrals ?? 0) >= MAX_DEFERRALS) {
        await deps.outbox.markFailed(id, `gave up after ${MAX_DEFERRALS} rate-limited retries`);
        deps.metrics.outbound.inc({ platform: item.platform, outcome: 'failed' });
        throw new UnrecoverableError('delivery gave up');
      }
      return defer(job, token, result.retryAfterMs);
    }
    const now = Date.now();
    const age = now - item.createdAt.getTime();
    if (age >= policy.giveUpAfterMs) {
      const attempts = await deps.outbox.markAttempt(id, result.reason);
      await deps.outbox.markFailed(
        id,
        `gave up after ${formatAge(age)} and ${attempts} attempts: ${result.reason}`,
      );
      deps.metrics.outbound.inc({ platform: item.platform, outcome: 'failed' });
      deps.log.error({ outboundId: id, platform: item.platform, attempts }, 'delivery gave up');
      throw new UnrecoverableError('delivery gave up');
    }
    // BullMQ waits retryDelay(attemptsMade + 1) before the next try; until then the sweeper leaves it be.
    await deps.outbox.markAttempt(
      id,
      result.reason,
      new Date(now + retryDelay(job.attemptsMade + 1, policy)),
    );
    // Later messages of this batch wait, so a person never sees them out of order.
    throw new Error(result.detail);
  }

  const api = {
    /** Takes a person's send lock before a step commits its replies (src/jobs/direct-send.ts). */
    reserve: (personId: string, platform: Platform) => direct.reserve(personId, platform),

    /** Sends a step's replies now, from this process (src/jobs/direct-send.ts); returns at once. */
    sendNow: (d: DirectDelivery) => direct.sendNow(d),

    /** Resolves when every direct send started so far has finished (shutdown, tests). */
    settled: () => direct.settled(),

    /**
     * Enqueues delivery of outbox rows; safe to call twice for the same ids (deterministic job ids).
     * `routes` name the person and platform of some of them (the rest are looked up).
     */
    async enqueue(ids: string[], routes: DeliveryRoute[] = []): Promise<void> {
      if (ids.length === 0) return;
      const known = new Set(routes.flatMap((r) => r.ids));
      const rest = ids.filter((id) => !known.has(id));
      const groups = [
        ...routes.filter((r) => r.ids.length > 0),
        ...(rest.length > 0 ? await deps.outbox.groups(rest) : []),
      ];
      const job = (g: DeliveryRoute) => ({
        name: 'deliver',
        data: { ids: g.ids, personId: g.personId },
        opts: { jobId: `out-${g.ids[0]}`, ...JOB_OPTIONS },
      });
      // Many people at once (a burst of reminders released together): one round trip per platform.
      for (const platform of PLATFORMS) {
        const mine = groups.filter((g) => g.platform === platform).map(job);
        const queue = queues.get(platform);
        if (mine.length === 1 && mine[0]) await queue?.add(mine[0].name, mine[0].data, mine[0].opts);
        else if (mine.length > 1) await queue?.addBulk(mine);
      }
    },

    /**
     * Re-enqueues messages still pending after a while (their job was lost, gave up, or was
     * deduplicated away). A fresh job id per sweep, so an earlier finished job cannot swallow it.
     */
    async resweep(ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      const round = Math.floor(Date.now() / 30_000);
      for (const g of await deps.outbox.groups(ids)) {
        await queues
          .get(g.platform)
          ?.add(
            'deliver',
            { ids: g.ids, personId: g.personId },
            { jobId: `sweep-${g.ids[0]}-${round}`, ...JOB_OPTIONS },
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
          lockDuration: 15_000,
          stalledInterval: 15_000,
          limiter: deps.limits?.[platform] ?? LIMITS[platform],
          settings: {
            backoffStrategy: (attemptsMade: number) => retryDelay(attemptsMade, policy),
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
      await direct.settled();
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
  const direct = createDirectSend({
    ...deps,
    lockKey,
    enqueue: (ids, routes) => api.enqueue(ids, routes),
  });
  return api;
}
export type Delivery = ReturnType<typeof createDelivery>;
