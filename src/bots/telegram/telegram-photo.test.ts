import { describe, expect, it } from 'vitest';
import { renderParts } from './telegram-adapter.ts';

const file = (mimeType: string, bytes = 10) => ({
  filename: 'x',
  mimeType,
  contentBase64: Buffer.alloc(bytes).toString('base64'),
});

describe('Telegram: images inline', () => {
  it('sends a PNG or JPEG as a photo (shown inline) and anything else as a document', () => {
    expect(renderParts({ text: 'Grafiek', file: file('image/png') }).at(-1)).toMatchObject({
      kind: 'document',
      photo: true,
    });
    expect(renderParts({ text: '', file: file('image/jpeg') })).toHaveLength(1);
    expect(renderParts({ text: 'Oogst', file: file('text/html') }).at(-1)).toMatchObject({ photo: false });
    expect(renderParts({ text: 'Te groot', file: file('image/png', 11 * 1024 * 1024) }).at(-1)).toMatchObject(
      {
        photo: false,
      },
    );
  });
});
