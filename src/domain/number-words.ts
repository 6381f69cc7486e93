/* Numbers as people type them in Dutch and English answers: digits and number words (intake-parse.ts). */

export const wordsOf = (list: string): string[] => list.split(' ');

/** Lower case without accents ("één" → "een"). */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export const NL_UNITS = wordsOf('nul een twee drie vier vijf zes zeven acht negen');
export const EN_UNITS = wordsOf('zero one two three four five six seven eight nine');
export const NL_TEENS = wordsOf(
  'tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien',
);
export const EN_TEENS = wordsOf(
  'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
);
const NL_TENS = wordsOf('- - twintig dertig veertig vijftig zestig zeventig tachtig negentig');
const EN_TENS = wordsOf('- - twenty thirty forty fifty sixty seventy eighty ninety');
/** Number words 0–99 and 100, Dutch compounds ("vijfentwintig"), English joined ("twentyfive"). */
export const WORDS = new Map<string, number>(
  Object.entries({ honderd: 100, hundred: 100, dozijn: 12, dozen: 12 }),
);
for (let i = 0; i < 10; i++) {
  if (i !== 1) WORDS.set(NL_UNITS[i] ?? '', i); // Dutch "een" is usually "a", not 1
  WORDS.set(EN_UNITS[i] ?? '', i).set(NL_TEENS[i] ?? '', 10 + i);
  WORDS.set(EN_TEENS[i] ?? '', 10 + i);
  for (let t = 2; t < 10; t++) {
    WORDS.set(NL_TENS[t] ?? '', t * 10).set(EN_TENS[t] ?? '', t * 10);
    if (i === 0) continue;
    WORDS.set(`${NL_UNITS[i]}en${NL_TENS[t]}`, t * 10 + i).set(`${EN_TENS[t]}${EN_UNITS[i]}`, t * 10 + i);
  }
}
const EN_COMPOUND = new RegExp(`\\b(${EN_TENS.slice(2).join('|')}) (${EN_UNITS.slice(1).join('|')})\\b`, 'g');

export function numbersIn(text: string): number[] {
  const s = fold(text.replace(/[ée]én\b/gi, ' 1 ')) // "één" is unambiguously one
    .replace(/([a-z])-([a-z])/g, '$1$2')
    .replace(EN_COMPOUND, '$1$2')
    .replace(/\b([a-z]+?) ?(?:hundred|honderd)\b/g, (all, u: string) =>
      WORDS.has(u) ? String((WORDS.get(u) ?? 0) * 100) : all,
    );
  const out = [...s.matchAll(/\d+(?:,\d+)?|[a-z]+/g)]
    .map((m) => (/\d/.test(m[0]) ? Number(m[0].replace(',', '.')) : WORDS.get(m[0])))
    .filter((n): n is number => n !== undefined && Number.isFinite(n));
  return out.length === 0 && s.trim() === 'een' ? [1] : out;
}
