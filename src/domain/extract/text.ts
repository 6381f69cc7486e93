/** Small text helpers shared by the rule-based extractors. */

/** Lower case without diacritics ("één" → "een"); keeps length mostly stable for offsets. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Sentences and lines of a message: split on line breaks and on . ! ? followed by a space and a
 * capital or digit, but not inside "19.30", "o.a." or "t.m.".
 */
export function sentences(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+|(?<=[!?])\s+|(?<=[\p{L}\p{N})"'”]{2}\.)\s+(?=[\p{Lu}"'“])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const NL_WORDS = new Set(
  'de het een en van wij we ik je jij is zijn met voor op in over graag willen dialoog ongeveer deelnemers om uur groet bij niet ook dat die onze ons'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the a an and of we i you is are with for on in about would like to dialogue around participants at regards our us from people this that'.split(
    ' ',
  ),
);

/** Which of our two languages a text is written in, by counting common words; ties → `fallback`. */
export function textLanguage(text: string, fallback: 'nl' | 'en' = 'nl'): 'nl' | 'en' {
  let nl = 0;
  let en = 0;
  for (const w of fold(text).split(/[^a-z']+/)) {
    if (NL_WORDS.has(w)) nl++;
    if (EN_WORDS.has(w)) en++;
  }
  return nl === en ? fallback : nl > en ? 'nl' : 'en';
}

/** Collapses whitespace and trims stray punctuation at both ends. */
export function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.–-]+|[\s,;:–-]+$/g, '')
    .replace(/\.$/, '')
    .trim();
}

/** First letter upper case (for phrases cut out of a sentence). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
