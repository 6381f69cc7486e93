/* The bots of bench:telegram (our pipeline, grammY + @grammyjs/conversations, a bare echo bot) and its outbound run. */

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  type Conversation,
  type ConversationFlavor,
  conversations,
  createConversation,
} from '@grammyjs/conversations';
import { PsqlAdapter } from '@grammyjs/storage-psql';
import { Bot, type Context, webhookCallback } from 'grammy';
import pg from 'pg';
import { type App, startApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { FakeTelegramApi } from '../test/fakes/telegram-api.ts';

export const TOKEN = '123456:BENCH-token-not-real';
export const SECRET = 'bench_secret-not-real';

export interface Target {
  name: string;
  webhookUrl: string;
  /** The echo bot answers a button press with one message and no keyboards. */
  echo?: boolean;
  stop(): Promise<void>;
}

// ---------- the three bots ----------

export async function ourPipeline(
  fake: FakeTelegramApi,
  databaseUrl: string,
  opts: { realLimits: boolean },
): Promise<App> {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `bench_${randomBytes(3).toString('hex')}`,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_API_ROOT: fake.url,
    LOCAL_CHAT: '0',
    DEMO_DATA: '1',
    LOG_LEVEL: 'warn',
  });
  const unlimited = { intervalMs: 0, burst: 1 };
  return startApp(config, createLogger('warn'), {
    telegram: opts.realLimits
      ? {}
      : { limits: { global: unlimited, privateChat: unlimited, group: unlimited } },
    deliveryLimits: opts.realLimits ? undefined : { TELEGRAM: { max: 100_000, duration: 1000 } },
  });
}

type BotContext = ConversationFlavor<Context>;

export async function conversationsBot(fake: FakeTelegramApi, databaseUrl: string): Promise<Target> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    'CREATE TABLE IF NOT EXISTS bench_people (id serial primary key, chat bigint, name text, org text)',
  );
  const storage = await PsqlAdapter.create({ client, tableName: 'grammy_conversations' });
  const bot = new Bot<BotContext>(TOKEN, { client: { apiRoot: fake.url } });
  const kb = (rows: [string, string][][]) => ({
    reply_markup: {
      inline_keyboard: rows.map((r) => r.map(([text, data]) => ({ text, callback_data: data }))),
    },
  });

  async function intake(conversation: Conversation<BotContext, Context>, ctx: Context) {
    await ctx.reply(
      'Welkom bij Dialoogbot 👋\n\nWie ben jij?',
      kb([[['Partnerorganisatie', 'role:p']], [['Vrijwilliger', 'role:v']]]),
    );
    const role = await conversation.waitForCallbackQuery(/^role:/);
    await role.answerCallbackQuery();
    await ctx.reply('Hoe mag ik je noemen?');
    const name = (await conversation.waitFor('message:text')).message.text;
    await ctx.reply('Van welke organisatie ben je?');
    const org = (await conversation.waitFor('message:text')).message.text;
    await ctx.reply(
      'Ga je akkoord?',
      kb([
        [
          ['✅ Akkoord', 'consent:yes'],
          ['Nee', 'consent:no'],
        ],
      ]),
    );
    const consent = await conversation.waitForCallbackQuery(/^consent:/);
    await consent.answerCallbackQuery();
    await conversation.external(async () => {
      await client.query('INSERT INTO bench_people (chat, name, org) VALUES ($1, $2, $3)', [
        ctx.chatId,
        name,
        org,
      ]);
    });
    await ctx.reply(`Welkom, ${name} van ${org}!`);
    await conversation.waitForCommand('aanvragen');
    await ctx.reply('Fijn dat je een dialoog wilt aanvragen.');
    await ctx.reply(
      'Over welk thema?',
      kb([
        [
          ['Armoede', 'theme:armoede'],
          ['Wonen', 'theme:wonen'],
        ],
      ]),
    );
    const theme = await conversation.waitForCallbackQuery(/^theme:/);
    await theme.answerCallbackQuery();
    await ctx.reply('Wat is het doel van de dialoog?');
    await conversation.waitFor('message:text');
    await ctx.reply('Voor wie is de dialoog?');
    await conversation.waitFor('message:text');
    await ctx.reply('Hoeveel deelnemers verwacht je?');
    const n = (await conversation.waitFor('message:text')).message.text;
    await ctx.reply(`Oké, ${n}. In welke talen?`);
  }

  bot.use(conversations({ storage }));
  bot.use(createConversation(intake, 'intake'));
  bot.command('start', (ctx) => ctx.conversation.enter('intake'));
  await bot.init();
  return serve('grammY + conversations + PostgreSQL', bot, async () => {
    await client.end();
  });
}

