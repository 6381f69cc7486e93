import { DateTime } from 'luxon';
import { EN_TEENS, EN_UNITS, fold, NL_TEENS, NL_UNITS, numbersIn, WORDS, wordsOf } from './number-words.ts';

/** A parsed answer, or a stable error code that the message catalogues turn into a sentence. */
export type Parsed<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };
export type DateTimeError = 'unparsed' | 'missing_time' | 'in_past' | 'too_far';
export type DateTimeResult = { ok: true; start: Date } | { ok: false; error: DateTimeError };
export type FreeTextError = 'empty' | 'too_short' | 'too_long';
export type FreeTextResult =
  | { ok: true; value: string }
  | { ok: false; error: FreeTextError; limit?: number };
export type Contact = { name: string | null; email: string | null; phone: string | null };

export const PARTICIPANTS = { min: 2, max: 200 } as const;
export const DURATION_MINUTES = { min: 30, max: 480 } as const;

/** "15", "ongeveer 15", "15-20" (→ 20: plan for the upper end), "vijftien", "twenty-five people". */
export function parseParticipants(text: string): Parsed<number, 'not_a_number' | 'too_few' | 'too_many'> {
  const nums = numbersIn(text.replace(/(\d)\.(?=\d{3}(?!\d))/g, '$1')); // "10.000" is ten thousand
  if (nums.length === 0) return { ok: false, error: 'not_a_number' };
  return inRange(Math.ceil(Math.max(...nums)), PARTICIPANTS, 'too_few', 'too_many');
}

/** Minutes: "90", "90 minuten", "1,5 uur", "1.5 hours", "anderhalf uur", "1u30". A bare number ≤ 8 is hours. */
export function parseDuration(text: string): Parsed<number, 'not_a_number' | 'too_short' | 'too_long'> {
  const s = ` ${fold(text)} `
    .replace(/anderhal(?:f|ve)|one and a half|(?:an|one) hour and a half/g, '1.5 ')
    .replace(/\b(?:een |a )?hal(?:f|ve) ?(?:uur|an hour|hour)\b/g, '30 min')
    .replace(/\b(?:een|an|a|one) (uur|hour|kwartier)/g, '1 $1')
    .replace(/\b[a-z]+\b/g, (w) => String(WORDS.get(w) ?? w))
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/(\d+(?:\.\d+)?)\s*(?:-|tot|a|to|of|or)\s*(?=\d)/g, ''); // a range: keep the upper end
  for (const [re, toMinutes] of DURATION_RULES) {
    const m = s.match(re);
    if (!m) continue;
    return inRange(
      Math.round(toMinutes(Number(m[1]), Number(m[2]))),
      DURATION_MINUTES,
      'too_short',
      'too_long',
    );
  }
  return { ok: false, error: 'not_a_number' };
}

/**
 * A date and time in `zone` ("8-12-2026 19:30", "8 dec 19.30", "morgen 14:00", "next tuesday 7pm")
 * as a UTC instant. Numeric dates are day-first; a date without a year is its next occurrence.
 * A time that does not exist (spring forward) moves an hour on; an ambiguous one (autumn) is
 * read as winter time (luxon's choice).
 */
