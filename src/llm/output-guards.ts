/** Checks on model output that the schema cannot express. Pure. */

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const SHINGLE = 5;

function shingles(s: string): Set<string> {
  const w = fold(s).split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * A guard against prompt leaks: true when `value` repeats five or more words in a row from our
 * instructions that the user's own text does not contain.
 */
export function echoesInstructions(value: string, instructions: string, userText: string): boolean {
  const ours = shingles(instructions);
  const theirs = shingles(userText);
  for (const s of shingles(value)) if (ours.has(s) && !theirs.has(s)) return true;
  return false;
}

/** Whether every word of `value` occurs in `text` (for names and organisations: copied, not invented). */
export function wordsAppearIn(value: string, text: string): boolean {
  const haystack = ` ${fold(text)} `;
  return fold(value)
    .split(' ')
    .filter(Boolean)
    .every((w) => haystack.includes(` ${w} `) || haystack.includes(` ${w}`));
}

/** Whether the digits of a phone number occur in the text (after +31/0 normalisation). */
export function phoneAppearsIn(phone: string, text: string): boolean {
  const digits = text.replace(/\D/g, '');
  const national = phone.replace(/^\+31/, '0').replace(/\D/g, '');
  const international = phone.replace(/\D/g, '');
  return (
    digits.includes(national) ||
    digits.includes(international) ||
    digits.includes(international.replace(/^31/, ''))
  );
}
