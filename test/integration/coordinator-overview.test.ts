import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, createSession, createVolunteers, setSettings } from '../support/fixtures.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

const DAY = 86_400_000;

describe('/overzicht for coordinators (PostgreSQL + Redis)', () => {
  let app: App;
  const p = () => app.db.prisma;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    await createPerson(p(), 'partner', 'Fatima', ['PARTNER']);
    await setSettings(p(), { waveSize: 2 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lists open requests, unstaffed sessions, pending offers, the coming week and late harvests', async () => {
    const coord = new LocalChatClient(app, 'coord');
    const empty = texts(await coord.send('/overzicht'));
    expect(empty).toContain('Open aanvragen (0)');
    expect(empty).toContain('(niets)');

    const [vol] = await createVolunteers(p(), 3, { prefix: 'ov' });
    const soon = await createSession(p(), { startsAt: new Date(Date.now() + 3 * DAY) });
    const later = await createSession(p(), { startsAt: new Date(Date.now() + 20 * DAY) });
    await app.staff([later.sessionId]);
    const past = await createSession(p(), { startsAt: new Date(Date.now() - 6 * DAY) });
    await p().assignment.create({
      data: { sessionId: past.sessionId, personId: vol?.personId as string, role: 'LEAD' },
    });
    await p().dialogueRequest.update({ where: { id: past.requestId }, data: { status: 'DONE' } });
    await settle(app);

    const text = texts(await coord.send('/overzicht'));
    expect(text).toContain('Open aanvragen (2)');
    expect(text).toContain(`#${soon.number} Testhuis – ingediend, wacht op beoordeling`);
    expect(text).toContain(`#${later.number} Testhuis – we zoeken begeleiders`);
    expect(text).toContain('Sessies zonder (genoeg) begeleiders (2)');
    expect(text).toMatch(
      new RegExp(`#${later.number} Testhuis – .* – 0 van 1 begeleider, 2 aanbiedingen open`),
    );
    expect(text).toContain('Openstaande aanbiedingen: 2 (voor 1 sessie)');
    expect(text).toMatch(new RegExp(`Komende 7 dagen \\(1\\):\\n• #${soon.number} Testhuis`));
    expect(text).toMatch(new RegExp(`Oogst te laat \\(1\\):\\n• #${past.number} Testhuis – afgelopen`));

    // English, and only for coordinators.
    await coord.send('/taal en');
    const en = texts(await coord.send('/overview'));
    expect(en).toContain('Open requests (2)');
    expect(en).toContain('Offers awaiting an answer: 2 (for 1 session)');
    expect(en).toMatch(/0 of 1 facilitator, 2 offers open/);
    expect(texts(await new LocalChatClient(app, 'partner').send('/overzicht'))).toContain(
      'Dat kan alleen als coördinator',
    );
    expect(texts(await new LocalChatClient(app, 'ov-1').send('/overzicht'))).toContain(
      'Dat kan alleen als coördinator',
    );
  });
});
