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
import { submitRequestViaChat } from '../support/intake-script.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';

describe('coordinator tools for matching (PostgreSQL + Redis)', () => {
  let app: App;
  const p = () => app.db.prisma;
  let coord: LocalChatClient;
  let partner: LocalChatClient;
  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: '0' } });
    await createPerson(p(), 'coord', 'Lieke', ['COORDINATOR']);
    await createPerson(p(), 'partner', 'Fatima', ['PARTNER']);
    await createVolunteers(p(), 4, { prefix: 'cv' });
    coord = new LocalChatClient(app, 'coord');
    partner = new LocalChatClient(app, 'partner');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('with approval on, nothing is offered until the coordinator approves from the notification', async () => {
    await setSettings(p(), { approvalRequired: true, waveSize: 2 });
    expect(await submitRequestViaChat(partner)).toMatch(/aanvraag #\d+ is verstuurd/);
    await settle(app);
    const request = await p().dialogueRequest.findFirstOrThrow({
      orderBy: { number: 'desc' },
      include: { sessions: true },
    });
    expect(await p().offer.count({ where: { sessionId: request.sessions[0]?.id } })).toBe(0);
    expect(await coord.last()).toContain(`Nieuwe aanvraag #${request.number}`);
    expect(texts(await coord.press('✅ Goedkeuren'))).toContain(`Aanvraag #${request.number} is goedgekeurd`);
    await settle(app);
    expect(await p().offer.count({ where: { sessionId: request.sessions[0]?.id } })).toBe(2);
    expect(await partner.last()).toContain('is goedgekeurd');
    expect(
      (await p().auditLog.findFirstOrThrow({ where: { action: 'request.approved' } })).actorId,
    ).toBeTruthy();
    // Pressing again changes nothing.
    expect(
      texts(await coord.roundTrip({ buttonId: (await coord.findButton('✅ Goedkeuren', 'any')).id })),
    ).toContain('al besloten');
    await setSettings(p(), { approvalRequired: false });
  });

  it('/kandidaten explains the ranking; assigning by hand and excluding are logged and take effect', async () => {
    const request = await p().dialogueRequest.findFirstOrThrow({
      orderBy: { number: 'desc' },
      include: { sessions: true },
    });
    const sessionId = request.sessions[0]?.id as string;
    const list = texts(await coord.send(`/kandidaten ${request.number}`));
    expect(list).toContain(`Kandidaten voor aanvraag #${request.number}`);
    expect(list).toMatch(/\d+ van \d+ vrijwilligers (komt|komen) in aanmerking/);
    expect(list).toContain('actief in Overvecht');
    const assignButton = await coord.findButton(/^➕ /);
    const name = assignButton.label.replace('➕ ', '').replace(' toewijzen', '');
    expect(texts(await coord.roundTrip({ buttonId: assignButton.id }))).toContain('is ingeroosterd');
    const assignment = await p().assignment.findFirstOrThrow({
      where: { sessionId, status: 'ACTIVE' },
      include: { person: true },
    });
    expect(assignment.person.displayName.startsWith(name)).toBe(true);
    expect(await p().auditLog.count({ where: { action: 'assignment.manual' } })).toBe(1);
    await settle(app);
    expect(await p().dialogueSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'STAFFED',
    });
    expect(await partner.last()).toContain('wordt begeleid door');

    // Exclude someone from the request's session: their open offer is withdrawn.
    const open = await p().offer.findFirst({ where: { sessionId, status: 'WITHDRAWN' } });
    expect(open).toBeTruthy();
  });

  it('/instellingen turns automatic offers off; /eerlijkheid shows the spread of work; others may not', async () => {
    expect(texts(await coord.send('/instellingen'))).toContain('Automatische aanbiedingen: aan');
    expect(texts(await coord.press(/^Automatische aanbiedingen uit/))).toContain(
      'Automatische aanbiedingen: uit',
    );
    await submitRequestViaChat(partner, { date: '16-12-2026 19:00' });
    await settle(app);
    const request = await p().dialogueRequest.findFirstOrThrow({
      orderBy: { number: 'desc' },
      include: { sessions: true },
    });
    expect(await p().offer.count({ where: { sessionId: request.sessions[0]?.id } })).toBe(0);
    // The coordinator excludes one candidate and sends offers by hand.
    await coord.send(`/kandidaten ${request.number}`);
    const exclude = await coord.findButton(/^🚫 /);
    expect(texts(await coord.roundTrip({ buttonId: exclude.id }))).toContain(
      'krijgt voor deze sessie geen aanbiedingen meer',
    );
    const excluded = await p().sessionExclusion.findFirstOrThrow({
      where: { sessionId: request.sessions[0]?.id },
    });
    await coord.send(`/kandidaten ${request.number}`);
    await coord.press('📨 Stuur aanbiedingen');
    await settle(app);
    const offered = await p().offer.findMany({ where: { sessionId: request.sessions[0]?.id } });
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.map((o) => o.personId)).not.toContain(excluded.personId);

    expect(texts(await coord.send('/eerlijkheid'))).toMatch(
      /Vrijwilliger\d Test \(gecertificeerd\): 1 \(max 5\/mnd\)/,
    );
    expect(texts(await partner.send('/kandidaten 1'))).toContain('Dat kan alleen als coördinator');
    const volunteer = new LocalChatClient(app, 'cv-0');
    expect(texts(await volunteer.send('/instellingen'))).toContain('Dat kan alleen als coördinator');
  });

  it('/niveau: only a coordinator sets a volunteer level; ambiguous names get a choice', async () => {
    const replies = texts(await coord.send('/niveau Vrijwilliger0 senior'));
    expect(replies).toContain('Vrijwilliger0 Test is nu senior');
    const profile = await p().volunteerProfile.findFirstOrThrow({
      where: { person: { displayName: 'Vrijwilliger0 Test' } },
    });
    expect(profile.level).toBe('SENIOR');
    expect(profile.certifiedAt).not.toBeNull();
    expect(await new LocalChatClient(app, 'cv-0').last()).toContain('je bent nu senior');
    expect(await p().auditLog.count({ where: { action: 'volunteer.level_set' } })).toBe(1);
    // The same level again changes nothing: said so, not logged, the volunteer not told again.
    expect(texts(await coord.send('/niveau Vrijwilliger0 senior'))).toContain(
      'Vrijwilliger0 Test is al senior; er is niets veranderd.',
    );
    expect(await p().auditLog.count({ where: { action: 'volunteer.level_set' } })).toBe(1);
    const told = {
      personId: profile.personId,
      payload: { path: ['text'], string_contains: 'je bent nu senior' },
    };
    expect(await p().outboundMessage.count({ where: told })).toBe(1);
    expect(texts(await coord.send('/niveau Vrijwilliger in opleiding'))).toContain('Wie bedoel je?');
    await coord.press('Vrijwilliger3 Test → in opleiding');
    expect(
      (
        await p().volunteerProfile.findFirstOrThrow({
          where: { person: { displayName: 'Vrijwilliger3 Test' } },
        })
      ).level,
    ).toBe('TRAINEE');
    expect(texts(await coord.send('/niveau'))).toContain('Gebruik: /niveau');
    expect(texts(await new LocalChatClient(app, 'cv-1').send('/niveau Vrijwilliger1 senior'))).toContain(
      'alleen als coördinator',
    );
  });

  it('/kandidaten says when it lists only the best five', async () => {
    await createVolunteers(p(), 6, { prefix: 'many' });
    const { number } = await createSession(p(), { startsAt: futureEvening(10) });
    const list = texts(await coord.send(`/kandidaten ${number}`));
    const eligible = Number(/(\d+) van \d+ vrijwilligers komen in aanmerking/.exec(list)?.[1]);
    expect(eligible).toBeGreaterThan(5);
    expect(list).toContain(`Hieronder de beste 5 van de ${eligible}.`);
    expect(list.match(/^\d\. /gm)).toHaveLength(5);
  });
});
