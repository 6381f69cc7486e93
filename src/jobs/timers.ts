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
  /** When the job for an item due at `dueAt` runs, if not then (a reminder is prepared ahead of it). */
  jobAt?(id: string, dueAt: Date): Date;
}

/** Job payload: a kind and an id — never personal data. */
interface TimerJob {
  kind: string;
  id: string;
}

/**
 * How often the reconciler re-creates lost jobs. It bounds how long reminders stay unsent after Redis
 * lost its data (a flush, a restart without persistence): at most this plus the time to send the
 * backlog. 20 s keeps that under a minute (bench:reminders, docs/reminders.md); one pass with ~1,000
 * pending timers costs ~0.3 s on a busy 2-core machine.
 */
export const RECONCILE_EVERY_MS = 20_000;

/** Pending this long after its due time, a timer's job is presumed stuck: the reconciler adds a fresh one. */
const OVERDUE_GRACE_MS = 60_000;
/** At most one fresh job per stuck timer per round. */
const OVERDUE_ROUND_MS = 5 * 60_000;

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
  // Without a listener BullMQ prints connection errors (Redis away) as bare stack traces on stderr.
  queue.on('error', (err) => deps.log.warn({ err: err.message }, 'timer queue error'));
  let worker: Worker<TimerJob> | null = null;
  let reconciler: NodeJS.Timeout | null = null;

  // The due time is part of the id: a re-planned timer gets a new job; the stale one finds nothing to do.
  const jobId = (kind: string, id: string, dueAt: Date) => `${kind}-${id}-${dueAt.getTime()}`;

  async function schedule(kind: string, id: string, due: Date): Promise<void> {
    const dueAt = kinds.get(kind)?.jobAt?.(id, due) ?? due;
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
    const at = now().getTime();
    for (const kind of kinds.values()) {
      const items = (await kind.pending(limit)).map((t) => ({
        id: t.id,
        dueAt: kind.jobAt?.(t.id, t.dueAt) ?? t.dueAt,
      }));
      if (items.length === 0) continue;
      await queue.addBulk(
        items.map((t) => ({
          name: kind.name,
          data: { kind: kind.name, id: t.id },
          opts: {
            // Long overdue yet still pending: its job may exist but never run again (failed for good and
            // kept, or left half-deleted by a partial Redis loss) and would swallow a re-add under the
            // same id. A fresh id per round, as delivery.resweep does; running twice is harmless.
            jobId:
              at - t.dueAt.getTime() > OVERDUE_GRACE_MS
                ? `${jobId(kind.name, t.id, t.dueAt)}-r${Math.floor(at / OVERDUE_ROUND_MS)}`
                : jobId(kind.name, t.id, t.dueAt),
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
    /** Starts the worker and a periodic reconciler (every RECONCILE_EVERY_MS by default). */
    async start(reconcileEveryMs = RECONCILE_EVERY_MS): Promise<void> {
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
