import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { keyboard, renderParts, toSendResult } from './telegram-adapter.ts';

const apiError = (code: number, description: string, parameters = {}) =>
  new GrammyError('x', { ok: false, error_code: code, description, parameters }, 'sendMessage', {});

describe('Telegram rendering and error mapping', () => {
  it('puts buttons on the last text part and the file after the text', () => {
    const parts = renderParts({
      text: `${'Zin. '.repeat(1000)}`,
      buttons: [[{ id: 'a1', label: 'Ja' }], []],
      file: {
        filename: 'dialoog 1;x.ics',
        mimeType: 'text/calendar',
        contentBase64: Buffer.from('ICS').toString('base64'),
      },
    });
    expect(parts.map((p) => p.kind)).toEqual(['text', 'text', 'document']);
    expect(parts[1]?.keyboard).toEqual({ inline_keyboard: [[{ text: 'Ja', callback_data: 'a1' }]] });
    expect(parts[0]?.keyboard).toBeUndefined();
    expect(parts[2]).toMatchObject({ filename: 'dialoog_1_x.ics' });
  });

  it('shows our *emphasis* bold without asterisks; other asterisks and markup stay as typed', () => {
    const [part] = renderParts({ text: '*Uitspraken*\n- "<b>5 * 3</b>"\nJe code is *1689-1554*.' });
    expect(part).toMatchObject({
      kind: 'text',
      text: 'Uitspraken\n- "<b>5 * 3</b>"\nJe code is 1689-1554.',
      entities: [
        { type: 'bold', offset: 0, length: 10 },
        { type: 'bold', offset: 39, length: 9 },
      ],
    });
    expect(renderParts({ text: 'geen nadruk' })[0]).toEqual({ kind: 'text', text: 'geen nadruk' });
  });

  it('refuses callback data over 64 bytes (a bug in the core, not something to send)', () => {
    expect(() => keyboard([[{ id: 'é'.repeat(33), label: 'x' }]])).toThrow(/64 bytes/);
    expect(keyboard([])).toBeUndefined();
  });

  it('maps 429, blocked, gone and other failures to delivery outcomes', () => {
    expect(toSendResult(apiError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toEqual({
      ok: false,
      reason: 'rate_limited',
      retryAfterMs: 7000,
    });
    expect(toSendResult(apiError(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({
      reason: 'unreachable',
    });
    expect(toSendResult(apiError(400, 'Bad Request: chat not found'))).toMatchObject({
      reason: 'unreachable',
    });
    expect(toSendResult(apiError(400, 'Bad Request: message is too long'))).toMatchObject({
      reason: 'transient',
    });
    expect(toSendResult(apiError(502, 'Bad Gateway'))).toMatchObject({ reason: 'transient' });
    expect(toSendResult(new HttpError('network', new Error('ECONNRESET')))).toMatchObject({
      reason: 'transient',
    });
  });
});
