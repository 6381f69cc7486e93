import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { parseDateTime, parsePhone } from '../intake-parse.ts';
import type { DateOption } from './extracted-request.ts';
import { fold, sentences } from './text.ts';

export interface ExtractedDates {
  options: DateOption[];
  /** Minutes between start and end of the first option with a time range ("19.30-21.30"). */
  rangeMinutes: number | null;
  /** Days named without any time of day (yyyy-mm-dd). */
  datesWithoutTime: string[];
  /** True when a time was guessed from a part of the day ("'s avonds" → 19:30). */
  guessedTime: boolean;
}

export const MAX_OPTIONS = 5;

/**
 * Date options from a free-text message, via chrono-node (Dutch or British English, day-first),
 * after rewriting the Dutch forms chrono does not know ("8/12", "19u30", "half acht",
 * "tussen 19.30 en 21.30"). Wall-clock values are read from chrono and placed in `zone` with
 * luxon, so DST is luxon's business. Falls back to the guided form's own parser.
 */
export function extractDates(
  text: string,
  opts: { now: Date; zone: string; lang: 'nl' | 'en' },
): ExtractedDates {
  const now = DateTime.fromJSDate(opts.now, { zone: opts.zone });
  for (const lang of [opts.lang, opts.lang === 'nl' ? 'en' : 'nl'] as const) {
    const found = withChrono(normalise(text, lang), now, lang);
    if (found.options.length > 0 || found.datesWithoutTime.length > 0) return found;
  }
  // Last resort: the guided form's parser, one sentence at a time (it reads one date per answer).
  const options: DateOption[] = [];
  for (const s of sentences(text)) {
    const r = parseDateTime(s, { now: opts.now, zone: opts.zone });
    if (r.ok) options.push({ start: iso(DateTime.fromJSDate(r.start, { zone: opts.zone })), end: null });
  }
  return { options: dedupe(options), rangeMinutes: null, datesWithoutTime: [], guessedTime: false };
}

interface Pending {
  date: { year: number; month: number; day: number };
  time: { hour: number; minute: number } | null;
  end: { hour: number; minute: number } | null;
  at: number;
  length: number;
}

