import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { FakeSlackApi } from '../fakes/slack-api.ts';
import { startTestApp } from '../support/app.ts';
import { LocalChatClient, settle } from '../support/local-chat-client.ts';
import { SLACK_TEST_ENV, SlackUser, textOf } from '../support/slack-client.ts';

/** The guided request in a Slack DM, through signed requests to /slack/events and a fake Web API. */
describe('Slack: a partner signs up and requests a dialogue in a DM', () => {
  let app: App;
  const fake = new FakeSlackApi();
  const logLines: string[] = [];
  beforeAll(async () => {
    await fake.start();
    app = await startTestApp({
      env: { ...SLACK_TEST_ENV, SLACK_API_URL: fake.url },
      slack: { retries: 0, pace: { intervalMs: 0, burst: 1 } },
      logLines,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fake.stop();
  });

  it('answers the URL verification challenge (signed) and checks the token at start', async () => {
    const noor = new SlackUser(app, fake, 'UNOOR');
    const res = await noor.post(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
    expect(fake.callsOf('auth.test')).toHaveLength(1);
  });

  it('signs up, requests a dialogue step by step, confirms, and the coordinator is told', async () => {
    const noor = new SlackUser(app, fake, 'UNOOR');
    let replies = await noor.dm('hallo');
    expect(textOf(replies)).toContain('Wie ben jij?');
    expect(replies.at(-1)?.blocks.some((b) => b.type === 'actions')).toBe(true);
    replies = await noor.press('Partnerorganisatie');
    expect(textOf(replies)).toMatch(/naam/i);
    await noor.dm('Noor');
    replies = await noor.dm('Buurthuis <Slack> & Co');
    expect(textOf(replies)).toContain('akkoord');
    replies = await noor.press('✅ Akkoord');
    // Slack mrkdwn: <, > and & are escaped, so user text can never become a mention or a link.
    expect(textOf(replies)).toContain('Buurthuis &lt;Slack&gt; &amp; Co');

    replies = await noor.command('aanvragen');
    expect(textOf(replies)).toContain('Over welk thema');
    await noor.press('Armoede');
    await noor.dm('Jongeren praten mee over armoede in hun wijk, nu de gemeente plannen maakt.');
    await noor.dm('Jongeren van 16 tot 23');
    await noor.dm('15-20');
    await noor.dm('Nederlands en Arabisch');
    await noor.press('📍 Op locatie');
    await noor.dm('Lunetten');
    await noor.dm('Jongerencentrum, Hondsrug 2');
    replies = await noor.dm('10-12-2026 16:00');
    expect(textOf(replies)).toContain('do 10 dec 2026 16:00');
    await noor.press('Nee, verder');
    await noor.press('120 minuten');
    await noor.press('Nee');
    await noor.dm('Rolstoeltoegankelijk');
    replies = await noor.dm('Noor');
    replies = await noor.dm('noor@example.org, 06 12345678');
    expect(textOf(replies)).toContain('Thema: Armoede');
    expect(textOf(replies)).toContain('Zuid');

    replies = await noor.press('✅ Versturen');
    expect(textOf(replies)).toMatch(/aanvraag #\d+ is verstuurd/);

    const request = await app.db.prisma.dialogueRequest.findFirstOrThrow({
      where: { organisation: { name: 'Buurthuis <Slack> & Co' } },
    });
    expect(request).toMatchObject({ theme: 'armoede', expectedParticipants: 20, wijk: 'zuid' });
    const identity = await app.db.prisma.channelIdentity.findFirstOrThrow({
      where: { platform: 'SLACK', externalId: 'T0TEST:UNOOR' },
    });
    expect(identity).toMatchObject({ workspaceId: 'T0TEST', chatId: 'DUNOOR' });
    const coordinator = new LocalChatClient(app, 'coordinator');
    const told = (await coordinator.history()).filter((m) =>
      m.text.includes(`Nieuwe aanvraag #${request.number}`),
    );
    expect(told).toHaveLength(1);
  });

  it('takes the buttons off a message once one was pressed (chat.update) and shows the choice', async () => {
    const updates = fake.callsOf('chat.update');
    expect(updates.length).toBeGreaterThan(0);
    const last = updates.at(-1)?.args as { blocks: { type: string; elements?: { text: string }[] }[] };
    expect(last.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(last.blocks)).toContain('➜ ✅ Versturen');
  });

  it('writes core commands as /dialoog commands (a Slack message cannot start with /)', async () => {
    const ada = new SlackUser(app, fake, 'UADA');
    const replies = await ada.command('frobnicate');
    const text = textOf(replies);
    expect(text).toContain('/dialoog help');
    expect(text).not.toMatch(/(^|\s)\/help/);
  });

  it('answers a slash command used outside the DM with an ephemeral pointer to the DM', async () => {
    const ada = new SlackUser(app, fake, 'UADA');
    const res = await ada.post(ada.commandBody('help', 'C0PUBLIC'), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral' });
    await settle(app);
    const identity = await app.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'T0TEST:UADA' },
    });
    // Only a DM channel is ever stored as where we talk to someone.
    expect(identity.chatId).not.toBe('C0PUBLIC');
  });

  it('logs no message text, names or e-mail addresses', () => {
    const logs = logLines.join('\n');
    expect(logs).not.toContain('noor@example.org');
    expect(logs).not.toContain('Jongeren van 16 tot 23');
    expect(logs).not.toContain('xoxb-fake');
  });
});
