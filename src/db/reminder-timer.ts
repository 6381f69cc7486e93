import { DateTime } from 'luxon';
import { isQuiet } from '../domain/reminder-plan.ts';
import type { UnitOfWork } from '../flows/ports.ts';
import { REMINDER_TIMER, type ReminderScope } from '../flows/reminders/reminders.ts';
import {
  isReleaseTimerId,
  prepareReminder,
  releaseInstant,
  releaseTimerId,
  sendReminder,
} from '../flows/reminders/send.ts';
import type { AfterCommit } from '../flows/shell.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { TimerKind } from '../jobs/timers.ts';
import { preparedDue, type Released, releaseDue, unreleased } from './reminder-release.ts';

/**
 * How long before its due time a reminder is rendered and stored (docs/reminders.md). Long enough to
 * prepare a large burst (1,000 reminders take 15–45 s on a busy 2-core machine) before it is due.
 */
export const PREPARE_AHEAD_MS = 5 * 60_000;
/**
 * A release job is taken up this much before its instant and waits for it in-process: BullMQ hands
 * over a delayed job some tens of ms late on a busy machine, a timer in the process is more exact.
 */
const RELEASE_EARLY_MS = 250;
/**
 * A release writes due prepared reminders in statements of this many, RELEASE_PARALLEL at a time (the
 * database uses more than one core), each batch handed to delivery as soon as it is written.
 */
const RELEASE_BATCH = 100;
const RELEASE_PARALLEL = 4;
/** Due prepared reminders one release looks at, at most, per round. */
const RELEASE_ROUND = 5000;

export interface ReminderTimerDeps {
  prisma: PrismaClient;
  uow: UnitOfWork;
  zone: string;
  afterCommit(done: AfterCommit): Promise<void>;
  onSent?(count?: number): void;
  /** Tests and benchmarks: another preparation lead than PREPARE_AHEAD_MS. */
  prepareAheadMs?: number;
}

type Step = (scope: ReminderScope, id: string) => Promise<string>;

/** Who is on which platform, for delivery to enqueue the released rows without looking them up. */
function routes(released: Released[]): NonNullable<AfterCommit['routes']> {
  const byPerson = new Map<string, { platform: Released['platform']; personId: string; ids: string[] }>();
  for (const r of released) {
    const key = `${r.platform}/${r.personId}`;
    const route = byPerson.get(key) ?? { platform: r.platform, personId: r.personId, ids: [] };
    route.ids.push(r.id);
    byPerson.set(key, route);
  }
  return [...byPerson.values()];
}

/**
 * Reminders are rows in the database; this timer kind carries each one out exactly once, in two steps:
 * its job runs PREPARE_AHEAD_MS before the due time and renders the message onto the row; at the due
 * time one job per due instant (`release-<ms>`) writes every prepared message of that instant to the
 * outbox in one statement and hands them to delivery in one batch. A reminder that could not be
 * prepared, or whose preparation is out of date, is rendered and sent at its due time as before.
 */
