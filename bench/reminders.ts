/**
 * `npm run bench:reminders` — prints figures and writes docs/reminders.md; asserts nothing
 * (ARCHITECTURE.md: benchmarks are scripts).
 *
 * The whole app (startApp, LOCAL_CHAT on, DEMO_DATA off) against the machine's real PostgreSQL
 * (its own database, created empty and migrated by the app, dropped at the end) and Redis (its own
 * QUEUE_PREFIX, whose keys are deleted at the end). Reminders are rows, scheduled through
 * `app.timers.schedule` exactly as the flows' afterCommit does. Three runs of N reminders
 * (default 1,000, one per person and session):
 *   1. burst  — all due at the same instant T0;
 *   2. minute — due evenly spread over one minute;
 *   3. flush  — spread over one minute; when half have been sent, every key of our prefix is
 *               deleted (Redis flushed); nothing is called: the app's own periodic reconciler
 *               (started by startApp) must restore the jobs. The flush is timed to come just
 *               after one of its ticks: the worst case.
 * Reminders are prepared ahead (docs/reminders.md): the app runs with a preparation lead of
 * BENCH_PREPARE_AHEAD_S (60 s; the app's default is 5 minutes) and the rows are scheduled that
 * lead plus 15 s before they are due, so the preparation of a whole burst has time to finish.
 * Lateness, the goal's measure = when the delivery job of `reminder:<id>` entered the outbound
 * queue (the Redis server time of its `added` event in the queue's event stream; the job's own
 * timestamp where the stream no longer has it) minus ScheduledReminder.dueAt: "handed to the
 * outbound queue". Also shown: OutboundMessage.createdAt minus dueAt ("written": the outbox row is
 * written when the reminder is released, not when it is prepared), when the worker got the release
 * job of the reminder's due instant ("picked up", the `active` event of the timers queue), and when
 * the message reached the local chat. Not for the flush run: its outbound jobs and events were
 * flushed too.
 * Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (as the tests do).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import pg from 'pg';
import { type App, startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { isQuiet } from '../src/domain/reminder-plan.ts';
import { RECONCILE_EVERY_MS } from '../src/jobs/timers.ts';
import { createLogger } from '../src/logger.ts';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const N = Number(process.env.BENCH_REMINDERS ?? 1000);
/** How long before its due time the app prepares a reminder (AppOptions.reminderPrepareAheadMs). */
const PREPARE_AHEAD_MS = Number(process.env.BENCH_PREPARE_AHEAD_S ?? 60) * 1000;
/** Time between scheduling and the first due moment: the preparation starts 15 s after scheduling. */
const LEAD_MS = PREPARE_AHEAD_MS + 15_000;
const SPREAD_MS = 60_000;
/**
 * BENCH_FLUSH=scan deletes the keys in SCAN batches while the app keeps working (a partial loss, as
 * after a failover that lost recent writes) instead of all at once.
 */
const FLUSH_SCAN = process.env.BENCH_FLUSH === 'scan';
/** Which runs (all by default): burst, minute, flush. */
const RUNS = (process.env.BENCH_RUNS ?? 'burst,minute,flush').split(',');
/** The whole benchmark gives up (and still cleans up) after this. */
const WATCHDOG_MS = 14 * 60_000;
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/reminders.md');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
  min: number;
}

function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least p of the values at or below it.
  const q = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? Number.NaN;
  return { n: s.length, p50: q(0.5), p99: q(0.99), max: s.at(-1) ?? Number.NaN, min: s[0] ?? Number.NaN };
}

