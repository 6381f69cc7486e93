import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { createTestDatabase, startTestApp } from '../support/app.ts';
import { createSession, eventually, futureEvening } from '../support/fixtures.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { TEST_TOKEN } from '../telegram/telegram-user.ts';
import {
  FAST_TELEGRAM,
  messageUpdate,
  post as postUpdate,
  Redeliverer,
  telegramEnv,
  telegramVolunteers,
} from './harness.ts';

/**
 * PostgreSQL and Redis taken away and given back, through TCP proxies in front of the machine's
 * servers (which other test runs share and must keep). Telegram's side is played by posting to the
 * webhook and redelivering every update that was not answered 2xx, as Telegram does.
 */
describe('outages: PostgreSQL and Redis cut off and restored (fake Telegram)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let fake: FakeTelegramApi;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let app: App;
  let prefix: string;
  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
    const databaseUrl = await createTestDatabase();
    const pgUrl = new URL(databaseUrl);
    pgProxy = await TcpProxy.start({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    const rUrl = new URL(redisUrl);
    redisProxy = await TcpProxy.start({ host: rUrl.hostname, port: Number(rUrl.port || 6379) });
    prefix = `t_outage_${Date.now().toString(36)}`;
    app = await startTestApp({
      databaseUrl: TcpProxy.rewrite(databaseUrl, pgProxy.port),
      env: {
        ...telegramEnv(fake),
        REDIS_URL: TcpProxy.rewrite(redisUrl, redisProxy.port),
        QUEUE_PREFIX: prefix,
        DEMO_DATA: '0',
        LOCAL_CHAT: '0',
      },
      ...FAST_TELEGRAM,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await pgProxy?.stop();
    await redisProxy?.stop();
    await fake?.stop();
  });
  const p = () => app.db.prisma;
  const ready = async () => {
    const res = await fetch(`${app.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { checks: Record<string, boolean> } };
  };
  const post = (update: Record<string, unknown>) => postUpdate(app.url, update);
  /** Reminders for one volunteer, due `inMs` from now, planned through the real timer path. */
  async function remindersDueIn(personId: string, count: number, inMs: number, day: number) {
    const request = await createSession(p(), { startsAt: futureEvening(day) });
    const sessions = await p().dialogueSession.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({
        requestId: request.requestId,
        startsAt: new Date(futureEvening(day).getTime() + i * 60_000),
        endsAt: new Date(futureEvening(day).getTime() + i * 60_000 + 3_600_000),
      })),
    });
    await p().assignment.createMany({
      data: sessions.map((s) => ({ sessionId: s.id, personId, role: 'LEAD' as const })),
    });
    const rows = await p().scheduledReminder.createManyAndReturn({
      data: sessions.map((s) => ({
        kind: 'nudge',
        sessionId: s.id,
        personId,
        dueAt: new Date(Date.now() + inMs),
      })),
    });
    await app.timers.reconcile();
    return rows.map((r) => r.id);
  }
  const repliesTo = (chatId: number) => fake.messages(chatId).length;

  it('PostgreSQL cut: readiness 503, webhooks answer 5xx so Telegram redelivers; after restore every update is handled once and due reminders go out', async () => {
    const vols = await telegramVolunteers(p(), 25, 8_300_000);
    // How many messages one /help gets (the baseline every user below must see exactly once).
    const probe = vols[0] as { chatId: number; personId: string };
    expect(await post(messageUpdate(probe.chatId, '/help'))).toBe(200);
    await eventually(async () => repliesTo(probe.chatId) > 0);
    await new Promise((r) => setTimeout(r, 500));
    const perHelp = repliesTo(probe.chatId);
    const reminders = await remindersDueIn(probe.personId, 10, 2500, 30);

    // A burst; the database goes away as soon as the first update is stored: some are stored but
    // not yet processed, the rest are refused.
    const burst = vols
      .slice(1, 21)
      .map((v) => ({ chatId: v.chatId, update: messageUpdate(v.chatId, '/help') }));
    const telegram = new Redeliverer(() => app.url, Math.random, 0);
    const answers = burst.map(async (b) => {
      const status = await post(b.update);
      if (status === 200) pgProxy.cut();
      else telegram.push(b.update);
      return status;
    });
    const statuses = await Promise.all(answers);
    pgProxy.cut();
    expect(statuses.some((s) => s === 200)).toBe(true);

    // While cut: not ready, and updates are refused with 5xx (Telegram will send them again).
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.checks.database).toBe(false);
    const late = vols.slice(21).map((v) => ({ chatId: v.chatId, update: messageUpdate(v.chatId, '/help') }));
    for (const l of late) {
      const status = await post(l.update);
      expect(status).toBeGreaterThanOrEqual(500);
      telegram.push(l.update);
      telegram.push(l.update); // Telegram's retry and ours may cross
    }
    await new Promise((r) => setTimeout(r, 4000)); // the reminders fall due meanwhile

    pgProxy.restore();
    await eventually(async () => (await ready()).status === 200, 30_000);
    telegram.start(200);
    const users = [...burst, ...late];
    let state: unknown = null;
    await eventually(async () => {
      const done = users.every((u) => repliesTo(u.chatId) >= perHelp);
      const sent = await p().scheduledReminder.count({ where: { id: { in: reminders }, status: 'SENT' } });
      state = {
        replies: users.map((u) => repliesTo(u.chatId)),
        sent,
        pending: telegram.pending,
        refused: telegram.refused.slice(-5),
        inbound: await p().inboundEvent.groupBy({ by: ['status'], _count: true }),
      };
      return done && sent === reminders.length && telegram.pending === 0;
    }, 90_000).catch((err) => {
      console.log('STATE', JSON.stringify(state));
      throw err;
    });
    telegram.stop();
    await new Promise((r) => setTimeout(r, 1000));
    expect(users.map((u) => repliesTo(u.chatId))).toEqual(users.map(() => perHelp));
    const nudges = fake.messages(probe.chatId).length - perHelp;
    expect(nudges).toBe(reminders.length);
    expect(await p().inboundEvent.count({ where: { status: { not: 'PROCESSED' } } })).toBe(0);
  }, 180_000);

  it('Redis cut and this run’s keys flushed: readiness 503, updates still stored; after restore the reconciler restores every timer and message', async () => {
    const vols = await telegramVolunteers(p(), 6, 8_400_000);
    const lead = vols[0] as { chatId: number; personId: string };
    const reminders = await remindersDueIn(lead.personId, 20, 3000, 40);
    redisProxy.cut();
    const raw = new Redis(redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await raw.del(...keys);
    } while (cursor !== '0');
    raw.disconnect();

    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.checks.redis).toBe(false);
    // The database is fine: updates are stored (200) and answered later.
    const users = vols.slice(1);
    for (const u of users) expect(await post(messageUpdate(u.chatId, '/help'))).toBe(200);
    await new Promise((r) => setTimeout(r, 4000)); // the reminders fall due meanwhile

    redisProxy.restore();
    await eventually(async () => (await ready()).status === 200, 30_000);
    await eventually(async () => {
      const sent = await p().scheduledReminder.count({ where: { id: { in: reminders }, status: 'SENT' } });
      const pending = await p().outboundMessage.count({ where: { status: 'PENDING' } });
      return sent === reminders.length && pending === 0 && users.every((u) => repliesTo(u.chatId) > 0);
    }, 90_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.messages(lead.chatId)).toHaveLength(reminders.length);
    const replies = users.map((u) => repliesTo(u.chatId));
    expect(new Set(replies).size).toBe(1); // each got the same answer, once
  }, 180_000);
});