export function parseDateTime(text: string, opts: { now: Date; zone: string }): DateTimeResult {
  const now = DateTime.fromJSDate(opts.now, { zone: opts.zone });
  if (!now.isValid) throw new Error(`parseDateTime: invalid zone or now (${opts.zone})`);
  let s = ` ${fold(text)} `
    .replace(/[’‘`´]/g, "'")
    .replace(/(\d)t(\d)/g, '$1 $2')
    .replace(/\b(\d{1,2})(?:st|nd|rd|th|ste|de|e)\b/g, '$1')
    .replace(/\bvanmorgen\b/g, 'vandaag ochtend')
    .replace(/\bvan(ochtend|middag|avond|nacht)\b/g, 'vandaag $1')
    .replace(/\bgister(ochtend|middag|avond|nacht)\b/g, 'gisteren $1')
    .replace(new RegExp(`\\b(morgen|${WEEKDAYS.join('|')})(ochtend|middag|avond|nacht)\\b`, 'g'), '$1 $2');
  let date: { year: number; month: number; day: number } | null = null;
  for (const [re, yi, mi, di] of DATE_PATTERNS) {
    const m = s.match(re);
    if (!m) continue;
    const [month, day] = [toNumber(m[mi]), toNumber(m[di])];
    const y = yi > 0 && m[yi] ? Number(m[yi]) : null;
    const upcoming = month * 100 + day >= now.month * 100 + now.day;
    date = { year: y === null ? now.year + (upcoming ? 0 : 1) : y < 100 ? 2000 + y : y, month, day };
    s = s.replace(m[0], ' ');
    break;
  }
  date ??= relativeDay(s, now);
  if (!date) return { ok: false, error: 'unparsed' };
  // A day that is over ("gisteren", "1-1-2020") is in the past whatever the time; don't ask for one.
  if (DateTime.fromObject(date, { zone: opts.zone }) < now.startOf('day'))
    return { ok: false, error: 'in_past' };
  const time = timeIn(s);
  if (time === 'invalid') return { ok: false, error: 'unparsed' };
  if (!time) return { ok: false, error: 'missing_time' };
  const start = DateTime.fromObject({ ...date, ...time }, { zone: opts.zone });
  if (!start.isValid) return { ok: false, error: 'unparsed' };
  if (start <= now) return { ok: false, error: 'in_past' };
  if (start > now.plus({ years: 2 })) return { ok: false, error: 'too_far' };
  return { ok: true, start: start.toJSDate() };
}

/** A day named relative to today: "morgen", "gisteren", "dinsdag", "volgende week dinsdag", "over 3 dagen". */
function relativeDay(s: string, now: DateTime): { year: number; month: number; day: number } | null {
  const rel = RELATIVE_DAYS.find(([re]) => re.test(s))?.[1];
  const weekday = s.match(new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`))?.[1];
  const ahead = s.match(/\b(?:over|in) (\d+|[a-z]+) (dagen|dag|days?|weken|week|weeks)\b/);
  const count = ahead
    ? Number(ahead[1]) || WORDS.get(ahead[1] ?? '') || (/^(een|a)$/.test(ahead[1] ?? '') ? 1 : 0)
    : 0;
  const nextWeek = /\b(?:volgende|next) week\b|\bweek (?:erna|daarna)\b/.test(s);
  const weeks = ahead?.[2]?.startsWith('w') ? count : nextWeek ? 1 : 0;
  let day: DateTime | null = null;
  if (rel !== undefined) day = now.plus({ days: rel });
  else if (weekday) {
    const target = (WEEKDAYS.indexOf(weekday) % 7) + 1; // luxon: 1 = Monday
    day = weeks
      ? now.startOf('week').plus({ weeks, days: target - 1 }) // that weekday in the week N weeks on
      : now.plus({ days: (target - now.weekday + 7) % 7 || 7 }); // the next one; "dinsdag" on a Tuesday: next week
  } else if (count > 0) day = now.plus(weeks ? { weeks } : { days: count });
  return day && { year: day.year, month: day.month, day: day.day };
}

/** Trims, drops control characters, collapses 3+ newlines to one blank line. Lengths count code points. */
export function validateFreeText(text: string, limits: { min?: number; max: number }): FreeTextResult {
  const value = text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .replace(/(?:[ \t]*\n){3,}/g, '\n\n')
    .trim();
  const length = [...value].length;
  if (length === 0) return { ok: false, error: 'empty' };
  if (length < (limits.min ?? 0)) return { ok: false, error: 'too_short', limit: limits.min };
  if (length > limits.max) return { ok: false, error: 'too_long', limit: limits.max };
  return { ok: true, value };
}