export async function echoBot(fake: FakeTelegramApi): Promise<Target> {
  const bot = new Bot(TOKEN, { client: { apiRoot: fake.url } });
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.callbackQuery.data);
  });
  await bot.init();
  const target = await serve('bare grammY echo bot', bot, async () => {});
  return { ...target, echo: true };
}

async function serve<C extends Context>(
  name: string,
  bot: Bot<C>,
  close: () => Promise<void>,
): Promise<Target> {
  const server: Server = createServer(webhookCallback(bot, 'http', { secretToken: SECRET }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    webhookUrl: `http://127.0.0.1:${port}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await close();
    },
  };
}

// ---------- outbound ----------

/** `n` messages to `n` chats through the outbound queue, against the fake enforcing 30 msg/s overall. */
export async function runOutbound(databaseUrl: string, n: number) {
  const fake = await FakeTelegramApi.start({ token: TOKEN });
  fake.limitOverall(30);
  const app = await ourPipeline(fake, databaseUrl, { realLimits: true });
  const prisma = app.db.prisma;
  const run = randomBytes(3).toString('hex');
  const idx = Array.from({ length: n }, (_, i) => i);
  await prisma.person.createMany({ data: idx.map((i) => ({ id: `bp-${run}-${i}`, displayName: `P${i}` })) });
  await prisma.channelIdentity.createMany({
    data: idx.map((i) => ({
      id: `bi-${run}-${i}`,
      personId: `bp-${run}-${i}`,
      platform: 'TELEGRAM' as const,
      externalId: String(8_000_000 + i),
      chatId: String(8_000_000 + i),
    })),
  });
  await prisma.outboundMessage.createMany({
    data: idx.map((i) => ({
      id: `bo-${run}-${i}`,
      idempotencyKey: `bench-${run}-${i}`,
      personId: `bp-${run}-${i}`,
      identityId: `bi-${run}-${i}`,
      platform: 'TELEGRAM' as const,
      payload: { text: `Herinnering ${run}-${i}: je dialoog is morgen om 19:30.` },
    })),
  });
  const t0 = performance.now();
  await app.delivery.enqueue(idx.map((i) => `bo-${run}-${i}`));
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    const pending = await prisma.outboundMessage.count({
      where: { id: { startsWith: `bo-${run}-` }, status: 'PENDING' },
    });
    if (pending === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const wall = (performance.now() - t0) / 1000;
  const ok = fake.messages();
  const counts = new Map<string, number>();
  for (const c of ok) counts.set(String(c.params.text), (counts.get(String(c.params.text)) ?? 0) + 1);
  const first = ok[0]?.at ?? 0;
  const last = ok.at(-1)?.at ?? 0;
  const span = (last - first) / 1000;
  const result = {
    messages: n,
    delivered: counts.size,
    lost: n - counts.size,
    duplicates: [...counts.values()].reduce((s, c) => s + (c - 1), 0),
    rateLimited429: fake.rateLimited,
    wallSeconds: wall,
    rate: (ok.length - 1) / span,
  };
  await app.stop();
  await fake.stop();
  return result;
}
