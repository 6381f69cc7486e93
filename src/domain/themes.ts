import { z } from 'zod';

/** Dialogue themes, as stable keys; 'anders' = something else (the partner describes it). */
export const THEME_KEYS = [
  'eenzaamheid',
  'armoede',
  'burgerparticipatie',
  'leefbaarheid',
  'gezondheid',
  'informele-zorg',
  'wonen',
  'klimaat',
  'onderwijs',
  'asiel',
  'anders',
] as const;
export type ThemeKey = (typeof THEME_KEYS)[number];
export const ThemeKeySchema = z.enum(THEME_KEYS);

/** Short display names (buttons, summaries). Longer wording belongs in the message catalogues. */
export const THEME_NAMES: Readonly<Record<ThemeKey, { nl: string; en: string }>> = {
  eenzaamheid: { nl: 'Eenzaamheid', en: 'Loneliness' },
  armoede: { nl: 'Armoede', en: 'Poverty' },
  burgerparticipatie: { nl: 'Burgerparticipatie', en: 'Citizen participation' },
  leefbaarheid: { nl: 'Leefbaarheid', en: 'Liveability' },
  gezondheid: { nl: 'Gezondheid', en: 'Health' },
  'informele-zorg': { nl: 'Informele zorg', en: 'Informal care' },
  wonen: { nl: 'Wonen', en: 'Housing' },
  klimaat: { nl: 'Klimaat', en: 'Climate' },
  onderwijs: { nl: 'Onderwijs', en: 'Education' },
  asiel: { nl: 'Opvang van asielzoekers', en: 'Reception of asylum seekers' },
  anders: { nl: 'Anders', en: 'Other' },
};

export function themeName(key: ThemeKey, locale: 'nl' | 'en'): string {
  return THEME_NAMES[key][locale];
}

/**
 * Word beginnings that point at a theme: 'eenzaam' finds "eenzaamheid" but not "eenzame", so both
 * forms are listed. Entries of several words match across words. 'anders'/'other' count only as
 * the whole answer (in a sentence "anders" is usually just a word).
 */
const KEYWORDS: Readonly<Record<ThemeKey, readonly string[]>> = {
  eenzaamheid: ['eenzaam', 'eenzame', 'alleen zijn', 'isolement', 'geisoleerd', 'lonel', 'isolat'],
  armoede: [
    'armoede',
    'arme',
    'schuld',
    'geldzorg',
    'geldstress',
    'minima',
    'voedselbank',
    'poverty',
    'poor',
    'debt',
  ],
  burgerparticipatie: [
    'participatie',
    'inspraak',
    'meedenken',
    'meebeslissen',
    'democrat',
    'citizen',
    'civic',
  ],
  leefbaarheid: ['leefbaar', 'overlast', 'veilig', 'samenleven', 'livab', 'liveab', 'safety'],
  gezondheid: ['gezond', 'ggz', 'mentale', 'psychisch', 'welzijn', 'health', 'mental', 'wellbeing'],
  'informele-zorg': ['informele zorg', 'mantelzorg', 'burenhulp', 'informal care', 'caregiv', 'carer'],
  wonen: ['wonen', 'woning', 'huisvesting', 'huur', 'dakloos', 'housing', 'rent', 'homeless'],
  klimaat: ['klimaat', 'duurzaam', 'energie', 'vergroen', 'climate', 'sustainab', 'energy'],
  onderwijs: [
    'onderwijs',
    'school',
    'scholen',
    'leerling',
    'leraar',
    'leraren',
    'education',
    'pupil',
    'teacher',
  ],
  asiel: [
    'asiel',
    'azc',
    'vluchteling',
    'statushouder',
    'nieuwkomer',
    'opvang',
    'asylum',
    'refugee',
    'newcomer',
  ],
  anders: ['iets anders', 'ander thema', 'ander onderwerp', 'overig', 'something else', 'another topic'],
};

/** The one theme a short answer names, or null. With several themes named, the first one wins. */
export function matchTheme(text: string): ThemeKey | null {
  return matchThemes(text)[0] ?? null;
}

/** Every theme the text names, in the order they first appear. */
export function matchThemes(text: string): ThemeKey[] {
  const s = ` ${normalize(text)} `;
  if (s.trim() === '') return [];
  const exact = EXACT.get(s.trim());
  if (exact) return [exact];
  const hits: Array<{ key: ThemeKey; at: number }> = [];
  for (const key of THEME_KEYS) {
    let at = Number.POSITIVE_INFINITY;
    const words = key === 'anders' ? KEYWORDS[key] : [...names(key), ...KEYWORDS[key]];
    for (const word of words) {
      const i = s.indexOf(` ${normalize(word)}`);
      if (i >= 0 && i < at) at = i;
    }
    if (at < Number.POSITIVE_INFINITY) hits.push({ key, at });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.key);
}

const names = (key: ThemeKey): string[] => [key, THEME_NAMES[key].nl, THEME_NAMES[key].en];

const EXACT = new Map<string, ThemeKey>(
  THEME_KEYS.flatMap((key) => names(key).map((n) => [normalize(n), key] as const)),
);

function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
