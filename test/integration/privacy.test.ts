import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { retentionTimer, sweepRetention } from '../../src/db/retention.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { startTestApp } from '../support/app.ts';
import {
  createPerson,
  createSession,
  createVolunteers,
  eventually,
  setSettings,
  volunteerProfile,
} from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

/** A volunteer with a distinctive name, so a scan of the whole database can look for it. */
async function createVolunteer(prisma: PrismaClient, key: string, name: string) {
  return prisma.person.create({
    data: {
      displayName: name,
      roles: ['VOLUNTEER', 'PARTNER'],
      onboardedAt: new Date(),
      identities: { create: { platform: 'LOCAL', externalId: key } },
      volunteer: { create: volunteerProfile() },
      consents: { create: { version: '2026-11', granted: true, platform: 'LOCAL' } },
    },
  });
}

/** Rows of every table whose text (all columns) contains `needle`, as "Table: count". */
async function scan(prisma: PrismaClient, needle: string): Promise<string[]> {
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name}" t WHERE t::text ILIKE $1`,
      `%${needle}%`,
    );
    if (row && Number(row.n) > 0) hits.push(`${table_name}: ${row.n}`);
  }
  return hits;
}

async function fileOfLastMessage(app: App, client: LocalChatClient): Promise<unknown> {
  const withFile = (await client.history()).filter((m) => m.direction === 'out' && m.file).at(-1);
  if (!withFile?.file) throw new Error('no file received');
  const res = await fetch(`${app.url}${withFile.file.url}`);
  expect(res.status).toBe(200);
  return JSON.parse(await res.text());
}

