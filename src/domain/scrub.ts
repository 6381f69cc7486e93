/**
 * Strips personal data from free text before it is shared or sent anywhere: e-mail addresses,
 * IBANs, postcodes with house numbers (and "Street 12"), BSNs (9 digits passing the 11-proof),
 * phone numbers (Dutch and international), and names — the ones the facilitator lists plus
 * capitalised words after cues such as "ik sprak met" or "mevrouw". It errs on the side of removing
 * too much: a lost word in a harvest costs little, a leaked name costs trust.
 */
export function scrub(text: string, opts: ScrubOptions = {}): string {
  let out = text;
  out = out.replace(EMAIL, PLACEHOLDER.email);
  out = out.replace(IBAN, (m) => (ibanLike(m) ? PLACEHOLDER.iban : m));
  out = out.replace(POSTCODE, PLACEHOLDER.address);
  out = out.replace(STREET_NUMBER, PLACEHOLDER.address);
  out = out.replace(DIGIT_RUN, (m) => {
    const digits = m.replace(/\D/g, '');
    if (digits.length === 9 && elfProof(digits)) return PLACEHOLDER.bsn;
    return isPhone(m, digits) ? PLACEHOLDER.phone : m;
  });
  const names = [...(opts.names ?? []), ...cuedNames(out)];
  for (const name of uniqueLongestFirst(names)) {
    out = out.replace(wordPattern(name), PLACEHOLDER.name);
  }
  return out;
}

export interface ScrubOptions {
  /** Names the facilitator asked to leave out (participants, the partner's staff…). */
  names?: string[];
}

export const PLACEHOLDER = {
  email: '[e-mail]',
  phone: '[telefoon]',
  address: '[adres]',
  iban: '[IBAN]',
  bsn: '[BSN]',
  name: '[naam]',
} as const;

/** Splits an answer to "which names should I leave out?" into names ("Anna, Piet en Mo" → 3). */
export function parseNameList(text: string): string[] {
  return text
    .split(/[,;\n/]|\s+(?:en|and|&)\s+/i)
    .map((s) => s.trim().replace(/[.!?]+$/, ''))
    .filter((s) => s.length >= 2 && s.length <= 60 && !/^(geen|none|nee|no|-)$/i.test(s));
}

/** The Dutch "elfproef" for BSNs: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. */
export function elfProof(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Country code, two check digits, then 11–30 alphanumerics in groups of up to four.
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/gi;
const POSTCODE =
  /\b[1-9]\d{3}\s?[A-Z]{2}\b(?:\s*,?\s*(?:nr\.?\s*)?\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?(?:-\d+)?)?/gu;
const STREET_NUMBER =
  /\b[\p{Lu}][\p{L}-]*(?:straat|laan|weg|plein|gracht|kade|singel|hof|dreef|steeg|pad|park|baan|dijk|markt|street|road|lane)\s+\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?(?:-\d+)?\b/gu;
// Digits, optionally with one leading + or (0) and separators; long enough to be a number worth checking.
const DIGIT_RUN = /(?:\+|\b00)?\d(?:[\s.\-/]?(?:\(0\)[\s.-]?)?\(?\d\)?){7,16}\b/g;

function isPhone(raw: string, digits: string): boolean {
  const international = raw.startsWith('+') || raw.startsWith('00');
  if (international) return digits.length >= 9 && digits.length <= 15;
  return digits.startsWith('0') && digits.length === 10;
}

function ibanLike(m: string): boolean {
  const compact = m.replace(/\s/g, '');
  return compact.length >= 15 && /\d/.test(compact.slice(4));
}

const CUES = [
  'ik sprak met',
  'sprak met',
  'gesprek met',
  'mevrouw',
  'meneer',
  'mevr\\.',
  'mw\\.',
  'dhr\\.',
  'de heer',
  'mijn naam is',
  'heette',
  'heet',
  'genaamd',
  'buurvrouw',
  'buurman',
  'i spoke with',
  'spoke to',
  'mr\\.?',
  'mrs\\.?',
  'ms\\.?',
  'named',
  'my name is',
];
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";
const PARTICLE = "(?:van|de|der|den|ten|ter|te|el|al|la|le|d'|'t)";
// No `i` flag: with it, \p{Lu} would match lower case too. Cues get both cases of their first letter.
const anyCase = (cue: string) => cue.replace(/^\p{Ll}/u, (c) => `[${c}${c.toUpperCase()}]`);
const TITLE = '(?:(?:[Mm]rs?|[Mm]s|[Dd]hr|[Mm]evr|[Mm]w)\\.?\\s+)?';
const FULL_NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,2}`;
const CUED = new RegExp(
  `(?:^|[^\\p{L}])(?:${CUES.map(anyCase).join('|')})\\s+${TITLE}(${FULL_NAME})(?:\\s*(?:,|en|and)\\s+(${FULL_NAME}))?`,
  'gu',
);

/** Capitalised words right after a cue ("mevrouw De Vries", "ik sprak met Anna"). */
function cuedNames(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CUED)) {
    for (const name of [m[1], m[2]]) {
      if (!name) continue;
      found.push(name);
      // "Fatima Ouali" also leaks as "Fatima" or "Ouali" elsewhere in the text.
      for (const part of name.split(/\s+/)) if (/^\p{Lu}/u.test(part) && part.length >= 3) found.push(part);
    }
  }
  return found;
}

function uniqueLongestFirst(names: string[]): string[] {
  const clean = names.map((n) => n.trim()).filter((n) => n.length >= 2);
  return [...new Set(clean)].sort((a, b) => b.length - a.length);
}

function wordPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}
