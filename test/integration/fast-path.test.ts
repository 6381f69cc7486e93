import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { FakeTelegramApi, Injected } from '../fakes/telegram-api.ts';
import { settle } from '../support/local-chat-client.ts';
import { postUpdate, TelegramUser, texts } from '../telegram/telegram-user.ts';
import {
  attemptsTo,
  holdFirstContacts,
  identityOf,
  orphanPersons,
  outboxOf,
  signUpUntilConsent,
  startTelegramApp,
  startTelegramReplica,
} from './fast-path-fixtures.ts';

/**
 * The fast inbound path (commit 026434b): replies sent from the process right after commit, partner
 * sign-up in plain SQL, a new sender in one statement. Seen from outside: webhook posts with the
 * secret header, the fake Bot API's record of what reached the user, and the database.
 */
describe('Telegram fast path (webhook + PostgreSQL + Redis + fake Bot API)', () => {
  let app: App;
  let fake: FakeTelegramApi;
  let redis: Redis;
  beforeAll(async () => {
    ({ app, fake } = await startTelegramApp());
    redis = new Redis(app.config.REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await app?.stop();
    await fake?.stop();
  });

  it('a partner signs up: the rows the Prisma path writes, every reply once and in order', async () => {
    const noor = new TelegramUser(app, fake, 7_100_001, 'Noor');
    const steps = await signUpUntilConsent(noor, 'Noor Testpersoon', 'Buurtteam Snelpad Test');
    steps.push(await noor.press('✅ Akkoord'));
    expect(steps.map((s) => s.length)).toEqual([1, 1, 1, 1, 1]);
    expect(texts(steps[3] ?? [])).toContain('akkoord');
    expect(texts(steps[4] ?? [])).toContain('Welkom, Noor Testpersoon van Buurtteam Snelpad Test');

    const { personId } = await identityOf(app, noor);
    const person = await app.db.prisma.person.findUniqueOrThrow({
      where: { id: personId },
      include: { memberships: { include: { organisation: true } }, consents: true },
    });
    expect(person.roles).toContain('PARTNER');
    expect(person.onboardedAt).not.toBeNull();
    expect(person.displayName).toBe('Noor Testpersoon');
    expect(person.memberships.map((m) => m.organisation.name)).toEqual(['Buurtteam Snelpad Test']);
    expect(await app.db.prisma.organisation.count({ where: { name: 'Buurtteam Snelpad Test' } })).toBe(1);
    expect(person.consents).toHaveLength(1);
    expect(person.consents[0]).toMatchObject({ granted: true, platform: 'TELEGRAM' });
    expect(person.consents[0]?.version).toBeTruthy();
    const audit = await app.db.prisma.auditLog.findMany({ where: { actorId: personId } });
    expect(audit.map((a) => [a.action, a.subjectType, a.subjectId, a.details])).toEqual([
      ['onboarding.completed', 'person', personId, { role: 'PARTNER' }],
    ]);

    // Exactly once and in order: one attempt per reply, in the order the conversation wrote them.
    const outbox = await outboxOf(app, personId);
    expect(outbox.map((m) => m.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT', 'SENT']);
    expect(attemptsTo(fake, noor.id).map((c) => [c.status, String(c.params.text)])).toEqual(
      outbox.map((m) => [200, m.text]),
    );
    expect(noor.received()).toEqual(steps.flat());
  });

  it('two partners of the same new organisation sign up at the same time: one organisation, two members', async () => {
    const org = 'Wijkcentrum Gelijktijdig Test';
    const users = [7_200_001, 7_200_002].map((id, i) => new TelegramUser(app, fake, id, `Partner${i}`));
    await Promise.all(users.map((u, i) => signUpUntilConsent(u, `Partner ${i} Testpersoon`, org)));
    // Both consents posted together, so both sign-ups create the organisation concurrently.
    const presses = users.map((u) => {
      const { data, messageId } = u.findButton('✅ Akkoord');
      return u.callbackUpdate(data, messageId);
    });
    const posted = await Promise.all(presses.map((p) => postUpdate(app, p)));
    expect(posted.map((p) => p.status)).toEqual([200, 200]);
    await settle(app);

    const orgs = await app.db.prisma.organisation.findMany({
      where: { name: org },
      include: { members: true },
    });
    expect(orgs).toHaveLength(1);
    const ids = await Promise.all(users.map(async (u) => (await identityOf(app, u)).personId));
    expect(orgs[0]?.members.map((m) => m.personId).sort()).toEqual([...ids].sort());
    for (const u of users) {
      expect(texts(u.received().slice(-1))).toContain(`van ${org}`);
      expect(u.received()).toHaveLength(5);
    }
    const audits = await app.db.prisma.auditLog.count({
      where: { action: 'onboarding.completed', actorId: { in: ids } },
    });
    expect(audits).toBe(2);
  });

  it('racing first messages of new users: one person and identity each, no orphans, each update once', async () => {
    // A second process on the same database: each process orders a chat's updates only among its own.
    const replica = await startTelegramReplica(fake, app);
    const persons0 = await app.db.prisma.person.count();
    const orphans0 = await orphanPersons(app);
    // The same /start twice (Telegram redelivers), and two different first updates of one new user,
    // one to each process; held until all wait, so that they race for sure.
    const users = (base: number, name: string) =>
      Array.from({ length: 3 }, (_, i) => new TelegramUser(app, fake, base + i, `${name}${i}`));
    const twice = users(7_300_000, 'Dubbel');
    const pairs = users(7_310_000, 'Paar');
    const hold = await holdFirstContacts(
      app,
      [...twice, ...pairs].map((u) => String(u.id)),
    );
    const same = twice.map((u) => u.messageUpdate('/start'));
    const distinct = pairs.map((u) => [u.messageUpdate('/start'), u.messageUpdate('/help')]);
    const posts = [...same.map((u) => [u, u]), ...distinct];
    const posted = Promise.all(
      posts.flatMap(([a, b]) => [postUpdate(app, a ?? {}), postUpdate(replica, b ?? {})]),
    );
    await hold.release(posts.length * 2);
    const results = await posted;
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    await replica.idle();
    await settle(app);
    await replica.stop();

    expect(await app.db.prisma.person.count()).toBe(persons0 + twice.length + pairs.length);
    expect(await orphanPersons(app)).toBe(orphans0);
    for (const [users, perUser] of [
      [twice, 1],
      [pairs, 2],
    ] as const) {
      for (const u of users) {
        const identities = await app.db.prisma.channelIdentity.findMany({
          where: { platform: 'TELEGRAM', externalId: String(u.id) },
        });
        expect(identities).toHaveLength(1);
        const personId = identities[0]?.personId ?? '';
        const events = await app.db.prisma.inboundEvent.findMany({
          where: { platform: 'TELEGRAM', externalUserId: String(u.id) },
        });
        expect(events).toHaveLength(perUser);
        expect(events.every((e) => e.personId === personId && e.status === 'PROCESSED')).toBe(true);
        // Every stored update answered, and every answer delivered exactly once.
        const outbox = await outboxOf(app, personId);
        for (const e of events)
          expect(outbox.some((m) => m.idempotencyKey.startsWith(`${e.id}:r`))).toBe(true);
        expect(outbox.every((m) => m.status === 'SENT')).toBe(true);
        expect(attemptsTo(fake, u.id).map((c) => c.status)).toEqual(outbox.map(() => 200));
      }
    }
    for (const u of twice) expect(texts(u.received())).toContain('Wie ben jij?');
  });

  /**
   * The first reply fails (a 429 with retry_after 1 from the fake's storm, which also counts sends
   * before retry_after; or a 502 twice, so that it waits for the queue's backoff); the user answers
   * at once. The second reply must not overtake the first, and each arrives once.
   */
  async function olderReplyWaits(user: TelegramUser, failure: Injected | 'storm') {
    await user.send('/start');
    const before = user.received().length;
    const violations = fake.violations;
    if (failure === 'storm') fake.startStorm(1000, 1);
    else fake.inject('sendMessage', failure);
    const { data, messageId } = user.findButton('Partnerorganisatie');
    expect((await postUpdate(app, user.callbackUpdate(data, messageId))).status).toBe(200);
    // The first reply failed (direct send and, for a 502, the queue's first try): it waits now.
    const failures = failure === 'storm' ? [429] : [502, 502];
    await fake.waitFor(
      () => attemptsTo(fake, user.id).filter((c) => c.status !== 200).length === failures.length,
    );
    expect((await postUpdate(app, user.messageUpdate(`${user.firstName} Testpersoon`))).status).toBe(200);
    await settle(app, 30_000);
    fake.stopStorm();

    const { personId } = await identityOf(app, user);
    const outbox = (await outboxOf(app, personId)).slice(1);
    expect(outbox).toHaveLength(2);
    expect(outbox.every((m) => m.status === 'SENT')).toBe(true);
    expect(
      user
        .received()
        .slice(before)
        .map((c) => String(c.params.text)),
    ).toEqual(outbox.map((m) => m.text));
    // The question after the name (the organisation) comes last.
    expect(texts(user.received().slice(-1))).toMatch(/organisatie/i);
    expect(attemptsTo(fake, user.id).map((c) => c.status)).toEqual([200, ...failures, 200, 200]);
    // Nothing was sent to the chat before the retry_after it was given.
    expect(fake.violations).toBe(violations);
  }

  it('a 429 on the first reply: the next reply waits behind it, each arrives once, none before retry_after', async () => {
    await olderReplyWaits(new TelegramUser(app, fake, 7_400_001, 'Lea'), 'storm');
  });

  it('a failed send (502, twice) of the first reply: the next reply does not overtake it', async () => {
    await olderReplyWaits(new TelegramUser(app, fake, 7_400_002, 'Mo'), { status: 502, times: 2 });
  });

  it('while another sender holds the person’s send lock, the reply waits and then arrives once', async () => {
    const sam = new TelegramUser(app, fake, 7_500_001, 'Sam');
    await sam.send('/start');
    const { personId } = await identityOf(app, sam);
    const lock = `${app.config.QUEUE_PREFIX}:outbound-lock:${personId}`;
    expect(await redis.set(lock, 'someone-else', 'PX', 20_000, 'NX')).toBe('OK');
    const before = attemptsTo(fake, sam.id).length;
    expect((await postUpdate(app, sam.messageUpdate('/help'))).status).toBe(200);
    // Processed and its direct send given up (app.idle waits for both): written, not sent.
    await app.idle();
    await new Promise((r) => setTimeout(r, 600));
    expect(attemptsTo(fake, sam.id).length).toBe(before);
    const written = (await outboxOf(app, personId)).slice(1);
    expect(written.length).toBeGreaterThan(0);
    expect(written.map((m) => m.status)).toEqual(written.map(() => 'PENDING'));

    await redis.del(lock);
    await settle(app);
    const replies = attemptsTo(fake, sam.id).slice(before);
    expect(replies.map((c) => [c.status, String(c.params.text)])).toEqual(written.map((m) => [200, m.text]));
    expect(texts(replies)).toContain('Dit kun je bij mij doen');
    const sent = (await outboxOf(app, personId)).slice(1);
    expect(sent.map((m) => m.status)).toEqual(written.map(() => 'SENT'));
  });

  it('a user who blocked the bot: one attempt (403), marked unreachable, the reply failed, no retries', async () => {
    const bo = new TelegramUser(app, fake, 7_600_001, 'Bo');
    await bo.send('/start');
    fake.block(bo.id);
    expect((await postUpdate(app, bo.messageUpdate('/help'))).status).toBe(200);
    await settle(app);
    const identity = await identityOf(app, bo);
    expect(identity.unreachableAt).not.toBeNull();
    const outbox = await outboxOf(app, identity.personId);
    // The reply to /start went out; every message of the reply to /help failed, without a call each.
    expect(outbox[0]?.status).toBe('SENT');
    expect(outbox.length).toBeGreaterThan(1);
    for (const m of outbox.slice(1))
      expect(m).toMatchObject({ status: 'FAILED', error: expect.stringContaining('blocked') });
    // Long enough for a queued retry (backoff from 500 ms) to have happened.
    await new Promise((r) => setTimeout(r, 1500));
    await settle(app);
    expect(attemptsTo(fake, bo.id).map((c) => c.status)).toEqual([200, 403]);
    expect(await app.delivery.depth()).toBe(0);
  });
});
