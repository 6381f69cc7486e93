/**
 * Languages as ISO 639-1 codes. Only languages that HAVE a 639-1 code get one; languages that
 * don't (Berber/Tamazight, Papiamento, Sranan, sign languages) are recognised but reported in
 * `uncoded` so the caller can say "noted, but not matchable", instead of "not understood".
 */
export interface ParsedLanguages {
  /** ISO 639-1 codes, de-duplicated, in the order the user named them. */
  codes: string[];
  /** Parts of the answer that are not a language we know (trimmed, as typed). */
  unknown: string[];
  /** Recognised languages without an ISO 639-1 code (as typed). */
  uncoded: string[];
}

// code, Dutch name, English name, extra spellings (lowercase, without diacritics; native names too).
const TABLE: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  ['nl', 'Nederlands', 'Dutch', ['nederlandse', 'hollands', 'vlaams', 'flemish', 'dutsch', 'nederland']],
  ['en', 'Engels', 'English', ['engelse', 'eng', 'inglese']],
  ['ar', 'Arabisch', 'Arabic', ['arabische', 'marokkaans arabisch', 'darija', 'arabi', 'العربية', 'عربي']],
  ['tr', 'Turks', 'Turkish', ['turkse', 'turkce', 'turkisch']],
  ['pl', 'Pools', 'Polish', ['poolse', 'polski', 'polnisch']],
  ['uk', 'Oekraïens', 'Ukrainian', ['oekraiense', 'ukrainisch', 'українська']],
  ['ru', 'Russisch', 'Russian', ['russische', 'русский']],
  ['fr', 'Frans', 'French', ['franse', 'francais']],
  ['de', 'Duits', 'German', ['duitse', 'deutsch']],
  ['es', 'Spaans', 'Spanish', ['spaanse', 'espanol', 'castellano']],
  ['pt', 'Portugees', 'Portuguese', ['portugese', 'portugues', 'braziliaans']],
  ['it', 'Italiaans', 'Italian', ['italiaanse', 'italiano']],
  ['ro', 'Roemeens', 'Romanian', ['roemeense', 'romana', 'moldavisch']],
  ['bg', 'Bulgaars', 'Bulgarian', ['bulgaarse', 'български']],
  ['so', 'Somalisch', 'Somali', ['somalische', 'soomaali', 'af soomaali']],
  ['ti', 'Tigrinya', 'Tigrinya', ['tigrinia', 'tigrigna', 'tigrinja', 'tigrinisch', 'ትግርኛ']],
  ['am', 'Amhaars', 'Amharic', ['amhaarse', 'amhari', 'አማርኛ']],
  ['fa', 'Perzisch', 'Persian', ['farsi', 'dari', 'perzische', 'فارسی']],
  ['ps', 'Pasjtoe', 'Pashto', ['pashto', 'pasjtoe', 'pashtu']],
  ['ku', 'Koerdisch', 'Kurdish', ['koerdische', 'kurmanci', 'kurmanji', 'sorani', 'kurdi']],
  ['zh', 'Chinees', 'Chinese', ['chinese', 'mandarijn', 'mandarin', 'kantonees', 'cantonese', '中文']],
  ['hi', 'Hindi', 'Hindi', []],
  ['ur', 'Urdu', 'Urdu', []],
  ['bn', 'Bengaals', 'Bengali', ['bangla']],
  ['id', 'Indonesisch', 'Indonesian', ['bahasa indonesia']],
  ['vi', 'Vietnamees', 'Vietnamese', ['tieng viet']],
  ['hu', 'Hongaars', 'Hungarian', ['magyar']],
  ['el', 'Grieks', 'Greek', []],
  ['bs', 'Bosnisch', 'Bosnian', []],
  ['hr', 'Kroatisch', 'Croatian', []],
  ['sr', 'Servisch', 'Serbian', []],
  ['sq', 'Albanees', 'Albanian', ['shqip']],
  ['hy', 'Armeens', 'Armenian', []],
  ['ka', 'Georgisch', 'Georgian', []],
  ['he', 'Hebreeuws', 'Hebrew', ['ivriet']],
  ['sw', 'Swahili', 'Swahili', ['kiswahili']],
  ['om', 'Oromo', 'Oromo', ['afaan oromo']],
  ['fy', 'Fries', 'Frisian', ['frysk']],
  ['tl', 'Tagalog', 'Tagalog', ['filipino']],
];

