import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { t } from '../../src/i18n/index.ts';
import { FakeSlackApi, type SlackCall } from '../fakes/slack-api.ts';
import { startTestApp } from '../support/app.ts';
import { settle } from '../support/local-chat-client.ts';
import { SLACK_TEST_ENV, SlackUser, textOf } from '../support/slack-client.ts';

/** App Home per role, and the request form as a modal, for demo people who also use Slack. */
describe('Slack: App Home per role and the request modal', () => {
  let app: App;
  const fake = new FakeSlackApi();
  const logLines: string[] = [];
  const fatima = () => new SlackUser(app, fake, 'UFATIMA');
  const lieke = () => new SlackUser(app, fake, 'ULIEKE');
  const anouk = () => new SlackUser(app, fake, 'UANOUK');

  /** Gives a demo persona a Slack account too (as if linked), reached on Slack from now on. */
  async function linkToSlack(persona: string, userId: string) {
    const local = await app.db.prisma.channelIdentity.findFirstOrThrow({
      where: { platform: 'LOCAL', externalId: persona },
    });
    await app.db.prisma.channelIdentity.update({ where: { id: local.id }, data: { preferred: false } });
    await app.db.prisma.channelIdentity.create({
      data: {
        personId: local.personId,
        platform: 'SLACK',
        externalId: `T0TEST:${userId}`,
        workspaceId: 'T0TEST',
        chatId: `D${userId}`,
      },
    });
    return local.personId;
  }

  async function openHome(user: SlackUser): Promise<string> {
    const before = fake.callsOf('views.publish').length;
    const body = JSON.stringify({
      team_id: 'T0TEST',
      api_app_id: 'A0TEST',
      type: 'event_callback',
      event_id: `EvHOME${Math.random().toString(36).slice(2, 10)}`,
      event: {
        type: 'app_home_opened',
        user: user.userId,
        channel: user.dmChannel,
        tab: 'home',
        event_ts: '1',
      },
    });
    expect((await user.post(body)).status).toBe(200);
    await fake.waitFor((calls) => calls.filter((c) => c.method === 'views.publish').length > before);
    return lastHome(user);
  }

  const homes = (user: SlackUser): SlackCall[] =>
    fake.callsOf('views.publish').filter((c) => c.args.user_id === user.userId);
  const lastHome = (user: SlackUser) => JSON.stringify(homes(user).at(-1)?.args.view ?? {});

  beforeAll(async () => {
    await fake.start();
    app = await startTestApp({
      // Renders dates as in Utrecht (the assertions spell them out).
      env: { ...SLACK_TEST_ENV, SLACK_API_URL: fake.url, APP_TIMEZONE: 'Europe/Amsterdam' },
      slack: { retries: 0, pace: { intervalMs: 0, burst: 1 } },
      logLines,
    });
    await linkToSlack('partner-fatima', 'UFATIMA');
    await linkToSlack('coordinator', 'ULIEKE');
    const anoukId = await linkToSlack('volunteer-anouk', 'UANOUK');
    // A request with a session Anouk is offered, and one she is booked for (the staffing tables).
    const org = await app.db.prisma.organisation.findFirstOrThrow({ where: { name: 'Wijkbureau Zuidwest' } });
    const request = await app.db.prisma.dialogueRequest.create({
      data: {
        organisationId: org.id,
        theme: 'wonen',
        goal: 'Praten over wonen in de wijk',
        targetGroup: 'Bewoners',
        expectedParticipants: 12,
        languages: ['nl'],
        durationMinutes: 90,
        contactName: 'Jeroen',
        status: 'STAFFING',
        sessions: {
          create: [
            { startsAt: new Date('2027-01-12T18:00:00Z'), endsAt: new Date('2027-01-12T19:30:00Z') },
            { startsAt: new Date('2027-02-09T18:00:00Z'), endsAt: new Date('2027-02-09T19:30:00Z') },
          ],
        },
      },
      include: { sessions: { orderBy: { startsAt: 'asc' } } },
    });
    const [first, second] = request.sessions;
    if (!first || !second) throw new Error('sessions missing');
    await app.db.prisma.offer.create({
      data: {
        sessionId: first.id,
        personId: anoukId,
        role: 'LEAD',
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await app.db.prisma.assignment.create({ data: { sessionId: second.id, personId: anoukId, role: 'CO' } });
  });
  afterAll(async () => {
    await app?.stop();
    await fake.stop();
  });

  it('shows a volunteer their open offers and upcoming sessions', async () => {
    const home = await openHome(anouk());
    expect(home).toContain('Openstaande aanbiedingen');
    expect(home).toContain('Wijkbureau Zuidwest · di 12 jan 2027 19:00');
    expect(home).toContain('Jouw komende dialogen');
    expect(home).toContain('di 9 feb 2027 19:00 (co-begeleider)');
    expect(home).not.toContain('Aanvraag via formulier');
  });

  it('shows a partner their organisation with no requests yet, and the form button', async () => {
    const home = await openHome(fatima());
    expect(home).toContain('Aanvragen van Buurtcentrum De Leeuw');
    expect(home).toContain('Nog geen aanvragen');
    expect(home).toContain('dialoog:form:open');
  });

  it('shows a coordinator the overview counts and open requests', async () => {
    const home = await openHome(lieke());
    expect(home).toContain('Overzicht');
    expect(home).toContain('Nieuw: *0* · In behandeling: *1*');
    expect(home).toContain('Wijkbureau Zuidwest · Wonen');
  });

  it('shows a stranger a sign-up hint', async () => {
    const home = await openHome(new SlackUser(app, fake, 'USTRANGER'));
    expect(home).toContain('nog niet aangemeld');
  });

  it('opens the request modal from /dialoog aanvragen formulier, pre-filled', async () => {
    const before = fake.callsOf('views.open').length;
    const res = await fatima().post(fatima().commandBody('aanvragen formulier'), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await fake.waitFor((calls) => calls.filter((c) => c.method === 'views.open').length > before);
    const call = fake.callsOf('views.open').at(-1);
    expect(String(call?.args.trigger_id)).toMatch(/^trig\./);
    const view = JSON.stringify(call?.args.view);
    expect(view).toContain('dialoog:intake-form');
    expect(view).toContain('"initial_value":"Buurtcentrum De Leeuw"');
    expect(view).toContain('"initial_value":"Fatima"');
  });

  it('opens the modal from the App Home button too, and starts the chat from the other one', async () => {
    const user = fatima();
    const homeMessage = { text: '', ts: 'home', blocks: [] };
    const button = (id: string) => ({ action_id: id, value: id, text: { text: id } });
    const before = fake.callsOf('views.open').length;
    const res = await user.post(user.actionBody(homeMessage, button('dialoog:form:open')), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await fake.waitFor((calls) => calls.filter((c) => c.method === 'views.open').length > before);
    const replies = await user.roundTrip(() =>
      user.post(user.actionBody(homeMessage, button('dialoog:chat:aanvragen')), {
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    expect(textOf(replies)).toContain('Over welk thema');
    await user.command('stop');
  });

  const VALID = {
    organisation: 'Buurtcentrum De Leeuw',
    theme: 'eenzaamheid',
    goal: 'Ouderen in de buurt zien elkaar weinig sinds het buurthuis dicht is.',
    targetGroup: 'Ouderen uit Overvecht',
    participants: '15',
    languages: 'Nederlands',
    locationType: 'onsite',
    wijk: 'overvecht',
    address: 'Gloriosa 1',
    dates: '8-12-2026 19:30\n15-12-2026 19:30',
    scheduleMode: 'SERIES',
    duration: '90',
    coDesign: 'yes',
    contactName: 'Fatima',
    contactReach: 'fatima@example.org',
  };
  const CHOICES = ['theme', 'locationType', 'wijk', 'scheduleMode', 'duration', 'coDesign'];

  it('shows validation errors inline in the modal and stores nothing', async () => {
    const before = await app.db.prisma.inboundEvent.count();
    const body = fatima().viewSubmissionBody(
      'VBAD1',
      { ...VALID, participants: 'veel', dates: '1-1-2020 19:30', contactReach: 'geen idee' },
      CHOICES,
    );
    const res = await fatima().post(body, { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(json.response_action).toBe('errors');
    expect(Object.keys(json.errors).sort()).toEqual(['contactReach', 'dates', 'participants']);
    expect(json.errors.dates).toContain('verleden');
    await settle(app);
    expect(await app.db.prisma.inboundEvent.count()).toBe(before);
  });

  it('a valid form closes the modal and the summary arrives in the DM; confirming submits it', async () => {
    const user = fatima();
    const body = user.viewSubmissionBody('VGOOD1', VALID, CHOICES);
    const replies = await user.roundTrip(() =>
      user.post(body, { contentType: 'application/x-www-form-urlencoded' }),
    );
    const summary = textOf(replies);
    expect(summary).toContain('Thema: Eenzaamheid');
    expect(summary).toContain('(reeks: alle data)');
    // Submitting the same view again (a double click) is the same event.
    await user.post(body, { contentType: 'application/x-www-form-urlencoded' });
    await settle(app);
    expect(await app.db.prisma.inboundEvent.count({ where: { eventId: 'form:VGOOD1' } })).toBe(1);

    const publishesBefore = homes(lieke()).length;
    const done = await user.press('✅ Versturen');
    expect(textOf(done)).toMatch(/aanvraag #\d+ is verstuurd/);
    const request = await app.db.prisma.dialogueRequest.findFirstOrThrow({
      where: { organisation: { name: 'Buurtcentrum De Leeuw' } },
      include: { sessions: true },
    });
    expect(request.sessions).toHaveLength(2);

    // The partner's and the coordinator's homes refresh after the messages reached them.
    await fake.waitFor(() => lastHome(user).includes(`#${request.number}`));
    const { status } = await app.db.prisma.dialogueRequest.findUniqueOrThrow({ where: { id: request.id } });
    await fake.waitFor(() => lastHome(user).includes(t('nl', `status.${status}`)));
    await fake.waitFor(
      () => homes(lieke()).length > publishesBefore && lastHome(lieke()).includes(`#${request.number}`),
    );
  });

  it('the form is refused politely to someone who is not a partner', async () => {
    const user = anouk();
    const replies = await user.roundTrip(() =>
      user.post(user.viewSubmissionBody('VVOL1', VALID, CHOICES), {
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    expect(textOf(replies)).toContain('Dat kan alleen als partner');
  });
});
