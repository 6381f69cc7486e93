import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { FakeSlackApi } from '../fakes/slack-api.ts';
import { startTestApp } from '../support/app.ts';
import { settle } from '../support/local-chat-client.ts';
import { SLACK_TEST_ENV, SlackUser } from '../support/slack-client.ts';

/** What Slack sends us: only correctly signed, fresh requests get in; retries have one effect. */
describe('Slack: signed requests, retries and duplicates', () => {
  let app: App;
  const fake = new FakeSlackApi();
  beforeAll(async () => {
    await fake.start();
    app = await startTestApp({
      env: { ...SLACK_TEST_ENV, SLACK_API_URL: fake.url },
      slack: { retries: 0, pace: { intervalMs: 0, burst: 1 } },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fake.stop();
  });

  const stored = () => app.db.prisma.inboundEvent.count({ where: { platform: 'SLACK' } });
  const people = () => app.db.prisma.channelIdentity.count({ where: { platform: 'SLACK' } });

  it.each([
    ['a wrong signing secret', { secret: 'another-secret-not-real' }],
    ['a timestamp six minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp six minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
    ['a body altered after signing', { alter: true }],
    ['no signature headers', { unsigned: true }],
  ])('refuses %s with 401 and stores nothing', async (_name, how) => {
    const mallory = new SlackUser(app, fake, 'UMALLORY');
    const body = mallory.dmEnvelope('/help');
    const before = { events: await stored(), people: await people() };
    let res: Response;
    if ('unsigned' in how) {
      res = await fetch(`${app.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    } else if ('alter' in how) {
      res = await mallory.post(body.replace('/help', '/stop'), { signBody: body });
    } else {
      res = await mallory.post(body, how);
    }
    expect(res.status).toBe(401);
    await settle(app);
    expect(await stored()).toBe(before.events);
    expect(await people()).toBe(before.people);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'DUMALLORY')).toHaveLength(0);
  });

  it('a retried event (x-slack-retry-num 1, 2, 3) has one effect and one reply', async () => {
    const sam = new SlackUser(app, fake, 'USAM');
    const body = sam.dmEnvelope('hallo', 'EvRETRY00001');
    const first = await sam.post(body);
    expect(first.status).toBe(200);
    for (const n of [1, 2, 3]) {
      const retry = await sam.post(body, {
        headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' },
      });
      expect(retry.status).toBe(200);
    }
    await settle(app);
    expect(await app.db.prisma.inboundEvent.count({ where: { eventId: 'ev:EvRETRY00001' } })).toBe(1);
    const welcomes = sam.messages().filter((m) => m.text.includes('Wie ben jij?'));
    expect(welcomes).toHaveLength(1);
  });

  it('the same event arriving concurrently is stored once', async () => {
    const kim = new SlackUser(app, fake, 'UKIM');
    const body = kim.dmEnvelope('hallo', 'EvCONCURRENT1');
    const all = await Promise.all([kim.post(body), kim.post(body), kim.post(body)]);
    expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
    await settle(app);
    expect(await app.db.prisma.inboundEvent.count({ where: { eventId: 'ev:EvCONCURRENT1' } })).toBe(1);
    expect(kim.messages().filter((m) => m.text.includes('Wie ben jij?'))).toHaveLength(1);
  });

  it('ignores messages from bots and message edits, but answers 200', async () => {
    const sam = new SlackUser(app, fake, 'USAM');
    const before = await stored();
    const botMessage = JSON.parse(sam.dmEnvelope('I am a bot')) as { event: Record<string, unknown> };
    botMessage.event.bot_id = 'BOTHER';
    const edit = JSON.parse(sam.dmEnvelope('edited')) as { event: Record<string, unknown> };
    edit.event.subtype = 'message_changed';
    expect((await sam.post(JSON.stringify(botMessage))).status).toBe(200);
    expect((await sam.post(JSON.stringify(edit))).status).toBe(200);
    await settle(app);
    expect(await stored()).toBe(before);
  });

  it('a voice note shared in the DM is stored with the bot token, and the core is told', async () => {
    const sam = new SlackUser(app, fake, 'USAM');
    const body = JSON.parse(sam.dmEnvelope('')) as { event: Record<string, unknown> };
    body.event.subtype = 'file_share';
    body.event.files = [
      {
        id: 'FVOICE1',
        name: 'audio_message.webm',
        mimetype: 'audio/webm',
        size: 1234,
        url_private_download: `${fake.url.replace(/api\/$/, '')}files/T0TEST-FVOICE1/audio_message.webm`,
      },
    ];
    expect((await sam.post(JSON.stringify(body))).status).toBe(200);
    await settle(app);
    const ref = 'slack:T0TEST:FVOICE1';
    await fake.waitFor(() => fake.callsOf('download').length > 0);
    expect(fake.callsOf('download').at(-1)?.args.authorised).toBe(true);
    const stored = async () => app.db.prisma.mediaFile.findUnique({ where: { ref } });
    for (let i = 0; i < 100 && (await stored())?.status !== 'STORED'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await stored()).toMatchObject({ status: 'STORED', platform: 'SLACK', mimeType: 'audio/webm' });
    const inbound = await app.db.prisma.inboundEvent.findFirstOrThrow({
      where: { eventId: `ev:${(body as { event_id?: string }).event_id}` },
    });
    expect(inbound.kind).toBe('media');
  });

  it('a malformed but signed body gets 400, not a crash', async () => {
    const sam = new SlackUser(app, fake, 'USAM');
    const res = await sam.post('{"type":', {});
    expect(res.status).toBe(400);
  });

  it('a button pressed twice (double click) moves the conversation once', async () => {
    const sam = new SlackUser(app, fake, 'USAM');
    const { message, button } = sam.findButton('Partnerorganisatie');
    const rev = async () =>
      (
        await app.db.prisma.conversation.findFirstOrThrow({
          where: { person: { identities: { some: { externalId: 'T0TEST:USAM' } } } },
        })
      ).rev;
    const before = await rev();
    const first = sam.actionBody(message, button, '1700000001.000001');
    const second = sam.actionBody(message, button, '1700000001.000002');
    const res = await Promise.all([
      sam.post(first, { contentType: 'application/x-www-form-urlencoded' }),
      sam.post(second, { contentType: 'application/x-www-form-urlencoded' }),
      sam.post(first, { contentType: 'application/x-www-form-urlencoded' }),
    ]);
    expect(res.map((r) => r.status)).toEqual([200, 200, 200]);
    await settle(app);
    expect(await rev()).toBe(before + 1);
    expect(
      await app.db.prisma.inboundEvent.count({ where: { eventId: { startsWith: 'act:USAM:1700000001' } } }),
    ).toBe(2);
  });
});
