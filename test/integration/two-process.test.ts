import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { createTestDatabase } from '../support/app.ts';
import { baseEnv, type Child, liveReplies, prismaFor, spawnApp, stopApp } from '../support/app-processes.ts';
import {
  createPerson,
  createSession,
  createVolunteers,
  eventually,
  futureEvening,
  setSettings,
} from '../support/fixtures.ts';
import { ADMIN_URL, withDatabase } from '../support/global-setup.ts';
import { LocalChatClient } from '../support/local-chat-client.ts';

// Two app processes (child processes, as in the kill -9 test of reminders.test.ts) against one
// PostgreSQL database and one BullMQ prefix.

describe('two app processes on one PostgreSQL and Redis', () => {
  let databaseUrl: string;
  let prefix: string;
  let db: PrismaClient;
  const children: Child[] = [];
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    prefix = `t_two_${randomBytes(4).toString('hex')}`;
    db = await prismaFor(databaseUrl);
  });
  afterAll(async () => {
    for (const c of children) await stopApp(c);
    await db?.$disconnect();
  });

  it('every due reminder and every expired offer wave is handled exactly once', async () => {
    const SESSIONS = 12;
    const REMINDERS = 60;
    const [first] = await createVolunteers(db, 4, { prefix: 'two' });
    const [reminded] = await createVolunteers(db, 1, { prefix: 'two-rem' });
    await setSettings(db, { waveSize: 1 });
    // Offer waves that expired a minute ago: each must expire once and start exactly one next wave.
    const sessionIds: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const s = await createSession(db, { startsAt: futureEvening(8 + i) });
      sessionIds.push(s.sessionId);
      await db.offer.create({
        data: {
          sessionId: s.sessionId,
          personId: first?.personId as string,
          role: 'LEAD',
          wave: 1,
          expiresAt: new Date(Date.now() - 90_000),
        },
      });
    }
    // Reminders falling due a few seconds after both processes are up.
    const remindSession = await createSession(db, { startsAt: futureEvening(20) });
    const reminderSessions = await db.dialogueSession.createManyAndReturn({
      data: Array.from({ length: REMINDERS }, (_, i) => ({
        requestId: remindSession.requestId,
        startsAt: new Date(futureEvening(20).getTime() + i * 60_000),
        endsAt: new Date(futureEvening(20).getTime() + i * 60_000 + 3_600_000),
      })),
    });
    await db.assignment.createMany({
      data: reminderSessions.map((s) => ({
        sessionId: s.id,
        personId: reminded?.personId as string,
        role: 'LEAD' as const,
      })),
    });
    const reminders = await db.scheduledReminder.createManyAndReturn({
      data: reminderSessions.map((s) => ({
        kind: 'nudge',
        sessionId: s.id,
        personId: reminded?.personId as string,
        dueAt: new Date(Date.now() + 6000),
      })),
    });

    const env = baseEnv(databaseUrl, prefix);
    const [a, b] = await Promise.all([spawnApp(env), spawnApp(env)]);
    children.push(a as Child, b as Child);

    // Make both workers race for the same work: extra jobs for every timer under other job ids
    // (as a re-planned timer or a reconciler round would add), so both processes pick them up.
    const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: null,
    });
    const queue = new Queue('timers', { connection, prefix });
    const dup = (kind: string, id: string, n: number) => ({
      name: kind,
      data: { kind, id },
      opts: { jobId: `${kind}-${id}-dup${n}`, delay: 0, removeOnComplete: true, removeOnFail: true },
    });
    const waveIds = sessionIds.map((id) => `${id}.LEAD.1`);
    await queue.addBulk([1, 2, 3].flatMap((n) => waveIds.map((id) => dup('offer-wave', id, n))));
    await new Promise((r) => setTimeout(r, 6500));
    await queue.addBulk([1, 2, 3].flatMap((n) => reminders.map((r) => dup('reminder', r.id, n))));

    await eventually(
      async () => (await db.scheduledReminder.count({ where: { status: 'SENT' } })) === REMINDERS,
      90_000,
    );
    await eventually(async () => (await db.offer.count({ where: { wave: 2 } })) === SESSIONS, 90_000);
    await eventually(
      async () => (await db.outboundMessage.count({ where: { status: 'PENDING' } })) === 0,
      60_000,
    );
    // Let any late duplicate job finish before counting.
    await eventually(
      async () => Object.values(await queue.getJobCounts('active', 'wait')).every((n) => n === 0),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1500));

    const reminderMessages = await db.outboundMessage.findMany({
      where: { personId: reminded?.personId, idempotencyKey: { startsWith: 'reminder:' } },
    });
    expect(reminderMessages).toHaveLength(REMINDERS);
    expect(reminderMessages.every((m) => m.status === 'SENT')).toBe(true);

    const offers = await db.offer.findMany({ where: { sessionId: { in: sessionIds } } });
    expect(offers.filter((o) => o.wave === 1).every((o) => o.status === 'EXPIRED')).toBe(true);
    expect(offers.filter((o) => o.wave === 3)).toHaveLength(0);
    for (const id of sessionIds)
      expect(offers.filter((o) => o.sessionId === id && o.wave === 2)).toHaveLength(1);
    // One offer message per next-wave offer, to volunteers other than the one whose offer expired.
    const secondWave = offers.filter((o) => o.wave === 2);
    expect(secondWave.some((o) => o.personId === first?.personId)).toBe(false);
    const offerMessages = await db.outboundMessage.count({
      where: {
        personId: { in: [...new Set(secondWave.map((o) => o.personId))] },
        NOT: { idempotencyKey: { startsWith: 'reminder:' } },
      },
    });
    expect(offerMessages).toBe(SESSIONS);
    const waves = await db.auditLog.count({
      where: { action: 'offers.wave', subjectId: { in: sessionIds } },
    });
    expect(waves).toBe(SESSIONS);

    await queue.close();
    connection.disconnect();
    for (const c of children.splice(0)) await stopApp(c);
  }, 240_000);

  it('one process in role http and one in role worker: a local-chat message in, the reply delivered', async () => {
    await createPerson(db, 'two-coord', 'Lieke', ['COORDINATOR']);
    const env = baseEnv(databaseUrl, `${prefix}_r`);
    const http = await spawnApp({ ...env, APP_ROLE: 'http' });
    const worker = await spawnApp({ ...env, APP_ROLE: 'worker' });
    children.push(http, worker);

    // The worker serves health, readiness and metrics only; the http process the chat.
    expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${worker.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${worker.url}/api/local/personas`)).status).toBe(404);
    expect((await fetch(`${worker.url}/dashboard`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${http.url}/readyz`)).status).toBe(200);

    const chat = new LocalChatClient({ url: http.url } as App, 'two-coord');
    // The browser's live view (server-sent events) on the http process, while the worker delivers.
    const live = liveReplies(http.url, 'two-coord');
    const sent = await chat.post({ text: '/help' });
    expect(sent.status).toBe(202);
    // History lists only messages the delivery worker has sent (status SENT).
    const reply = await eventually(
      async () => (await chat.history()).find((m) => m.direction === 'out'),
      30_000,
    );
    expect(reply.text).toMatch(/overzicht/i);
    const out = await db.outboundMessage.findFirstOrThrow({
      where: { person: { identities: { some: { externalId: 'two-coord' } } } },
    });
    expect(out.status).toBe('SENT');
    const timeout = new Promise<string>((_, reject) =>
      setTimeout(() => reject(new Error('no live reply on the event stream')), 20_000),
    );
    expect(await Promise.race([live.first, timeout])).toMatch(/overzicht/i);
    live.stop();
  }, 120_000);

  it('two http processes and a worker: one person’s messages, stored alternately by each, are handled in order', async () => {
    const env = baseEnv(databaseUrl, `${prefix}_o`);
    const [a, b, worker] = await Promise.all([
      spawnApp({ ...env, APP_ROLE: 'http' }),
      spawnApp({ ...env, APP_ROLE: 'http' }),
      spawnApp({ ...env, APP_ROLE: 'worker' }),
    ]);
    children.push(a, b, worker);
    await createPerson(db, 'two-order', 'Lieke', ['COORDINATOR']);
    await createVolunteers(db, 1, { prefix: 'two-order-v' }); // someone to broadcast to
    const viaA = new LocalChatClient({ url: a.url } as App, 'two-order');
    const viaB = new LocalChatClient({ url: b.url } as App, 'two-order');
    const ROUNDS = 6;
    // Each message is stored (202) before the next is sent, without waiting for any reply: the
    // command reaches one process, the message text the other, which must wait for the command.
    for (let i = 1; i <= ROUNDS; i++) {
      expect((await viaA.post({ text: '/rondsturen' })).status).toBe(202);
      expect((await viaB.post({ text: `Bericht nummer ${i}` })).status).toBe(202);
    }
    const person = await db.person.findFirstOrThrow({
      where: { identities: { some: { externalId: 'two-order' } } },
    });
    await eventually(
      async () => (await db.inboundEvent.count({ where: { personId: person.id, status: 'RECEIVED' } })) === 0,
      60_000,
    );
    await eventually(
      async () =>
        (await db.outboundMessage.count({ where: { personId: person.id, status: 'PENDING' } })) === 0,
      60_000,
    );
    // Every text was read as the message of the broadcast started just before it: one draft per round.
    const drafts = await db.broadcast.findMany({
      where: { createdById: person.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(drafts.map((d) => d.text)).toEqual(
      Array.from({ length: ROUNDS }, (_, i) => `Bericht nummer ${i + 1}`),
    );
    const outs = (await viaA.history()).filter((m) => m.direction === 'out').map((m) => m.text);
    expect(outs.filter((t) => t.includes('Typ het bericht'))).toHaveLength(ROUNDS);
    expect(outs.some((t) => t.includes('Ik weet niet goed wat je bedoelt'))).toBe(false);
  }, 120_000);

  it('an http and a worker process starting together on an empty database: one migrates, both serve', async () => {
    const name = `${inject('testRun')}_empty_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const emptyUrl = withDatabase(ADMIN_URL, name);
    const env = baseEnv(emptyUrl, `${prefix}_m`);
    const started = await Promise.all([
      spawnApp({ ...env, APP_ROLE: 'http' }),
      spawnApp({ ...env, APP_ROLE: 'worker' }),
    ]);
    children.push(...started);
    for (const c of started) expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
    const fresh = await prismaFor(emptyUrl);
    const applied = await fresh.$queryRawUnsafe<{ migration_name: string; n: number }[]>(
      'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1',
    );
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((m) => m.n === 1)).toBe(true);
    await fresh.$disconnect();
    for (const c of children.splice(0)) await stopApp(c);
  }, 120_000);

  it('a role other than all without DATABASE_URL stops at start with one line naming APP_ROLE', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATABASE_URL: '', APP_ROLE: 'worker', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('APP_ROLE');
    expect(stderr).toContain('DATABASE_URL');
  }, 60_000);
});
