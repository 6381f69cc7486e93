// Shared pieces of the reliability tests: the app as a child process, Telegram volunteers, and a
// "Telegram" that redelivers every update until the webhook answers 2xx (as the real one does).
import { type ChildProcess, spawn } from 'node:child_process';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { FakeTelegramApi, TelegramCall } from '../fakes/telegram-api.ts';
import { volunteerProfile } from '../support/fixtures.ts';
import { textMessageUpdate } from '../support/telegram-updates.ts';
import { TEST_SECRET, TEST_TOKEN } from '../telegram/telegram-user.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same kills and answers. */
export { seeded } from '../support/prng.ts';

/** Environment for an app that talks to the fake Bot API through a webhook. */
export function telegramEnv(fake: FakeTelegramApi): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_API_ROOT: fake.url,
    PUBLIC_URL: 'https://dialoog.example.org',
  };
}

/** Tests do not wait for Telegram's real per-chat pace (the pacer has its own tests). */
export const FAST_TELEGRAM = { telegram: { limits: { privateChat: { intervalMs: 1, burst: 1000 } } } };

/** The app in its own process (test/support/run-app.ts), so it can be killed with SIGKILL. */
export class ChildApp {
  url = '';
  private child: ChildProcess | null = null;

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/run-app.ts'], {
      env: { ...process.env, ...this.env, RUN_APP_OPTIONS: JSON.stringify(FAST_TELEGRAM) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        const m = /ready (\S+)/.exec(d.toString());
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`app process exited ${code} before it was ready`)));
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.url = '';
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

/** Volunteers reachable on Telegram (chat id = user id = `firstId + i`), free every day, many sessions a month. */
export async function telegramVolunteers(prisma: PrismaClient, count: number, firstId: number) {
  const out: { chatId: number; personId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const chatId = firstId + i;
    const p = await prisma.person.create({
      data: {
        displayName: `Vrijwilliger${i} Betrouwbaar`,
        roles: ['VOLUNTEER'],
        onboardedAt: new Date(),
        identities: {
          create: { platform: 'TELEGRAM', externalId: String(chatId), chatId: String(chatId) },
        },
        volunteer: { create: volunteerProfile({ maxPerMonth: 1000 }) },
      },
    });
    out.push({ chatId, personId: p.id });
  }
  return out;
}

let updateSeq = 9_000_000;

