import { z } from 'zod';

/** Utrecht's ten wijken (the municipality's official division), as stable keys. */
export const WIJK_KEYS = [
  'binnenstad',
  'noordoost',
  'oost',
  'zuid',
  'zuidwest',
  'west',
  'noordwest',
  'overvecht',
  'leidsche-rijn',
  'vleuten-de-meern',
] as const;
export type WijkKey = (typeof WIJK_KEYS)[number];
export const WijkKeySchema = z.enum(WIJK_KEYS);

/** Display names; the same in Dutch and English (they are proper names). */
export const WIJK_NAMES: Readonly<Record<WijkKey, string>> = {
  binnenstad: 'Binnenstad',
  noordoost: 'Noordoost',
  oost: 'Oost',
  zuid: 'Zuid',
  zuidwest: 'Zuidwest',
  west: 'West',
  noordwest: 'Noordwest',
  overvecht: 'Overvecht',
  'leidsche-rijn': 'Leidsche Rijn',
  'vleuten-de-meern': 'Vleuten-De Meern',
};

export const WIJKEN: ReadonlyArray<{ key: WijkKey; name: string }> = WIJK_KEYS.map((key) => ({
  key,
  name: WIJK_NAMES[key],
}));

const BUURTEN: Readonly<Record<WijkKey, string>> = {
  binnenstad: 'Wijk C, Museumkwartier',
  noordoost:
    'Wittevrouwen, Zeeheldenbuurt, Huizingabuurt, Votulast, Vogelenbuurt, Tuinwijk, Lauwerecht, ' +
    'Staatsliedenbuurt, Tuindorp, Tuindorp-Oost, Voordorp, Voorveldse Polder',
  oost:
    'Buiten-Wittevrouwen, Oudwijk, Abstede, Sterrenwijk, Watervogelbuurt, Schildersbuurt, ' +
    'Lodewijk Napoleonplantsoen, Rijnsweerd, Wilhelminapark, Utrecht Science Park, De Uithof, ' +
    'Galgenwaard, Maarschalkerweerd',
  zuid: 'Hoograven, Oud Hoograven, Nieuw Hoograven, Tolsteeg, Lunetten, Bokkenbuurt, Rotsoord',
  zuidwest: 'Kanaleneiland, Transwijk, Rivierenwijk, Dichterswijk, Parkhaven, Westraven, Merwedekanaalzone',
  west: 'Lombok, Oog in Al, Halve Maan, Welgelegen, Den Hommel, Nieuw Engeland, Schepenbuurt, Lage Weide',
  noordwest: 'Zuilen, Elinkwijk, Geuzenwijk, Ondiep, Pijlsweerd, Daalsebuurt',
  overvecht: 'Overvecht-Noord, Overvecht-Zuid',
  'leidsche-rijn': 'Terwijde, Parkwijk, Langerak, Het Zand, Leidsche Rijn Centrum, Papendorp',
  'vleuten-de-meern': 'Vleuterweide, Veldhuizen, Haarzuilens, Rijnenburg',
};

/**
 * Well-known buurten and subwijken → their wijk, after the municipality's own wijk descriptions
 * (omgevingsvisie.utrecht.nl "Beschrijving van wijk …"). Note Zeeheldenbuurt is in Noordoost
 * (next to Wittevrouwen), not Noordwest; Votulast = Vogelenbuurt, Tuinwijk, Lauwerecht, Staatsliedenbuurt.
 */
export const SUBWIJKEN: Readonly<Record<string, WijkKey>> = Object.fromEntries(
  WIJK_KEYS.flatMap((wijk) => BUURTEN[wijk].split(', ').map((name) => [name, wijk])),
);

/** Which wijken share a border (symmetric; derived from the edge list below). */
export const WIJK_ADJACENCY: Readonly<Record<WijkKey, readonly WijkKey[]>> = buildAdjacency([
  ['binnenstad', 'noordoost'],
  ['binnenstad', 'oost'],
  ['binnenstad', 'zuid'],
  ['binnenstad', 'zuidwest'],
  ['binnenstad', 'west'],
  ['binnenstad', 'noordwest'],
  ['noordoost', 'oost'],
  ['noordoost', 'noordwest'],
  ['noordoost', 'overvecht'],
  ['noordwest', 'overvecht'],
  ['noordwest', 'west'],
  ['oost', 'zuid'],
  ['zuid', 'zuidwest'],
  ['zuidwest', 'west'],
  ['zuidwest', 'leidsche-rijn'],
  ['west', 'leidsche-rijn'],
  ['leidsche-rijn', 'vleuten-de-meern'],
]);

