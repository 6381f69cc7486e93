import { matchWijk, WIJK_NAMES, type WijkKey } from '../wijken.ts';
import { fold, tidy } from './text.ts';

export interface ExtractedLocation {
  wijk: string | null;
  address: string | null;
  online: boolean | null;
}

/**
 * Where the dialogue takes place: online, or a wijk (by name, buurt, or a well-known street or
 * place) and a street address. A place named but "online" also mentioned stays undecided (null).
 */
export function extractLocation(text: string): ExtractedLocation {
  const clean = text
    .replace(/\S+@\S+|https?:\/\/\S+|www\.\S+/g, ' ') // e-mail and web addresses name wijken too
    // "centrum"/"centre" means the Binnenstad only as "het centrum" or "city centre", not in a name.
    .replace(/\b(?<!(?:het|city|town|stads) )(?:centrum|centre|center)\b/gi, ' ');
  const address = extractAddress(clean);
  const key = streetWijk(address ?? '') ?? placeWijk(clean) ?? matchWijk(clean);
  const f = fold(text);
  const onlineCue =
    /\bonline\b|\bzoom\b|\bteams\b|videobel|video ?call|\bwebex\b|\bjitsi\b|google meet|digitaal|virtueel|virtual/.test(
      f,
    );
  const notOnline =
    /niet online|not online|geen online|no online|liever (?:niet online|fysiek)|in person|fysiek|op locatie|face to face/.test(
      f,
    );
  const place =
    Boolean(key || address) ||
    /\bbuurthuis|wijkcentrum|buurtcentrum|community cent|\bour (?:building|office|centre|center)|bij ons op kantoor|in ons gebouw/.test(
      f,
    );
  // Online with a wijk named is an online dialogue for that wijk; with a street address it is unclear.
  let online: boolean | null = null;
  if (notOnline) online = false;
  else if (onlineCue) online = address ? null : true;
  else if (place) online = false;
  return { wijk: key ? WIJK_NAMES[key] : null, address, online };
}

const STREET_SUFFIX =
  'brug|straat|straatweg|weg|laan|plein|gracht|dreef|kade|singel|park|hof|steeg|pad|baan|dijk|markt|plantsoen|veld|boulevard|wal|haven|erf|hoek|ring|poort|dam|kwartier|boog';

/** "Zambesidreef 2", "Oudegracht 245 bis", "Burgemeester Reigerstraat 12a, 3581 KP Utrecht". */
export function extractAddress(text: string): string | null {
  const re = new RegExp(
    `((?:[A-Z][\\p{L}'.-]*\\s+){0,3}\\p{Lu}[\\p{L}'-]*(?:${STREET_SUFFIX})|Neude|Vredenburg|Janskerkhof|Domplein|Mariaplaats|Ganzenmarkt)\\s+(\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:[-/]\\d{1,3}|\\s?bis)?)(?:,?\\s*(\\d{4}\\s?[A-Z]{2}))?(?:,?\\s*(Utrecht|De Meern|Vleuten|Haarzuilens))?`,
    'u',
  );
  const m = text.match(re);
  if (!m) return null;
  return tidy(m[0].replace(/\s+/g, ' '));
}

/** Streets and places whose wijk is well known (municipal wijk maps); "-dreef" streets are Overvecht's. */
const STREETS: Readonly<Record<string, WijkKey>> = {
  oudegracht: 'binnenstad',
  nieuwegracht: 'binnenstad',
  neude: 'binnenstad',
  vredenburg: 'binnenstad',
  janskerkhof: 'binnenstad',
  domplein: 'binnenstad',
  mariaplaats: 'binnenstad',
  'lange viestraat': 'binnenstad',
  nobelstraat: 'binnenstad',
  ganzenmarkt: 'binnenstad',
  'hoog catharijne': 'binnenstad',
  stadhuis: 'binnenstad',
  kanaalstraat: 'west',
  vleutenseweg: 'west',
  damstraat: 'west',
  amsterdamsestraatweg: 'noordwest',
  marnixlaan: 'noordwest',
  croeselaan: 'zuidwest',
  columbuslaan: 'zuidwest',
  marshallaan: 'zuidwest',
  'vasco da gamalaan': 'overvecht',
  bernadottelaan: 'overvecht',
  griftpark: 'noordoost',
  biltstraat: 'noordoost',
  maximapark: 'leidsche-rijn',
  berlijnplein: 'leidsche-rijn',
  vleuterweide: 'vleuten-de-meern',
  mereveldseweg: 'vleuten-de-meern',
  smakkelaan: 'zuid',
  'hooft graaflandstraat': 'zuid',
};

function streetWijk(address: string): WijkKey | null {
  const street = fold(address)
    .replace(/\s*\d.*$/, '')
    .trim();
  if (street.endsWith('dreef')) return 'overvecht';
  return STREETS[street] ?? null;
}

function placeWijk(text: string): WijkKey | null {
  const f = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [name, key] of Object.entries(STREETS)) if (f.includes(` ${name} `)) return key;
  if (/[a-z]dreef\b/.test(f)) return 'overvecht';
  return null;
}
