import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { outboxRepo } from '../../src/db/outbox-repo.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startTestApp } from '../support/app.ts';
import { settle } from '../support/local-chat-client.ts';
import { postUpdate, TEST_SECRET, TEST_TOKEN, TelegramUser } from './telegram-user.ts';

const FAST = { limits: { privateChat: { intervalMs: 1, burst: 1000 } } };

/**
 * Telegram away for longer than a few retries: replies wait in the outbox and go out once it is
 * back; only a message older than the give-up age is recorded as failed. The pauses between tries
 * are shortened here (`deliveryRetry`); in production they grow to 5 minutes and the give-up age is 24 h.
 */
describe('Telegram unreachable for a long time (PostgreSQL + Redis + fake Bot API)', () => {
  let fake: FakeTelegramApi;
  beforeAll(async () => {
    fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
  });
  afterAll(async () => {
    await fake?.stop();
  });

  const start = (giveUpAfterMs: number, apiRoot = fake.url, logLines?: string[]) =>
    startTestApp({
      logLines,
      env: {
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_API_ROOT: apiRoot,
        PUBLIC_URL: 'https://dialoog.example.org',
        LOCAL_CHAT: '0',
      },
      telegram: { ...FAST, setUpRetryMs: 50 },
      deliveryRetry: { maxDelayMs: 40, giveUpAfterMs },
    });

  const outboxOf = (app: App, user: TelegramUser) =>
    app.db.prisma.outboundMessage.findMany({
      where: { person: { identities: { some: { externalId: String(user.id) } } } },
    });

  it('keeps trying through 30 failed attempts and delivers the reply exactly once', async () => {
    const app = await start(3_600_000);
    try {
      const noor = new TelegramUser(app, fake, 6_100_001, 'Noor');
      fake.inject('sendMessage', { status: 502, times: 30 });
      expect((await postUpdate(app, noor.messageUpdate('/help'))).status).toBe(200);
      await settle(app, 60_000);

      const delivered = fake
        .callsOf('sendMessage')
        .filter((c) => String(c.params.chat_id) === String(noor.id) && c.status === 200);
      expect(delivered).toHaveLength(1);
      expect(String(delivered[0]?.params.text)).toContain('Dit kun je bij mij doen');
      const [row] = await outboxOf(app, noor);
      expect(row).toMatchObject({ status: 'SENT', attempts: 31 });
    } finally {
      await app.stop();
    }
  });

  it('records a message as failed only once it is older than the give-up age, and sends nothing twice', async () => {
    const app = await start(1_500);
    try {
      const sem = new TelegramUser(app, fake, 6_100_002, 'Sem');
      fake.inject('sendMessage', { status: 503, times: 100_000 });
      await postUpdate(app, sem.messageUpdate('/help'));
      await settle(app, 60_000);
      fake.clearInjected('sendMessage');

      const [row] = await outboxOf(app, sem);
      expect(row?.status).toBe('FAILED');
      expect(row?.error).toMatch(/^gave up after 1 min and \d+ attempts: transient/);
      expect(Date.now() - (row?.createdAt.getTime() ?? 0)).toBeGreaterThanOrEqual(1_500);
      // A sweep after the give-up sends nothing: the failed message is not pending any more.
      await app.delivery.resweep([row?.id ?? '']);
      await settle(app);
      expect(
        fake
          .callsOf('sendMessage')
          .filter((c) => String(c.params.chat_id) === String(sem.id) && c.status === 200),
      ).toHaveLength(0);
    } finally {
      await app.stop();
    }
  });

  it('leaves a message waiting for its retry to its own job: the sweeper does not pick it up early', async () => {
    const app = await start(3_600_000);
    try {
      const kim = new TelegramUser(app, fake, 6_100_003, 'Kim');
      await kim.send('/help');
      const [row] = await outboxOf(app, kim);
      const id = row?.id ?? '';
      const minuteAgo = new Date(Date.now() - 60_000);
      await app.db.prisma.outboundMessage.update({
        where: { id },
        data: { status: 'PENDING', createdAt: minuteAgo, retryAt: new Date(Date.now() + 60_000) },
      });
      const outbox = outboxRepo(app.db.prisma);
      expect(await outbox.stalePending(30_000)).not.toContain(id);
      await app.db.prisma.outboundMessage.update({ where: { id }, data: { retryAt: minuteAgo } });
      expect(await outbox.stalePending(30_000)).toContain(id);
      await app.db.prisma.outboundMessage.update({ where: { id }, data: { status: 'SENT' } });
    } finally {
      await app.stop();
    }
  });

  it('starts while Telegram cannot be reached: stores updates, says so in the log, and sets up once it is back', async () => {
    const port = await freePort();
    const logLines: string[] = [];
    // Nothing listens on `port` yet: every Bot API call fails to connect.
    const app = await start(3_600_000, `http://127.0.0.1:${port}`, logLines);
    let back: FakeTelegramApi | undefined;
    try {
      const lou = new TelegramUser(app, fake, 6_100_004, 'Lou');
      const posted = await postUpdate(app, lou.messageUpdate('/help'));
      expect(posted.status).toBe(200);
      expect(logLines.some((l) => l.includes('telegram set-up failed'))).toBe(true);

      back = await FakeTelegramApi.start({ token: TEST_TOKEN, port });
      const telegram = back;
      await telegram.waitFor((calls) => calls.some((c) => c.method === 'setWebhook'), 30_000);
      expect(telegram.callsOf('setWebhook')[0]?.params.url).toBe(
        'https://dialoog.example.org/telegram/webhook',
      );
      // The reply written while Telegram was away goes out now, once.
      await telegram.waitFor(
        (calls) => calls.some((c) => c.method === 'sendMessage' && c.status === 200),
        30_000,
      );
      await settle(app);
      const sent = telegram.callsOf('sendMessage').filter((c) => c.status === 200);
      expect(sent).toHaveLength(1);
      expect(String(sent[0]?.params.text)).toContain('Dit kun je bij mij doen');
      expect(logLines.some((l) => l.includes('telegram channel ready'))).toBe(true);
    } finally {
      await app.stop();
      await back?.stop();
    }
  });
});

/** A TCP port that nothing listens on (taken and released at once). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
