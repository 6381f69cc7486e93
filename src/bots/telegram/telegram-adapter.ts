import { setTimeout as sleep } from 'node:timers/promises';
import { type Api, GrammyError, HttpError, InputFile } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import { parseEmphasis } from '../emphasis.ts';
import type {
  ChannelAdapter,
  DeliveryMeta,
  DeliveryTarget,
  OutboundButton,
  OutboundMessage,
  SendResult,
} from '../ports.ts';
import type { SendPacer } from './send-pacer.ts';
import { splitText } from './split-text.ts';

/** Telegram's limit for callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

export interface TelegramAdapterOptions {
  api: Api;
  pacer: SendPacer;
  /** A chat whose next slot is further away than this is deferred (the job is retried then) instead of waited for. */
  maxInlineWaitMs?: number;
  /** Telegram's message id of an earlier delivery (for `replaces`), when this process no longer remembers it. */
  lookupMessageId?: (deliveryId: string) => Promise<string | null>;
}

/** One Bot API call that a message becomes. */
type Part =
  | { kind: 'text'; text: string; entities?: MessageEntity[]; keyboard?: InlineKeyboardMarkup }
  | { kind: 'document'; filename: string; content: Buffer; keyboard?: InlineKeyboardMarkup; photo?: boolean };

/** Images Telegram shows inline (sendPhoto: JPEG/PNG up to 10 MB); anything else goes as a document. */
const PHOTO_TYPES = new Set(['image/png', 'image/jpeg']);
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

interface Progress {
  done: number;
  lastMessageId?: number;
}

const PROGRESS_MEMORY = 10_000;

/**
 * Renders OutboundMessages as Bot API calls: plain text (never parse_mode, so names and answers
 * with <, & or _ show as typed and can never break a message), our `*emphasis*` as bold entities
 * (src/bots/emphasis.ts), long texts split, buttons as an inline keyboard whose
 * callback_data is the button's opaque id, files via sendDocument. Paced per chat and overall.
 */
export class TelegramAdapter implements ChannelAdapter {
  readonly platform = 'TELEGRAM' as const;
  private readonly api: Api;
  private readonly pacer: SendPacer;
  private readonly maxInlineWaitMs: number;
  private readonly lookupMessageId?: (deliveryId: string) => Promise<string | null>;
  /** Parts already sent per delivery, so a retry after a partial send continues instead of repeating. */
  private readonly progress = new Map<string, Progress>();

  constructor(opts: TelegramAdapterOptions) {
    this.api = opts.api;
    this.pacer = opts.pacer;
    this.maxInlineWaitMs = opts.maxInlineWaitMs ?? 1000;
    this.lookupMessageId = opts.lookupMessageId;
  }

  async send(target: DeliveryTarget, message: OutboundMessage, meta: DeliveryMeta): Promise<SendResult> {
    const chatId = target.chatId ?? target.externalId;
    if (message.replaces && !message.file && !this.progress.has(meta.deliveryId)) {
      const edited = await this.editEarlier(chatId, message, meta);
      if (edited) return edited;
    }
    const parts = renderParts(message);
    const progress = this.progress.get(meta.deliveryId) ?? { done: 0 };
    for (let i = progress.done; i < parts.length; i++) {
      const part = parts[i] as Part;
      const key = `${meta.deliveryId}#${i}`;
      const wait = this.pacer.reserve(chatId, key) - Date.now();
      if (wait > this.maxInlineWaitMs) return { ok: false, reason: 'rate_limited', retryAfterMs: wait };
      if (wait > 0) await sleep(wait);
      const globalWait = this.pacer.takeGlobal();
      if (globalWait > 0) await sleep(globalWait);
      try {
        const sent = await this.call(chatId, part);
        progress.done = i + 1;
        progress.lastMessageId = sent.message_id;
        this.remember(meta.deliveryId, progress);
        this.pacer.release(chatId, key);
      } catch (err) {
        const result = toSendResult(err);
        if (!result.ok && result.reason === 'rate_limited')
          this.pacer.block(chatId, result.retryAfterMs, key);
        else this.pacer.release(chatId, key);
        return result;
      }
    }
    return {
      ok: true,
      externalMessageId: progress.lastMessageId === undefined ? undefined : String(progress.lastMessageId),
    };
  }

  /**
   * Edits the message that `message.replaces` names, in place. Returns null when that is not
   * possible (unknown, too long for one message, or too old to edit): the caller sends it anew.
   */
  private async editEarlier(chatId: string, message: OutboundMessage, meta: DeliveryMeta) {
    const replaces = message.replaces as string;
    const remembered = this.progress.get(replaces)?.lastMessageId;
    const earlier = remembered !== undefined ? String(remembered) : await this.lookupMessageId?.(replaces);
    const chunks = splitText(message.text);
    if (!earlier || chunks.length !== 1 || !message.text.trim()) return null;
    const { text, entities } = textPart(chunks[0] ?? '');
    const key = `${meta.deliveryId}#edit`;
    const wait = this.pacer.reserve(chatId, key) - Date.now();
    if (wait > this.maxInlineWaitMs)
      return { ok: false as const, reason: 'rate_limited' as const, retryAfterMs: wait };
    if (wait > 0) await sleep(wait);
    try {
      await this.api.editMessageText(chatId, Number(earlier), text, {
        entities,
        reply_markup: keyboard(message.buttons) ?? { inline_keyboard: [] },
        link_preview_options: { is_disabled: true },
      });
    } catch (err) {
      const notModified = err instanceof GrammyError && /message is not modified/i.test(err.description);
      const result = toSendResult(err);
      if (!notModified && !result.ok && result.reason === 'rate_limited') {
        this.pacer.block(chatId, result.retryAfterMs, key);
        return result;
      }
      this.pacer.release(chatId, key);
      if (!notModified) {
        // Too old to edit, deleted, or otherwise not editable: the caller sends it as a new message.
        if (!result.ok && result.reason === 'transient' && isBadRequest(err)) return null;
        return result;
      }
      return this.edited(meta.deliveryId, earlier);
    }
    this.pacer.release(chatId, key);
    return this.edited(meta.deliveryId, earlier);
  }