/** A button press as Telegram sends it. */
export function callbackUpdate(chatId: number, data: string, messageId: number): Record<string, unknown> {
  const updateId = updateSeq++;
  const from = { id: chatId, is_bot: false, first_name: 'Vrijwilliger', language_code: 'nl' };
  return {
    update_id: updateId,
    callback_query: {
      id: `cq-${updateId}`,
      from,
      chat_instance: `ci-${chatId}`,
      data,
      message: {
        message_id: messageId,
        from: { id: 123456, is_bot: true, first_name: 'Dialoogbot' },
        chat: { id: chatId, first_name: 'Vrijwilliger', type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text: '…',
      },
    },
  };
}

/** A text message as Telegram sends it. */
export function messageUpdate(chatId: number, text: string): Record<string, unknown> {
  const updateId = updateSeq++;
  return textMessageUpdate({ updateId, messageId: updateId, chatId, firstName: 'Vrijwilliger', text });
}

/**
 * Telegram's side of the webhook: every update is posted until it is answered 2xx (connection
 * refused, 5xx, a dead process: try again later), and now and then posted twice, as Telegram does
 * when an answer got lost. One chat's updates in order, different chats at once. Counts the
 * non-2xx answers it saw.
 */
export class Redeliverer {
  readonly refused: number[] = [];
  private readonly queues = new Map<string, Record<string, unknown>[]>();
  private readonly busy = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: () => string,
    private readonly random: () => number = Math.random,
    private readonly duplicateShare = 0.1,
  ) {}

  push(update: Record<string, unknown>): void {
    const chat = chatOf(update);
    const queue = this.queues.get(chat) ?? [];
    queue.push(update);
    if (this.random() < this.duplicateShare) queue.push(update);
    this.queues.set(chat, queue);
  }

  get pending(): number {
    let n = this.busy.size;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  start(everyMs = 50): void {
    this.timer = setInterval(() => void this.flush(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.queues.keys()].map((chat) => this.flushChat(chat)));
  }

  /** Posts a chat's updates in order; stops at the first one not accepted (Telegram keeps a chat's order). */
  private async flushChat(chat: string): Promise<void> {
    const queue = this.queues.get(chat);
    if (this.busy.has(chat) || !queue?.length) return;
    this.busy.add(chat);
    try {
      while (queue.length > 0) {
        const base = this.url();
        if (!base) return;
        const status = await post(base, queue[0] as Record<string, unknown>);
        if (status < 200 || status >= 300) {
          this.refused.push(status);
          return;
        }
        queue.shift();
      }
    } finally {
      this.busy.delete(chat);
    }
  }
}

function chatOf(update: Record<string, unknown>): string {
  const u = update as { message?: { chat?: { id?: number } }; callback_query?: { from?: { id?: number } } };
  return String(u.message?.chat?.id ?? u.callback_query?.from?.id ?? 0);
}

/** Posts one update to the webhook as Telegram does; 0 when the app did not answer (down, cut off). */
export async function post(base: string, update: Record<string, unknown>): Promise<number> {
  try {
    const res = await fetch(`${base}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_SECRET },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(10_000),
    });
    await res.text();
    return res.status;
  } catch {
    return 0; // refused or cut off: the process is down
  }
}

/** The buttons of a sent message: label → callback data. */
export function buttonsOf(call: TelegramCall): Map<string, string> {
  const markup = call.params.reply_markup as
    | { inline_keyboard?: { text: string; callback_data?: string }[][] }
    | undefined;
  const out = new Map<string, string>();
  for (const b of markup?.inline_keyboard?.flat() ?? [])
    if (b.callback_data) out.set(b.text, b.callback_data);
  return out;
}

/**
 * Every outbound row against what the fake received. Lost: a row marked SENT whose message the
 * fake never got. Duplicates: per chat and text, more text messages than rows with that text
 * (a message with a file is its text, then the file; an edit sends no new message, so rows that
 * replace an earlier message only raise what is expected). Each duplicated message comes with the
 * times the fake received its copies.
 */
export async function deliveryLedger(prisma: PrismaClient, fake: FakeTelegramApi) {
  const rows = await prisma.outboundMessage.findMany({
    where: { platform: 'TELEGRAM' },
    select: { idempotencyKey: true, status: true, externalMessageId: true, payload: true, identity: true },
  });
  const sends = fake.calls.filter(
    (c) => ['sendMessage', 'sendDocument', 'sendPhoto'].includes(c.method) && c.status === 200,
  );
  const received = new Set(sends.map((s) => String(s.messageId)));
  const sent = rows.filter((r) => r.status === 'SENT');
  const key = (chat: unknown, text: unknown) => `${String(chat)}\u0000${String(text ?? '')}`;
  const expected = new Map<string, number>();
  for (const r of sent) {
    const text = (r.payload as { text?: string }).text;
    if (!text?.trim()) continue;
    const k = key(r.identity?.chatId ?? r.identity?.externalId, text);
    expected.set(k, (expected.get(k) ?? 0) + 1);
  }
  const copies = new Map<string, number[]>();
  for (const s of sends.filter((c) => c.method === 'sendMessage')) {
    const k = key(s.params.chat_id, s.params.text);
    copies.set(k, [...(copies.get(k) ?? []), s.at]);
  }
  const duplicates = [...copies.entries()]
    .filter(([k, times]) => (expected.get(k) ?? 0) > 0 && times.length > (expected.get(k) ?? 0))
    .map(([k, times]) => ({ extra: times.length - (expected.get(k) ?? 0), times }));
  return {
    rows: rows.length,
    sent: sent.length,
    pending: rows.filter((r) => r.status === 'PENDING').length,
    failed: rows.filter((r) => r.status === 'FAILED').length,
    lost: sent.filter((r) => !received.has(String(r.externalMessageId))).length,
    extra: duplicates.reduce((n, d) => n + d.extra, 0),
    /** The times the fake received each duplicated message's copies. */
    duplicates: duplicates.map((d) => d.times),
    keys: new Set(rows.map((r) => r.idempotencyKey)).size,
  };
}
