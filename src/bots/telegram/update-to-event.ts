import type { CallbackQuery, Message, Update, User } from 'grammy/types';
import type { InboundContent, InboundEvent, Sender } from '../ports.ts';

/** The update types we ask Telegram for (setWebhook / getUpdates `allowed_updates`). */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** A file mentioned in an update, to be fetched with getFile after the update is stored. */
export interface MediaMention {
  ref: string;
  kind: 'voice' | 'photo' | 'document';
  fileId: string;
  mimeType?: string;
  fileName?: string;
  sizeBytes?: number;
}

/** An update we act on: the normalised event plus what the Telegram side still needs to do. */
export interface TranslatedUpdate {
  event: InboundEvent;
  /** Chat the update came from (replies and per-chat ordering). */
  chatId: string;
  callbackQueryId?: string;
  media?: MediaMention;
}

export type Translation = { ok: true; value: TranslatedUpdate } | { ok: false; ignored: string };

/** The file reference an InboundEvent carries for a Telegram file (stable across re-sends of the file). */
export const telegramFileRef = (fileUniqueId: string) => `tg:${fileUniqueId}`;

/** Translates one Telegram update into our InboundEvent; anything we do not use is ignored, not an error. */
export function translateUpdate(update: Update, receivedAt: Date): Translation {
  const eventId = String(update.update_id);
  if (update.message) return fromMessage(eventId, update.message, receivedAt);
  if (update.callback_query) return fromCallback(eventId, update.callback_query, receivedAt);
  const kind = Object.keys(update).find((k) => k !== 'update_id') ?? 'empty';
  return { ok: false, ignored: `update type ${kind.slice(0, 40)}` };
}

function sender(from: User, chatId: string): Sender {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return {
    platform: 'TELEGRAM',
    externalId: String(from.id),
    chatId,
    displayName: name ? name.slice(0, 200) : undefined,
    languageCode: from.language_code?.slice(0, 20),
  };
}

function fromMessage(eventId: string, m: Message, receivedAt: Date): Translation {
  if (!m.from || m.from.is_bot) return { ok: false, ignored: 'message without a human sender' };
  const chatId = String(m.chat.id);
  const content = messageContent(m);
  if (!content) return { ok: false, ignored: 'unsupported message content' };
  const value: TranslatedUpdate = {
    event: { eventId, sender: sender(m.from, chatId), content: content.content, receivedAt },
    chatId,
    media: content.media,
  };
  return { ok: true, value };
}

function messageContent(m: Message): { content: InboundContent; media?: MediaMention } | null {
  if (typeof m.text === 'string') {
    const command = parseBotCommand(m);
    return { content: command ?? { kind: 'text', text: m.text } };
  }
  const file = fileOf(m);
  if (file) {
    const content: InboundContent = {
      kind: 'media',
      mediaKind: file.kind,
      fileRef: file.ref,
      ...(m.caption ? { caption: m.caption } : {}),
    };
    return { content, media: file };
  }
  // A shared contact is an answer ("how can we reach you?"): its phone number is the text.
  if (m.contact) return { content: { kind: 'text', text: m.contact.phone_number } };
  if (m.sticker?.emoji) return { content: { kind: 'text', text: m.sticker.emoji } };
  return null;
}

/** `/cmd@bot args` → command; Telegram marks it with a bot_command entity at offset 0. */
function parseBotCommand(m: Message): InboundContent | null {
  const text = m.text ?? '';
  const entity = m.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return null;
  const raw = text.slice(1, entity.length);
  const command = (raw.split('@')[0] ?? '').toLowerCase();
  if (!command) return null;
  return { kind: 'command', command, args: text.slice(entity.length).trim() };
}

function fileOf(m: Message): MediaMention | null {
  if (m.voice) {
    const { file_id, file_unique_id, mime_type, file_size } = m.voice;
    return {
      ref: telegramFileRef(file_unique_id),
      kind: 'voice',
      fileId: file_id,
      mimeType: mime_type,
      sizeBytes: file_size,
    };
  }
  // Telegram sends several sizes of a photo; the last is the largest.
  const photo = m.photo?.at(-1);
  if (photo) {
    const { file_id, file_unique_id, file_size } = photo;
    return {
      ref: telegramFileRef(file_unique_id),
      kind: 'photo',
      fileId: file_id,
      mimeType: 'image/jpeg',
      sizeBytes: file_size,
    };
  }
  const doc:
    | { file_id: string; file_unique_id: string; file_size?: number; mime_type?: string; file_name?: string }
    | undefined = m.document ?? m.audio ?? m.video ?? m.animation ?? m.video_note;
  if (!doc) return null;
  return {
    ref: telegramFileRef(doc.file_unique_id),
    kind: 'document',
    fileId: doc.file_id,
    mimeType: doc.mime_type,
    fileName: doc.file_name,
    sizeBytes: doc.file_size,
  };
}

function fromCallback(eventId: string, q: CallbackQuery, receivedAt: Date): Translation {
  if (!q.data) return { ok: false, ignored: 'callback query without data' };
  const chatId = String(q.message?.chat.id ?? q.from.id);
  // Our buttons carry short opaque ids; anything longer is not ours, and the core answers it as stale.
  const buttonId = q.data.slice(0, 64);
  const value: TranslatedUpdate = {
    event: { eventId, sender: sender(q.from, chatId), content: { kind: 'button', buttonId }, receivedAt },
    chatId,
    callbackQueryId: q.id,
  };
  return { ok: true, value };
}
