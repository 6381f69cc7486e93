import type { App } from '../../src/app.ts';
import type { FakeTelegramApi, TelegramCall } from '../fakes/telegram-api.ts';
import { settle } from '../support/local-chat-client.ts';

export const TEST_TOKEN = '123456:TEST-token-not-real';
export const TEST_SECRET = 'test_webhook_secret-not-real';

let nextUpdateId = 700_000;
let nextMessageId = 1;

/** A fresh update id, increasing like Telegram's. */
export const newUpdateId = () => nextUpdateId++;

export interface PostResult {
  status: number;
  body: Record<string, unknown>;
}

/** Posts one update to the webhook the way Telegram does (JSON, with the secret header). */
export async function postUpdate(
  app: App,
  update: Record<string, unknown>,
  secret: string | null = TEST_SECRET,
): Promise<PostResult> {
  const res = await fetch(`${app.url}/telegram/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
    },
    body: JSON.stringify(update),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** One Telegram user in a private chat with the bot, talking through the webhook. */
export class TelegramUser {
  constructor(
    private readonly app: App,
    private readonly fake: FakeTelegramApi,
    readonly id: number,
    readonly firstName: string,
    readonly languageCode = 'nl',
  ) {}

  get from() {
    return { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode };
  }

  /** A message update as Telegram sends it; commands carry a bot_command entity. */
  messageUpdate(text: string, updateId = newUpdateId()): Record<string, unknown> {
    const command = /^\/\S+/.exec(text);
    return {
      update_id: updateId,
      message: {
        message_id: nextMessageId++,
        from: this.from,
        chat: { id: this.id, first_name: this.firstName, type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    };
  }

  callbackUpdate(data: string, messageId = 1, updateId = newUpdateId()): Record<string, unknown> {
    return {
      update_id: updateId,
      callback_query: {
        id: `cq-${updateId}`,
        from: this.from,
        chat_instance: `ci-${this.id}`,
        data,
        message: {
          message_id: messageId,
          from: { id: 123456, is_bot: true, first_name: 'Dialoogbot' },
          chat: { id: this.id, first_name: this.firstName, type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text: '…',
        },
      },
    };
  }

  /** Messages the bot sent to this chat (successful sendMessage calls at the fake). */
  received(): TelegramCall[] {
    return this.fake.messages(this.id);
  }

  /** Sends text and returns the bot's replies to it. */
  async send(text: string): Promise<TelegramCall[]> {
    return this.roundTrip(this.messageUpdate(text));
  }

  /** Presses the button with this label under the latest bot message that has buttons. */
  async press(label: string | RegExp): Promise<TelegramCall[]> {
    const { data, messageId } = this.findButton(label);
    return this.roundTrip(this.callbackUpdate(data, messageId));
  }

  findButton(
    label: string | RegExp,
    where: 'latest' | 'any' = 'latest',
  ): { data: string; messageId: number } {
    const withButtons = this.received()
      .filter((c) => keyboardOf(c).length > 0)
      .reverse();
    for (const call of where === 'latest' ? withButtons.slice(0, 1) : withButtons) {
      const b = keyboardOf(call).find((x) =>
        typeof label === 'string' ? x.text === label : label.test(x.text),
      );
      if (b) return { data: b.callback_data, messageId: call.messageId ?? 0 };
    }
    const labels = withButtons[0] ? keyboardOf(withButtons[0]).map((b) => b.text) : [];
    throw new Error(`no button ${String(label)} in ${JSON.stringify(labels)}`);
  }

  async roundTrip(update: Record<string, unknown>): Promise<TelegramCall[]> {
    const before = this.received().length;
    const r = await postUpdate(this.app, update);
    if (r.status !== 200) throw new Error(`webhook answered ${r.status}: ${JSON.stringify(r.body)}`);
    await settle(this.app);
    return this.received().slice(before);
  }
}

export function keyboardOf(call: TelegramCall): { text: string; callback_data: string }[] {
  const markup = call.params.reply_markup as
    | { inline_keyboard?: { text: string; callback_data: string }[][] }
    | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

export const texts = (calls: TelegramCall[]) => calls.map((c) => String(c.params.text)).join('\n---\n');
