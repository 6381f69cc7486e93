/**
 * `npm run bench:telegram` — prints figures, asserts nothing (ARCHITECTURE.md: benchmarks are scripts).
 *
 * Inbound: the intake conversation (sign-up + the first questions of a request), U users at once,
 * each step sent as a Telegram webhook update after the previous answer arrived, through
 *   (1) our whole pipeline (webhook → store → flow → outbox → adapter → fake Bot API; the queue only
 *       for what cannot go out at once),
 *   (2) a plain grammY bot with @grammyjs/conversations and a PostgreSQL storage (@grammyjs/storage-psql),
 *   (3) a bare grammY echo bot (the ceiling).
 * Every bot first takes BENCH_WARMUP users (default 10) through the conversation unmeasured.
 * "CPU ms/update" is this process's CPU time (bot, fake Bot API and driver together) per update.
 * Outbound: 1,000 messages to 1,000 chats against the fake enforcing 30 msg/s overall.
 * Knobs: BENCH_USERS (50), BENCH_WARMUP (10), BENCH_BOTS (ours,conversations,echo),
 * BENCH_OUTBOUND (1000; 0 skips the outbound run).
 * Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (as the tests do).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
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
import { FakeTelegramApi, type TelegramCall } from '../test/fakes/telegram-api.ts';
import { withBenchDatabase } from './bench-env.ts';
import { machineBusyMs, processesDelta, processesMs } from './machine-cpu.ts';

const TOKEN = '123456:BENCH-token-not-real';
const SECRET = 'bench_secret-not-real';
const USERS = Number(process.env.BENCH_USERS ?? 50);
const OUTBOUND = Number(process.env.BENCH_OUTBOUND ?? 1000);
/** Users taken through the conversation first, unmeasured, by every bot alike (JIT, caches, connections). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
/** Which inbound bots to run (comma-separated: ours, conversations, echo); all by default. */
const BOTS = new Set((process.env.BENCH_BOTS ?? 'ours,conversations,echo').split(',').map((s) => s.trim()));

type Step = { text: string; expect: number } | { button: string; expect: number };
/** The intake conversation as a person goes through it; `expect` = bot messages that answer the step. */
const CONVERSATION: Step[] = [
  { text: '/start', expect: 1 },
  { button: 'Partnerorganisatie', expect: 1 },
  { text: 'Noor', expect: 1 },
  // One organisation per user: our core upserts organisations by name (see docs/telegram.md).
  { text: 'Buurtteam Oost 🌱 {chat}', expect: 1 },
  { button: '✅ Akkoord', expect: 1 },
  { text: '/aanvragen', expect: 2 },
  { button: 'Armoede', expect: 1 },
  { text: 'Jongeren praten mee over armoede in hun wijk, nu de gemeente plannen maakt.', expect: 1 },
  { text: 'Jongeren van 16 tot 23', expect: 1 },
  { text: '15-20', expect: 1 },
];

interface Target {
  name: string;
  webhookUrl: string;
  /** The echo bot answers a button press with one message and no keyboards. */
  echo?: boolean;
  stop(): Promise<void>;
}

// ---------- driver ----------

let updateId = 1;

