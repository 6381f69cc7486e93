import { type PartOfDay, type Slot, WEEKDAYS, type Weekday } from '../../domain/matching/availability.ts';
import { fold, type Parsed } from './profile-parse.ts';
import type { Weekly } from './profile-state.ts';

const PARTS: readonly PartOfDay[] = ['morning', 'afternoon', 'evening'];

/**
 * A weekly pattern from "ma en wo avond, za ochtend", "doordeweeks 's avonds", "mon-fri morning",
 * "weekend". Days take the parts of the day that follow them; days without any part mean the
 * whole day; parts without any day mean every day. "geen" clears the pattern.
 */
export function parseWeekly(text: string): Parsed<Weekly, 'unknown'> {
  const s = fold(text)
    .replace(/['’‘`]s\b/g, ' ')
    .replace(/\b(?:de )?(?:hele|whole|all) (?:dag|day)\b/g, ' heledag ')
    .replace(
      /(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|avond|morgen)/g,
      '$1 $2',
    )
    .replace(/\bt\s*\/\s*m\b|\btot en met\b|\btot\b|\bthrough\b|\btill\b|\bto\b|[–—]/g, ' - ')
    .replace(/-/g, ' - ');
  if (/^\s*(?:geen|none|nooit|never|niet)\s*$/.test(s)) return { ok: true, value: {} };
  const tokens = s.split(/[^a-z-]+/).filter(Boolean);
  const groups: { days: Weekday[]; parts: PartOfDay[] }[] = [];
  let current = { days: [] as Weekday[], parts: [] as PartOfDay[] };
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const days = DAY_WORDS.get(token);
    if (days) {
      if (current.days.length > 0 && current.parts.length > 0) {
        groups.push(current);
        current = { days: [], parts: [] };
      }
      const to = tokens[i + 1] === '-' ? DAY_WORDS.get(tokens[i + 2] ?? '') : undefined;
      if (to && days.length === 1 && to.length === 1) {
        current.days.push(...dayRange(days[0] as Weekday, to[0] as Weekday));
        i += 2;
      } else current.days.push(...days);
      continue;
    }
    const parts = PART_WORDS.get(token);
    if (parts) current.parts.push(...parts);
    else if (!FILLER.has(token)) unknown.push(token);
  }
  groups.push(current);
  if (unknown.length > 0) return { ok: false, error: 'unknown', detail: unknown.join(' ').slice(0, 60) };
  const weekly: Weekly = {};
  for (const g of groups) {
    if (g.days.length === 0 && g.parts.length === 0) continue;
    const days = g.days.length > 0 ? g.days : [...WEEKDAYS];
    const parts = g.parts.length > 0 ? g.parts : PARTS;
    for (const day of days) weekly[day] = sortSlots([...(weekly[day] ?? []), ...parts]);
  }
  if (Object.keys(weekly).length === 0)
    return { ok: false, error: 'unknown', detail: text.trim().slice(0, 60) };
  return { ok: true, value: weekly };
}

/** Quick choices for the weekly pattern. */
export const PRESETS = {
  evenings: fill(['mon', 'tue', 'wed', 'thu', 'fri'], ['evening']),
  daytime: fill(['mon', 'tue', 'wed', 'thu', 'fri'], ['morning', 'afternoon']),
  weekend: fill(['sat', 'sun'], PARTS),
  always: fill(WEEKDAYS, PARTS),
  clear: {},
} as const satisfies Record<string, Weekly>;
export type Preset = keyof typeof PRESETS;

/** Switches one part of one day on or off; explicit time ranges on that day are kept. */
export function toggleSlot(weekly: Weekly, day: Weekday, part: PartOfDay): Weekly {
  const slots = weekly[day] ?? [];
  const next = slots.includes(part) ? slots.filter((s) => s !== part) : sortSlots([...slots, part]);
  const out: Weekly = { ...weekly };
  if (next.length > 0) out[day] = next;
  else delete out[day];
  return out;
}

/** Parts of the day in day order, de-duplicated, explicit ranges after them. */
export function sortSlots(slots: Slot[]): Slot[] {
  const parts = PARTS.filter((p) => slots.includes(p));
  const ranges = slots.filter((s): s is Exclude<Slot, string> => typeof s !== 'string');
  return [...parts, ...ranges];
}

function fill(days: readonly Weekday[], parts: readonly PartOfDay[]): Weekly {
  return Object.fromEntries(days.map((d) => [d, [...parts]]));
}

function dayRange(from: Weekday, to: Weekday): Weekday[] {
  const a = WEEKDAYS.indexOf(from);
  const b = WEEKDAYS.indexOf(to);
  const out: Weekday[] = [];
  for (let i = a; ; i = (i + 1) % 7) {
    out.push(WEEKDAYS[i] as Weekday);
    if (i === b || out.length === 7) return out;
  }
}

const day = (d: Weekday, ...words: string[]) => words.map((w) => [w, [d]] as const);
const DAY_WORDS = new Map<string, readonly Weekday[]>([
  ...day('mon', 'ma', 'maa', 'maan', 'maandag', 'maandags', 'maandagen', 'mon', 'monday', 'mondays'),
  ...day(
    'tue',
    'di',
    'din',
    'dins',
    'dinsdag',
    'dinsdags',
    'dinsdagen',
    'tue',
    'tues',
    'tuesday',
    'tuesdays',
  ),
  ...day(
    'wed',
    'wo',
    'woe',
    'woens',
    'woensdag',
    'woensdags',
    'woensdagen',
    'wed',
    'wednesday',
    'wednesdays',
  ),
  ...day(
    'thu',
    'do',
    'donder',
    'donderdag',
    'donderdags',
    'donderdagen',
    'thu',
    'thur',
    'thurs',
    'thursday',
    'thursdays',
  ),
  ...day('fri', 'vr', 'vrij', 'vrijdag', 'vrijdags', 'vrijdagen', 'fri', 'friday', 'fridays'),
  ...day('sat', 'za', 'zat', 'zaterdag', 'zaterdags', 'zaterdagen', 'sat', 'saturday', 'saturdays'),
  ...day('sun', 'zo', 'zon', 'zondag', 'zondags', 'zondagen', 'sun', 'sunday', 'sundays'),
  ['weekend', ['sat', 'sun']],
  ['weekends', ['sat', 'sun']],
  ['doordeweeks', ['mon', 'tue', 'wed', 'thu', 'fri']],
  ['werkdagen', ['mon', 'tue', 'wed', 'thu', 'fri']],
  ['weekdagen', ['mon', 'tue', 'wed', 'thu', 'fri']],
  ['weekdays', ['mon', 'tue', 'wed', 'thu', 'fri']],
  ['dagelijks', WEEKDAYS],
  ['daily', WEEKDAYS],
]);

const part = (p: readonly PartOfDay[], ...words: string[]) => words.map((w) => [w, p] as const);
const PART_WORDS = new Map<string, readonly PartOfDay[]>([
  ...part(
    ['morning'],
    'ochtend',
    'ochtends',
    'ochtenden',
    'morgen',
    'morgens',
    'voormiddag',
    'morning',
    'mornings',
  ),
  ...part(['afternoon'], 'middag', 'middags', 'middagen', 'namiddag', 'afternoon', 'afternoons'),
  ...part(['evening'], 'avond', 'avonds', 'avonden', 'evening', 'evenings', 'night', 'nights'),
  ...part(['morning', 'afternoon'], 'overdag', 'daytime'),
  ...part(PARTS, 'heledag', 'allday'),
]);

/** Words that may stand around days and parts ("elke maandag", "ik kan op ma", "every monday"). */
const FILLER = new Set(
  (
    'en and of or op on in de het the elke iedere every each alle all hele whole day dag ' +
    'ik kan i can am beschikbaar available ook also alleen only maar but van from om at ' +
    'meestal usually vaak often graag please week weeks -'
  ).split(' '),
);
