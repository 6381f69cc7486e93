import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText } from './split-text.ts';

describe('splitText', () => {
  it('leaves a text within the limit alone', () => {
    expect(splitText('Hallo 👋')).toEqual(['Hallo 👋']);
    expect(splitText('x'.repeat(4096))).toHaveLength(1);
  });

  it('prefers paragraphs, then lines, then sentences, then words', () => {
    expect(splitText(`${'a'.repeat(60)}\n\n${'b'.repeat(30)}\n${'c'.repeat(30)}`, 100)).toEqual([
      'a'.repeat(60),
      `${'b'.repeat(30)}\n${'c'.repeat(30)}`,
    ]);
    expect(splitText(`${'Een zin. '.repeat(8)}Nog een.`, 40)).toEqual([
      'Een zin. Een zin. Een zin. Een zin.',
      'Een zin. Een zin. Een zin. Een zin.',
      'Nog een.',
    ]);
    expect(splitText('woord '.repeat(10).trim(), 20)).toEqual([
      'woord woord woord',
      'woord woord woord',
      'woord woord woord',
      'woord',
    ]);
  });

  it('never cuts an emoji or a flag in two, even without spaces', () => {
    const chunks = splitText('🇳🇱'.repeat(30), 25);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(25);
      expect(c.length % 4).toBe(0);
    }
    expect(chunks.join('')).toBe('🇳🇱'.repeat(30));
  });

  it('keeps every character but boundary whitespace, within the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        fc.integer({ min: 20, max: 120 }),
        (text, limit) => {
          const chunks = splitText(text, limit);
          for (const c of chunks) expect(c.length).toBeLessThanOrEqual(limit);
          expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
    );
  });
});
