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

describe('coordinator: handed-back volunteers and nobody eligible (PostgreSQL + Redis, local chat)', () => {
  let app: App;
  const p = () => app.db.prisma;
  let coord: LocalChatClient;
  let partnerId: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    const lieke = await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    await p().person.update({ where: { id: lieke.id }, data: { locale: 'en' } });
    partnerId = (await createPerson(p(), 'partner', 'Jeroen', ['PARTNER'])).id;
    coord = new LocalChatClient(app, 'coord');
    await setSettings(p(), { waveSize: 3 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('someone who handed a session back is not offered it again, and /candidates says why', async () => {
    const vols = await createVolunteers(p(), 2, { prefix: 'hb', languages: ['fr'] });
    const { sessionId, number } = await createSession(p(), {
      startsAt: futureEvening(11),
      languages: ['fr'],
      requestedById: partnerId,
    });
    // Assigned by hand (so no offer of theirs is on record), then handed back.
    await coord.send(`/candidates ${number}`);
    await coord.press(/^➕ /);
    const a = await p().assignment.findFirstOrThrow({ where: { sessionId, status: 'ACTIVE' } });
    const gone = new LocalChatClient(app, vols.find((v) => v.personId === a.personId)?.key as string);
    const other = vols.find((v) => v.personId !== a.personId);
    await gone.send('/mijnsessies');
    await gone.press(`↩️ Teruggeven #${number}`);
    expect(texts(await gone.press('Ja, teruggeven'))).toContain('teruggegeven');
    await settle(app);
    expect(await new LocalChatClient(app, 'partner').last()).toContain('kan helaas niet meer');

    // The replacement round skips them.
    const offered = (await p().offer.findMany({ where: { sessionId } })).map((o) => o.personId);
    expect(offered).toEqual([other?.personId]);
    expect(texts(await gone.history())).not.toContain('Wil jij deze dialoog');

    const list = texts(await coord.send(`/candidates ${number}`));
    expect(list).toContain('1 of');
    expect(list).toMatch(/Not asked again: Vrijwilliger\d Test \(handed this session back\)/);
    expect(list).not.toMatch(/2\. /);
    const labels =
      (await coord.history())
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.label) ?? [];
    expect(labels.filter((l) => l.startsWith('➕ '))).toHaveLength(1);
  });

  it('nobody eligible: no "Send offers", no "next round" after "nobody left", and assign buttons outside the rules', async () => {
    const vols = await createVolunteers(p(), 2, { prefix: 'nb', languages: ['it'] });
    const ids = vols.map((v) => v.personId);
    await setSettings(p(), { autoOffers: false });
    const { sessionId, number } = await createSession(p(), {
      startsAt: futureEvening(12),
      languages: ['it'],
      requestedById: partnerId,
    });
    // Someone is eligible now: the list offers to send offers…
    await coord.send(`/candidates ${number}`);
    const stale = await coord.findButton('📨 Send offers');
    // …but before the coordinator presses it, both say they are no longer free then.
    await p().volunteerProfile.updateMany({ where: { personId: { in: ids } }, data: { availability: {} } });
    const pressed = texts(await coord.roundTrip({ buttonId: stale.id }));
    expect(pressed).toContain(`nobody left to ask for request #${number}`);
    expect(pressed).not.toContain('next round');
    expect(pressed).not.toContain('Nobody left to ask'); // the alert is not sent to the one who pressed
    expect(await p().offer.count({ where: { sessionId } })).toBe(0);

    const list = texts(await coord.send(`/candidates ${number}`));
    expect(list).toMatch(/0 of \d+ volunteers are eligible/);
    expect(list).toContain('Nobody is eligible');
    expect(list).toContain('Outside the rules you can assign someone yourself');
    expect(list).toMatch(/• Vrijwilliger\d Test \(certified\): not available for the whole session/);
    const labels =
      (await coord.history())
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.label) ?? [];
    expect(labels).not.toContain('📨 Send offers');
    // The two unavailable ones, and the two French speakers of the first test (language only).
    expect(labels.filter((l) => /^➕ Assign Vrijwilliger\d anyway$/.test(l))).toHaveLength(4);
    expect(list).toContain('speaks none of the table’s languages');

    expect(texts(await coord.press(/^➕ Assign Vrijwilliger\d anyway$/))).toContain('is assigned to request');
    expect(await p().assignment.count({ where: { sessionId, status: 'ACTIVE' } })).toBe(1);
    expect(await p().auditLog.count({ where: { action: 'assignment.manual', subjectId: sessionId } })).toBe(
      1,
    );
    await settle(app);
    expect(await new LocalChatClient(app, 'partner').last()).toContain('wordt begeleid door');
    await setSettings(p(), { autoOffers: true });
  });
});