/** Collects the bot's messages per chat from the fake and wakes whoever waits for them. */
class Mailbox {
  private readonly byChat = new Map<string, TelegramCall[]>();
  private readonly waiters = new Map<string, { count: number; resolve: () => void }>();
  private readonly onCall = (c: TelegramCall) => {
    if (c.method !== 'sendMessage' || c.status !== 200) return;
    const chat = String(c.params.chat_id);
    const list = this.byChat.get(chat) ?? [];
    list.push(c);
    this.byChat.set(chat, list);
    const w = this.waiters.get(chat);
    if (w && list.length >= w.count) {
      this.waiters.delete(chat);
      w.resolve();
    }
  };
  constructor(private readonly fake: FakeTelegramApi) {
    fake.events.on('call', this.onCall);
  }
  close(): void {
    this.fake.events.off('call', this.onCall);
  }
  messages(chat: string): TelegramCall[] {
    return this.byChat.get(chat) ?? [];
  }
  wait(chat: string, count: number, timeoutMs = 30_000): Promise<void> {
    if (this.messages(chat).length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`chat ${chat}: no answer after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.set(chat, {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

function updateFor(chatId: number, step: Step, mailbox: Mailbox, echo: boolean): Record<string, unknown> {
  const from = { id: chatId, is_bot: false, first_name: 'Noor', language_code: 'nl' };
  const chat = { id: chatId, type: 'private', first_name: 'Noor' };
  if ('text' in step) {
    const command = /^\/\S+/.exec(step.text);
    return {
      update_id: updateId++,
      message: {
        message_id: updateId,
        from,
        chat,
        date: Math.floor(Date.now() / 1000),
        text: step.text.replace('{chat}', String(chatId)),
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    };
  }
  let data = step.button;
  let messageId = 1;
  if (!echo) {
    const withKeyboard = mailbox
      .messages(String(chatId))
      .filter((c) => (c.params.reply_markup as { inline_keyboard?: unknown[] })?.inline_keyboard?.length)
      .at(-1);
    const rows = (
      withKeyboard?.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    )?.inline_keyboard;
    const button = rows?.flat().find((b) => b.text === step.button);
    if (!button) throw new Error(`chat ${chatId}: no button "${step.button}"`);
    data = button.callback_data;
    messageId = withKeyboard?.messageId ?? 1;
  }
  return {
    update_id: updateId++,
    callback_query: {
      id: `cq${updateId}`,
      from,
      chat_instance: `ci${chatId}`,
      data,
      message: { message_id: messageId, date: 0, chat, text: '…' },
    },
  };
}

async function post(url: string, update: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

interface InboundResult {
  name: string;
  updates: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of this process (bot, fake Bot API and driver together) per update, in ms. */
  cpuMsPerUpdate: number;
  /** CPU time of the whole machine per update (this process, PostgreSQL, Redis, the rest), in ms. */
  machineMsPerUpdate: number;
  /** CPU time of PostgreSQL's processes per update, in ms. */
  postgresMsPerUpdate: number;
  /** CPU time of Redis per update, in ms. */
  redisMsPerUpdate: number;
}

async function runInbound(
  target: Target,
  fake: FakeTelegramApi,
  firstChat: number,
  users = USERS,
): Promise<InboundResult> {
  const mailbox = new Mailbox(fake);
  const latencies: number[] = [];
  const perStep: number[][] = CONVERSATION.map(() => []);
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const machine0 = machineBusyMs();
  const postgres0 = processesMs('postgres');
  const redis0 = processesMs('redis-server');
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const chatId = firstChat + u;
      let expected = 0;
      for (const [index, step] of CONVERSATION.entries()) {
        expected += target.echo ? 1 : step.expect;
        const t0 = performance.now();
        try {
          await post(target.webhookUrl, updateFor(chatId, step, mailbox, Boolean(target.echo)));
          await mailbox.wait(String(chatId), expected);
          latencies.push(performance.now() - t0);
          perStep[index]?.push(performance.now() - t0);
        } catch (err) {
          errors++;
          console.error(`  ${target.name}: ${(err as Error).message}`);
          return;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const machineMs = machineBusyMs() - machine0;
  const postgresMs = processesDelta(postgres0, processesMs('postgres'));
  const redisMs = processesDelta(redis0, processesMs('redis-server'));
  if (process.env.BENCH_STEPS) {
    for (const [i, list] of perStep.entries()) {
      list.sort((a, b) => a - b);
      const at = (p: number) => list[Math.min(list.length - 1, Math.floor(p * list.length))]?.toFixed(0);
      console.log(
        `  ${target.name.slice(0, 12)} step ${i + 1} ${JSON.stringify(CONVERSATION[i])}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
      );
    }
  }
  mailbox.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return {
    name: target.name,
    updates: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: q(0.5),
    p99: q(0.99),
    errors,
    cpuMsPerUpdate: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length),
    machineMsPerUpdate: machineMs / Math.max(1, latencies.length),
    postgresMsPerUpdate: postgresMs / Math.max(1, latencies.length),
    redisMsPerUpdate: redisMs / Math.max(1, latencies.length),
  };
}

/** A short unmeasured run with other chats first, then the measured one. */
async function warmAndRun(target: Target, fake: FakeTelegramApi, firstChat: number): Promise<InboundResult> {
  if (WARMUP > 0) {
    const warm = await runInbound(target, fake, firstChat + 50_000, WARMUP);
    if (warm.errors) throw new Error(`${target.name}: warm-up failed`);
  }
  return runInbound(target, fake, firstChat);
}