/** Between 08:00 and 21:00 somewhere: Europe/Amsterdam when the run falls in its daytime. */
function pickZone(): { zone: string; note: string } {
  const margin = 12 * 60_000; // the run must stay out of quiet hours until it ends
  const ams = (ms: number) => DateTime.fromMillis(Date.now() + ms, { zone: 'Europe/Amsterdam' });
  if (!isQuiet(ams(0)) && !isQuiet(ams(margin))) return { zone: 'Europe/Amsterdam', note: '' };
  let offset = 12 - new Date().getUTCHours(); // a zone where it is about noon now
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  const zone = offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  return {
    zone,
    note: `Run during Amsterdam's quiet hours: APP_TIMEZONE=${zone} (about noon there), otherwise every reminder would (rightly) move to 08:00.`,
  };
}

interface Ctx {
  app: App;
  sql: pg.Pool;
  /** When the app's periodic reconciler started counting (its ticks are this plus multiples of the interval). */
  reconcileEpoch: number;
  reconcileCost?: string;
  redis: Redis;
  prefix: string;
  requestId: string;
  people: string[];
  /** Deliveries to the local chat per outbox row id (a second push would be a duplicate). */
  pushes: Map<string, number>;
  warnings: string[];
  sessionBase: number;
}

interface Created {
  ids: string[];
  dueAt: Map<string, number>;
}

/** N sessions, one person assigned to each, and a due `nudge` reminder row per session. */
async function createReminders(ctx: Ctx, due: (i: number) => Date): Promise<Created> {
  const prisma = ctx.app.db.prisma;
  const start = ctx.sessionBase;
  ctx.sessionBase += N * 60_000;
  const sessions = await prisma.dialogueSession.createManyAndReturn({
    data: Array.from({ length: N }, (_, i) => ({
      requestId: ctx.requestId,
      startsAt: new Date(start + i * 60_000),
      endsAt: new Date(start + i * 60_000 + 90 * 60_000),
    })),
    select: { id: true },
  });
  await prisma.assignment.createMany({
    data: sessions.map((s, i) => ({
      sessionId: s.id,
      personId: ctx.people[i] as string,
      role: 'LEAD' as const,
    })),
  });
  const rows = await prisma.scheduledReminder.createManyAndReturn({
    data: sessions.map((s, i) => ({
      kind: 'nudge',
      sessionId: s.id,
      personId: ctx.people[i] as string,
      dueAt: due(i),
    })),
    select: { id: true, dueAt: true },
  });
  return { ids: rows.map((r) => r.id), dueAt: new Map(rows.map((r) => [r.id, r.dueAt.getTime()])) };
}

/** What the flows' afterCommit does for every planned reminder, 50 at a time. */
async function scheduleAll(ctx: Ctx, c: Created): Promise<number> {
  const t = Date.now();
  const ids = [...c.ids];
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let id = ids.shift(); id; id = ids.shift())
        await ctx.app.timers.schedule('reminder', id, new Date(c.dueAt.get(id) as number));
    }),
  );
  return Date.now() - t;
}

async function countSent(ctx: Ctx, ids: string[]): Promise<{ sent: number; notPending: number }> {
  const { rows } = await ctx.sql.query<{ sent: string; done: string }>(
    `SELECT count(*) FILTER (WHERE status = 'SENT') AS sent, count(*) FILTER (WHERE status <> 'PENDING') AS done
       FROM "ScheduledReminder" WHERE id = ANY($1)`,
    [ids],
  );
  return { sent: Number(rows[0]?.sent), notPending: Number(rows[0]?.done) };
}

