import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import {
  createPerson,
  createSession,
  createVolunteers,
  eventually,
  futureEvening,
  setSettings,
} from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

describe('offers: from a confirmed request to a staffed session (PostgreSQL + Redis)', () => {
  let app: App;
  let partnerId: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    await createPerson(app.db.prisma, 'coord', 'Lieke', ['COORDINATOR']);
    partnerId = (await createPerson(app.db.prisma, 'partner', 'Fatima', ['PARTNER'])).id;
  });
  afterAll(async () => {
    await app?.stop();
  });
  const p = () => app.db.prisma;

  it('50 simultaneous "accept" presses for a session that needs two: exactly two win, 48 hear it is filled', async () => {
    const volunteers = await createVolunteers(p(), 50, { prefix: 'race' });
    await setSettings(p(), { waveSize: 50 });
    const { sessionId } = await createSession(p(), {
      startsAt: futureEvening(12),
      needsCo: true,
      requestedById: partnerId,
    });
    await app.staff([sessionId]);
    await settle(app);
    expect(await p().offer.count({ where: { sessionId } })).toBe(50);

    const clients = volunteers.map((v) => new LocalChatClient(app, v.key));
    const buttons = await Promise.all(clients.map((c) => c.findButton('✅ Ja, ik doe het')));
    const posts = await Promise.all(
      clients.map((c, i) => c.post({ buttonId: buttons[i]?.id, clientMessageId: randomUUID() })),
    );
    expect(posts.every((r) => r.status === 202)).toBe(true);
    await settle(app);

    const assignments = await p().assignment.findMany({ where: { sessionId, status: 'ACTIVE' } });
    expect(assignments).toHaveLength(2);
    expect(assignments.map((a) => a.role).sort()).toEqual(['CO', 'LEAD']);
    const lastTexts = await Promise.all(clients.map((c) => c.last()));
    expect(lastTexts.filter((t) => t.includes('al vervuld')).length).toBe(48);
    const histories = await Promise.all(clients.map((c) => c.history()));
    expect(histories.filter((h) => h.some((m) => m.text.includes('Je begeleidt deze dialoog'))).length).toBe(
      2,
    );
    expect(await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'STAFFED',
    });
    expect(await new LocalChatClient(app, 'partner').last()).toContain('wordt begeleid door');
    expect(await new LocalChatClient(app, 'coord').last()).toContain('is rond');
    await setSettings(p(), { waveSize: 3 });
  });

  it('cascade: wave 1 declines, wave 2 expires, wave 3 accepts; then nobody left → coordinator alert', async () => {
    const vols = await createVolunteers(p(), 6, { prefix: 'cascade', languages: ['tr'] });
    await setSettings(p(), { waveSize: 2, offerHours: 3 / 3600, minOfferMinutes: 0 });
    const { sessionId, number } = await createSession(p(), {
      startsAt: futureEvening(9),
      languages: ['tr'],
      requestedById: partnerId,
    });
    await app.staff([sessionId]);
    await settle(app);
    const wave = async (n: number) =>
      p().offer.findMany({ where: { sessionId, wave: n }, orderBy: { createdAt: 'asc' } });
    const keyOf = (personId: string) => vols.find((v) => v.personId === personId)?.key as string;

    // Wave 1: both decline (one gives a reason).
    const w1 = await wave(1);
    expect(w1).toHaveLength(2);
    const first = new LocalChatClient(app, keyOf(w1[0]?.personId as string));
    expect(texts(await first.press('Nee, deze keer niet'))).toContain('Wil je zeggen waarom');
    await first.press('Die dag/tijd past niet');
    await new LocalChatClient(app, keyOf(w1[1]?.personId as string)).press('Nee, deze keer niet');
    const w2 = await eventually(async () => ((await wave(2)).length === 2 ? wave(2) : null));
    expect((await p().offer.findFirstOrThrow({ where: { id: w1[0]?.id } })).declineReason).toBe('day');

    // Wave 2: nobody answers; the offers expire (a real BullMQ delayed job) and their messages are edited.
    await eventually(async () => (await wave(3)).length === 2);
    expect(
      (await p().offer.findMany({ where: { id: { in: w2.map((o) => o.id) } } })).every(
        (o) => o.status === 'EXPIRED',
      ),
    ).toBe(true);
    await settle(app);
    const expired = new LocalChatClient(app, keyOf(w2[0]?.personId as string));
    expect((await expired.history()).find((m) => m.text.includes('verlopen'))).toBeTruthy();
    // A stale accept on the expired offer changes nothing.
    const w3 = await wave(3);
    const staleButtonHolder = await p().buttonToken.findFirstOrThrow({
      where: { value: w2[0]?.id, action: 'offer.accept' },
    });
    expect(texts(await expired.roundTrip({ buttonId: staleButtonHolder.id }))).toContain(
      'staat niet meer open',
    );

    // Wave 3: one accepts → staffed, partner and coordinator told, the other offer withdrawn.
    const winner = new LocalChatClient(app, keyOf(w3[0]?.personId as string));
    expect(texts(await winner.press('✅ Ja, ik doe het'))).toContain('hoofdbegeleider');
    await settle(app);
    expect(await p().offer.findUniqueOrThrow({ where: { id: w3[1]?.id } })).toMatchObject({
      status: 'WITHDRAWN',
    });
    expect(await new LocalChatClient(app, keyOf(w3[1]?.personId as string)).last()).toContain('Al vervuld');
    // Both answers are in the audit log, like a hand-back or a manual assignment.
    const logged = await p().auditLog.findMany({
      where: { subjectId: sessionId, action: { in: ['offer.accepted', 'offer.declined'] } },
    });
    expect(logged.map((a) => [a.action, a.actorId]).sort()).toEqual(
      [
        ['offer.accepted', w3[0]?.personId],
        ['offer.declined', w1[0]?.personId],
        ['offer.declined', w1[1]?.personId],
      ].sort(),
    );
    expect(logged.find((a) => a.action === 'offer.accepted')?.details).toEqual({ role: 'LEAD' });

    // Nobody left: a second session in Turkish, everyone already asked for it... a fresh session with no Turkish speakers left free.
    const other = await createSession(p(), {
      startsAt: futureEvening(9),
      languages: ['so'],
      requestedById: partnerId,
    });
    await app.staff([other.sessionId]);
    await settle(app);
    const alert = await new LocalChatClient(app, 'coord').last();
    expect(alert).toContain('Niemand meer om te vragen');
    expect(alert).toContain(`#${other.number}`);
    expect(alert).toMatch(/In aanmerking: 0/);
    expect(alert).toContain('spreekt geen taal');
    expect(number).toBeGreaterThan(0);
    await setSettings(p(), { offerHours: 24, minOfferMinutes: 30 });
  });

  it('a facilitator hands an assignment back in /mijnsessies: partner and coordinator are told, a re-match starts', async () => {
    const vols = await createVolunteers(p(), 4, { prefix: 'handback', languages: ['fr'] });
    await setSettings(p(), { waveSize: 1 });
    const { sessionId, number } = await createSession(p(), {
      startsAt: futureEvening(11),
      languages: ['fr'],
      requestedById: partnerId,
    });
    await app.staff([sessionId]);
    await settle(app);
    const firstOffer = await p().offer.findFirstOrThrow({ where: { sessionId } });
    const lead = new LocalChatClient(
      app,
      vols.find((v) => v.personId === firstOffer.personId)?.key as string,
    );
    await lead.press('✅ Ja, ik doe het');
    const list = texts(await lead.send('/mijnsessies'));
    expect(list).toContain(`#${number} · Eenzaamheid`);
    expect(texts(await lead.press(`↩️ Teruggeven #${number}`))).toContain('Weet je zeker');
    expect(texts(await lead.press('Ja, teruggeven'))).toContain('teruggegeven');
    expect(await p().assignment.count({ where: { sessionId, status: 'ACTIVE' } })).toBe(0);
    expect(await new LocalChatClient(app, 'coord').last()).toContain(`teruggegeven. Ik zoek een vervanger`);
    expect(await new LocalChatClient(app, 'partner').last()).toContain('kan helaas niet meer');
    const next = await p().offer.findMany({ where: { sessionId, status: 'OPEN' } });
    expect(next).toHaveLength(1);
    expect(next[0]?.personId).not.toBe(firstOffer.personId);
    // The old buttons are now harmless: the question was answered.
    expect(
      texts(await lead.roundTrip({ buttonId: (await lead.findButton('Ja, teruggeven', 'any')).id })),
    ).toContain('Deze knop hoort bij een eerdere vraag');
    expect(texts(await new LocalChatClient(app, 'partner').send('/mijnsessies'))).toContain(
      'alleen als vrijwilliger',
    );
    await setSettings(p(), { waveSize: 3 });
  });

  it('never double-booked: two offers at the same time, both accepted at once → one assignment', async () => {
    const [solo] = await createVolunteers(p(), 1, { prefix: 'clash', languages: ['de'] });
    await setSettings(p(), { waveSize: 3 });
    const start = futureEvening(17);
    const a = await createSession(p(), { startsAt: start, languages: ['de'], requestedById: partnerId });
    const b = await createSession(p(), {
      startsAt: new Date(start.getTime() + 30 * 60_000),
      languages: ['de'],
      requestedById: partnerId,
    });
    await app.staff([a.sessionId, b.sessionId]);
    await settle(app);
    const client = new LocalChatClient(app, solo?.key as string);
    const accepts = (await client.history())
      .flatMap((m) => m.buttons?.flat() ?? [])
      .filter((x) => x.label === '✅ Ja, ik doe het');
    expect(accepts).toHaveLength(2);
    await Promise.all(accepts.map((x) => client.post({ buttonId: x.id, clientMessageId: randomUUID() })));
    await settle(app);
    const booked = await p().assignment.findMany({ where: { personId: solo?.personId, status: 'ACTIVE' } });
    expect(booked).toHaveLength(1);
    const history = texts(await client.history());
    expect(history).toMatch(/al ingeroosterd voor een andere dialoog/);
  });

  it('a volunteer on pause or at their monthly maximum never receives an offer', async () => {
    const [paused, full, free] = await createVolunteers(p(), 3, { prefix: 'limits', languages: ['pl'] });
    const start = futureEvening(14);
    await p().volunteerProfile.update({
      where: { personId: paused?.personId },
      data: { pausedUntil: new Date(start.getTime() + 86_400_000) },
    });
    await p().volunteerProfile.update({ where: { personId: full?.personId }, data: { maxPerMonth: 1 } });
    const busy = await createSession(p(), {
      startsAt: new Date(start.getTime() - 2 * 86_400_000),
      languages: ['pl'],
    });
    await p().assignment.create({
      data: { sessionId: busy.sessionId, personId: full?.personId as string, role: 'LEAD' },
    });
    const { sessionId } = await createSession(p(), { startsAt: start, languages: ['pl'] });
    await app.staff([sessionId]);
    await settle(app);
    const offered = (await p().offer.findMany({ where: { sessionId } })).map((o) => o.personId);
    expect(offered).toEqual([free?.personId]);
  });
});