function withChrono(text: string, now: DateTime, lang: 'nl' | 'en'): ExtractedDates {
  const parser = lang === 'nl' ? chrono.nl : chrono.en.GB;
  // chrono reads the reference's wall clock in the given offset (minutes), so "morgen" is
  // tomorrow in Amsterdam even at 23:30 when the server runs in UTC.
  const results = parser.parse(
    text,
    { instant: now.toJSDate(), timezone: now.offset },
    { forwardDate: true },
  );
  const folded = fold(text);
  const pending: Pending[] = [];
  let waitingForTime: Pending[] = [];
  let guessedTime = false;
  const dayOverride = new Map<number, { year: number; month: number; day: number }>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (!r) continue;
    const next = results[i + 1];
    const s = r.start;
    const rt = fold(r.text);
    // "an hour and a half", "90 minutes": chrono reads a span from now; that is a duration here.
    if (DURATION_LIKE.test(rt) && !WEEKDAY_OR_MONTH.test(rt)) continue;
    // "over twee weken op woensdag", "next week on Tuesday": the weekday within that week.
    if (
      next &&
      /\b(?:over|in) \S+ (?:weken|weeks)|volgende week|next week/.test(rt) &&
      next.index - (r.index + r.text.length) <= 5
    ) {
      const wd = next.start.get('weekday');
      if (
        next.start.isCertain('weekday') &&
        !next.start.isCertain('day') &&
        wd !== null &&
        wd !== undefined
      ) {
        const week = DateTime.fromObject(
          { year: s.get('year') ?? now.year, month: s.get('month') ?? 1, day: s.get('day') ?? 1 },
          { zone: now.zone },
        ).startOf('week');
        const day = week.plus({ days: (wd + 6) % 7 }); // chrono: 0 = Sunday
        dayOverride.set(i + 1, { year: day.year, month: day.month, day: day.day });
        continue;
      }
    }
    const hasDate = s.isCertain('day') || s.isCertain('weekday') || RELATIVE.test(rt);
    // "Wednesday, 16 December": the bare weekday belongs to the date right after it.
    if (hasDate && !s.isCertain('day') && next && next.index - (r.index + r.text.length) <= 5) {
      if (!s.isCertain('hour')) continue;
    }
    const context = folded.slice(Math.max(0, r.index - 12), r.index + r.text.length + 25);
    const time = s.isCertain('hour') ? clock(s.get('hour') ?? 0, s.get('minute') ?? 0, s, context) : null;
    const end =
      r.end?.isCertain('hour') && time
        ? endClock(r.end.get('hour') ?? 0, r.end.get('minute') ?? 0, time, r.end.isCertain('meridiem'))
        : null;
    if (hasDate) {
      const p: Pending = {
        date: dayOverride.get(i) ?? {
          year: s.get('year') ?? now.year,
          month: s.get('month') ?? 1,
          day: s.get('day') ?? 1,
        },
        time,
        end,
        at: r.index,
        length: r.text.length,
      };
      pending.push(p);
      if (time) waitingForTime = [];
      else waitingForTime.push(p);
    } else if (time) {
      // "16 of 17 december, van 19.30 tot 21.30": the time belongs to every date before it,
      // if it comes soon after them (a number in a signature is no time of the dialogue).
      const last = waitingForTime.at(-1);
      if (last && r.index - (last.at + last.length) > 120) continue;
      for (const p of waitingForTime) Object.assign(p, { time, end });
      waitingForTime = [];
    }
  }
  const options: DateOption[] = [];
  const datesWithoutTime: string[] = [];
  let rangeMinutes: number | null = null;
  for (const p of pending) {
    let time = p.time;
    if (!time) {
      time = partOfDay(folded.slice(Math.max(0, p.at - 15), p.at + p.length + 30));
      if (time) guessedTime = true;
    }
    const day = DateTime.fromObject(p.date, { zone: now.zone });
    if (!day.isValid) continue;
    if (!time) {
      if (day >= now.startOf('day')) datesWithoutTime.push(day.toISODate() ?? '');
      continue;
    }
    const start = day.set({ hour: time.hour, minute: time.minute });
    if (start <= now || start > now.plus({ years: 2 })) continue;
    const end = p.end ? start.set({ hour: p.end.hour, minute: p.end.minute }) : null;
    const validEnd = end && end > start && end.diff(start, 'hours').hours <= 8 ? end : null;
    if (validEnd && rangeMinutes === null) rangeMinutes = Math.round(validEnd.diff(start, 'minutes').minutes);
    options.push({ start: iso(start), end: validEnd ? iso(validEnd) : null });
  }
  return {
    options: dedupe(options),
    rangeMinutes,
    datesWithoutTime: [...new Set(datesWithoutTime)],
    guessedTime,
  };
}

const DURATION_LIKE =
  /^(?:(?:in|over|for|binnen|within)\s+)?(?:een|an?|one|two|three|twee|drie|anderhalf|half|\d+(?:[.,]\d)?)\s*(?:uur|hours?|minuten|minutes?|mins?)\b/;
const WEEKDAY_OR_MONTH =
  /maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|maart|march|apr|mei|may|jun|jul|aug|sep|o[ck]t|nov|dec|morgen|tomorrow/;
const RELATIVE = /morgen|vandaag|tomorrow|today|tonight|week|weken|weeks|dagen|days/;
const PM = /avond|'s middags|middag|evening|afternoon|night|tonight|\bpm\b|p\.m\./;
const AM = /ochtend|'s morgens|morning|\bam\b|a\.m\./;

/** A time of day as people mean it: "om 7 uur 's avonds" is 19:00, "om 3" is 15:00, "03:00" stays. */
function clock(
  hour: number,
  minute: number,
  s: chrono.ParsedComponents,
  context: string,
): { hour: number; minute: number } {
  if (s.isCertain('meridiem') || hour >= 12) return { hour, minute };
  if (PM.test(context) && !AM.test(context)) return { hour: hour + 12, minute };
  if (hour >= 1 && hour <= 6 && !AM.test(context) && !/\b0\d[:.]/.test(context))
    return { hour: hour + 12, minute };
  return { hour, minute };
}

function endClock(hour: number, minute: number, start: { hour: number }, meridiemKnown: boolean) {
  if (!meridiemKnown && hour < start.hour && hour + 12 > start.hour && hour + 12 < 24)
    return { hour: hour + 12, minute };
  return { hour, minute };
}