async function countDelivered(ctx: Ctx, ids: string[]): Promise<number> {
  const { rows } = await ctx.sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM "OutboundMessage" WHERE "idempotencyKey" = ANY($1) AND status = 'SENT'`,
    [ids.map((id) => `reminder:${id}`)],
  );
  return Number(rows[0]?.n);
}

async function waitFor(
  check: () => Promise<boolean>,
  deadline: number,
  everyMs = 50,
): Promise<number | null> {
  for (;;) {
    if (await check()) return Date.now();
    if (Date.now() > deadline) return null;
    await sleep(everyMs);
  }
}

/** Redis server time (ms) of the first `event` of each job in a queue's event stream, by job id. */
async function eventTimes(ctx: Ctx, queue: string, event: string): Promise<Map<string, number>> {
  const entries = (await ctx.redis.xrange(`${ctx.prefix}:${queue}:events`, '-', '+')) as [string, string[]][];
  const out = new Map<string, number>();
  for (const [streamId, fields] of entries) {
    const f = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i] as string, fields[i + 1] as string);
    const jobId = f.get('jobId');
    if (f.get('event') === event && jobId && !out.has(jobId)) out.set(jobId, Number(streamId.split('-')[0]));
  }
  return out;
}

/** When the worker got the release job of each due instant (`reminder-release-<ms>-<ms>`), by instant. */
async function pickedUp(ctx: Ctx): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const [jobId, at] of await eventTimes(ctx, 'timers', 'active')) {
    const m = /^reminder-release-(\d+)-/.exec(jobId);
    if (m?.[1] && !out.has(Number(m[1]))) out.set(Number(m[1]), at);
  }
  return out;
}

/** For each reminder still not sent: its row and what Redis holds under its job id. */
async function explainUnsent(ctx: Ctx, c: Created): Promise<void> {
  const { rows } = await ctx.sql.query<{ id: string; status: string; dueAt: Date }>(
    `SELECT id, status, "dueAt" FROM "ScheduledReminder" WHERE id = ANY($1) AND status <> 'SENT'`,
    [c.ids],
  );
  for (const r of rows.slice(0, 10)) {
    const jobKey = `${ctx.prefix}:timers:reminder-${r.id}-${r.dueAt.getTime() - PREPARE_AHEAD_MS}`;
    const hash = await ctx.redis.hgetall(jobKey);
    const sets: string[] = [];
    for (const set of ['completed', 'failed', 'delayed']) {
      if (
        (await ctx.redis.zscore(`${ctx.prefix}:timers:${set}`, jobKey.split(':timers:')[1] as string)) !==
        null
      )
        sets.push(set);
    }
    const line = `  not sent: reminder ${r.id} (${r.status}, due ${r.dueAt.toISOString()}); job hash fields: [${Object.keys(hash).join(', ')}]; in: ${sets.join(', ') || '—'}`;
    console.log(line);
    ctx.warnings.push(line);
  }
}

interface RunResult {
  name: string;
  due: string;
  reminders: number;
  written: Stats;
  pickedUp: Stats | null;
  enqueued: Stats | null;
  delivered: Stats;
  /** Time from the first due moment until every reminder's outbox row existed. */
  allWrittenS: number | null;
  lost: number;
  duplicates: number;
  duplicateDeliveries: number;
  notSent: number;
  /** CPU time of this process (app and benchmark polling) per reminder, ms. */
  cpuMsPerReminder?: number;
  /** Burst: how many were prepared just before they were due. */
  preparedByDue?: number;
  flush?: {
    atSentCount: number;
    reconcileAfterS: number | null;
    restoredAndWrittenS: number | null;
    /** Reminders pending at the flush that fell due before the reconciler restored their jobs. */
    backlog: number;
    /** Flush → the last of that backlog written (restored and sent). */
    backlogClearedS: number | null;
    restoredAndDeliveredS: number | null;
    lateAfterFlush: Stats;
  };
}

async function collect(
  ctx: Ctx,
  name: string,
  dueLabel: string,
  c: Created,
  opts: { outboundJobs: boolean },
): Promise<Omit<RunResult, 'flush'>> {
  const keys = c.ids.map((id) => `reminder:${id}`);
  const { rows } = await ctx.sql.query<{ key: string; id: string; createdAt: Date; sentAt: Date | null }>(
    `SELECT "idempotencyKey" AS key, id, "createdAt", "sentAt" FROM "OutboundMessage" WHERE "idempotencyKey" = ANY($1)`,
    [keys],
  );
  const perReminder = new Map<string, number>();
  for (const r of rows) perReminder.set(r.key, (perReminder.get(r.key) ?? 0) + 1);
  const firstDue = Math.min(...c.dueAt.values());
  const late = (r: { key: string }, at: number) =>
    at - (c.dueAt.get(r.key.slice('reminder:'.length)) as number);
  const written = rows.map((r) => late(r, r.createdAt.getTime()));
  const delivered = rows.filter((r) => r.sentAt).map((r) => late(r, (r.sentAt as Date).getTime()));
  const picks = await pickedUp(ctx);
  const picked = c.ids.flatMap((id) => {
    const due = c.dueAt.get(id) as number;
    return picks.has(due) ? [(picks.get(due) as number) - due] : [];
  });
  let enqueued: number[] = [];
  let fromJobStamp = 0;
  if (opts.outboundJobs) {
    // The moment the job was in Redis (server time of its `added` event); the job's own timestamp
    // (taken by the client before the round trip, so a little earlier) where the stream lost it.
    const added = await eventTimes(ctx, 'outbound-local', 'added');
    const queue = new Queue('outbound-local', { connection: ctx.redis, prefix: ctx.prefix });
    const stamps = await Promise.all(
      rows.map(async (r) => {
        const at = added.get(`out-${r.id}`);
        if (at !== undefined) return at;
        fromJobStamp++;
        return (await queue.getJob(`out-${r.id}`))?.timestamp;
      }),
    );
    enqueued = rows.flatMap((r, i) => (stamps[i] ? [late(r, stamps[i] as number)] : []));
    await queue.close();
    // Start the next run with empty event streams (they are trimmed at ~10,000 events).
    await ctx.redis.del(`${ctx.prefix}:outbound-local:events`, `${ctx.prefix}:timers:events`);
  }
  if (fromJobStamp) console.log(`  ${fromJobStamp} enqueue times from the job's timestamp (event trimmed)`);
  const { sent } = await countSent(ctx, c.ids);
  if (sent < c.ids.length) await explainUnsent(ctx, c);
  return {
    name,
    due: dueLabel,
    reminders: c.ids.length,
    written: stats(written),
    pickedUp: picked.length ? stats(picked) : null,
    enqueued: enqueued.length ? stats(enqueued) : null,
    delivered: stats(delivered),
    allWrittenS: rows.length ? (Math.max(...rows.map((r) => r.createdAt.getTime())) - firstDue) / 1000 : null,
    lost: c.ids.length - perReminder.size,
    duplicates: [...perReminder.values()].reduce((s, n) => s + n - 1, 0),
    duplicateDeliveries: rows.reduce((s, r) => s + Math.max(0, (ctx.pushes.get(r.id) ?? 0) - 1), 0),
    notSent: c.ids.length - sent,
  };
}

