import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A kind of timed work whose truth lives in the database (an offer wave's expiry, a reminder).
 * `pending` lists what is still due; `run` must be idempotent: it re-checks the database and does
 * nothing when the work is done, cancelled or not yet due.
 */
export interface TimerKind {
  name: string;
  pending(limit: number): Promise<{ id: string; dueAt: Date }[]>;
  run(id: string, now: Date): Promise<void>;
}

/** Job payload: a kind and an id — never personal data. */
interface TimerJob {
  kind: string;
  id: string;
}

export interface TimersDeps {
  connection: Redis;
  workerConnection: Redis;
  prefix: string;
  log: Logger;
  now?: () => Date;
}

/**
 * Delayed BullMQ jobs with deterministic ids carry out database-held timers; a reconciler
 * re-creates any job the queue lost (Redis flushed or restarted) and runs overdue work at once.
 */
export function createTimers(deps: TimersDeps) {
  const now = deps.now ?? (() => new Date());
  const kinds = new Map<string, TimerKind>();
  const queue = new Queue<TimerJob>('timers', { connection: deps.connection, prefix: deps.prefix });
  let worker: Worker<TimerJob> | null = null;
  let reconciler: NodeJS.Timeout | null = null;

  // The due time is part of the id: a re-planned timer gets a new job; the stale one finds nothing to do.
  const jobId = (kind: string, id: string, dueAt: Date) => `${kind}-${id}-${dueAt.getTime()}`;

  async function schedule(kind: string, id: string, dueAt: Date): Promise<void> {
    await queue.add(
      kind,
      { kind, id },
      {
        jobId: jobId(kind, id, dueAt),
        delay: Math.max(0, dueAt.getTime() - now().getTime()),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 86_400 },
      },
    );
  }

  async function reconcile(limit = 5000): Promise<number> {
    let scheduled = 0;
    for (const kind of kinds.values()) {
      const items = await kind.pending(limit);
      if (items.length === 0) continue;
      await queue.addBulk(
        items.map((t) => ({
          name: kind.name,
          data: { kind: kind.name, id: t.id },
          opts: {
            jobId: jobId(kind.name, t.id, t.dueAt),
            delay: Math.max(0, t.dueAt.getTime() - now().getTime()),
            attempts: 5,
            backoff: { type: 'exponential' as const, delay: 1000 },
            removeOnComplete: true,
            removeOnFail: { age: 7 * 86_400 },
          },
        })),
      );
      scheduled += items.length;
    }
    return scheduled;
  }

  return {
    register(kind: TimerKind): void {
      kinds.set(kind.name, kind);
    },
    schedule,
    reconcile,
    /** Starts the worker and a periodic reconciler (default every 60 s). */
    async start(reconcileEveryMs = 60_000): Promise<void> {
      worker = new Worker<TimerJob>(
        'timers',
        async (job: Job<TimerJob>) => {
          const kind = kinds.get(job.data.kind);
          if (!kind) return;
          await kind.run(job.data.id, now());
        },
        {
          connection: deps.workerConnection,
          prefix: deps.prefix,
          concurrency: 10,
          // Jobs are short: a crashed worker's jobs are picked up again within ~15 s, not the default 30.
          lockDuration: 15_000,
          stalledInterval: 15_000,
        },
      );
      worker.on('failed', (job, err) =>
        deps.log.warn({ jobId: job?.id, err: err.message }, 'timer job failed'),
      );
      worker.on('error', (err) => deps.log.error({ err: err.message }, 'timer worker error'));
      await reconcile();
      reconciler = setInterval(() => {
        reconcile().catch((err) => deps.log.warn({ err: (err as Error).message }, 'timer reconcile failed'));
      }, reconcileEveryMs);
      reconciler.unref();
    },
    async close(): Promise<void> {
      if (reconciler) clearInterval(reconciler);
      await worker?.close();
      await queue.close();
    },
  };
}
export type Timers = ReturnType<typeof createTimers>;
