import { DateTime } from 'luxon';
import { parseDateTime } from '../../domain/intake-parse.ts';
import { matchTheme, type ThemeKey } from '../../domain/themes.ts';
import { matchWijk, type WijkKey } from '../../domain/wijken.ts';
import { MAX_PER_MONTH } from './profile-state.ts';

/** A parsed answer, or what was wrong with it (the flow turns that into a sentence). */
export type Parsed<T, E extends string> = { ok: true; value: T } | { ok: false; error: E; detail?: string };

const DAY_MS = 86_400_000;
/** Days the form parser does not read but that are plainly in the past ("tot gisteren"). */
const PAST_WORDS =
  /^(?:\D*\s)?(?:eer)?gisteren$|^(?:\D*\s)?(?:the day before )?yesterday$|^(?:\D*\s)?(?:vorige|afgelopen|last|past) (?:week|maand|jaar|month|year)$/;

/** Today's date where the organisation is (yyyy-mm-dd). */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? '';
}

/**
 * A calendar date the volunteer names ("24-12-2026", "tot 1 februari", "morgen", "over 2 weken",
 * "over een maand"), as a local yyyy-mm-dd that is today or later and within two years. The
 * request form's date-and-time parser does the reading; a date alone is read as that day at 23:59,
 * so today still counts as "not in the past".
 */
export function parseLocalDate(
  text: string,
  at: { now: Date; zone: string },
): Parsed<string, 'unparsed' | 'in_past' | 'too_far'> {
  const s = fold(text);
  if (PAST_WORDS.test(s)) return { ok: false, error: 'in_past' };
  const months = s.match(/^(?:\D*\b)?(?:over |in )?(\d+|[a-z]+) (?:maand(?:en)?|months?)\b/);
  const count = months ? Number(months[1]) || (MONTH_COUNTS[months[1] ?? ''] ?? 0) : 0;
  if (months && count > 0) {
    if (count > 24) return { ok: false, error: 'too_far' };
    const day = DateTime.fromJSDate(at.now, { zone: at.zone }).plus({ months: count });
    return { ok: true, value: day.toISODate() ?? '' };
  }
  // "2 weken", "drie dagen": the form parser wants "over" in front.
  const relative = s.replace(
    /^(?:\D*?\s)?(?<!over |in )(\d+|[a-z]+) (dagen|weken|days|weeks)\b/,
    'over $1 $2',
  );
  const r = parseDateTime(`${relative} 23:59`, at);
  if (!r.ok) return { ok: false, error: r.error === 'missing_time' ? 'unparsed' : r.error };
  return { ok: true, value: localToday(r.start, at.zone) };
}

/** 0–20 from "2", "hooguit 3", "twee", "geen"; "2 à 3" counts as its upper end. */
export function parseMaxPerMonth(text: string): Parsed<number, 'not_a_number' | 'too_many'> {
  const s = fold(text);
  if (/^(?:geen|none|nul|zero|niets|nothing)$/.test(s)) return { ok: true, value: 0 };
  if (/-\s*\d|\d[.,]\d/.test(s)) return { ok: false, error: 'not_a_number' };
  const numbers = [...s.matchAll(/\d+|[a-z]+/g)]
    .map((m) => (/\d/.test(m[0]) ? Number(m[0]) : NUMBER_WORDS[m[0]]))
    .filter((n): n is number => n !== undefined);
  if (numbers.length === 0) return { ok: false, error: 'not_a_number' };
  const value = Math.max(...numbers);
  if (value > MAX_PER_MONTH.max) return { ok: false, error: 'too_many', detail: String(value) };
  return { ok: true, value };
}

/** Wijken from "Overvecht en Zuid", "Lombok, Leidsche Rijn", or "overal". Any unknown name fails. */
export function parseWijkList(text: string): Parsed<{ wijken: WijkKey[]; anywhere: boolean }, 'unknown'> {
  if (ANYWHERE.test(fold(text))) return { ok: true, value: { wijken: [], anywhere: true } };
  const wijken: WijkKey[] = [];
  for (const piece of pieces(text)) {
    const wijk = matchWijk(piece);
    if (!wijk) return { ok: false, error: 'unknown', detail: piece.slice(0, 60) };
    if (!wijken.includes(wijk)) wijken.push(wijk);
  }
  if (wijken.length === 0) return { ok: false, error: 'unknown', detail: text.trim().slice(0, 60) };
  return { ok: true, value: { wijken, anywhere: false } };
}

/** Themes from "eenzaamheid en wonen"; "geen voorkeur" is none. Any unknown theme fails. */
export function parseThemeList(text: string): Parsed<ThemeKey[], 'unknown'> {
  if (/^(?:geen(?: voorkeur)?|none|no preference|maakt niet uit|alles|all)$/.test(fold(text))) {
    return { ok: true, value: [] };
  }
  const themes: ThemeKey[] = [];
  for (const piece of pieces(text)) {
    const theme = matchTheme(piece);
    if (!theme || theme === 'anders') return { ok: false, error: 'unknown', detail: piece.slice(0, 60) };
    if (!themes.includes(theme)) themes.push(theme);
  }
  if (themes.length === 0) return { ok: false, error: 'unknown', detail: text.trim().slice(0, 60) };
  return { ok: true, value: themes };
}

/** The local date `days` after `date` (yyyy-mm-dd). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Splits a list answer on commas and the words "en"/"and"/"of"/"or". */
function pieces(text: string): string[] {
  return text
    .split(/[,;/+&|\n]+|\s+(?:en|and|of|or)\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Lower case without accents, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const ANYWHERE =
  /^(?:overal|overal in de stad|anywhere|everywhere|maakt (?:me )?niet uit|heel utrecht|de hele stad|hele stad|alle wijken|all)$/;

const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    'nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig',
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty',
  ].flatMap((list) => list.split(' ').map((w, i) => [w, i])),
);
/** "a month", "één maand", "drie maanden". */
const MONTH_COUNTS: Readonly<Record<string, number>> = { ...NUMBER_WORDS, a: 1, an: 1 };