async function steadyRun(ctx: Ctx, name: string, spreadMs: number): Promise<RunResult> {
  const t0 = Date.now() + LEAD_MS;
  const c = await createReminders(ctx, (i) => new Date(t0 + Math.floor((i * spreadMs) / N)));
  const took = await scheduleAll(ctx, c);
  if (!spreadMs) {
    // What one pass of the reconciler costs with these reminders pending (their jobs exist: no-ops).
    const t = Date.now();
    const n = await ctx.app.timers.reconcile();
    ctx.reconcileCost = `one reconcile pass over ${n} pending timers (${N} reminders and the app's other timers, all jobs present) took ${Date.now() - t} ms`;
    console.log(`  ${ctx.reconcileCost}`);
  }
  console.log(
    `  ${name}: ${N} reminder rows and jobs ready ${((t0 - Date.now()) / 1000).toFixed(1)} s before T0 (scheduling took ${took} ms)`,
  );
  let preparedByDue: number | undefined;
  if (!spreadMs) {
    // How many of the burst were prepared in time (the rest are rendered when due: the old, slow path).
    await sleep(Math.max(0, t0 - 300 - Date.now()));
    const { rows } = await ctx.sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM "ScheduledReminder" WHERE id = ANY($1) AND "preparedAt" IS NOT NULL`,
      [c.ids],
    );
    preparedByDue = Number(rows[0]?.n);
    console.log(`  ${name}: ${preparedByDue} of ${N} prepared 0.3 s before they were due`);
  }
  const lastDue = t0 + spreadMs;
  await waitFor(async () => (await countSent(ctx, c.ids)).notPending >= N, lastDue + 90_000, 100);
  await waitFor(async () => (await countDelivered(ctx, c.ids)) >= N, Date.now() + 60_000, 100);
  await sleep(500); // duplicate deliveries, if any, would show up now
  const result = await collect(ctx, name, spreadMs ? `spread over ${spreadMs / 1000} s` : 'same instant', c, {
    outboundJobs: true,
  });
  return { ...result, preparedByDue };
}

/**
 * Deletes every key of the prefix in one Lua script: atomic, like FLUSHDB or a restart without
 * persistence (nothing can run between two deletions).
 */
async function flushPrefixAtomically(redis: Redis, prefix: string): Promise<number> {
  const script = `
    local cursor, n = "0", 0
    repeat
      local r = redis.call("SCAN", cursor, "MATCH", ARGV[1], "COUNT", 1000)
      cursor = r[1]
      for _, k in ipairs(r[2]) do n = n + redis.call("DEL", k) end
    until cursor == "0"
    return n`;
  return Number(await redis.eval(script, 0, `${prefix}:*`));
}

/** Deletes every key of the prefix with SCAN + DEL: the app keeps working between the batches. */
async function deletePrefixKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

/**
 * Worst case on purpose: the flush comes just after a tick of the app's periodic reconciler, so the
 * lost jobs stay lost for almost a whole interval. T0 is chosen so that "half sent" (T0 + 30 s)
 * falls about 2 s after a tick.
 */
async function flushRun(ctx: Ctx): Promise<RunResult> {
  const every = RECONCILE_EVERY_MS;
  const earliestT0 = Date.now() + LEAD_MS + 3000;
  let tick = ctx.reconcileEpoch + every;
  while (tick + 2000 - SPREAD_MS / 2 < earliestT0) tick += every;
  const t0 = tick + 2000 - SPREAD_MS / 2;
  console.log(
    `  flush: waiting ${((t0 - Date.now()) / 1000).toFixed(0)} s so that the flush follows a reconciler tick`,
  );
  await sleep(Math.max(0, t0 - LEAD_MS - Date.now()));
  const c = await createReminders(ctx, (i) => new Date(t0 + Math.floor((i * SPREAD_MS) / N)));
  await scheduleAll(ctx, c);
  const half = Math.floor(N / 2);
  await waitFor(async () => (await countSent(ctx, c.ids)).sent >= half, t0 + SPREAD_MS + 60_000, 20);
  const pending = (
    await ctx.sql.query<{ id: string }>(
      `SELECT id FROM "ScheduledReminder" WHERE id = ANY($1) AND status = 'PENDING'`,
      [c.ids],
    )
  ).rows.map((r) => r.id);
  const sentAtFlush = N - pending.length;
  const flushedAt = Date.now();
  const deleted = FLUSH_SCAN
    ? await deletePrefixKeys(ctx.redis, ctx.prefix)
    : await flushPrefixAtomically(ctx.redis, ctx.prefix);
  console.log(
    `  flush: ${sentAtFlush} sent, ${pending.length} pending; deleted ${deleted} keys of ${ctx.prefix}:* ` +
      `${((flushedAt - tick) / 1000).toFixed(1)} s after the reconciler's expected tick`,
  );
  // The last reminder is due at T0 + 60 s and was prepared before the flush: the delayed release job
  // of its instant reappears the moment the reconciler runs (or, when the reconciler comes after its
  // due time, the reminder is sent at once).
  const lastId = c.ids.at(-1) as string;
  const lastDue = c.dueAt.get(lastId);
  // (Its job id: the instant, and the moment the job is taken up, 250 ms before it.)
  const sentinel = `${ctx.prefix}:timers:reminder-release-${lastDue}-${(lastDue as number) - 250}`;
  const reconcileSeen = waitFor(
    async () => (await ctx.redis.exists(sentinel)) === 1 || (await countSent(ctx, [lastId])).notPending === 1,
    flushedAt + 180_000,
    10,
  );
  const allWritten = await waitFor(
    async () => (await countSent(ctx, c.ids)).notPending >= N,
    flushedAt + 180_000,
    100,
  );
  const reconciledAt = await reconcileSeen;
  // Outbound jobs were flushed too: the outbox sweeper (every 30 s) re-enqueues rows pending > 30 s.
  const allDelivered = await waitFor(
    async () => (await countDelivered(ctx, c.ids)) >= N,
    Date.now() + 120_000,
    100,
  );
  await sleep(500);
  const base = await collect(ctx, 'Redis flushed mid-run', `spread over ${SPREAD_MS / 1000} s`, c, {
    outboundJobs: false,
  });
  const { rows } = await ctx.sql.query<{ key: string; createdAt: Date }>(
    `SELECT "idempotencyKey" AS key, "createdAt" FROM "OutboundMessage" WHERE "idempotencyKey" = ANY($1)`,
    [pending.map((id) => `reminder:${id}`)],
  );
  // The backlog: reminders that fell due while their jobs were gone, all sent when the last of them is.
  const overdue = rows.filter((r) => reconciledAt && (c.dueAt.get(r.key.slice(9)) as number) <= reconciledAt);
  const backlogDone = overdue.length ? Math.max(...overdue.map((r) => r.createdAt.getTime())) : null;
  return {
    ...base,
    // The events stream was flushed with everything else: pick-up times would cover only part of the run.
    pickedUp: null,
    flush: {
      atSentCount: sentAtFlush,
      reconcileAfterS: reconciledAt ? (reconciledAt - flushedAt) / 1000 : null,
      restoredAndWrittenS: allWritten ? (allWritten - flushedAt) / 1000 : null,
      backlog: overdue.length,
      backlogClearedS: backlogDone ? (backlogDone - flushedAt) / 1000 : null,
      restoredAndDeliveredS: allDelivered ? (allDelivered - flushedAt) / 1000 : null,
      lateAfterFlush: stats(
        rows.map((r) => r.createdAt.getTime() - (c.dueAt.get(r.key.slice('reminder:'.length)) as number)),
      ),
    },
  };
}