  private edited(deliveryId: string, messageId: string): SendResult {
    this.remember(deliveryId, { done: Number.POSITIVE_INFINITY, lastMessageId: Number(messageId) });
    return { ok: true, externalMessageId: messageId };
  }

  /** Takes the buttons off a message (after one was pressed), so it cannot be pressed again. */
  async clearButtons(chatId: string, messageId: number): Promise<void> {
    await this.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } });
  }

  private call(chatId: string, part: Part) {
    if (part.kind === 'text') {
      return this.api.sendMessage(chatId, part.text, {
        entities: part.entities,
        reply_markup: part.keyboard,
        link_preview_options: { is_disabled: true },
      });
    }
    if (part.photo) {
      return this.api.sendPhoto(chatId, new InputFile(part.content, part.filename), {
        reply_markup: part.keyboard,
      });
    }
    return this.api.sendDocument(chatId, new InputFile(part.content, part.filename), {
      reply_markup: part.keyboard,
    });
  }

  private remember(deliveryId: string, progress: Progress): void {
    this.progress.delete(deliveryId);
    this.progress.set(deliveryId, progress);
    if (this.progress.size > PROGRESS_MEMORY) {
      const oldest = this.progress.keys().next().value;
      if (oldest !== undefined) this.progress.delete(oldest);
    }
  }
}

/** The Bot API calls one message becomes: text chunks, then the file; buttons go on the last text. */
export function renderParts(message: OutboundMessage): Part[] {
  const markup = keyboard(message.buttons);
  const parts: Part[] = message.text.trim() ? splitText(message.text).map(textPart) : [];
  if (message.file) {
    parts.push({
      kind: 'document',
      // grammY writes the name unquoted into the multipart header: keep it to safe characters.
      filename: message.file.filename.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file',
      content: Buffer.from(message.file.contentBase64, 'base64'),
      photo:
        PHOTO_TYPES.has(message.file.mimeType) &&
        Buffer.byteLength(message.file.contentBase64, 'base64') <= PHOTO_MAX_BYTES,
    });
  }
  const lastText = parts.findLastIndex((p) => p.kind === 'text');
  const holder = parts[lastText >= 0 ? lastText : parts.length - 1];
  if (holder && markup) holder.keyboard = markup;
  return parts;
}

/** One chunk of text with our `*emphasis*` as bold entities (offsets in UTF-16, as Telegram counts). */
function textPart(chunk: string): Part & { kind: 'text' } {
  const { text, bold } = parseEmphasis(chunk);
  if (bold.length === 0) return { kind: 'text', text };
  return { kind: 'text', text, entities: bold.map((b) => ({ type: 'bold', ...b })) };
}

/** Buttons → inline keyboard; the callback data is the core's opaque id (a longer one is a bug). */
export function keyboard(rows: OutboundButton[][] | undefined): InlineKeyboardMarkup | undefined {
  const nonEmpty = rows?.filter((row) => row.length > 0) ?? [];
  if (nonEmpty.length === 0) return undefined;
  return {
    inline_keyboard: nonEmpty.map((row) =>
      row.map((b) => {
        if (Buffer.byteLength(b.id, 'utf8') > CALLBACK_DATA_LIMIT) {
          throw new Error(`button id longer than ${CALLBACK_DATA_LIMIT} bytes`);
        }
        return { text: b.label, callback_data: b.id };
      }),
    ),
  };
}

const isBadRequest = (err: unknown) => err instanceof GrammyError && err.error_code === 400;

const UNREACHABLE_400 = /chat not found|user not found|deactivated|PEER_ID_INVALID|group chat was upgraded/i;

/** Bot API errors as delivery outcomes: 429 → wait retry_after; blocked or gone → unreachable. */
export function toSendResult(err: unknown): SendResult {
  if (err instanceof GrammyError) {
    const detail = `telegram ${err.error_code}: ${err.description}`.slice(0, 200);
    if (err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      return { ok: false, reason: 'rate_limited', retryAfterMs: Math.max(1, seconds) * 1000 };
    }
    if (err.error_code === 403) return { ok: false, reason: 'unreachable', detail };
    if (err.error_code === 400 && UNREACHABLE_400.test(err.description))
      return { ok: false, reason: 'unreachable', detail };
    return { ok: false, reason: 'transient', detail };
  }
  if (err instanceof HttpError)
    return { ok: false, reason: 'transient', detail: 'telegram unreachable (network)' };
  return { ok: false, reason: 'transient', detail: String((err as Error)?.message ?? err).slice(0, 200) };
}
