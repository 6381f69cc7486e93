/* The driver of bench:telegram: plays the users (the intake conversation as Telegram updates) and times the answers. */

import { performance } from 'node:perf_hooks';
import type { FakeTelegramApi, TelegramCall } from '../test/fakes/telegram-api.ts';
import { machineBusyMs, processesDelta, processesMs } from './machine-cpu.ts';
import { SECRET, type Target } from './telegram-bots.ts';

export type Step = { text: string; expect: number } | { button: string; expect: number };
/** The intake conversation as a person goes through it; `expect` = bot messages that answer the step. */
export const CONVERSATION: Step[] = [
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

export interface InboundResult {
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
  users: number,
): Promise<InboundResult> {
  const mailbox = new Mailbox(fake);
  const latencies: number[] = [];
  const perStep: number[][] = CONVERSATION.map(() => []);
  let errors = 0;
  // Read /proc first, so that reading it is not counted as this process's CPU.
  const machine0 = machineBusyMs();
  const postgres0 = processesMs('postgres');
  const redis0 = processesMs('redis-server');
  const cpu0 = process.cpuUsage();
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

/** A short unmeasured run of `warmup` users with other chats first, then the measured one of `users`. */
export async function warmAndRun(
  target: Target,
  fake: FakeTelegramApi,
  firstChat: number,
  { users, warmup }: { users: number; warmup: number },
): Promise<InboundResult> {
  if (warmup > 0) {
    const warm = await runInbound(target, fake, firstChat + 50_000, warmup);
    if (warm.errors) throw new Error(`${target.name}: warm-up failed`);
  }
  return runInbound(target, fake, firstChat, users);
}