const ms = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x)}`);
const sec = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
const triple = (s: Stats | null) => (s ? `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}` : '—');

function table(results: RunResult[]): string {
  const lines = [
    '| run | due | reminders | prepared in time | **handed to outbound queue late ms p50 / p99 / max** | outbox row written late ms p50 / p99 / max | release job picked up late ms p50 / p99 / max | delivered to chat ms p50 / p99 / max | last written after first due s | not sent | lost | duplicates (rows / deliveries) | CPU ms per reminder |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.due} | ${r.reminders} | ${r.preparedByDue ?? '—'} | ${triple(r.enqueued)} | ${triple(r.written)} | ${triple(r.pickedUp)} | ${triple(r.delivered)} | ${sec(r.allWrittenS)} | ${r.notSent} | ${r.lost} | ${r.duplicates} / ${r.duplicateDeliveries} | ${sec(r.cpuMsPerReminder)} |`,
    );
  }
  return lines.join('\n');
}

function flushTable(r: RunResult): string {
  const f = r.flush;
  if (!f) return '';
  return [
    '| flush | flushed when sent | reconciler restored the jobs after s | overdue by then | flush → all overdue ones written s | flush → every reminder written s | flush → every reminder delivered s | lateness of the reminders pending at the flush ms p50 / p99 / max | lost | duplicates (rows / deliveries) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${FLUSH_SCAN ? 'SCAN + DEL in batches' : 'all keys at once (Lua)'} | ${f.atSentCount} / ${r.reminders} | ${sec(f.reconcileAfterS)} | ${f.backlog} | ${sec(f.backlogClearedS)} | ${sec(f.restoredAndWrittenS)} | ${sec(f.restoredAndDeliveredS)} | ${triple(f.lateAfterFlush)} | ${r.lost} | ${r.duplicates} / ${r.duplicateDeliveries} |`,
  ].join('\n');
}

