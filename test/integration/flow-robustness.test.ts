import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

describe('flow engine robustness (PostgreSQL + Redis)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function newUser(name: string) {
    const res = await fetch(`${app.url}/api/local/personas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    return new LocalChatClient(app, ((await res.json()) as { persona: { key: string } }).persona.key);
  }
  const personOf = (key: string) =>
    app.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { externalId: key } } } });

  it('a volunteer signs up with an invite code; a wrong code is refused politely', async () => {
    const sam = await newUser('Sam');
    await sam.send('hallo');
    await sam.press('Vrijwilliger / dialoogbegeleider');
    expect(texts(await sam.send('GEEN-CODE'))).toContain('ken ik niet');
    expect(texts(await sam.send('demo-vrijwilliger'))).toContain('Hoe mag ik je noemen');
    await sam.press('Sam');
    expect(texts(await sam.press('✅ Akkoord'))).toContain('aangemeld als dialoogbegeleider');
    const person = await app.db.prisma.person.findFirstOrThrow({
      where: { displayName: 'Sam' },
      include: { volunteer: true, consents: true },
    });
    expect(person.roles).toEqual(['VOLUNTEER']);
    expect(person.volunteer).not.toBeNull();
    expect(person.consents.map((c) => c.version)).toEqual(['2026-11']);
  });

  it('declining consent stores no role, no organisation and no consent', async () => {
    const kim = await newUser('Kim');
    await kim.send('/start');
    await kim.press('Partnerorganisatie');
    await kim.press('Kim');
    await kim.send('Stichting Nergens');
    expect(texts(await kim.press('Nee, liever niet'))).toContain('niets van je aanmelding bewaard');
    const person = await personOf(kim.persona);
    expect(person.onboardedAt).toBeNull();
    expect(await app.db.prisma.organisation.count({ where: { name: 'Stichting Nergens' } })).toBe(0);
    expect(await app.db.prisma.consentRecord.count({ where: { personId: person.id } })).toBe(0);
  });

  it('a stored state that no longer parses (after a deploy) is reset with an apology, never a crash', async () => {
    const fatima = new LocalChatClient(app, 'partner-fatima');
    await fatima.send('/aanvragen');
    const person = await personOf('partner-fatima');
    await app.db.prisma.conversation.update({
      where: { personId: person.id },
      data: { state: { step: 'from-an-old-version', x: 1 } },
    });
    const replies = texts(await fatima.send('iets'));
    expect(replies).toContain('door een update');
    expect(replies).toContain('/aanvragen');
    expect(await app.db.prisma.conversation.count({ where: { personId: person.id } })).toBe(0);
    expect(texts(await fatima.send('/aanvragen'))).toContain('Over welk thema');
    await fatima.send('/stop');
  });

  it('an abandoned conversation expires: the person is told and starts fresh', async () => {
    const jeroen = new LocalChatClient(app, 'partner-jeroen');
    await jeroen.send('/aanvragen');
    const person = await personOf('partner-jeroen');
    await app.db.prisma.conversation.update({
      where: { personId: person.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const replies = texts(await jeroen.send('Wonen'));
    expect(replies).toContain('te lang stil');
    expect(replies).toContain('/help');
  });

  it('a 10,000-character message gets a polite answer and the question stays', async () => {
    const fatima = new LocalChatClient(app, 'partner-fatima');
    await fatima.send('/aanvragen');
    expect(texts(await fatima.send('a'.repeat(10_000)))).toContain('te lang voor mij (10000 tekens');
    expect(texts(await fatima.press('Klimaat'))).toContain('Wat is het doel');
    await fatima.send('/stop');
  });

  it('delivering the same messages again sends nothing twice', async () => {
    const anouk = new LocalChatClient(app, 'volunteer-anouk');
    const pushed: string[] = [];
    const unsubscribe = app.localAdapter?.subscribe((p) => pushed.push(p.message.id));
    await anouk.send('/help');
    const sent = await app.db.prisma.outboundMessage.findMany({
      where: { person: { identities: { some: { externalId: 'volunteer-anouk' } } } },
    });
    expect(sent.every((m) => m.status === 'SENT')).toBe(true);
    await app.delivery.enqueue(sent.map((m) => m.id));
    await app.db.prisma.outboundMessage.updateMany({
      where: { id: { in: sent.map((m) => m.id) } },
      data: {},
    });
    await settle(app);
    await new Promise((r) => setTimeout(r, 300));
    unsubscribe?.();
    expect(pushed.filter((id) => sent.some((m) => m.id === id))).toHaveLength(sent.length);
  });
});