const EMAIL =
  /[\w!#$%&'*+=?^`{|}~-]+(?:\.[\w!#$%&'*+=?^`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}/i;

/** The address, lower-cased, when the whole answer is one e-mail address (also "<…>", "mailto:…"). */
export function parseEmail(text: string): string | null {
  const s = text.trim().replace(/^mailto:|^<|>$|[.,;]$/gi, '');
  return s.length <= 254 && new RegExp(`^${EMAIL.source}$`, 'i').test(s) ? s.toLowerCase() : null;
}

/** A Dutch number (06…, 030-…, +31 (0)6…, 0031…) as +31XXXXXXXXX; other +/00 numbers as +<digits>. */
export function parsePhone(text: string): string | null {
  const raw = text.trim().replace(/^(?:tel(?:efoon)?|phone|mob(?:iel|ile)?)[.:]?\s*/i, '');
  if (/[^\d\s()+./-]/.test(raw)) return null;
  const s = raw.replace(/\(0\)|[\s()./-]/g, '').replace(/^00/, '+');
  if (/^\+31[1-9]\d{8}$/.test(s)) return s;
  if (/^0[1-9]\d{8}$/.test(s)) return `+31${s.slice(1)}`;
  return /^\+(?!31)[1-9]\d{7,14}$/.test(s) ? s : null;
}

/** Finds an e-mail address and/or phone number in one line; what is left (minus labels) is the name. */
export function parseContact(text: string): Contact {
  let rest = ` ${text} `;
  const mail = rest.match(EMAIL);
  if (mail) rest = rest.replace(mail[0], ' ');
  // The first valid number is the phone; further ones are dropped rather than left in the name.
  let phone: string | null = null;
  for (const m of rest.matchAll(/(?:\+|\b0)[\d\s().-]{7,}\d/g)) {
    const parts = m[0].split(/\s+/); // a greedy match may run on into the next number
    for (let k = parts.length; k > 0; k--) {
      const candidate = parts.slice(0, k).join(' ');
      const found = parsePhone(candidate);
      if (!found) continue;
      phone ??= found;
      rest = rest.replace(candidate, ' ');
      break;
    }
  }
  const name = rest
    .replace(/^\s*(?:mijn naam is|ik ben|my name is|i am|i'm)\s+/i, ' ')
    .replace(LABELS, ' ')
    .replace(/\s*[,;|/]\s*(?=[,;|/]|$)/g, '')
    .replace(/^[\s,;:|/–-]+|[\s,;:|/–-]+$/g, '')
    .replace(/\s+/g, ' ');
  return { name: name || null, email: mail ? parseEmail(mail[0]) : null, phone };
}

/** ja/nee, yes/no, j/n, 👍/👎 …; null when unclear, long, or both ("ja nee"). */
export function parseYesNo(text: string): boolean | null {
  const words = fold(text)
    .replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '') // skin tones, emoji presentation
    .replace(/(\p{Extended_Pictographic})/gu, ' $1 ')
    .split(/[\s,.!?;:()]+/)
    .filter(Boolean);
  const joined = words.join(' ');
  if (words.length === 0 || words.length > 6 || UNCLEAR.test(joined)) return null;
  if (YES_PHRASE.test(joined)) return true;
  const yes = words.some((w) => YES.has(w));
  const no = words.some((w) => NO.has(w)) || /\bno thanks\b|\bnot really\b/.test(joined);
  return yes === no ? null : yes;
}

// ---- helpers ----

const YES = new Set(wordsOf('ja j jawel jazeker zeker graag prima goed akkoord ok oke okay klopt correct'));
for (const w of wordsOf('yes y yep yeah yup sure true natuurlijk 👍 ✅ ✔ 👌 ☑')) YES.add(w);
const NO = new Set(wordsOf('nee n neen nope no nah false niet nooit never 👎 ❌ ✖ 🚫'));
const LABELS =
  /\b(?:naam|name|tel(?:efoon(?:nummer)?)?|phone|mob(?:iel|ile)?|gsm|e-?mail(?:adres)?|mail)\b\.?\s*:?/gi;
const UNCLEAR =
  /maakt (?:me )?niet uit|weet (?:ik )?(?:het )?niet|geen idee|misschien|don'?t know|not sure|maybe/;
const YES_PHRASE = /geen (?:bezwaar|probleem)|no problem|of course|why not/;

function inRange<E extends string>(value: number, lim: { min: number; max: number }, low: E, high: E) {
  if (value < lim.min) return { ok: false as const, error: low };
  if (value > lim.max) return { ok: false as const, error: high };
  return { ok: true as const, value };
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const DURATION_RULES: ReadonlyArray<readonly [RegExp, (a: number, b: number) => number]> = [
  [
    /(\d{1,2})\s*(?::|\.(?=\d\d\b)|u|h|uur|hours?|hrs?)\s*(?:en |and )?(\d{1,2})\s*(?:min\w*|m)?(?![\d.])/,
    (h, m) => h * 60 + m,
  ],
  [new RegExp(`${NUM}\\s*(?:uur(?:tjes?)?|u|h|hrs?|hours?)\\b`), (h) => h * 60],
  [new RegExp(`${NUM}\\s*kwartier`), (q) => q * 15],
  [new RegExp(`${NUM}\\s*(?:min\\w*|m)\\b`), (m) => m],
  [new RegExp(`^\\s*${NUM}\\s*$`), (n) => (n <= 8 ? n * 60 : n)],
];

const WEEKDAYS = wordsOf('maandag dinsdag woensdag donderdag vrijdag zaterdag zondag').concat(
  wordsOf('monday tuesday wednesday thursday friday saturday sunday'),
);
const MONTH = String.raw`\b(jan(?:uari|uary)?|feb(?:ruari|ruary)?|mrt|maart|mar(?:ch)?|apr(?:il)?|mei|may|jun[ei]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|o[kc]t(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?`;
const NL_MONTHS = wordsOf('jan feb mrt apr mei jun jul aug sep okt nov dec');
const EN_MONTHS = wordsOf('jan feb mar apr may jun jul aug sep oct nov dec');
const toNumber = (v = ''): number => {
  if (/^\d+$/.test(v)) return Number(v);
  const key = v === 'maart' ? 'mrt' : v.slice(0, 3);
  return Math.max(NL_MONTHS.indexOf(key), EN_MONTHS.indexOf(key)) + 1; // 0 → luxon says invalid
};
/** [pattern, group of year (0: none), month, day]; numeric dates are day-first. First match wins. */
const DATE_PATTERNS: ReadonlyArray<readonly [RegExp, number, number, number]> = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, 1, 2, 3],
  [/\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/, 4, 3, 1], // one separator: not 15.00-17.00
  [new RegExp(`\\b(\\d{1,2})\\s*(?:of\\s+)?${MONTH}(?:\\s*,?\\s*(\\d{4})(?!\\d))?`), 3, 2, 1],
  [new RegExp(`${MONTH}\\s*(\\d{1,2})(?![\\d:]|\\.\\d)(?:\\s*,?\\s*(\\d{4})(?!\\d))?`), 3, 1, 2],
  [/\b(0?[1-9]|[12]\d|3[01])[-/](0?[1-9]|1[0-2])(?![\d/-])/, 0, 2, 1], // a real day-month: not 19-21
];
const RELATIVE_DAYS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bovermorgen\b|day after tomorrow/, 2],
  [/\beergisteren\b|day before yesterday/, -2],
  [/\b(?:gisteren|yesterday)\b/, -1],
  [/\b(?:morgen|tomorrow)\b/, 1],
  [/\b(?:vandaag|today|tonight)\b/, 0],
];
/** Hour words for "half acht", "acht uur", "at seven o'clock". */
const HOUR_WORDS = new Map<string, number>();
for (let h = 1; h <= 12; h++)
  for (const list of [NL_UNITS.concat(NL_TEENS), EN_UNITS.concat(EN_TEENS)]) HOUR_WORDS.set(list[h] ?? '', h);
