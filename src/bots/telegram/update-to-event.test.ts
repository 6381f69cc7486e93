import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { translateUpdate } from './update-to-event.ts';

const at = new Date('2026-11-29T10:00:00Z');
const from = { id: 42, is_bot: false, first_name: 'Noor', last_name: 'B', language_code: 'en' };
const chat = { id: 42, type: 'private' as const, first_name: 'Noor' };
const message = (extra: Record<string, unknown>) =>
  ({ update_id: 7, message: { message_id: 1, date: 0, from, chat, ...extra } }) as unknown as Update;

describe('translateUpdate', () => {
  it('turns text, commands (with @bot and deep-link arguments) and contacts into content', () => {
    const text = translateUpdate(message({ text: 'hallo' }), at);
    expect(text).toMatchObject({
      ok: true,
      value: {
        chatId: '42',
        event: {
          eventId: '7',
          content: { kind: 'text', text: 'hallo' },
          sender: { platform: 'TELEGRAM', externalId: '42', displayName: 'Noor B', languageCode: 'en' },
        },
      },
    });
    const start = translateUpdate(
      message({
        text: '/start@dialoog_bot DEMO-CODE',
        entities: [{ type: 'bot_command', offset: 0, length: 18 }],
      }),
      at,
    );
    expect(start.ok && start.value.event.content).toEqual({
      kind: 'command',
      command: 'start',
      args: 'DEMO-CODE',
    });
    // A slash without a command entity is just text (e.g. "/ niet doen").
    expect(translateUpdate(message({ text: '/ niet' }), at)).toMatchObject({
      value: { event: { content: { kind: 'text' } } },
    });
    const contact = translateUpdate(
      message({ contact: { phone_number: '+31612345678', first_name: 'Noor' } }),
      at,
    );
    expect(contact.ok && contact.value.event.content).toEqual({ kind: 'text', text: '+31612345678' });
  });

  it('turns voice, the largest photo and documents into media with a stable file reference', () => {
    const voice = translateUpdate(
      message({ voice: { file_id: 'F', file_unique_id: 'U', duration: 2, file_size: 9 } }),
      at,
    );
    expect(voice).toMatchObject({
      value: {
        event: { content: { kind: 'media', mediaKind: 'voice', fileRef: 'tg:U' } },
        media: { fileId: 'F', sizeBytes: 9 },
      },
    });
    const photo = translateUpdate(
      message({
        caption: 'onze oogst',
        photo: [
          { file_id: 'small', file_unique_id: 's', width: 90, height: 90 },
          { file_id: 'large', file_unique_id: 'l', width: 900, height: 900 },
        ],
      }),
      at,
    );
    expect(photo).toMatchObject({
      value: { event: { content: { fileRef: 'tg:l', caption: 'onze oogst' } }, media: { fileId: 'large' } },
    });
    const doc = translateUpdate(
      message({ document: { file_id: 'D', file_unique_id: 'd', file_name: 'a.pdf' } }),
      at,
    );
    expect(doc).toMatchObject({ value: { media: { kind: 'document', fileName: 'a.pdf' } } });
  });

  it('turns a button press into its opaque id and keeps the callback query id', () => {
    const update = {
      update_id: 8,
      callback_query: {
        id: 'cq1',
        from,
        chat_instance: 'x',
        data: 'abc123',
        message: { message_id: 5, date: 0, chat },
      },
    } as unknown as Update;
    expect(translateUpdate(update, at)).toMatchObject({
      ok: true,
      value: {
        callbackQueryId: 'cq1',
        chatId: '42',
        event: { content: { kind: 'button', buttonId: 'abc123' } },
      },
    });
  });

  it('ignores what it does not use instead of failing', () => {
    expect(translateUpdate({ update_id: 9, edited_message: {} } as unknown as Update, at)).toEqual({
      ok: false,
      ignored: 'update type edited_message',
    });
    expect(translateUpdate(message({ location: { latitude: 1, longitude: 2 } }), at).ok).toBe(false);
    expect(translateUpdate(message({ from: { ...from, is_bot: true }, text: 'x' }), at).ok).toBe(false);
  });
});