async function main() {
  const started = new Date();
  const cpu = os.cpus();
  const { zone, note } = pickZone();
  const machine = `${cpu.length} cores (${cpu[0]?.model ?? '?'}), node ${process.version}`;
  const loadBefore = os.loadavg();
  console.log(`bench:reminders — ${started.toISOString()} — ${machine}`);
  console.log(
    `load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}${note ? `\n${note}` : ''}`,
  );

  const dbName = `dialoog_bench_rem_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const prefix = `bench_rem_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const warnings: string[] = [];
  let app: App | null = null;
  let sql: pg.Pool | null = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await app?.stop().catch((err) => console.error('app.stop failed:', (err as Error).message));
    await sql?.end().catch(() => {});
    const n = await deletePrefixKeys(redis, prefix).catch(() => -1);
    redis.disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    console.log(`cleaned up: database ${dbName} dropped, ${n} keys of ${prefix}:* deleted`);
  };
  const watchdog = setTimeout(() => {
    console.error(`bench:reminders: gave up after ${WATCHDOG_MS / 60_000} minutes`);
    void cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);

  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      LOCAL_CHAT: '1',
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      APP_TIMEZONE: zone,
    });
    // Warnings are collected (and counted in the report) rather than printed between the figures.
    const log = createLogger('warn', { write: (line: string) => void warnings.push(line) });
    const beforeStart = Date.now();
    app = await startApp(config, log, { reminderPrepareAheadMs: PREPARE_AHEAD_MS });
    // startApp starts the periodic reconciler just before it listens: between these two moments.
    const reconcileEpoch = Date.now();
    console.log(`app started in ${reconcileEpoch - beforeStart} ms`);
    sql = new pg.Pool({ connectionString: dbUrl.toString(), max: 3 });
    const pushes = new Map<string, number>();
    app.localAdapter?.subscribe((p) => pushes.set(p.message.id, (pushes.get(p.message.id) ?? 0) + 1));

    // N fictional people reachable in the local chat, one organisation and request for all sessions.
    const prisma = app.db.prisma;
    const people = await prisma.person.createManyAndReturn({
      data: Array.from({ length: N }, (_, i) => ({
        displayName: `Bench${i} Vrijwilliger`,
        roles: ['VOLUNTEER' as const],
        onboardedAt: new Date(),
      })),
      select: { id: true },
    });
    await prisma.channelIdentity.createMany({
      data: people.map((p, i) => ({
        personId: p.id,
        platform: 'LOCAL' as const,
        externalId: `bench-rem-${i}`,
      })),
    });
    const org = await prisma.organisation.create({ data: { name: 'Benchhuis', wijk: 'overvecht' } });
    const request = await prisma.dialogueRequest.create({
      data: {
        organisationId: org.id,
        theme: 'eenzaamheid',
        goal: 'Buren leren elkaar kennen.',
        targetGroup: 'Ouderen',
        expectedParticipants: 12,
        languages: ['nl'],
        online: false,
        wijk: 'overvecht',
        address: 'Gloriosa 1',
        durationMinutes: 90,
        contactName: 'Bench',
      },
    });
    const ctx: Ctx = {
      app,
      sql,
      redis,
      prefix,
      requestId: request.id,
      people: people.map((p) => p.id),
      pushes,
      warnings,
      // Sessions start in three weeks, a minute apart: every reminder still makes sense when due.
      sessionBase: Date.now() + 21 * 86_400_000,
      reconcileEpoch,
    };

    console.log(`\n${N} reminders per run; app at ${app.url}, APP_TIMEZONE=${zone}, queue prefix ${prefix}`);
    const results: RunResult[] = [];
    const timed = async (run: () => Promise<RunResult>) => {
      const cpu = process.cpuUsage();
      const r = await run();
      const used = process.cpuUsage(cpu);
      r.cpuMsPerReminder = (used.user + used.system) / 1000 / r.reminders;
      results.push(r);
    };
    if (RUNS.includes('burst')) await timed(() => steadyRun(ctx, 'burst', 0));
    if (RUNS.includes('minute')) await timed(() => steadyRun(ctx, 'one minute', SPREAD_MS));
    if (RUNS.includes('flush')) await timed(() => flushRun(ctx));

    const loadAfter = os.loadavg();
    const main = table(results);
    const flushed = results.find((r) => r.flush);
    const flush = flushed ? flushTable(flushed) : '';
    console.log(
      `\n${main}\n\nRedis flushed mid-run, just after a reconciler tick (the app's own periodic reconciler, every ${RECONCILE_EVERY_MS / 1000} s):\n${flush}`,
    );
    console.log(
      `\nload average after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')}; warnings logged: ${warnings.length}`,
    );
    for (const w of warnings.slice(0, 5)) console.log(`  ${w.trim().slice(0, 300)}`);
    if (ctx.reconcileCost) console.log(ctx.reconcileCost);
    // One machine-readable line for bench/all.ts (npm run bench).
    console.log(`BENCH_JSON ${JSON.stringify({ bench: 'reminders', results })}`);
    // Only a full default run replaces the figures in the documentation.
    if (results.length === 3 && N === 1000 && !FLUSH_SCAN) {
      writeDoc({
        started,
        machine,
        loadBefore,
        loadAfter,
        zoneNote: note,
        main,
        flush,
        warnings,
        reconcileCost: ctx.reconcileCost ?? '',
      });
      console.log(`\nwrote ${path.relative(process.cwd(), DOC)}`);
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  process.exit(0);
}

