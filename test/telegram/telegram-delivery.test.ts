import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { OutboundMessage } from '../../src/bots/ports.ts';
import { columnChartSvg } from '../../src/domain/charts.ts';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { svgToPng } from '../../src/jobs/chart-png.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startTestApp } from '../support/app.ts';
import { settle } from '../support/local-chat-client.ts';
import { postUpdate, TEST_SECRET, TEST_TOKEN, TelegramUser, texts } from './telegram-user.ts';

const FAST = { limits: { privateChat: { intervalMs: 1, burst: 1000 } } };

/** Outbound over Telegram: order, 429 storms, 5xx, blocked users, files, edits; and long polling. */
describe('Telegram delivery (PostgreSQL + Redis + fake Bot API)', () => {
  let app: App;
  let fake: FakeTelegramApi;
  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
    app = await startTestApp({
      env: {
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_API_ROOT: fake.url,
        LOCAL_CHAT: '0',
      },
      telegram: FAST,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
  });

  /** Puts a message straight into the outbox for a Telegram user and delivers it. */
  async function deliverDirect(user: TelegramUser, key: string, message: OutboundMessage): Promise<string> {
    const identity = await app.db.prisma.channelIdentity.findUniqueOrThrow({
      where: { platform_externalId: { platform: 'TELEGRAM', externalId: String(user.id) } },
    });
    const row = await app.db.prisma.outboundMessage.create({
      data: {
        idempotencyKey: key,
        personId: identity.personId,
        identityId: identity.id,
        platform: 'TELEGRAM',
        payload: message as unknown as Prisma.InputJsonValue,
      },
    });
    await app.delivery.enqueue([row.id]);
    await settle(app, 30_000);
    return row.id;
  }

  it('handles a burst of 100 messages from one chat in order, replying once to each, in order', async () => {
    const bo = new TelegramUser(app, fake, 6_000_001, 'Bo');
    const updates = Array.from({ length: 100 }, (_, i) => bo.messageUpdate(`/x${i + 1}`));
    // Telegram sends one chat's updates one after another.
    for (const u of updates) expect((await postUpdate(app, u)).status).toBe(200);
    await settle(app, 30_000);
    const events = await app.db.prisma.inboundEvent.findMany({
      where: { platform: 'TELEGRAM', externalUserId: '6000001' },
      orderBy: { processedAt: 'asc' },
    });
    expect(events.map((e) => e.eventId)).toEqual(updates.map((u) => String(u.update_id)));
    expect(events.every((e) => e.status === 'PROCESSED')).toBe(true);
    const replies = fake.messages(bo.id).map((c) => /\/x(\d+)/.exec(String(c.params.text))?.[1]);
    expect(replies).toEqual(updates.map((_, i) => String(i + 1)));
  });

  it('a 429 storm: every message is delivered exactly once, none before its retry_after', async () => {
    const users = Array.from({ length: 8 }, (_, i) => new TelegramUser(app, fake, 6_000_100 + i, `U${i}`));
    fake.startStorm(2, 1);
    const before = fake.rateLimited;
    await Promise.all(users.map((u) => postUpdate(app, u.messageUpdate('/help'))));
    await settle(app, 30_000);
    fake.stopStorm();
    expect(fake.rateLimited - before).toBeGreaterThanOrEqual(users.length);
    for (const u of users) {
      expect(
        u.received().filter((c) => String(c.params.text).includes('Dit kun je bij mij doen')),
      ).toHaveLength(1);
    }
    expect(fake.violations).toBe(0);
    const rows = await app.db.prisma.outboundMessage.findMany({
      where: { person: { identities: { some: { externalId: { in: users.map((u) => String(u.id)) } } } } },
    });
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'SENT'));
  });

  it('a long text is split at sentence and line boundaries; a 429 mid-way repeats no part', async () => {
    const li = new TelegramUser(app, fake, 6_000_201, 'Li');
    await li.send('/help');
    const paragraph = `${'Dit is een zin over de dialoog in de wijk. '.repeat(40).trim()}\n`;
    const text = paragraph.repeat(6).trim();
    expect(text.length).toBeGreaterThan(8192);
    const before = li.received().length;
    fake.startStorm(2, 1);
    await deliverDirect(li, 'long-text-1', { text });
    fake.stopStorm();
    const parts = li.received().slice(before);
    expect(parts.length).toBe(3);
    for (const p of parts) {
      const t = String(p.params.text);
      expect(t.length).toBeLessThanOrEqual(4096);
      expect(t.endsWith('.')).toBe(true);
    }
    expect(
      parts
        .map((p) => String(p.params.text))
        .join('')
        .replace(/\s/g, ''),
    ).toBe(text.replace(/\s/g, ''));
    expect(fake.violations).toBe(0);
  });

  it('retries a 5xx and delivers once', async () => {
    const ed = new TelegramUser(app, fake, 6_000_301, 'Ed');
    fake.inject('sendMessage', { status: 502 });
    const replies = await ed.send('/help');
    expect(texts(replies)).toContain('Dit kun je bij mij doen');
    expect(replies).toHaveLength(1);
  });

  it('a user who blocked the bot is marked unreachable once, and reachable again when they write', async () => {
    const ria = new TelegramUser(app, fake, 6_000_401, 'Ria');
    fake.block(ria.id);
    await postUpdate(app, ria.messageUpdate('/help'));
    await settle(app);
    const identity = () =>
      app.db.prisma.channelIdentity.findUniqueOrThrow({
        where: { platform_externalId: { platform: 'TELEGRAM', externalId: String(ria.id) } },
      });
    expect((await identity()).unreachableAt).not.toBeNull();
    const attempts = fake.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(ria.id));
    expect(attempts.map((c) => c.status)).toEqual([403]);
    const failed = await app.db.prisma.outboundMessage.findFirstOrThrow({
      where: { identityId: (await identity()).id },
    });
    expect(failed).toMatchObject({ status: 'FAILED' });
    expect(failed.error).toContain('blocked');

    fake.unblock(ria.id);
    const replies = await ria.send('/help');
    expect(texts(replies)).toContain('Dit kun je bij mij doen');
    expect((await identity()).unreachableAt).toBeNull();
  });

  it('sends a chart PNG (the monthly digest) with sendPhoto, so it shows inline', async () => {
    const lieke = new TelegramUser(app, fake, 6_000_601, 'Lieke');
    await lieke.send('/help');
    const png = svgToPng(
      columnChartSvg({ title: 'Dialogen', columns: [{ label: 'nov', value: 3 }], emptyText: '-' }),
    );
    await deliverDirect(lieke, 'chart-1', {
      text: 'Dialogen per maand',
      file: {
        filename: 'dialogen-per-maand.png',
        mimeType: 'image/png',
        contentBase64: png.toString('base64'),
      },
    });
    const photo = fake.callsOf('sendPhoto').find((c) => String(c.params.chat_id) === String(lieke.id));
    const sent = Object.values(photo?.params ?? {}).find(
      (v): v is { filename: string; content: Buffer } =>
        typeof v === 'object' && v !== null && 'filename' in v,
    );
    expect(sent?.filename).toBe('dialogen-per-maand.png');
    expect(sent?.content.equals(png)).toBe(true);
    const docs = fake.callsOf('sendDocument').filter((c) => String(c.params.chat_id) === String(lieke.id));
    expect(docs).toEqual([]);
  });

  it('sends files such as .ics with sendDocument, and edits a message in place', async () => {
    const kim = new TelegramUser(app, fake, 6_000_501, 'Kim');
    await kim.send('/help');
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    await deliverDirect(kim, 'ics-1', {
      text: 'Je dialoog staat in je agenda.',
      file: {
        filename: 'dialoog.ics',
        mimeType: 'text/calendar',
        contentBase64: Buffer.from(ics).toString('base64'),
      },
    });
    const doc = fake.callsOf('sendDocument').find((c) => String(c.params.chat_id) === String(kim.id));
    const attached = Object.values(doc?.params ?? {}).find(
      (v): v is { filename: string; content: Buffer } =>
        typeof v === 'object' && v !== null && 'filename' in v,
    );
    expect(attached?.filename).toBe('dialoog.ics');
    expect(attached?.content.toString()).toBe(ics);

    const first = await deliverDirect(kim, 'edit-1', {
      text: 'Aanbod: wil je begeleiden?',
      buttons: [[{ id: 'btnA', label: 'Ja' }]],
    });
    const original = fake.messages(kim.id).at(-1);
    await deliverDirect(kim, 'edit-2', { text: 'Aanbod: al vergeven, dank je!', replaces: first });
    const edit = fake.callsOf('editMessageText').at(-1);
    expect(edit?.params).toMatchObject({
      chat_id: String(kim.id),
      message_id: original?.messageId,
      text: 'Aanbod: al vergeven, dank je!',
      reply_markup: { inline_keyboard: [] },
    });
  });
});

describe('Telegram long polling (fake Bot API)', () => {
  it('fetches updates with getUpdates, stores them and replies', async () => {
    const fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
    const app = await startTestApp({
      env: {
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_MODE: 'polling',
        TELEGRAM_API_ROOT: fake.url,
        LOCAL_CHAT: '0',
      },
      telegram: FAST,
    });
    try {
      const pia = new TelegramUser(app, fake, 6_000_601, 'Pia', 'en');
      fake.pushUpdate(pia.messageUpdate('/help'));
      fake.pushUpdate(pia.messageUpdate('/taal en'));
      await fake.waitFor(() => pia.received().length >= 2, 15_000);
      expect(texts(pia.received())).toContain('This is what you can do');
      expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
      expect(fake.callsOf('setWebhook')).toHaveLength(0);
      expect((await fetch(`${app.url}/telegram/webhook`, { method: 'POST' })).status).toBe(404);
    } finally {
      await app.stop();
      await fake.stop();
    }
  });
});
