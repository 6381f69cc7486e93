import { describe, expect, it } from 'vitest';
import { parseEmphasis } from './emphasis.ts';

describe('parseEmphasis', () => {
  it('takes the asterisks off *bold* and says where the bold stretches are', () => {
    const r = parseEmphasis('Je koppelcode is *1689-1554* (geldig).\n\n*Wat mensen raakte*\n- iets');
    expect(r.text).toBe('Je koppelcode is 1689-1554 (geldig).\n\nWat mensen raakte\n- iets');
    expect(r.bold.map((b) => r.text.slice(b.offset, b.offset + b.length))).toEqual([
      '1689-1554',
      'Wat mensen raakte',
    ]);
  });

  it('leaves asterisks that are not emphasis as typed', () => {
    for (const text of ['5 * 3 * 2', 'a*b*c', '* lijstje', '**', '*open', 'x *y\nz*', '*ja *nee']) {
      expect(parseEmphasis(text)).toEqual({ text, bold: [] });
    }
  });

  it('counts offsets in UTF-16 code units, as Telegram does', () => {
    const r = parseEmphasis('🎉 *Fijn*!');
    expect(r).toEqual({ text: '🎉 Fijn!', bold: [{ offset: 3, length: 4 }] });
  });
});
