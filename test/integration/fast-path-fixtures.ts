import pg from 'pg';
import type { App } from '../../src/app.ts';
import { FakeTelegramApi, type TelegramCall } from '../fakes/telegram-api.ts';
import { startTestApp } from '../support/app.ts';
import { TEST_SECRET, TEST_TOKEN, type TelegramUser } from '../telegram/telegram-user.ts';

/** The app as the Telegram integration tests start it (webhook mode, fake Bot API, no per-chat pace). */
export async function startTelegramApp(): Promise<{ app: App; fake: FakeTelegramApi }> {
  const fake = await FakeTelegramApi.start({ token: TEST_TOKEN });
  return { app: await startTelegramReplica(fake), fake };
}

/**
 * One process of the app; given `of`, a second one on the same database, queue prefix and bot
 * (replicas behind a load balancer: each orders a chat's updates only among those it receives).
 */
export async function startTelegramReplica(fake: FakeTelegramApi, of?: App): Promise<App> {
  return startTestApp({
    databaseUrl: of?.config.DATABASE_URL,
    env: {
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_API_ROOT: fake.url,
      LOCAL_CHAT: '0',
      ...(of ? { QUEUE_PREFIX: of.config.QUEUE_PREFIX, DEMO_DATA: '0' } : {}),
    },
    telegram: { limits: { privateChat: { intervalMs: 1, burst: 1000 } } },
  });
}

/**
 * A partner's sign-up as bench/telegram.ts CONVERSATION has it, up to (not including) the consent:
 * /start → Partnerorganisatie → name → organisation. Returns the bot's replies, step by step.
 */
export async function signUpUntilConsent(
  user: TelegramUser,
  name: string,
  organisation: string,
): Promise<TelegramCall[][]> {
  return [
    await user.send('/start'),
    await user.press('Partnerorganisatie'),
    await user.send(name),
    await user.send(organisation),
  ];
}

/** Every sendMessage call to a chat, whatever the fake answered. */
export const attemptsTo = (fake: FakeTelegramApi, chat: number) =>
  fake.callsOf('sendMessage').filter((c) => String(c.params.chat_id) === String(chat));

export async function identityOf(app: App, user: TelegramUser) {
  return app.db.prisma.channelIdentity.findUniqueOrThrow({
    where: { platform_externalId: { platform: 'TELEGRAM', externalId: String(user.id) } },
  });
}

/** The replies written to a person, oldest first (the order of the conversation), with their text. */
export async function outboxOf(app: App, personId: string) {
  const rows = await app.db.prisma.outboundMessage.findMany({
    where: { personId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({ ...r, text: String((r.payload as { text?: string }).text) }));
}

/** Person rows nobody can reach (no channel identity): a lost race of two first messages leaves one. */
export const orphanPersons = (app: App) =>
  app.db.prisma.person.count({ where: { identities: { none: {} } } });

/**
 * Makes first messages race for sure: an open transaction holds these senders' identities (not
 * visible to others), so every first-contact insert for them waits on it; `release` rolls it back
 * once `waiters` inserts wait, and exactly one insert per sender then wins.
 */
export async function holdFirstContacts(app: App, externalIds: string[]) {
  const client = new pg.Client({ connectionString: app.config.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  for (const id of externalIds) {
    await client.query(`INSERT INTO "Person" ("id", "displayName", "updatedAt") VALUES ($1, '', now())`, [
      `hold-${id}`,
    ]);
    await client.query(
      `INSERT INTO "ChannelIdentity" ("id", "personId", "platform", "externalId") VALUES ($1, $1, 'TELEGRAM', $2)`,
      [`hold-${id}`, id],
    );
  }
  return {
    async release(waiters: number): Promise<void> {
      const waiting = async () => {
        // pg_stat_activity is read once per transaction unless its snapshot is cleared.
        await client.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0]?.n ?? 0;
      };
      const deadline = Date.now() + 10_000;
      let n = await waiting();
      while (n < waiters && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
        n = await waiting();
      }
      await client.query('ROLLBACK');
      await client.end();
      if (n < waiters) throw new Error(`only ${n} of ${waiters} first contacts were held`);
    },
  };
}