/** Our conventions for a part of the day without a time; the partner confirms them. */
function partOfDay(context: string): { hour: number; minute: number } | null {
  if (/avond|evening|tonight|\bnight\b/.test(context)) return { hour: 19, minute: 30 };
  if (/middag|afternoon/.test(context)) return { hour: 14, minute: 0 };
  if (/ochtend|'s morgens|morning/.test(context)) return { hour: 10, minute: 0 };
  return null;
}

const MONTH_NAMES = /^(?:jan|feb|maart|mrt|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)/i;
const NL_MONTHS =
  'januari februari maart april mei juni juli augustus september oktober november december'.split(' ');
const EN_MONTHS =
  'January February March April May June July August September October November December'.split(' ');
const NL_HOURS = 'een twee drie vier vijf zes zeven acht negen tien elf twaalf'.split(' ');
const WEEKDAY = '(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)';
const TIME = String.raw`\d{1,2}(?:[:.]\d{2})?`;

/** Rewrites forms chrono misses into forms it knows; offsets may shift, we only read values. */
function normalise(text: string, lang: 'nl' | 'en'): string {
  const months = lang === 'nl' ? NL_MONTHS : EN_MONTHS;
  const hourOf = (w: string): number => (/^\d+$/.test(w) ? Number(w) : NL_HOURS.indexOf(w.toLowerCase()) + 1);
  return (
    text
      // Phone numbers, e-mail and web addresses hold digit groups that read like times.
      .replace(/\S+@\S+|https?:\/\/\S+|(?:\+|\b0)\d[\d\s().-]{7,}\d/g, (m) =>
        m.includes('@') ||
        m.startsWith('http') ||
        (parsePhone(m) && !/\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/.test(m))
          ? ' '.repeat(m.length)
          : m,
      )
      .replace(/[’‘`´]/g, "'")
      .replace(/(?<![\d.])(\d{1,2})\.(\d{2})\b(?!\.\d)/g, '$1:$2')
      .replace(/\b(\d{1,2})u(\d{2})\b/g, '$1:$2')
      .replace(/\b(\d{1,2})\s?u\b(?!u)/g, '$1:00')
      .replace(new RegExp(`\\btussen (${TIME}) (?:uur )?en (${TIME})`, 'gi'), 'van $1 tot $2')
      .replace(new RegExp(`\\b${WEEKDAY}(ochtend|middag|avond)`, 'gi'), '$1 $2')
      // "16 of 17 december": both days get the month.
      .replace(
        /\b(\d{1,2}) (of|en|or|and|t\/m) (\d{1,2})(?:e|th|st|nd|rd)? ([a-z]{3,9})\b/gi,
        (all, a, w, b, m: string) => (MONTH_NAMES.test(m) ? `${a} ${m} ${w} ${b} ${m}` : all),
      )
      .replace(
        /\bhalf (\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\b/gi,
        (_, h: string) => {
          const n = hourOf(h) - 1;
          return n >= 0 ? `${n === 0 ? 12 : n}:30` : _;
        },
      )
      .replace(/\bkwart over (\d{1,2})\b/gi, '$1:15')
      .replace(/\bkwart voor (\d{1,2})\b/gi, (_, h: string) => `${Number(h) - 1}:45`)
      // Day-first numeric dates ("8/12", "8-12-2026") when the context says it is a date.
      .replace(
        /(^|[^\d/.:-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d/:-])(?!\s*(?:deelnemers|mensen|personen|people|participants|jaar|years|uur|hours|min|pers|[ap]\.?m\b|u\b|h\b))/gi,
        (all, pre: string, d: string, m: string, y: string | undefined, offset: number, whole: string) => {
          const [day, month] = [Number(d), Number(m)];
          if (month < 1 || month > 12 || day < 1 || day > 31) return all;
          const before = fold(whole.slice(Math.max(0, offset - 14), offset + pre.length));
          const after = fold(whole.slice(offset + all.length, offset + all.length + 12));
          const dateLike =
            y !== undefined ||
            /(dag|day|\bop|\bon|datum|date|\bof|\bor|\ben|\band|\bt\/m|,)\s*$/.test(before) ||
            /^\s*(om|at|van|from|,)?\s*\d{1,2}[:.]\d{2}/.test(after) ||
            /^\s*(om|at)\b/.test(after);
          return dateLike
            ? `${pre}${day} ${months[month - 1]}${y ? ` ${y.length === 2 ? `20${y}` : y}` : ''}`
            : all;
        },
      )
  );
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) ?? '';
}

function dedupe(options: DateOption[]): DateOption[] {
  const seen = new Set<string>();
  return options.filter((o) => !seen.has(o.start) && seen.add(o.start)).slice(0, MAX_OPTIONS);
}