const HOUR_WORD = [...HOUR_WORDS.keys()].join('|');
const HOUR_WORD_AFTER = new RegExp(`\\b(half|over|voor|om|at) (${HOUR_WORD})\\b`, 'g');
const HOUR_WORD_BEFORE = new RegExp(`\\b(${HOUR_WORD}) (uur|o'?clock)`, 'g');
/** [pattern, hours to add to group 1, minutes (null: group 2)]. First match wins. */
const TIME_RULES: ReadonlyArray<readonly [RegExp, number, number | null]> = [
  [/(\d{1,2})\s*(?:[:.]|u(?:ur)?|h)\s*(\d{2})(?!\d)/, 0, null],
  [/\bhalf\s+(\d{1,2})\b/, -1, 30],
  [/\bkwart over\s+(\d{1,2})\b/, 0, 15],
  [/\bkwart voor\s+(\d{1,2})\b/, -1, 45],
  [/\b(\d{1,2})\s*(?:-|–|tot|to)\s*\d{1,2}\s*(?:uur|u\b|h\b|[ap]\.?m\b)/, 0, 0], // "19-21 uur": the start
  [/(\d{1,2})\s*(?:uur|u|h|o'?clock|[ap]\.?m\b)/, 0, 0],
  [/\b(?:om|at|vanaf|from|rond|around)\s+(\d{1,2})(?![\d:.])/, 0, 0],
];

/** The first time of day in the text; 'invalid' for e.g. 25:00; null when there is none. */
function timeIn(text: string): { hour: number; minute: number } | 'invalid' | null {
  const s = text
    .replace(HOUR_WORD_AFTER, (_, before, w) => `${before} ${HOUR_WORDS.get(w)}`)
    .replace(HOUR_WORD_BEFORE, (_, w, after) => `${HOUR_WORDS.get(w)} ${after}`);
  const pm = /\d\s*p\.?m\b|\bp\.?m\b|avond|middag|evening|afternoon|tonight/.test(s);
  const am = /\d\s*a\.?m\b|\ba\.m\b|ochtend|morgens|morning/.test(s);
  for (const [re, addHours, minutes] of TIME_RULES) {
    const m = s.match(re);
    if (!m) continue;
    let hour = Number(m[1]) + addHours;
    const minute = minutes ?? Number(m[2]);
    if (hour < 0 || hour > 23 || minute > 59) return 'invalid';
    // Nobody meets at 3 at night: "om 3", "half 3", "3:00" mean the afternoon, "03:00" does not.
    const afternoon = !am && hour >= 1 && hour <= 6 && !m[1]?.startsWith('0');
    if ((pm || afternoon) && hour < 12) hour += 12;
    if (am && !pm && hour === 12) hour = 0;
    return { hour, minute };
  }
  return null;
}