export function reminderTimer(deps: ReminderTimerDeps): TimerKind {
  const ahead = deps.prepareAheadMs ?? PREPARE_AHEAD_MS;

  async function step(fn: Step, id: string, now: Date): Promise<string> {
    const out: AfterCommit = { outboundIds: [], timers: [] };
    const outcome = await deps.uow((repos) =>
      fn(
        {
          repos: repos.staffing,
          reminders: repos.reminders,
          now,
          zone: deps.zone,
          keyPrefix: `reminder-run:${id}`,
          outboundIds: out.outboundIds,
          timers: out.timers,
        },
        id,
      ),
    );
    if (outcome === 'sent') deps.onSent?.();
    for (const t of out.timers) if (isReleaseTimerId(t.id)) arm(t.dueAt);
    await deps.afterCommit(out);
    return outcome;
  }

  // In this process, each instant with prepared reminders also gets a plain timer: the release then
  // does not wait for a free worker slot behind other timer jobs (preparations of later reminders,
  // say). The BullMQ release job stays the durable path (a restart loses these timers); it joins a
  // release already running here, and elsewhere two releases of one instant are harmless.
  const armed = new Map<number, NodeJS.Timeout>();
  const running = new Map<number, Promise<void>>();
  function arm(dueAt: Date): void {
    const instant = dueAt.getTime();
    const wait = instant - Date.now();
    if (armed.has(instant) || wait <= 0 || wait > ahead + 60_000) return;
    const timer = setTimeout(() => {
      armed.delete(instant);
      // Wall-clock time, like the timer itself. On failure the BullMQ job (or the reconciler) does it.
      releaseInstantOnce(instant, new Date()).catch(() => {});
    }, wait);
    timer.unref();
    armed.set(instant, timer);
  }
  function releaseInstantOnce(instant: number, now: Date): Promise<void> {
    const inFlight = running.get(instant);
    if (inFlight) return inFlight;
    const run = releaseAll(now).finally(() => running.delete(instant));
    running.set(instant, run);
    return run;
  }
  async function releaseAll(at: Date): Promise<void> {
    await release(at);
    // What the release left (out of date, night, no reachable identity, cancelled meanwhile):
    // rendered afresh, or recorded as cancelled or skipped, one by one.
    for (const left of await unreleased(deps.prisma, at)) await step(sendReminder, left, at);
  }

  async function release(now: Date, reminderId?: string): Promise<number> {
    // At night (an instant overdue after an outage) nothing is released: the full path moves or skips.
    if (isQuiet(DateTime.fromJSDate(now, { zone: deps.zone }))) return 0;
    let total = 0;
    for (;;) {
      const before = total;
      const ids = reminderId ? [reminderId] : await preparedDue(deps.prisma, now, RELEASE_ROUND);
      const batches: string[][] = [];
      for (let i = 0; i < ids.length; i += RELEASE_BATCH) batches.push(ids.slice(i, i + RELEASE_BATCH));
      await Promise.all(
        Array.from({ length: RELEASE_PARALLEL }, async () => {
          for (let batch = batches.shift(); batch; batch = batches.shift()) {
            const released = await releaseDue(deps.prisma, now, batch);
            if (released.length === 0) continue;
            total += released.length;
            deps.onSent?.(released.length);
            await deps.afterCommit({
              outboundIds: released.map((r) => r.id),
              timers: [],
              routes: routes(released),
            });
          }
        }),
      );
      // More may be due (a huge backlog); none released this round means the rest is for the full path.
      if (reminderId || ids.length < RELEASE_ROUND || total === before) return total;
    }
  }

  return {
    name: REMINDER_TIMER,
    jobAt(id, dueAt) {
      if (isReleaseTimerId(id)) return new Date(dueAt.getTime() - RELEASE_EARLY_MS);
      // Due already and not prepared: a job of its own under a new id (the preparing one may have been
      // lost with a half-deleted Redis, and a lost id can swallow re-adds for a while).
      return dueAt.getTime() <= Date.now() ? dueAt : new Date(dueAt.getTime() - ahead);
    },
    async pending(limit) {
      const rows = await deps.prisma.scheduledReminder.findMany({
        where: { status: 'PENDING' },
        orderBy: { dueAt: 'asc' },
        take: limit,
        select: { id: true, dueAt: true, preparedAt: true },
      });
      // Not prepared: the job that prepares it (or, when due, sends it). Prepared: its instant's release.
      const out: { id: string; dueAt: Date }[] = [];
      const instants = new Set<number>();
      for (const r of rows) {
        if (!r.preparedAt) out.push({ id: r.id, dueAt: r.dueAt });
        else if (!instants.has(r.dueAt.getTime())) {
          instants.add(r.dueAt.getTime());
          out.push({ id: releaseTimerId(r.dueAt), dueAt: r.dueAt });
        }
      }
      return out;
    },
    async run(id, now) {
      if (isReleaseTimerId(id)) {
        // Taken up a little early: wait for the instant itself.
        const early = Math.max(0, releaseInstant(id) - now.getTime());
        if (early > 0) await new Promise((r) => setTimeout(r, early));
        await releaseInstantOnce(releaseInstant(id), new Date(now.getTime() + early));
        return;
      }
      const r = await deps.prisma.scheduledReminder.findUnique({
        where: { id },
        select: { status: true, dueAt: true, preparedAt: true },
      });
      if (r?.status !== 'PENDING') return;
      const early = r.dueAt.getTime() - now.getTime();
      if (early > ahead + 1000) return; // a stale job of a re-planned reminder
      if (early > 0) {
        const started = Date.now();
        await step(prepareReminder, id, now);
        // Prepared only after its due time (a busy machine, a burst): its instant's release may have run
        // without it, and a re-added release job can be swallowed by a lost one under the same id (a
        // half-deleted Redis) until the reconciler's fresh id a minute later. Released here instead.
        const at = new Date(now.getTime() + Date.now() - started);
        if (at < r.dueAt) return;
        if ((await release(at, id)) === 0) await step(sendReminder, id, at);
        return;
      }
      // Due: its prepared message if that is still good, else rendered now.
      if (r.preparedAt && (await release(now, id)) > 0) return;
      await step(sendReminder, id, now);
    },
  };
}
