// Reminders prepared ahead of their due time and released at it (docs/reminders.md): a prepared
// reminder must never outlive a cancellation or an edit, and must survive crashes and Redis loss.
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { createTestDatabase, startTestApp } from '../support/app.ts';
import { baseEnv, prismaFor, spawnApp } from '../support/app-processes.ts';
import { eventually } from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import {
  deleteQueueKeys,
  killHard,
  localIso,
  manySessions,
  restartUntilSent,
  staffedSession,
  useRemindersApp,
} from './reminders-fixtures.ts';

/** Runs the job that releases the reminders due at `dueAt`, as its delayed job would at that moment. */
const release = (app: App, dueAt: Date) =>
  app.timers.schedule('reminder', `release-${dueAt.getTime()}`, dueAt);

describe('reminders prepared ahead (PostgreSQL + Redis)', () => {
  const ctx = useRemindersApp();
  const p = () => ctx.app.db.prisma;

  /** Makes one of the session's reminders due in two minutes: within the lead, so it is prepared now. */
  async function prepared(sessionId: string, kind: string) {
    const row = await p().scheduledReminder.findFirstOrThrow({ where: { sessionId, kind } });
    const dueAt = new Date(Date.now() + 120_000);
    await p().scheduledReminder.update({ where: { id: row.id }, data: { dueAt } });
    await ctx.app.timers.schedule('reminder', row.id, dueAt);
    return eventually(async () => {
      const r = await p().scheduledReminder.findUniqueOrThrow({ where: { id: row.id } });
      return r.preparedAt && r.outboxId && r.prepared ? r : null;
    });
  }

  const statusBecomes = (id: string, status: string) =>
    eventually(
      async () => (await p().scheduledReminder.findUniqueOrThrow({ where: { id } })).status === status,
    );

  /** Moves the clock forward for one row: its due time is now past (the preparation is kept). */
  async function makeDue(id: string): Promise<Date> {
    const dueAt = new Date(Date.now() - 1000);
    await p().$executeRaw`UPDATE "ScheduledReminder" SET "dueAt" = ${dueAt} WHERE "id" = ${id}`;
    return dueAt;
  }

  it('a prepared reminder of a cancelled session is never sent, even if its row were left pending', async () => {
    const { sessionId, number, volunteer } = await staffedSession(ctx.app, ctx.partnerId, 'prep-a', 11);
    const nudge = await prepared(sessionId, 'nudge');
    const partner = new LocalChatClient(ctx.app, 'partner');
    await partner.send('/mijnaanvragen');
    const cancel = (await partner.history())
      .at(-1)
      ?.buttons?.flat()
      .find((b) => b.label.startsWith('🗑️') && b.label.includes(`#${number} `));
    expect(texts(await partner.roundTrip({ buttonId: cancel?.id }))).toContain('Weet je zeker');
    expect(texts(await partner.press('Ja, annuleren'))).toContain('is geannuleerd');
    const after = await p().scheduledReminder.findUniqueOrThrow({ where: { id: nudge.id } });
    expect(after).toMatchObject({ status: 'CANCELLED', preparedAt: null, prepared: null });

    // Worse than any real path: the row is put back as pending with its old preparation. The release
    // itself still sees the cancelled session, and the full path records the reminder as cancelled.
    await p().scheduledReminder.update({
      where: { id: nudge.id },
      data: {
        status: 'PENDING',
        preparedAt: nudge.preparedAt,
        prepared: nudge.prepared ?? Prisma.DbNull,
        outboxId: nudge.outboxId,
      },
    });
    const dueAt = await makeDue(nudge.id);
    await release(ctx.app, dueAt);
    await statusBecomes(nudge.id, 'CANCELLED');
    await settle(ctx.app);
    expect(await p().outboundMessage.count({ where: { idempotencyKey: `reminder:${nudge.id}` } })).toBe(0);
    expect((await volunteer.history()).some((m) => m.text.includes('begint je dialoog'))).toBe(false);
  });

  it('a prepared reminder is released as prepared; after a move it is prepared again for the new time', async () => {
    const { sessionId, volunteer } = await staffedSession(ctx.app, ctx.partnerId, 'prep-b', 17);
    const week = await prepared(sessionId, 'week_before');
    const dueAt = await makeDue(week.id);
    await release(ctx.app, dueAt);
    await statusBecomes(week.id, 'SENT');
    await settle(ctx.app);
    const message = await p().outboundMessage.findUniqueOrThrow({
      where: { idempotencyKey: `reminder:${week.id}` },
    });
    expect(message.id).toBe(week.outboxId); // the prepared message, not rendered again
    expect((await volunteer.history()).filter((m) => m.text.includes('Kom je nog steeds?'))).toHaveLength(1);
    expect(texts(await volunteer.press('👍 Ik kom'))).toContain('tot dan');

    const nudge = await prepared(sessionId, 'nudge');
    const partner = new LocalChatClient(ctx.app, 'partner');
    await partner.send('/mijnaanvragen');
    await partner.press(/^📅 Verplaats #/);
    expect(texts(await partner.send('22-12-2026 14:00'))).toContain('verplaatst naar');
    const moved = await p().scheduledReminder.findUniqueOrThrow({ where: { id: nudge.id } });
    expect(moved).toMatchObject({ status: 'PENDING', preparedAt: null, outboxId: null });
    expect(moved.dueAt.toISOString()).toBe(localIso(ctx.app, '2026-12-22T11:00'));
  });

  it('an edit after preparation (new opening questions): the reminder is rendered again with them', async () => {
    const { sessionId, number, volunteer } = await staffedSession(ctx.app, ctx.partnerId, 'prep-c', 13);
    const day = await prepared(sessionId, 'day_before');
    const coord = new LocalChatClient(ctx.app, 'coord');
    await coord.send(`/gespreksvorm ${number}`);
    expect(
      texts(
        await coord.send('Wandelgesprek in tweetallen\n1. Wat maakt deze straat van jou?\n2. Wie ken je al?'),
      ),
    ).toContain('Opgeslagen');
    const dueAt = await makeDue(day.id);
    await release(ctx.app, dueAt);
    await statusBecomes(day.id, 'SENT');
    await settle(ctx.app);
    expect(await volunteer.last()).toContain('• Wat maakt deze straat van jou?');
    const message = await p().outboundMessage.findUniqueOrThrow({
      where: { idempotencyKey: `reminder:${day.id}` },
    });
    expect(message.id).not.toBe(day.outboxId);
  });

  it('prepared only after its due time, its release job half-lost with Redis: still sent, once', async () => {
    const { sessionId } = await staffedSession(ctx.app, ctx.partnerId, 'prep-late', 14);
    const rows = await p().scheduledReminder.findMany({
      where: { sessionId, kind: { in: ['nudge', 'day_before'] } },
    });
    const dueAt = new Date(Date.now() + 3000);
    await p().scheduledReminder.updateMany({ where: { sessionId }, data: { dueAt } });
    const [early, late] = rows;
    if (!early || !late) throw new Error('two reminders expected');
    const redis = new Redis(ctx.app.config.REDIS_URL);
    // The late one's preparation is held up (a busy database) until after the due time.
    await p().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "ScheduledReminder" WHERE "id" = ${late.id} FOR UPDATE`;
        for (const r of rows) await ctx.app.timers.schedule('reminder', r.id, dueAt);
        await eventually(
          async () => (await p().scheduledReminder.findUniqueOrThrow({ where: { id: early.id } })).preparedAt,
        );
        // Redis loses part of its data: the release job's entry, not its key (an id BullMQ now takes
        // every re-add under for a duplicate, until the reconciler's fresh id a minute after).
        const delayed = `${ctx.app.config.QUEUE_PREFIX}:timers:delayed`;
        const job = (await redis.zrange(delayed, '0', '-1')).find((id) =>
          id.includes(`-${dueAt.getTime()}-`),
        );
        expect(job).toBeTruthy();
        await redis.zrem(delayed, job as string);
        await new Promise((r) => setTimeout(r, dueAt.getTime() + 500 - Date.now()));
      },
      { timeout: 15_000 },
    );
    redis.disconnect();
    for (const r of rows) await statusBecomes(r.id, 'SENT');
    await settle(ctx.app);
    const sent = await p().outboundMessage.findMany({
      where: { idempotencyKey: { in: rows.map((r) => `reminder:${r.id}`) } },
    });
    expect(sent).toHaveLength(2);
    expect(sent.every((m) => m.status === 'SENT')).toBe(true);
  });

  // In one process the release also has a plain in-process timer, so this shows that a flush neither
  // loses nor doubles anything; the restart below shows the reconciler alone bringing releases back.
  it('Redis flushed while reminders wait prepared: each is still sent exactly once, as prepared', async () => {
    const COUNT = 100;
    const { personId, sessionIds } = await manySessions(p(), COUNT, 'prep-flush');
    const dueAt = new Date(Date.now() + 20_000);
    await p().scheduledReminder.createMany({
      data: sessionIds.map((sessionId) => ({ kind: 'nudge', sessionId, personId, dueAt })),
    });
    await ctx.app.timers.reconcile();
    const where = { sessionId: { in: sessionIds } };
    await eventually(
      async () =>
        (await p().scheduledReminder.count({ where: { ...where, preparedAt: { not: null } } })) === COUNT,
    );
    const outboxIds = (await p().scheduledReminder.findMany({ where })).map((r) => r.outboxId);
    await deleteQueueKeys(ctx.app); // the release jobs are gone
    await ctx.app.timers.reconcile();
    await eventually(
      async () => (await p().scheduledReminder.count({ where: { ...where, status: 'SENT' } })) === COUNT,
      60_000,
    );
    await settle(ctx.app, 60_000);
    const sent = await p().outboundMessage.findMany({
      where: { personId, idempotencyKey: { startsWith: 'reminder:' } },
    });
    expect(sent).toHaveLength(COUNT);
    expect(new Set(sent.map((m) => m.id))).toEqual(new Set(outboxIds));
    expect(sent.every((m) => m.status === 'SENT')).toBe(true);
  }, 120_000);
});

describe('killed (kill -9) between preparing and releasing', () => {
  it('after restart each prepared reminder is released and sent exactly once', async () => {
    const databaseUrl = await createTestDatabase();
    const env = baseEnv(databaseUrl, `t_prep_kill_${Date.now().toString(36)}`);
    const COUNT = 50;
    const app = await startTestApp({ databaseUrl, env });
    const db = app.db.prisma;
    const { personId, sessionIds } = await manySessions(db, COUNT, 'prep-kill');
    await app.stop();

    const store = await prismaFor(databaseUrl);
    const dueAt = new Date(Date.now() + 25_000);
    await store.scheduledReminder.createMany({
      data: sessionIds.map((sessionId) => ({ kind: 'nudge', sessionId, personId, dueAt })),
    });
    const child = await spawnApp(env);
    await eventually(
      async () => (await store.scheduledReminder.count({ where: { preparedAt: { not: null } } })) === COUNT,
    );
    await killHard(child); // prepared, not yet released
    const outboxIds = (await store.scheduledReminder.findMany()).map((r) => r.outboxId);
    expect(await store.scheduledReminder.count({ where: { status: 'SENT' } })).toBe(0);
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() + 1000 - Date.now())));

    const again = await restartUntilSent({ databaseUrl, env }, store, COUNT, 60_000);
    const { messages } = again;
    expect(messages).toHaveLength(COUNT);
    expect(new Set(messages.map((m) => m.id))).toEqual(new Set(outboxIds));
    expect(messages.every((m) => m.status === 'SENT')).toBe(true);
    await again.app.stop();
    await store.$disconnect();
  }, 180_000);
});
