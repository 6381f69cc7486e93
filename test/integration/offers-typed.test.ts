import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import {
  createPerson,
  createSession,
  createVolunteers,
  futureEvening,
  setSettings,
} from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

describe('offers answered in words instead of buttons (PostgreSQL + Redis)', () => {
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
  const offerOf = (sessionId: string, personId: string) =>
    p().offer.findFirstOrThrow({ where: { sessionId, personId } });

  it('nl: a typed no declines with its reason stored; unsure text shows the buttons again; a clear yes accepts', async () => {
    const [a, b] = await createVolunteers(p(), 2, { prefix: 'typed-nl', languages: ['pl'] });
    await setSettings(p(), { waveSize: 2 });
    const { sessionId } = await createSession(p(), {
      startsAt: futureEvening(10),
      languages: ['pl'],
      requestedById: partnerId,
    });
    await app.staff([sessionId]);
    await settle(app);
    const anna = new LocalChatClient(app, a?.key as string);
    const bram = new LocalChatClient(app, b?.key as string);
    expect((await anna.findButton('✅ Ja, ik doe het')).id).toBeTruthy();

    await anna.send('ik kan niet, ben op vakantie');
    await settle(app);
    expect(await anna.last()).toContain('Ik heb genoteerd: "Die dag/tijd past niet"');
    expect(await offerOf(sessionId, a?.personId as string)).toMatchObject({
      status: 'DECLINED',
      declineReason: 'day',
    });

    // Unsure: nothing changes, the offer's buttons come again with a hint.
    await bram.send('misschien, ik moet even kijken');
    await settle(app);
    const history = texts(await bram.history());
    expect(history).toContain('Ik weet niet zeker of je hiermee op het aanbod antwoordt');
    expect((await bram.findButton('✅ Ja, ik doe het')).id).toBeTruthy();
    expect((await offerOf(sessionId, b?.personId as string)).status).toBe('OPEN');
    // "ja, maar ik kan niet" is no clear yes either.
    await bram.send('ja, maar ik kan niet echt');
    await settle(app);
    expect((await offerOf(sessionId, b?.personId as string)).status).toBe('OPEN');

    await bram.send('ja, ik kom graag');
    await settle(app);
    expect(texts(await bram.history())).toContain('Je begeleidt deze dialoog');
    expect(
      await p().assignment.count({ where: { sessionId, personId: b?.personId, status: 'ACTIVE' } }),
    ).toBe(1);
    await setSettings(p(), { waveSize: 3 });
  });

  it('en: with two open offers a typed answer asks which one (buttons per offer); one offer and "yes I can" accepts', async () => {
    const [g] = await createVolunteers(p(), 1, { prefix: 'typed-en', languages: ['so'] });
    await p().person.update({ where: { id: g?.personId }, data: { locale: 'en' } });
    const first = await createSession(p(), {
      startsAt: futureEvening(11),
      languages: ['so'],
      requestedById: partnerId,
    });
    const second = await createSession(p(), {
      startsAt: futureEvening(15),
      languages: ['so'],
      requestedById: partnerId,
    });
    await app.staff([first.sessionId, second.sessionId]);
    await settle(app);
    const grace = new LocalChatClient(app, g?.key as string);

    await grace.send("sorry, I'm away that week");
    await settle(app);
    expect(texts(await grace.history())).toContain('You have 2 open offers. Which one do you mean?');
    expect(await p().offer.count({ where: { personId: g?.personId, status: 'OPEN' } })).toBe(2);
    // The last message is the second offer's choice; declining it by button works as always.
    const declineButton = await grace.findButton('Not this time');
    await grace.roundTrip({ buttonId: declineButton.id });
    await settle(app);
    expect((await offerOf(second.sessionId, g?.personId as string)).status).toBe('DECLINED');

    await grace.send('yes I can');
    await settle(app);
    expect(texts(await grace.history())).toContain("You'll facilitate this dialogue");
    expect((await offerOf(first.sessionId, g?.personId as string)).status).toBe('ACCEPTED');
  });

  it('without an open offer, typed text is answered as before ("not understood"), and nothing is accepted', async () => {
    const [v] = await createVolunteers(p(), 1, { prefix: 'typed-none', languages: ['fi'] });
    const vera = new LocalChatClient(app, v?.key as string);
    const replies = texts(await vera.send('ja, ik kom graag'));
    expect(replies).toContain('/help');
    expect(await p().assignment.count({ where: { personId: v?.personId } })).toBe(0);
  });
});
