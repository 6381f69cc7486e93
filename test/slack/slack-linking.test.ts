import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { FakeSlackApi } from '../fakes/slack-api.ts';
import { startTestApp } from '../support/app.ts';
import { LocalChatClient, settle, texts } from '../support/local-chat-client.ts';
import { SLACK_TEST_ENV, SlackUser, textOf } from '../support/slack-client.ts';

/** One person on two platforms: a link code shown in one app, typed in the other; they choose where to be reached. */
describe('Slack: linking accounts and choosing where the bot reaches you', () => {
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
    // Processing failures are logged, not thrown: show them if a test failed on an apology.
    const failures = logLines.filter((l) => l.includes('processing an inbound event failed'));
    if (failures.length) console.log(failures.join('\n'));
    await app?.stop();
    await fake.stop();
  });

  const jeroenId = async () =>
    (await app.db.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'partner-jeroen' } }))
      .personId;

  it('a code from the web chat, typed in Slack, puts the Slack account on the same person', async () => {
    const web = new LocalChatClient(app, 'partner-jeroen');
    const shown = texts(await web.send('/koppel'));
    const code = /(\d{4}-\d{4})/.exec(shown)?.[1];
    expect(code).toBeDefined();
    expect(shown).toContain('/koppel');

    const slack = new SlackUser(app, fake, 'UJEROEN');
    const replies = await slack.command(`koppel ${code}`);
    expect(textOf(replies)).toContain('Gekoppeld!');
    const identity = await app.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'T0TEST:UJEROEN' },
    });
    expect(identity.personId).toBe(await jeroenId());
    // The code works once.
    const again = new SlackUser(app, fake, 'UOTHER');
    expect(textOf(await again.command(`koppel ${code}`))).toContain('ken ik niet');
  });

  it('the person chooses the web chat: messages go there, not to Slack', async () => {
    const slack = new SlackUser(app, fake, 'UJEROEN');
    const web = new LocalChatClient(app, 'partner-jeroen');
    await slack.press('Via de webchat');
    expect(await web.last()).toContain('Afgesproken: ik stuur je berichten voortaan via de webchat');
    const slackBefore = slack.messages().length;
    await slack.command('mijnaanvragen');
    expect(slack.messages().length).toBe(slackBefore);
    expect(await web.last()).toContain('Wijkbureau Zuidwest');
  });

  it('and back to Slack, chosen from the web chat', async () => {
    const slack = new SlackUser(app, fake, 'UJEROEN');
    const web = new LocalChatClient(app, 'partner-jeroen');
    const replies = await web.send('/koppel');
    expect(texts(replies)).toContain('Kies waar je mijn berichten wilt krijgen');
    const before = slack.messages().length;
    await web.press('Via Slack');
    await settle(app);
    expect(textOf(slack.messages().slice(before))).toContain('voortaan via Slack');
  });

  it('with Telegram chosen, a message to the person goes to Telegram and not to Slack', async () => {
    const personId = await jeroenId();
    await app.db.prisma.channelIdentity.updateMany({ where: { personId }, data: { preferred: false } });
    await app.db.prisma.channelIdentity.create({
      data: { personId, platform: 'TELEGRAM', externalId: '424242', chatId: '424242', preferred: true },
    });
    const slack = new SlackUser(app, fake, 'UJEROEN');
    const before = slack.messages().length;
    const res = await slack.post(slack.commandBody('help'), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(200);
    await app.idle();
    const last = await app.db.prisma.outboundMessage.findFirstOrThrow({
      where: { personId },
      orderBy: { createdAt: 'desc' },
    });
    expect(last.platform).toBe('TELEGRAM');
    // Telegram is off in this app, so nothing delivers it; take it out of the queue's way.
    await app.db.prisma.outboundMessage.update({ where: { id: last.id }, data: { status: 'FAILED' } });
    await settle(app);
    expect(slack.messages().length).toBe(before);
  });

  it('asking for a code before signing up explains how linking works', async () => {
    const stranger = new SlackUser(app, fake, 'USTRANGE');
    expect(textOf(await stranger.command('koppel'))).toContain('/dialoog koppel');
  });
});