// ---------- the three bots ----------

async function ourPipeline(
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

async function conversationsBot(fake: FakeTelegramApi, databaseUrl: string): Promise<Target> {
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

async function echoBot(fake: FakeTelegramApi): Promise<Target> {
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

async function runOutbound(databaseUrl: string) {
  const fake = await FakeTelegramApi.start({ token: TOKEN });
  fake.limitOverall(30);
  const app = await ourPipeline(fake, databaseUrl, { realLimits: true });
  const prisma = app.db.prisma;
  const run = randomBytes(3).toString('hex');
  const n = OUTBOUND;
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

// ---------- main ----------

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

async function main() {
  const cpu = os.cpus();
  console.log(
    `bench:telegram — ${new Date().toISOString()} — ${cpu.length} cores (${cpu[0]?.model ?? '?'}), node ${process.version}`,
  );
  console.log(
    `inbound: ${USERS} users at once, ${CONVERSATION.length} steps each (sign-up + first request questions), ` +
      `after a warm-up of ${WARMUP} users per bot\n`,
  );

  const results = await withBenchDatabase(async (url) => {
    const out: InboundResult[] = [];
    if (BOTS.has('ours')) {
      const fake = await FakeTelegramApi.start({ token: TOKEN });
      const app = await ourPipeline(fake, url, { realLimits: false });
      const r = await warmAndRun(
        {
          name: 'our pipeline (webhook → DB → flow → outbox → send)',
          webhookUrl: `${app.url}/telegram/webhook`,
          stop: () => app.stop(),
        },
        fake,
        9_000_000,
      );
      await app.stop();
      await fake.stop();
      out.push(r);
    }
    if (BOTS.has('conversations')) {
      const fake = await FakeTelegramApi.start({ token: TOKEN });
      const target = await conversationsBot(fake, url);
      out.push(await warmAndRun(target, fake, 9_100_000));
      await target.stop();
      await fake.stop();
    }
    if (BOTS.has('echo')) {
      const fake = await FakeTelegramApi.start({ token: TOKEN });
      const target = await echoBot(fake);
      out.push(await warmAndRun(target, fake, 9_200_000));
      await target.stop();
      await fake.stop();
    }
    return out;
  });

  console.log(
    '| bot | updates | updates/s | p50 ms | p99 ms | errors | CPU ms/update | PostgreSQL ms/update | Redis ms/update | machine CPU ms/update |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.updates} | ${fmt(r.perSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${fmt(r.cpuMsPerUpdate)} | ${fmt(r.postgresMsPerUpdate)} | ${fmt(r.redisMsPerUpdate)} | ${fmt(r.machineMsPerUpdate)} |`,
    );
  }
  const [ours, conv, echo] = results;
  if (ours && conv && echo) {
    console.log(
      `\nratios: ours / conversations bot = ${fmt(ours.perSecond / conv.perSecond, 2)} (throughput), ` +
        `${fmt(ours.p50 / conv.p50, 2)} (p50 latency); ours / echo bot = ${fmt(ours.perSecond / echo.perSecond, 2)} (throughput), ` +
        `${fmt(ours.p50 / echo.p50, 2)} (p50 latency)`,
    );
  }

  // One machine-readable line for bench/all.ts (npm run bench).
  console.log(`BENCH_JSON ${JSON.stringify({ bench: 'telegram', inbound: results })}`);
  if (OUTBOUND <= 0) process.exit(0);
  console.log(`\noutbound: ${OUTBOUND} messages to ${OUTBOUND} chats, fake enforcing 30 msg/s overall`);
  const o = await withBenchDatabase(runOutbound);
  console.log(
    `achieved ${fmt(o.rate)} msg/s = ${fmt(o.rate / 30, 3)} of the limit; 429s received: ${o.rateLimited429}; ` +
      `delivered ${o.delivered}/${o.messages}; lost: ${o.lost}; duplicates: ${o.duplicates}; wall ${fmt(o.wallSeconds)} s`,
  );
  console.log(`BENCH_JSON ${JSON.stringify({ bench: 'telegram', outbound: o })}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