/** No ISO 639-1 code exists for these; they are recognised but not coded. */
const UNCODED = [
  'berber',
  'berbers',
  'tamazight',
  'tamazigh',
  'amazigh',
  'tarifit',
  'riffijns',
  'tarifiyt',
  'papiaments',
  'papiamento',
  'sranan',
  'sranantongo',
  'sranan tongo',
  'gebarentaal',
  'nederlandse gebarentaal',
  'ngt',
  'sign language',
  'dutch sign language',
];

const BY_ALIAS = new Map<string, string>();
for (const [code, nl, en, extra] of TABLE) {
  for (const alias of [code, nl, en, ...extra]) BY_ALIAS.set(normalize(alias), code);
}
const UNCODED_SET = new Set(UNCODED.map(normalize));
const NAMES = new Map(TABLE.map(([code, nl, en]) => [code, { nl, en }]));

/** Codes this module knows (for pickers and tests). */
export const KNOWN_LANGUAGE_CODES: readonly string[] = TABLE.map(([code]) => code);

/** Display name of a code; the code itself (upper case) when we have no name for it. */
export function languageName(code: string, locale: 'nl' | 'en'): string {
  return NAMES.get(code.toLowerCase())?.[locale] ?? code.toUpperCase();
}

/**
 * Languages from an answer such as "Nederlands en Arabisch", "NL, EN", "Dutch + Turkish",
 * "Berber/Tamazight". Separators: , ; / + & | newline, parentheses, and the words en/and/of/or/
 * und. A lone "EN" is English; "en" between two words is "and".
 */
export function parseLanguages(text: string): ParsedLanguages {
  const result: ParsedLanguages = { codes: [], unknown: [], uncoded: [] };
  for (const part of text.split(/[,;/+&|\n()[\]]+/)) {
    for (const piece of part.split(/\s+(?:en|and|of|or|und)\s+/i)) {
      classify(piece.trim(), result);
    }
  }
  return result;
}

/** Words that may stand next to a language without making the answer "not understood". */
const FILLER = new Set(
  (
    'taal talen language languages ook also alleen only vooral mainly mostly een beetje a bit little some ' +
    'en and maar but graag please voorkeur preferably spreken speak wij we ik i het de the in evt eventueel ' +
    'misschien maybe possibly'
  ).split(' '),
);

function classify(piece: string, out: ParsedLanguages): void {
  if (normalize(piece) === '' || lookup(piece, true, out)) return;
  // Not a language as a whole: pick the language names out of it ("ook Turks", "Engels graag").
  const words = piece.split(/\s+/);
  const left: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const n = [3, 2, 1].find((k) => {
      const phrase = words.slice(i, i + k);
      return phrase.length === k && lookup(phrase.join(' '), k === 1 && /^[A-Z]{2}$/.test(phrase[0] ?? ''));
    });
    if (n === undefined) left.push(words[i] ?? '');
    else {
      lookup(words.slice(i, i + n).join(' '), true, out);
      i += n - 1;
    }
  }
  if (left.some((w) => !FILLER.has(normalize(w)))) out.unknown.push(left.join(' '));
}

/**
 * Records `piece` in `out` (when given) if it is a language. Two-letter codes count only when
 * `codes` is set: inside a sentence "it", "de", "so" and "am" are words, not Italian or Somali.
 */
function lookup(piece: string, codes: boolean, out?: ParsedLanguages): boolean {
  const key = normalize(piece);
  if (!codes && key.length <= 2) return false;
  // "Engelse", "Somalische": the inflected adjective.
  const code = BY_ALIAS.get(key) ?? (key.endsWith('e') ? BY_ALIAS.get(key.slice(0, -1)) : undefined);
  if (code) {
    if (out && !out.codes.includes(code)) out.codes.push(code);
    return true;
  }
  if (UNCODED_SET.has(key)) {
    if (out && !out.uncoded.includes(piece)) out.uncoded.push(piece);
    return true;
  }
  return false;
}

function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
