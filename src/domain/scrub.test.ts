import { describe, expect, it } from 'vitest';
import { PERSONAL_CORPUS } from '../../test/support/personal-corpus.ts';
import { elfProof, parseNameList, scrub } from './scrub.ts';

describe('scrub', () => {
  it.each([
    ['Mail me op jan.jansen@example.com graag', 'Mail me op [e-mail] graag'],
    ['Bel 06-12345678 of 06 1234 5678', 'Bel [telefoon] of [telefoon]'],
    ['Tel: 030 123 45 67.', 'Tel: [telefoon].'],
    ['Nummer +31 (0)30 1234567', 'Nummer [telefoon]'],
    ['Call +1 555 123 4567 now', 'Call [telefoon] now'],
    ['Adres 3511 AB 12 achterom', 'Adres [adres] achterom'],
    ['Postcode 3511AB, nr 7', 'Postcode [adres]'],
    ['Op de Oudegracht 12a', 'Op de [adres]'],
    ['IBAN NL91 ABNA 0417 1643 00 graag', 'IBAN [IBAN] graag'],
    ['rekening NL91ABNA0417164300.', 'rekening [IBAN].'],
    ['BSN 111222333 en 123456782', 'BSN [BSN] en [BSN]'],
    ['Ik sprak met Anna over de buurt', 'Ik sprak met [naam] over de buurt'],
    ['mevrouw De Vries en meneer van Dam', 'mevrouw [naam] en meneer van Dam'],
    ['Meneer Van Dam zei dat Dam vaak komt', 'Meneer [naam] zei dat [naam] vaak komt'],
    ['Ik sprak met Piet en Kees', 'Ik sprak met [naam] en [naam]'],
  ])('%s', (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it('leaves ordinary text, years, counts and times alone', () => {
    const text = 'In 2024 en 2025 kwamen 12 mensen om 19:30 naar het Buurthuis. Thema: eenzaamheid.';
    expect(scrub(text)).toBe(text);
    expect(scrub('Een 9-cijferig getal 123456789 dat de elfproef niet haalt')).toContain('123456789');
  });

  it('removes the names the facilitator lists, in any case and as whole words only', () => {
    expect(scrub('Anouk vond het mooi; anouk kwam ook. Annoukje niet.', { names: ['Anouk'] })).toBe(
      '[naam] vond het mooi; [naam] kwam ook. Annoukje niet.',
    );
  });

  it('the seeded corpus leaves no personal data behind', () => {
    const out = PERSONAL_CORPUS.notes.map((n) => scrub(n, { names: PERSONAL_CORPUS.names })).join('\n');
    for (const secret of PERSONAL_CORPUS.secrets) expect(out).not.toContain(secret);
    expect(out).toContain('[naam]');
    expect(out).toContain('[e-mail]');
  });

  it('parses a list of names to leave out', () => {
    expect(parseNameList('Anna, Piet en Mo; Lisa van Dijk')).toEqual(['Anna', 'Piet', 'Mo', 'Lisa van Dijk']);
    expect(parseNameList('geen')).toEqual([]);
  });

  it('checks BSNs with the elfproef', () => {
    expect(elfProof('111222333')).toBe(true);
    expect(elfProof('123456782')).toBe(true);
    expect(elfProof('123456789')).toBe(false);
    expect(elfProof('000000000')).toBe(false);
  });
});
