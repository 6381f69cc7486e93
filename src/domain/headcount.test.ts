import { describe, expect, it } from 'vitest';
import { parseHeadcount } from './headcount.ts';

/** Each input next to its result, so a failure names the input. */
function expectAll(texts: readonly string[], expected: unknown): void {
  for (const text of texts) expect([text, parseHeadcount(text)]).toEqual([text, expected]);
}

describe('parseHeadcount (how many took part, after the dialogue)', () => {
  it.each([
    [12, ['12', 'ongeveer twaalf', 'twaalf', 'een stuk of twaalf', 'ca. 12', 'circa 12 mensen']],
    [12, ['about twelve', 'around 12 people', 'about a dozen', "zo'n twaalf", 'We waren met 12 mensen']],
    [12, ['een stuk of 12, plus 2 begeleiders', '12 deelnemers en 3 begeleiders']],
    [15, ['een stuk of vijftien', 'fifteen']],
    [14, ['12-15', '12 à 15', 'tussen de 12 en 15', 'twaalf tot vijftien', 'between 12 and 15']],
    [9, ['8 of 9', '8 or 9']],
    [25, ['vijfentwintig', 'twenty-five']],
    [1, ['één', 'een']],
    [0, ['0', 'geen', 'niemand', 'nobody']],
    [1000, ['1.000']],
  ] as const)('%d ← %j', (value, texts) => expectAll(texts, { ok: true, value }));

  it.each([
    ['not_a_number', ['veel', 'een paar', 'a few', 'weet ik niet meer', '', '🎉']],
    ['too_many', ['2026', '10.000', '06 12345678']],
  ] as const)('%s ← %j', (error, texts) => expectAll(texts, { ok: false, error }));
});
