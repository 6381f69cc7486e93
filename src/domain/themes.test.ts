import { describe, expect, it } from 'vitest';
import { matchTheme, matchThemes, THEME_KEYS, THEME_NAMES, ThemeKeySchema, themeName } from './themes.ts';

describe('matchTheme', () => {
  it.each([
    // keys and names
    ['eenzaamheid', 'eenzaamheid'],
    ['Eenzaamheid', 'eenzaamheid'],
    ['Loneliness', 'eenzaamheid'],
    ['armoede', 'armoede'],
    ['Poverty', 'armoede'],
    ['burgerparticipatie', 'burgerparticipatie'],
    ['Citizen participation', 'burgerparticipatie'],
    ['leefbaarheid', 'leefbaarheid'],
    ['liveability', 'leefbaarheid'],
    ['gezondheid', 'gezondheid'],
    ['HEALTH', 'gezondheid'],
    ['informele-zorg', 'informele-zorg'],
    ['Informele zorg', 'informele-zorg'],
    ['informal care', 'informele-zorg'],
    ['wonen', 'wonen'],
    ['Housing', 'wonen'],
    ['klimaat', 'klimaat'],
    ['climate', 'klimaat'],
    ['onderwijs', 'onderwijs'],
    ['Education', 'onderwijs'],
    ['asiel', 'asiel'],
    ['Opvang van asielzoekers', 'asiel'],
    ['anders', 'anders'],
    ['Other', 'anders'],
    ['iets anders, namelijk sport', 'anders'],
    // keywords in a sentence
    ['eenzame ouderen in de buurt', 'eenzaamheid'],
    ['loneliness among students', 'eenzaamheid'],
    ['mensen met schulden', 'armoede'],
    ['geldzorgen', 'armoede'],
    ['de voedselbank', 'armoede'],
    ['poverty and debt', 'armoede'],
    ['inspraak bij de herinrichting van het plein', 'burgerparticipatie'],
    ['overlast op straat', 'leefbaarheid'],
    ['veiligheid in de wijk', 'leefbaarheid'],
    ['mentale gezondheid van jongeren', 'gezondheid'],
    ['mental health', 'gezondheid'],
    ['mantelzorgers', 'informele-zorg'],
    ['young carers', 'informele-zorg'],
    ['betaalbare huurwoningen', 'wonen'],
    ['duurzaamheid en energie', 'klimaat'],
    ['samen met de school', 'onderwijs'],
    ['vluchtelingen en statushouders', 'asiel'],
    ['Een nieuw AZC in de wijk', 'asiel'],
    ['refugees', 'asiel'],
    ['Éénzaamheid', 'eenzaamheid'],
  ] as const)('%j → %s', (text, expected) => {
    expect(matchTheme(text)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['🙂'],
    ['voetbal'],
    ['weet ik nog niet'],
    ['Anders dan vorig jaar'],
    ['x'.repeat(5000)],
  ])('%j → null', (text) => {
    expect(matchTheme(text)).toBeNull();
  });

  it('lists several themes in the order they appear; the first one wins', () => {
    expect(matchThemes('armoede en eenzaamheid bij ouderen')).toEqual(['armoede', 'eenzaamheid']);
    expect(matchTheme('eenzaamheid en armoede')).toBe('eenzaamheid');
    expect(matchThemes('')).toEqual([]);
  });
});

describe('theme tables', () => {
  it('has eleven keys, names in both languages, and a zod enum', () => {
    expect(THEME_KEYS).toHaveLength(11);
    for (const key of THEME_KEYS) {
      expect(THEME_NAMES[key].nl).not.toBe('');
      expect(THEME_NAMES[key].en).not.toBe('');
    }
    expect(themeName('informele-zorg', 'en')).toBe('Informal care');
    expect(ThemeKeySchema.parse('wonen')).toBe('wonen');
    expect(ThemeKeySchema.safeParse('sport').success).toBe(false);
  });
});
