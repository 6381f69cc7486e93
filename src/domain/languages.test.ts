import { describe, expect, it } from 'vitest';
import { KNOWN_LANGUAGE_CODES, languageName, parseLanguages } from './languages.ts';

describe('parseLanguages', () => {
  it.each([
    ['Nederlands', ['nl']],
    ['Nederlands en Arabisch', ['nl', 'ar']],
    ['NL, EN', ['nl', 'en']],
    ['nl, en', ['nl', 'en']],
    ['NL en EN', ['nl', 'en']],
    ['EN', ['en']],
    ['NL, DE', ['nl', 'de']],
    ['Dutch + Turkish', ['nl', 'tr']],
    ['Dutch and English', ['nl', 'en']],
    ['Tigrinya', ['ti']],
    ['Tigrinia', ['ti']],
    ['Pools', ['pl']],
    ['Oekraïens', ['uk']],
    ['Oekraiens en Russisch', ['uk', 'ru']],
    ['Somali', ['so']],
    ['Somalisch', ['so']],
    ['Engelse', ['en']],
    ['Nederlands Arabisch', ['nl', 'ar']],
    ['Nederlands, ook Turks', ['nl', 'tr']],
    [
      'Nederlands, Engels, Frans, Duits, Spaans, Portugees, Italiaans',
      ['nl', 'en', 'fr', 'de', 'es', 'pt', 'it'],
    ],
    ['Roemeens/Bulgaars', ['ro', 'bg']],
    ['Amhaars; Tigrinya', ['am', 'ti']],
    ['Farsi', ['fa']],
    ['Dari', ['fa']],
    ['Perzisch (Farsi)', ['fa']],
    ['Koerdisch (Sorani)', ['ku']],
    ['Chinees (Mandarijn)', ['zh']],
    ['Marokkaans Arabisch', ['ar']],
    ['türkçe', ['tr']],
    ['Nederlands\nEngels', ['nl', 'en']],
    ['Nederlands & Engels', ['nl', 'en']],
    ['Nederlands of Engels', ['nl', 'en']],
    ['nederlands, nederlands', ['nl']],
    ['Engels en een beetje Spaans', ['en', 'es']],
    ['NL/EN/FR', ['nl', 'en', 'fr']],
    ['Nederlands (en DE)', ['nl', 'de']],
    ['Dari en Pashto', ['fa', 'ps']],
  ] as const)('%j → %j', (text, codes) => {
    const result = parseLanguages(text);
    expect(result.codes).toEqual(codes);
    expect(result.unknown).toEqual([]);
  });

  it('keeps languages without an ISO 639-1 code apart, as typed', () => {
    expect(parseLanguages('Berber/Tamazight')).toEqual({
      codes: [],
      unknown: [],
      uncoded: ['Berber', 'Tamazight'],
    });
    expect(parseLanguages('Nederlands en Nederlandse Gebarentaal')).toEqual({
      codes: ['nl'],
      unknown: [],
      uncoded: ['Nederlandse Gebarentaal'],
    });
    expect(parseLanguages('Papiaments, Dutch').codes).toEqual(['nl']);
  });

  it('returns unknown words separately', () => {
    expect(parseLanguages('Nederlands, Klingon')).toEqual({
      codes: ['nl'],
      unknown: ['Klingon'],
      uncoded: [],
    });
    expect(parseLanguages('Dutch, it depends').unknown).toEqual(['it depends']);
    expect(parseLanguages('weet ik niet').unknown).toEqual(['weet ik niet']);
    expect(parseLanguages('Nederlands of Engels maakt niet uit')).toEqual({
      codes: ['nl', 'en'],
      unknown: ['maakt niet uit'],
      uncoded: [],
    });
    // Nothing but symbols is neither a language nor a word: all three lists stay empty.
    expect(parseLanguages('🙂')).toEqual({ codes: [], unknown: [], uncoded: [] });
  });

  it.each([[''], ['   '], [', , ;'], ['en']])('%j gives no unknowns and at most English', (text) => {
    const result = parseLanguages(text);
    expect(result.unknown).toEqual([]);
    expect(result.codes.every((c) => c === 'en')).toBe(true);
  });

  it('copes with a 5,000-character answer', () => {
    const result = parseLanguages(`Nederlands, ${'x'.repeat(5000)}`);
    expect(result.codes).toEqual(['nl']);
    expect(result.unknown).toHaveLength(1);
  });
});

describe('languageName', () => {
  it.each([
    ['nl', 'nl', 'Nederlands'],
    ['nl', 'en', 'Dutch'],
    ['uk', 'nl', 'Oekraïens'],
    ['ti', 'en', 'Tigrinya'],
    ['AR', 'nl', 'Arabisch'],
    ['xx', 'nl', 'XX'],
  ] as const)('%s in %s → %s', (code, locale, name) => {
    expect(languageName(code, locale)).toBe(name);
  });

  it('covers the languages the brief asks for, all as 2-letter codes', () => {
    for (const code of [
      'nl',
      'en',
      'ar',
      'tr',
      'pl',
      'uk',
      'ru',
      'fr',
      'de',
      'es',
      'pt',
      'so',
      'ti',
      'fa',
      'ku',
      'zh',
      'it',
      'ro',
      'bg',
      'am',
    ]) {
      expect(KNOWN_LANGUAGE_CODES).toContain(code);
    }
    for (const code of KNOWN_LANGUAGE_CODES) expect(code).toMatch(/^[a-z]{2}$/);
  });
});
