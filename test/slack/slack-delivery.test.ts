import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { OutboundMessage } from '../../src/bots/ports.ts';
import { unitOfWork } from '../../src/db/unit-of-work.ts';
import { blockProblem, FakeSlackApi } from '../fakes/slack-api.ts';
import { startTestApp } from '../support/app.ts';
import { settle } from '../support/local-chat-client.ts';
import { SLACK_TEST_ENV, SlackUser } from '../support/slack-client.ts';

/** Outbound delivery to Slack through the real outbox and queue, against the fake Web API. */
describe('Slack: delivery within Block Kit and rate limits', () => {
  let app: App;
  const fake = new FakeSlackApi();
  let personId = '';
  const user = () => new SlackUser(app, fake, 'UDEL');

  beforeAll(async () => {
    await fake.start();
    app = await startTestApp({
      env: { ...SLACK_TEST_ENV, SLACK_API_URL: fake.url },
      slack: { retries: 0, pace: { intervalMs: 0, burst: 1 } },
    });
    await user().dm('hallo');
    const identity = await app.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'T0TEST:UDEL' },
    });
    personId = identity.personId;
  });
  afterAll(async () => {
    await app?.stop();
    await fake.stop();
  });

  /** Puts one message in the outbox for the Slack person and delivers it. */
  async function deliver(message: OutboundMessage): Promise<string> {
    const id = await unitOfWork(app.db.prisma)((repos) =>
      repos.queueMessage(personId, `test:${randomUUID()}`, message),
    );
    if (!id) throw new Error('not queued');
    await app.delivery.enqueue([id]);
    await settle(app, 30_000);
    return id;
  }
  const outbox = (id: string) => app.db.prisma.outboundMessage.findUniqueOrThrow({ where: { id } });

  it('splits a very long message into several messages that Slack accepts, buttons under the last', async () => {
    const paragraph = (i: number) => `Alinea ${i}: ${'woord '.repeat(120).trim()} <&> einde ${i}.`;
    const text = Array.from({ length: 200 }, (_, i) => paragraph(i)).join('\n\n');
    const before = fake.callsOf('chat.postMessage').length;
    const id = await deliver({ text, buttons: [[{ id: 'btnAAAAAAAAA', label: 'Verder' }]] });
    expect((await outbox(id)).status).toBe('SENT');
    const posted = fake.callsOf('chat.postMessage').slice(before);
    expect(posted.length).toBeGreaterThan(1);
    for (const call of posted) {
      expect(blockProblem(call.args.blocks)).toBeNull();
      const blocks = call.args.blocks as { type: string; text?: { text: string } }[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    }
    const all = posted
      .flatMap((c) => c.args.blocks as { type: string; text?: { text: string } }[])
      .filter((b) => b.type === 'section')
      .map((b) => b.text?.text)
      .join('\n\n');
    for (const i of [0, 99, 199]) expect(all).toContain(`einde ${i}.`);
    const withButtons = posted.filter((c) =>
      (c.args.blocks as { type: string }[]).some((b) => b.type === 'actions'),
    );
    expect(withButtons).toHaveLength(1);
    expect(withButtons[0]).toBe(posted.at(-1));
  });

  it('honours a 429 with Retry-After: the message is sent once, after waiting', async () => {
    fake.inject('chat.postMessage', { status: 429, retryAfter: 1 });
    const before = fake.callsOf('chat.postMessage').length;
    const id = await deliver({ text: 'Na een 429' });
    const calls = fake.callsOf('chat.postMessage').slice(before);
    expect(calls).toHaveLength(2); // the refused one and the one after Retry-After
    expect(
      calls.every((c) => (c.args.blocks as { text?: { text: string } }[])[0]?.text?.text === 'Na een 429'),
    ).toBe(true);
    const row = await outbox(id);
    expect(row.status).toBe('SENT');
  });

  it('retries a 5xx from Slack a bounded number of times and then delivers', async () => {
    fake.inject('chat.postMessage', { status: 503 });
    const before = fake.callsOf('chat.postMessage').length;
    const id = await deliver({ text: 'Na een 503' });
    expect(fake.callsOf('chat.postMessage').slice(before)).toHaveLength(2);
    expect((await outbox(id)).status).toBe('SENT');
  });

  it('uploads a calendar file with the files upload API', async () => {
    const ics = Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64');
    const id = await deliver({
      text: 'Je afspraak',
      file: { filename: 'dialoog.ics', mimeType: 'text/calendar', contentBase64: ics },
    });
    expect((await outbox(id)).status).toBe('SENT');
    const url = fake.callsOf('files.getUploadURLExternal').at(-1);
    expect(url?.args).toMatchObject({ filename: 'dialoog.ics' });
    expect(fake.callsOf('upload').at(-1)?.args.bytes).toBeGreaterThan(0);
    expect(fake.callsOf('files.completeUploadExternal').at(-1)?.args).toMatchObject({ channel_id: 'DUDEL' });
  });

  it('edits the earlier message in place (chat.update) when a message replaces it', async () => {
    const first = await deliver({
      text: 'Aanbod: wil je begeleiden?',
      buttons: [[{ id: 'btnBBBBBBBBB', label: 'Ja' }]],
    });
    const sent = await outbox(first);
    const updatesBefore = fake.callsOf('chat.update').length;
    const second = await deliver({ text: 'Dit aanbod is al vervuld.', replaces: first });
    expect((await outbox(second)).status).toBe('SENT');
    const update = fake.callsOf('chat.update').slice(updatesBefore).at(-1);
    expect(update?.args).toMatchObject({ channel: 'DUDEL' });
    expect(`${update?.args.channel}/${update?.args.ts}`).toBe(sent.externalMessageId);
  });

  it('marks a deactivated account unreachable and does not retry, until they write again', async () => {
    fake.inject('chat.postMessage', { error: 'account_inactive' });
    const before = fake.callsOf('chat.postMessage').length;
    const id = await deliver({ text: 'Naar een gedeactiveerd account' });
    expect(fake.callsOf('chat.postMessage').slice(before)).toHaveLength(1);
    const row = await outbox(id);
    expect(row.status).toBe('FAILED');
    expect(row.error).toContain('account_inactive');
    const identity = await app.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'T0TEST:UDEL' },
    });
    expect(identity.unreachableAt).not.toBeNull();
    // Writing again (the account was re-activated) makes the person reachable again.
    const replies = await user().dm('/help');
    expect(replies.length).toBeGreaterThan(0);
    const again = await app.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'T0TEST:UDEL' },
    });
    expect(again.unreachableAt).toBeNull();
  });
});