describe('privacy rights: /privacy, /mijngegevens, /vergeetmij, retention (PostgreSQL + Redis)', () => {
  let app: App;
  const p = () => app.db.prisma;
  let coord: LocalChatClient;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    await createPerson(p(), 'coord', 'Lieke Coördinator', ['COORDINATOR']);
    coord = new LocalChatClient(app, 'coord');
    await setSettings(p(), { waveSize: 3 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('/privacy shows the statement to anyone, signed up or not', async () => {
    const created = await fetch(`${app.url}/api/local/personas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nieuwkomer' }),
    });
    const { persona } = (await created.json()) as { persona: { key: string } };
    const stranger = new LocalChatClient(app, persona.key);
    const reply = texts(await stranger.send('/privacy'));
    expect(reply).toContain('Wat ik bewaar');
    expect(reply).toContain('/vergeetmij');
    expect(texts(await coord.send('/help'))).toContain('/privacy');
  });

  it('/mijngegevens sends a JSON file with the rows of every table that holds the person', async () => {
    const me = await createVolunteer(p(), 'exp', 'Zwaantje Exportina');
    const client = new LocalChatClient(app, 'exp');
    const org = await p().organisation.create({ data: { name: 'Buurthuis Export' } });
    await p().membership.create({ data: { personId: me.id, organisationId: org.id } });
    const { sessionId, requestId } = await createSession(p(), {
      startsAt: new Date(Date.now() + 12 * 86_400_000),
      requestedById: me.id,
    });
    await p().offer.create({
      data: { sessionId, personId: me.id, role: 'LEAD', status: 'DECLINED', expiresAt: new Date() },
    });
    await p().assignment.create({ data: { sessionId, personId: me.id, role: 'LEAD', status: 'RELEASED' } });
    await p().scheduledReminder.create({
      data: { kind: 'nudge', sessionId, personId: me.id, dueAt: new Date(Date.now() + 86_400_000) },
    });
    await p().harvest.create({ data: { sessionId, authorId: me.id, rawNotes: { q: 'Mooi gesprek' } } });
    await p().linkCode.create({
      data: { code: 'EXP123', personId: me.id, expiresAt: new Date(Date.now() + 60_000) },
    });
    await p().inviteCode.create({ data: { code: 'EXP-INVITE', role: 'VOLUNTEER', createdById: me.id } });
    await p().mediaFile.create({
      data: { ref: 'exp-media', platform: 'LOCAL', personId: me.id, kind: 'photo', platformFileId: 'f1' },
    });
    await p().sessionExclusion.create({ data: { sessionId, personId: me.id } });
    await p().auditLog.create({
      data: { actorId: null, action: 'volunteer.level_set', subjectType: 'person', subjectId: me.id },
    });
    await client.send('/profiel'); // a conversation with buttons
    await client.send('/mijngegevens');
    await settle(app);

    const data = (await fileOfLastMessage(app, client)) as Record<string, unknown>;
    const ids = (key: string) => ((data[key] ?? []) as { id: string }[]).map((r) => r.id).sort();
    const db = p();
    const expectRows = async (key: string, rows: Promise<{ id: string }[]>) => {
      const want = (await rows).map((r) => r.id).sort();
      expect(want.length, key).toBeGreaterThan(0);
      expect(ids(key), key).toEqual(want);
    };
    expect((data.person as { displayName: string }).displayName).toBe('Zwaantje Exportina');
    await expectRows('channelIdentities', db.channelIdentity.findMany({ where: { personId: me.id } }));
    await expectRows('memberships', db.membership.findMany({ where: { personId: me.id } }));
    expect((data.volunteerProfile as { personId: string }).personId).toBe(me.id);
    expect(ids('requests')).toEqual([requestId]);
    await expectRows('offers', db.offer.findMany({ where: { personId: me.id } }));
    await expectRows('assignments', db.assignment.findMany({ where: { personId: me.id } }));
    await expectRows('scheduledReminders', db.scheduledReminder.findMany({ where: { personId: me.id } }));
    await expectRows('harvests', db.harvest.findMany({ where: { authorId: me.id } }));
    expect((data.conversation as { flow: string }).flow).toBe('profile');
    await expectRows('buttonTokens', db.buttonToken.findMany({ where: { personId: me.id } }));
    await expectRows('consentRecords', db.consentRecord.findMany({ where: { personId: me.id } }));
    // The export's own message is written in the same step; every earlier one is in the file.
    const outbound = ids('outboundMessages');
    expect(outbound.length).toBeGreaterThan(0);
    expect((await db.outboundMessage.count({ where: { personId: me.id } })) - outbound.length).toBe(1);
    const inbound = ids('inboundEvents');
    expect(inbound.length).toBe(await db.inboundEvent.count({ where: { personId: me.id } }));
    await expectRows('mediaFiles', db.mediaFile.findMany({ where: { personId: me.id } }));
    await expectRows('inviteCodesCreated', db.inviteCode.findMany({ where: { createdById: me.id } }));
    expect((data.linkCodes as { code: string }[]).map((c) => c.code)).toEqual(['EXP123']);
    expect((data.auditLog as { aboutYou: unknown[] }).aboutYou).toHaveLength(1);
    expect((data.sessionExclusions as unknown[]).length).toBe(1);
    // Every model with a link to a person is covered (a new table must be added to the export).
    expect(Object.keys(data).sort()).toEqual(
      [
        'exportedAt',
        'person',
        'channelIdentities',
        'memberships',
        'volunteerProfile',
        'requests',
        'offers',
        'assignments',
        'scheduledReminders',
        'harvests',
        'conversation',
        'buttonTokens',
        'consentRecords',
        'outboundMessages',
        'inboundEvents',
        'mediaFiles',
        'inviteCodesCreated',
        'linkCodes',
        'auditLog',
        'sessionExclusions',
        'stakeholderContacts',
        'broadcastsCreated',
        'dashboardSessions',
        'dashboardLinks',
      ].sort(),
    );
    expect(await db.auditLog.count({ where: { action: 'privacy.exported', actorId: me.id } })).toBe(1);
  });

  it('/vergeetmij erases everything personal, hands back assignments and starts backfills', async () => {
    const name = 'Wilhelmina Vergeetgraag';
    const email = 'wilhelmina.vergeet@example.org';
    const phone = '06-98765432';
    const me = await createVolunteer(p(), 'wil', name);
    const wil = new LocalChatClient(app, 'wil');
    // A request she made as contact person of her organisation, with a partner check planned.
    const org = await p().organisation.create({ data: { name: 'Wijkplatform Vergeet' } });
    await p().membership.create({ data: { personId: me.id, organisationId: org.id } });
    const own = await createSession(p(), { startsAt: new Date(Date.now() + 20 * 86_400_000) });
    await p().dialogueRequest.update({
      where: { id: own.requestId },
      data: {
        requestedById: me.id,
        organisationId: org.id,
        contactName: name,
        contactEmail: email,
        contactPhone: phone,
      },
    });
    await p().scheduledReminder.create({
      data: {
        kind: 'partner_check',
        sessionId: own.sessionId,
        personId: me.id,
        dueAt: new Date(Date.now() + 15 * 86_400_000),
      },
    });
    // She accepts one session (reminders planned) and leaves an offer for a second one open.
    const first = await createSession(p(), { startsAt: new Date(Date.now() + 10 * 86_400_000) });
    await app.staff([first.sessionId]);
    await settle(app);
    expect(texts(await wil.press('✅ Ja, ik doe het'))).toContain('dank je wel');
    await settle(app);
    const second = await createSession(p(), { startsAt: new Date(Date.now() + 11 * 86_400_000) });
    await app.staff([second.sessionId]);
    await settle(app);
    expect(await p().offer.count({ where: { personId: me.id, status: 'OPEN' } })).toBe(1);
    expect(
      await p().scheduledReminder.count({ where: { personId: me.id, status: 'PENDING' } }),
    ).toBeGreaterThan(1);
    // The coordinator mentions her by name (a command, an audit entry, messages to others).
    expect(texts(await coord.send('/niveau Wilhelmina senior'))).toContain(`${name} is nu senior`);
    // Others who can take over once she is gone.
    await createVolunteers(p(), 3, { prefix: 'bf' });

    expect(texts(await wil.send('/vergeetmij'))).toContain('Weet je het zeker?');
    expect(texts(await wil.press('Nee, bewaren'))).toContain('niets gewist');
    await wil.send('/vergeetmij');
    await wil.press('🗑️ Wis mijn gegevens');
    await settle(app);

    for (const needle of [name, 'Wilhelmina', 'Vergeetgraag', email, phone]) {
      expect(await scan(p(), needle), needle).toEqual([]);
    }
    const person = await p().person.findUniqueOrThrow({ where: { id: me.id } });
    expect(person).toMatchObject({ displayName: '', roles: [], onboardedAt: null });
    expect(person.erasedAt).not.toBeNull();
    expect(await p().channelIdentity.count({ where: { personId: me.id } })).toBe(0);
    expect(await p().membership.count({ where: { personId: me.id } })).toBe(0);
    expect(await p().volunteerProfile.count({ where: { personId: me.id } })).toBe(0);
    expect(await p().conversation.count({ where: { personId: me.id } })).toBe(0);
    expect(await p().buttonToken.count({ where: { personId: me.id } })).toBe(0);
    // Pending reminders are cancelled; their timer jobs, holding only ids, find nothing to do.
    expect(await p().scheduledReminder.count({ where: { personId: me.id, status: 'PENDING' } })).toBe(0);
    expect(await p().outboundMessage.count({ where: { personId: me.id, status: 'PENDING' } })).toBe(0);
    // The request stays with the organisation, without requester or contact details.
    expect(await p().dialogueRequest.findUniqueOrThrow({ where: { id: own.requestId } })).toMatchObject({
      organisationId: org.id,
      requestedById: null,
      contactName: '',
      contactEmail: null,
      contactPhone: null,
    });
    // Statistics stay: the released assignment and the withdrawn offer, tied to an anonymous row.
    expect(await p().assignment.findFirstOrThrow({ where: { personId: me.id } })).toMatchObject({
      status: 'RELEASED',
    });
    expect(
      await p().offer.findFirstOrThrow({ where: { personId: me.id, sessionId: second.sessionId } }),
    ).toMatchObject({
      status: 'WITHDRAWN',
    });
    // Backfills: both sessions are offered to the others, and the coordinator is told.
    for (const sessionId of [first.sessionId, second.sessionId]) {
      const offers = await eventually(() =>
        p()
          .offer.findMany({ where: { sessionId, status: 'OPEN', NOT: { personId: me.id } } })
          .then((o) => (o.length ? o : null)),
      );
      expect(offers.length).toBeGreaterThan(0);
    }
    expect(texts(await coord.history())).toContain('[gewist]');
    expect(await p().auditLog.count({ where: { action: 'privacy.erased', subjectId: me.id } })).toBe(1);
    // She is unknown now: the web chat no longer lists her.
    const personas = (await (await fetch(`${app.url}/api/local/personas`)).json()) as unknown;
    expect(JSON.stringify(personas)).not.toContain('wil"');
  });

  it('the retention sweep deletes expired state and the text of old log messages, nothing newer', async () => {
    const someone = await createPerson(p(), 'ret', 'Retentia Oud', ['PARTNER']);
    const client = new LocalChatClient(app, 'ret');
    await client.send('/aanvragen');
    await client.send('/taal'); // a reply with buttons
    await settle(app);
    const old = new Date(Date.now() - 100 * 86_400_000);
    await p().inboundEvent.updateMany({ where: { personId: someone.id }, data: { receivedAt: old } });
    await p().outboundMessage.updateMany({ where: { personId: someone.id }, data: { createdAt: old } });
    await p().conversation.update({ where: { personId: someone.id }, data: { expiresAt: old } });
    await p().buttonToken.updateMany({ where: { personId: someone.id }, data: { expiresAt: old } });
    const unscrubbed = () =>
      p().outboundMessage.count({
        where: { personId: { not: someone.id }, NOT: { payload: { equals: { text: '', scrubbed: true } } } },
      });
    const fresh = await unscrubbed();
    expect(fresh).toBeGreaterThan(0);

    const report = await sweepRetention(p(), { now: new Date(), days: 90 });
    expect(report.exports).toBe(0); // the export of the test above is not a day old yet
    const tomorrow = await sweepRetention(p(), { now: new Date(Date.now() + 2 * 86_400_000), days: 90 });
    expect(tomorrow.exports).toBe(1);
    const exported = await p().outboundMessage.findFirstOrThrow({
      where: { payload: { path: ['file', 'filename'], string_starts_with: 'mijngegevens-' } },
    });
    expect((exported.payload as { file: Record<string, unknown> }).file).toEqual({
      filename: expect.stringMatching(/^mijngegevens-/),
      mimeType: 'application/json',
    });
    expect(report.conversations).toBeGreaterThanOrEqual(1);
    expect(report.buttons).toBeGreaterThanOrEqual(1);
    expect(report.inboundTexts).toBeGreaterThanOrEqual(1);
    expect(report.outboundTexts).toBeGreaterThanOrEqual(1);
    expect(await p().conversation.count({ where: { personId: someone.id } })).toBe(0);
    for (const m of await p().outboundMessage.findMany({ where: { personId: someone.id } }))
      expect(m.payload).toEqual({ text: '', scrubbed: true });
    for (const e of await p().inboundEvent.findMany({ where: { personId: someone.id } }))
      expect(e.payload).toMatchObject({ scrubbed: true });
    // Recent messages keep their text; a second sweep changes nothing.
    expect(await unscrubbed()).toBe(fresh);
    expect(await sweepRetention(p(), { now: new Date(), days: 90 })).toMatchObject({
      inboundTexts: 0,
      outboundTexts: 0,
    });
  });

  it('the nightly retention timer is due at 03:30 and sweeps once however often its job runs', async () => {
    let swept = 0;
    const clock = new Date('2026-11-29T10:00:00Z');
    const timer = retentionTimer({
      prisma: p(),
      days: 90,
      zone: 'Europe/Amsterdam',
      now: () => clock,
      onSwept: () => swept++,
    });
    await p().setting.deleteMany({ where: { key: 'retention.lastRunAt' } });
    const [due] = await timer.pending(10);
    expect(due?.dueAt.toISOString()).toBe('2026-11-30T02:30:00.000Z');
    const at = new Date('2026-11-30T02:30:01Z');
    await timer.run('nightly', at);
    await timer.run('nightly', at);
    expect(swept).toBe(1);
    const [next] = await timer.pending(10);
    expect(next?.dueAt.toISOString()).toBe('2026-12-01T02:30:00.000Z');
    await p().setting.deleteMany({ where: { key: 'retention.lastRunAt' } });
  });
});
