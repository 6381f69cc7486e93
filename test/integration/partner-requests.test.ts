import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTestApp } from '../support/app.ts';
import { createPerson, setSettings } from '../support/fixtures.ts';
import { submitRequestViaChat } from '../support/intake-script.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

describe('a partner sees and manages every request they made (PostgreSQL + Redis, local chat)', () => {
  let app: App;
  const p = () => app.db.prisma;
  let partner: LocalChatClient;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    const fatima = await createPerson(p(), 'partner', 'Fatima', ['PARTNER']);
    const org = await p().organisation.create({ data: { name: 'Buurtcentrum De Leeuw' } });
    await p().membership.create({ data: { personId: fatima.id, organisationId: org.id } });
    partner = new LocalChatClient(app, 'partner');
    await setSettings(p(), { approvalRequired: false, autoOffers: true });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('matching ran and found nobody: the request reads "looking for facilitators", not "awaiting review"', async () => {
    // No volunteers at all: the offer round finds nobody and the coordinator is alerted.
    expect(await submitRequestViaChat(partner)).toMatch(/aanvraag #\d+ is verstuurd/);
    await settle(app);
    const request = await p().dialogueRequest.findFirstOrThrow({ orderBy: { number: 'desc' } });
    expect(await new LocalChatClient(app, 'coord').last()).toContain('Niemand meer om te vragen');
    expect(request.status).toBe('STAFFING');
    const list = texts(await partner.send('/mijnaanvragen'));
    expect(list).toContain(`#${request.number} · Eenzaamheid`);
    expect(list).toContain('we zoeken begeleiders');
    expect(list).not.toContain('wacht op beoordeling');
  });

  it('a request filed under another organisation at the summary stays in the partner’s own list, movable and cancellable', async () => {
    const submitted = await submitRequestViaChat(partner, {
      date: '17-12-2026 19:00',
      atSummary: async () => {
        await partner.press('✏️ Wijzig: Organisatie');
        await partner.send('Stichting Samen Overvecht');
      },
    });
    const number = Number(/aanvraag #(\d+) is verstuurd/.exec(submitted)?.[1]);
    expect(number).toBeGreaterThan(0);
    await settle(app);
    const request = await p().dialogueRequest.findUniqueOrThrow({
      where: { number },
      include: { organisation: true },
    });
    expect(request.organisation.name).toBe('Stichting Samen Overvecht');

    const list = texts(await partner.send('/mijnaanvragen'));
    expect(list).toContain('Aanvragen van Buurtcentrum De Leeuw');
    expect(list).toMatch(new RegExp(`#${number} · Eenzaamheid · .* · voor Stichting Samen Overvecht`));
    expect(list).toContain(`#${number - 1} · Eenzaamheid`);
    // The partner can cancel it from the list like any other of theirs.
    expect(texts(await partner.press(new RegExp(`^🗑️ Annuleer #${number} `)))).toContain('Weet je zeker');
    expect(texts(await partner.press('Ja, annuleren'))).toContain('is geannuleerd');
    expect((await p().dialogueRequest.findUniqueOrThrow({ where: { number } })).status).toBe('CANCELLED');
  });
});
