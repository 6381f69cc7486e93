import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { ChannelRepo } from '../../db/channel-repo.ts';
import { t } from '../../i18n/index.ts';
import type { ReceiveInbound } from '../ports.ts';
import { KeyedSerializer } from './keyed-serializer.ts';
import type { TelegramAdapter } from './telegram-adapter.ts';
import { type TranslatedUpdate, translateUpdate } from './update-to-event.ts';

export type IntakeOutcome = 'stored' | 'duplicate' | 'ignored';

export interface UpdateIntakeDeps {
  receive: ReceiveInbound;
  api: Api;
  adapter: TelegramAdapter;
  repo: ChannelRepo;
  log: Logger;
  fetchMedia: (ref: string, fileId: string) => Promise<void>;
  maxMediaBytes: number;
}

/**
 * The one entry point for Telegram updates, shared by webhook and polling: translate, store once
 * (in chat order), then do what Telegram itself needs (answer the button press, fetch the file).
 * It throws only when the update could not be stored, so the transport can have it sent again.
 */
export function createUpdateIntake(deps: UpdateIntakeDeps) {
  const serial = new KeyedSerializer();

  return async function handle(update: Update): Promise<IntakeOutcome> {
    const translated = translateUpdate(update, new Date());
    if (!translated.ok) {
      deps.log.debug({ updateId: update.update_id, reason: translated.ignored }, 'telegram update ignored');
      return 'ignored';
    }
    const u = translated.value;
    return serial.run(u.chatId, async () => {
      // Storing it also marks someone who had blocked the bot and writes again as reachable (the core's inbox).
      const { duplicate } = await deps.receive(u.event);
      if (duplicate) return 'duplicate';
      afterStored(u);
      return 'stored';
    });
  };

  /** Telegram-side follow-ups; none of them may delay the answer to Telegram. */
  function afterStored(u: TranslatedUpdate): void {
    if (u.callbackQueryId) {
      // Stops the spinner on the button at once; the reply itself comes through the outbox.
      deps.api
        .answerCallbackQuery(u.callbackQueryId)
        .catch((err) => deps.log.warn({ err: (err as Error).message }, 'answerCallbackQuery failed'));
    }
    if (u.media) void announceMedia(u);
  }

  async function announceMedia(u: TranslatedUpdate): Promise<void> {
    const m = u.media;
    if (!m) return;
    try {
      const tooLarge = m.sizeBytes !== undefined && m.sizeBytes > deps.maxMediaBytes;
      const fresh = await deps.repo.announce({
        ref: m.ref,
        platform: 'TELEGRAM',
        externalUserId: u.event.sender.externalId,
        kind: m.kind,
        platformFileId: m.fileId,
        mimeType: m.mimeType,
        fileName: m.fileName,
        sizeBytes: m.sizeBytes,
        tooLarge,
      });
      if (tooLarge) await tellTooLarge(u, m.sizeBytes ?? 0);
      else if (fresh) await deps.fetchMedia(m.ref, m.fileId);
    } catch (err) {
      deps.log.warn({ err: (err as Error).message?.slice(0, 200) }, 'storing a Telegram file failed');
    }
  }

  /** A platform limit, not a business rule: bots cannot download more than 20 MB. */
  async function tellTooLarge(u: TranslatedUpdate, sizeBytes: number): Promise<void> {
    const locale = u.event.sender.languageCode?.toLowerCase().startsWith('en') ? 'en' : 'nl';
    const mb = (n: number) => Math.ceil(n / (1024 * 1024));
    const text = t(locale, 'telegram.file_too_large', { size: mb(sizeBytes), max: mb(deps.maxMediaBytes) });
    const result = await deps.adapter.send(
      { platform: 'TELEGRAM', externalId: u.event.sender.externalId, chatId: u.chatId },
      { text },
      { deliveryId: `tg-too-large-${u.event.eventId}`, createdAt: u.event.receivedAt },
    );
    if (!result.ok) deps.log.warn({ reason: result.reason }, 'telling about a too large file failed');
  }
}
