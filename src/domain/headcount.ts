import type { Parsed } from './intake-parse.ts';
import { fold, numbersIn, WORDS } from './number-words.ts';

/** A headcount above this is a typo (a year, a phone number), not a dialogue. */
export const HEADCOUNT_MAX = 1000;

/**
 * How many people took part, as facilitators say it afterwards: "12", "ongeveer twaalf", "een stuk
 * of vijftien", "about a dozen", "ca. 15", "geen". The request form's number reading does the work
 * (`numbersIn`, as in parseParticipants); unlike a plan, a count after the fact takes the middle of
 * a range ("12 à 15" → 14), not its upper end. No number at all is `not_a_number`, so the caller
 * can ask again.
 */
export function parseHeadcount(text: string): Parsed<number, 'not_a_number' | 'too_many'> {
  const s = text.replace(/(\d)\.(?=\d{3}(?!\d))/g, '$1'); // "1.000" is a thousand
  if (NOBODY.test(fold(s).trim())) return { ok: true, value: 0 };
  const nums = numbersIn(s);
  if (nums.length === 0) return { ok: false, error: 'not_a_number' };
  const count = Math.round(rangeMiddle(s) ?? Math.max(...nums));
  if (count > HEADCOUNT_MAX) return { ok: false, error: 'too_many' };
  return { ok: true, value: count };
}

/** The middle of "12-15", "12 à 15", "twaalf tot vijftien", "tussen de 12 en 15", "8 or 9"; else null. */
function rangeMiddle(text: string): number | null {
  const s = fold(text)
    .replace(/([a-z])-([a-z])/g, '$1$2') // "twenty-five" is one number, not a range
    .replace(/\b[a-z]+\b/g, (w) => String(WORDS.get(w) ?? w));
  const m = RANGE.exec(s);
  const [low, high] = [Number(m?.[1] ?? m?.[3]), Number(m?.[2] ?? m?.[4])];
  return m && low < high ? (low + high) / 2 : null;
}

const NOBODY = /^(?:geen|geen enkele|niemand|none|nobody|no one)[.!]?$/;
const RANGE =
  /\b(?:tussen|between)\s+(?:de\s+)?(\d+)\s+(?:en|and)\s+(\d+)|(\d+)\s*(?:[-–—]|\b(?:a|tot|to|of|or)\b)\s*(\d+)/;