export function areAdjacent(a: WijkKey, b: WijkKey): boolean {
  return WIJK_ADJACENCY[a].includes(b);
}

/** The display name of a wijk key. */
export function wijkName(key: WijkKey): string {
  return WIJK_NAMES[key];
}

/**
 * The wijk a user means, from a wijk name, a common spelling or typo, or a known buurt
 * ("Lombok" → 'west'). Finds the name inside a longer answer too ("wij zitten in Lombok").
 * Returns null when nothing (or two different wijken equally well) fits.
 */
export function matchWijk(text: string): WijkKey | null {
  const tokens = normalize(text).split(' ').filter(Boolean);
  if (tokens.length === 0) return null;
  // Specific names beat generic ones: "het centrum van Overvecht" is Overvecht.
  for (const table of [STRONG, WEAK]) {
    for (let n = 4; n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        const hit = table.get(tokens.slice(i, i + n).join(''));
        if (hit) return hit;
      }
    }
  }
  // Typos only in short answers: in a long message a near-miss is more likely another word.
  if (text.length > 60) return null;
  let best = Number.POSITIVE_INFINITY;
  const found = new Set<WijkKey>();
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const word = tokens.slice(i, i + n).join('');
      for (const [alias, wijk] of STRONG) {
        if (alias.length < 7 || Math.abs(alias.length - word.length) > 2) continue;
        const d = editDistance(word, alias);
        if (d > (alias.length >= 9 ? 2 : 1) || d > best) continue;
        if (d < best) found.clear();
        best = d;
        found.add(wijk);
      }
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** Spellings besides the key and the display name (compared without spaces, hyphens or case). */
const WIJK_ALIASES: Readonly<Record<WijkKey, readonly string[]>> = {
  binnenstad: ['stadscentrum', 'city centre', 'city center'],
  noordoost: ['north east'],
  oost: [],
  zuid: [],
  zuidwest: ['south west'],
  west: [],
  noordwest: ['north west'],
  overvecht: [],
  'leidsche-rijn': ['leidse rijn', 'leidsche ryn'],
  'vleuten-de-meern': ['vleuten', 'de meern', 'meern', 'vleuten meern'],
};

/** Single compass words and "centrum": only used when no specific name is in the text. */
const WEAK_ALIASES: Readonly<Record<string, WijkKey>> = {
  centrum: 'binnenstad',
  centre: 'binnenstad',
  center: 'binnenstad',
  downtown: 'binnenstad',
  oost: 'oost',
  oosten: 'oost',
  east: 'oost',
  zuid: 'zuid',
  zuiden: 'zuid',
  south: 'zuid',
  west: 'west',
  westen: 'west',
};

const EXTRA_SUBWIJK_ALIASES: Readonly<Record<string, WijkKey>> = {
  uithof: 'oost',
  'science park': 'oost',
  't zand': 'leidsche-rijn',
  'overvecht noord': 'overvecht',
  'overvecht zuid': 'overvecht',
  'zuilen oost': 'noordwest',
  'zuilen west': 'noordwest',
  'zuilen noord': 'noordwest',
  'oog in al': 'west',
};

const compact = (s: string): string => normalize(s).replace(/ /g, '');

const STRONG = new Map<string, WijkKey>([
  ...WIJK_KEYS.flatMap((k) => [k, WIJK_NAMES[k], ...WIJK_ALIASES[k]].map((a) => [compact(a), k] as const)),
  ...Object.entries({ ...SUBWIJKEN, ...EXTRA_SUBWIJK_ALIASES }).map(([a, k]) => [compact(a), k] as const),
]);
// Keys like 'oost' are also wijk names; keep them out of STRONG so "Utrecht Oost" loses to "Lunetten".
for (const weak of Object.keys(WEAK_ALIASES)) STRONG.delete(weak);
const WEAK = new Map<string, WijkKey>(Object.entries(WEAK_ALIASES));

function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function buildAdjacency(edges: ReadonlyArray<readonly [WijkKey, WijkKey]>): Record<WijkKey, WijkKey[]> {
  const adj = Object.fromEntries(WIJK_KEYS.map((k) => [k, [] as WijkKey[]])) as Record<WijkKey, WijkKey[]>;
  for (const [a, b] of edges) {
    adj[a].push(b);
    adj[b].push(a);
  }
  return adj;
}
