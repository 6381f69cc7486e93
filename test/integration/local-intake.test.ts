import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import { localIso } from '../support/zone.ts';

/** The guided request through the local channel's HTTP API, against real PostgreSQL and Redis. */
describe('dialogue request over the local web chat (PostgreSQL + Redis)', () => {
  let app: App;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ logLines });
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function newUser(name = 'Noor') {
    const res = await fetch(`${app.url}/api/local/personas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    const { persona } = (await res.json()) as { persona: { key: string } };
    return new LocalChatClient(app, persona.key);
  }

  it('serves the chat page and lists the demo personas', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const { personas } = (await (await fetch(`${app.url}/api/local/personas`)).json()) as {
      personas: { key: string; roles: string[] }[];
    };
    expect(personas[0]?.roles).toEqual(['COORDINATOR']);
    expect(personas.filter((p) => p.roles.includes('PARTNER'))).toHaveLength(2);
    expect(personas.filter((p) => p.roles.includes('VOLUNTEER'))).toHaveLength(12);
  });

  it('a new partner signs up with /start, requests a dialogue, and the coordinator is told', async () => {
    const noor = await newUser();
    let replies = await noor.send('/start');
    expect(texts(replies)).toContain('Wie ben jij?');
    await noor.press('Partnerorganisatie');
    await noor.press('Noor');
    replies = await noor.send('Jongerenwerk <b>Oost</b> 🌱');
    expect(texts(replies)).toContain('akkoord');
    replies = await noor.press('✅ Akkoord');
    expect(texts(replies)).toContain('Welkom, Noor van Jongerenwerk <b>Oost</b> 🌱');
    const consent = await app.db.prisma.consentRecord.findMany({
      where: { person: { displayName: 'Noor' } },
    });
    expect(consent).toHaveLength(1);

    replies = await noor.send('/aanvragen');
    expect(texts(replies)).toContain('Over welk thema');
    await noor.press('Armoede');
    await noor.send('Jongeren praten mee over armoede in hun wijk, nu de gemeente plannen maakt.');
    await noor.send('Jongeren van 16 tot 23');
    await noor.send('15-20');
    await noor.send('Nederlands en Arabisch');
    await noor.press('📍 Op locatie');
    replies = await noor.send('Lunetten');
    expect(texts(replies)).toContain('adres');
    await noor.send('Jongerencentrum, Hondsrug 2');
    replies = await noor.send('10-12-2026 16:00');
    expect(texts(replies)).toContain('do 10 dec 2026 16:00');
    await noor.press('Nee, verder');
    await noor.press('120 minuten');
    await noor.press('Nee');
    await noor.send('Rolstoeltoegankelijk');
    await noor.press(/^Ik \(/);
    replies = await noor.send('noor@example.org, 06 12345678');
    const summary = texts(replies);
    expect(summary).toContain('Thema: Armoede');
    expect(summary).toContain('Aantal deelnemers: 20');
    expect(summary).toContain('Zuid');

    replies = await noor.press('✅ Versturen');
    expect(texts(replies)).toMatch(/aanvraag #\d+ is verstuurd/);

    const request = await app.db.prisma.dialogueRequest.findFirstOrThrow({
      where: { organisation: { name: 'Jongerenwerk <b>Oost</b> 🌱' } },
      include: { sessions: true, dateOptions: true },
    });
    expect(request).toMatchObject({
      theme: 'armoede',
      expectedParticipants: 20,
      languages: ['nl', 'ar'],
      wijk: 'zuid',
      durationMinutes: 120,
    });
    expect(request.sessions).toHaveLength(1);
    expect(request.sessions[0]?.startsAt.toISOString()).toBe(localIso(app, '2026-12-10T16:00'));
    expect(request.sessions[0]?.endsAt.toISOString()).toBe(localIso(app, '2026-12-10T18:00'));

    const coordinator = new LocalChatClient(app, 'coordinator');
    const told = (await coordinator.history()).filter((m) =>
      m.text.includes(`Nieuwe aanvraag #${request.number}`),
    );
    expect(told).toHaveLength(1);

    replies = await noor.send('/mijnaanvragen');
    expect(texts(replies)).toContain(`#${request.number} · Armoede`);
    // Approval is off: matching has run (and found nobody at 16:00 on a Thursday), so the partner
    // reads that we are looking, not that the request awaits a review that will never come.
    expect(texts(replies)).toContain('we zoeken begeleiders');
  });

  it('refuses bad answers politely and keeps the question', async () => {
    const fatima = new LocalChatClient(app, 'partner-fatima');
    await fatima.send('/aanvragen');
    await fatima.press('Eenzaamheid');
    await fatima.send('Ouderen in de buurt zien elkaar weinig sinds het buurthuis dicht is.');
    await fatima.send('Ouderen');
    for (const [input, expected] of [
      ['veel', 'getal'],
      ['0', 'minstens'],
      ['10000', 'te veel'],
    ]) {
      expect(texts(await fatima.send(input as string))).toContain(expected);
    }
    await fatima.send('12');
    await fatima.press('Nederlands');
    await fatima.press('📍 Op locatie');
    expect(texts(await fatima.send('Amsterdam-Noord'))).toContain('ken ik niet');
    await fatima.press('Overvecht');
    await fatima.send('Gloriosa 1');
    expect(texts(await fatima.send('1-1-2020 19:30'))).toContain('verleden');
    expect(texts(await fatima.send('gisteren'))).toContain('Die datum ligt in het verleden');
    expect(texts(await fatima.send('x'.repeat(5000)))).toContain('te lang');
    const state = await app.db.prisma.conversation.findFirstOrThrow({
      where: { person: { identities: { some: { externalId: 'partner-fatima' } } } },
    });
    expect((state.state as { step: string }).step).toBe('date');
    expect(texts(await fatima.send('/stop'))).toContain('gestopt');
  });

  it('a duplicated inbound event has one effect and one reply', async () => {
    const jeroen = new LocalChatClient(app, 'partner-jeroen');
    const body = { persona: 'partner-jeroen', clientMessageId: 'same-id-123', text: '/help' };
    const post = () =>
      fetch(`${app.url}/api/local/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const results = await Promise.all([post(), post(), post()]);
    const json = await Promise.all(results.map((r) => r.json() as Promise<{ duplicate: boolean }>));
    expect(json.filter((j) => !j.duplicate)).toHaveLength(1);
    await settle(app);
    const helps = (await jeroen.history()).filter(
      (m) => m.direction === 'out' && m.text.includes('Dit kun je bij mij doen'),
    );
    expect(helps).toHaveLength(1);
  });

  it('a stale button and a button of another person answer politely and change nothing', async () => {
    const jeroen = new LocalChatClient(app, 'partner-jeroen');
    await jeroen.send('/aanvragen');
    const theme = await jeroen.findButton('Wonen');
    await jeroen.press('Wonen');
    const before = await app.db.prisma.conversation.findFirstOrThrow({
      where: { person: { displayName: 'Jeroen' } },
    });
    // Pressing the theme button again: it belongs to the previous question.
    const stale = await jeroen.roundTrip({ buttonId: theme.id });
    expect(texts(stale)).toContain('werkt niet meer');
    // Someone else pressing Jeroen's button.
    const anouk = new LocalChatClient(app, 'volunteer-anouk');
    const current = await jeroen.findButton('⬅️ Terug');
    const foreign = await anouk.roundTrip({ buttonId: current.id });
    expect(texts(foreign)).toContain('niet voor jou');
    // An id that never existed.
    expect(texts(await jeroen.roundTrip({ buttonId: 'nonexistent' }))).toContain('werkt niet meer');
    const after = await app.db.prisma.conversation.findFirstOrThrow({
      where: { person: { displayName: 'Jeroen' } },
    });
    expect(after.state).toEqual(before.state);
    expect(after.rev).toBe(before.rev);
  });

  it('unknown commands, garbage and media get polite answers', async () => {
    const anouk = new LocalChatClient(app, 'volunteer-anouk');
    expect(texts(await anouk.send('/frobnicate'))).toContain('ken ik niet');
    expect(texts(await anouk.send('asdfghjkl'))).toContain('/help');
    expect(texts(await anouk.send('/aanvragen'))).toContain('Dat kan alleen als partner');
  });

  it('switches language with /taal and answers in English', async () => {
    const grace = new LocalChatClient(app, 'volunteer-grace');
    await grace.send('/taal');
    const replies = await grace.press('🇳🇱 Nederlands');
    expect(texts(replies)).toContain('Nederlands');
    const en = await grace.send('/taal en');
    expect(texts(en)).toContain("I'll write to you in English");
    expect(texts(await grace.send('/help'))).toContain('This is what you can do');
  });

  it('rejects malformed requests to the local API with a clear message', async () => {
    const bad = await fetch(`${app.url}/api/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"persona":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/malformed/i);
    const unknown = await fetch(`${app.url}/api/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'nobody', clientMessageId: 'x', text: 'hi' }),
    });
    expect(unknown.status).toBe(404);
    const huge = await fetch(`${app.url}/api/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'coordinator', clientMessageId: 'y', text: 'x'.repeat(300_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it('health, readiness and metrics answer; logs hold no message text or e-mail addresses', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, redis: true } });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('dialoog_inbound_events_total');
    const logs = logLines.join('\n');
    expect(logs).not.toContain('noor@example.org');
    expect(logs).not.toContain('12345678');
    expect(logs).not.toContain('Jongeren van 16 tot 23');
  });
});