function writeDoc(d: {
  started: Date;
  machine: string;
  loadBefore: number[];
  loadAfter: number[];
  zoneNote: string;
  main: string;
  flush: string;
  warnings: string[];
  reconcileCost: string;
}) {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const marker = '<!-- bench:reminders figures -->';
  const figures = [
    marker,
    `Measured ${d.started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${d.machine}; load average (1 / 5 / 15 min) ${load(d.loadBefore)} before, ${load(d.loadAfter)} after. PostgreSQL and Redis on the same machine.${Math.max(...d.loadBefore, ...d.loadAfter) > os.cpus().length ? ' A load above the number of cores means other work competed for the CPUs during the run: the figures are noisy and pessimistic.' : ''}${d.zoneNote ? ` ${d.zoneNote}` : ''}`,
    '',
    d.main,
    '',
    `Redis flushed mid-run, just after a tick of the reconciler (the worst case; nothing called by the benchmark: the app's own periodic reconciler, every ${RECONCILE_EVERY_MS / 1000} s, restored the jobs):`,
    '',
    d.flush,
    '',
    `Also measured: ${d.reconcileCost}. Warnings and errors logged by the app during the runs: ${d.warnings.length}.`,
    marker,
  ].join('\n');
  // Keeps the hand-written explanation around the figures.
  let text = '';
  try {
    text = readFileSync(DOC, 'utf8');
  } catch {}
  const parts = text.split(marker);
  if (parts.length === 3) text = `${parts[0]}${figures}${parts[2]}`;
  else text = `# Reminders\n\n${figures}\n`;
  writeFileSync(DOC, text);
}

await main().catch((err) => {
  console.error(err);
  process.exit(1);
});
