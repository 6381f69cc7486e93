import { z } from 'zod';
import { addDays, LocalClock, weekdayOf } from './local-clock.ts';

/** Parts of the day as volunteers think of them, in minutes after local midnight. */
export const PARTS_OF_DAY = {
  morning: { from: 8 * 60, to: 12 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  evening: { from: 17 * 60, to: 22 * 60 },
} as const;
export type PartOfDay = keyof typeof PARTS_OF_DAY;
export const PartOfDaySchema = z.enum(['morning', 'afternoon', 'evening']);

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const Clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time as HH:MM');
const LocalDate = z.iso.date();

/** An explicit local time range, e.g. { from: '18:30', to: '21:00' }; '24:00' ends at midnight. */
export const TimeRangeSchema = z
  .object({ from: Clock, to: Clock })
  .refine((r) => minutes(r.from) < minutes(r.to), { message: 'a time range ends after it starts' });

/** A part of the day or an explicit range. */
export const SlotSchema = z.union([PartOfDaySchema, TimeRangeSchema]);
export type Slot = z.infer<typeof SlotSchema>;

/**
 * A change to the weekly pattern on one date (or from `date` through `until`, both local and
 * inclusive): 'unavailable' removes the given slots (all of the day when none are given),
 * 'available' adds slots. Removals apply before additions.
 */
export const AvailabilityExceptionSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('unavailable'),
      date: LocalDate,
      until: LocalDate.optional(),
      slots: z.array(SlotSchema).optional(),
    }),
    z.object({
      kind: z.literal('available'),
      date: LocalDate,
      until: LocalDate.optional(),
      slots: z.array(SlotSchema).min(1),
    }),
  ])
  .refine((e) => e.until === undefined || e.until >= e.date, { message: 'until is on or after date' });
export type AvailabilityException = z.infer<typeof AvailabilityExceptionSchema>;

/**
 * A volunteer's availability as stored in VolunteerProfile.availability (Json). Times are local
 * to the organisation's zone (Europe/Amsterdam). `{}` parses as "no availability yet".
 * `pausedUntil` (local date, inclusive) is what /pauze sets; the "paused" rule checks it, isAvailable
 * does not, so an exclusion names the right reason.
 */
export const AvailabilitySchema = z.object({
  version: z.literal(1).default(1),
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(SlotSchema)).default({}),
  exceptions: z.array(AvailabilityExceptionSchema).default([]),
  pausedUntil: LocalDate.nullable().default(null),
});
export type Availability = z.infer<typeof AvailabilitySchema>;
/** The shape accepted when writing (defaults may be left out). */
export type AvailabilityInput = z.input<typeof AvailabilitySchema>;

export type ParsedAvailability = { ok: true; value: Availability } | { ok: false; issues: string[] };

/** Parses the stored Json; bad data is a value, so one broken profile never stops a matching run. */
export function parseAvailability(json: unknown): ParsedAvailability {
  const result = AvailabilitySchema.safeParse(json ?? {});
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/**
 * Whether the volunteer is available for all of [start, end]. Callers that want a travel buffer
 * widen the interval (rules.ts does). Weekly patterns are local wall-clock times in `zone`, so a
 * 19:00 evening is 19:00 on both sides of a daylight-saving switch.
 */
export function isAvailable(availability: Availability, start: Date, end: Date, zone = 'Europe/Amsterdam') {
  return coversSpan(compile(availability), localSpan(start.getTime(), end.getTime(), zone));
}

/** One local day's part of an interval: minutes after local midnight, `to` ≤ 1440. */
export interface DayPiece {
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  from: number;
  to: number;
}

/**
 * An instant interval as local wall-clock pieces, one per local date it touches. Pass a shared
 * LocalClock when converting many intervals; a zone name makes a fresh one.
 */
export function localSpan(startMs: number, endMs: number, clock: LocalClock | string): DayPiece[] {
  const local = typeof clock === 'string' ? new LocalClock(clock) : clock;
  const start = local.at(startMs);
  let end = local.at(Math.max(endMs, startMs));
  let endMinute = end.minute;
  if (endMinute === 0 && endMs > startMs) {
    // Ending at midnight ends the day before, at 24:00.
    end = local.at(endMs - 1);
    endMinute = 1440;
  }
  if (start.date === end.date) {
    // The repeated hour in October can make a same-day end read earlier than the start: cover both.
    const [from, to] = [Math.min(start.minute, endMinute), Math.max(start.minute, endMinute)];
    return [{ date: start.date, weekday: start.weekday, from, to }];
  }
  const pieces: DayPiece[] = [{ date: start.date, weekday: start.weekday, from: start.minute, to: 1440 }];
  for (let date = addDays(start.date, 1); date < end.date; date = addDays(date, 1)) {
    pieces.push({ date, weekday: weekdayOf(date), from: 0, to: 1440 });
  }
  pieces.push({ date: end.date, weekday: end.weekday, from: 0, to: endMinute });
  return pieces;
}

/** The part of the day a local minute falls in (before noon: morning; after five: evening). */
export function partOfDayAt(minute: number): PartOfDay {
  if (minute < PARTS_OF_DAY.afternoon.from) return 'morning';
  return minute < PARTS_OF_DAY.evening.from ? 'afternoon' : 'evening';
}

type Ranges = ReadonlyArray<readonly [number, number]>;

/** Availability turned into sorted, merged minute ranges per weekday and per exceptional date. */
export interface CompiledAvailability {
  weekly: readonly Ranges[];
  byDate: ReadonlyMap<string, Ranges>;
}

const compiled = new WeakMap<Availability, CompiledAvailability>();

/** Compiles once per availability object (cached), so a batch run pays for it once per volunteer. */
export function compile(availability: Availability): CompiledAvailability {
  const hit = compiled.get(availability);
  if (hit) return hit;
  const weekly = WEEKDAYS.map((day) => merge((availability.weekly[day] ?? []).map(slotRange)));
  const byDate = new Map<string, Ranges>();
  const removals = availability.exceptions.filter((e) => e.kind === 'unavailable');
  const additions = availability.exceptions.filter((e) => e.kind === 'available');
  for (const e of [...removals, ...additions]) {
    for (const date of datesOf(e.date, e.until)) {
      const base = byDate.get(date) ?? weekly[weekdayOf(date)] ?? [];
      const slots = (e.slots ?? []).map(slotRange);
      if (e.kind === 'available') byDate.set(date, merge([...base, ...slots]));
      else byDate.set(date, e.slots ? subtract(base, slots) : []);
    }
  }
  const result = { weekly, byDate };
  compiled.set(availability, result);
  return result;
}

/** Whether every piece lies inside one merged range of its date. */
export function coversSpan(c: CompiledAvailability, pieces: readonly DayPiece[]): boolean {
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as DayPiece;
    const ranges =
      (c.byDate.size > 0 ? c.byDate.get(piece.date) : undefined) ?? c.weekly[piece.weekday] ?? [];
    let covered = false;
    for (let j = 0; j < ranges.length && !covered; j++) {
      const range = ranges[j] as readonly [number, number];
      covered = range[0] <= piece.from && range[1] >= piece.to;
    }
    if (!covered) return false;
  }
  return true;
}

function slotRange(slot: Slot): [number, number] {
  if (typeof slot === 'string') return [PARTS_OF_DAY[slot].from, PARTS_OF_DAY[slot].to];
  return [minutes(slot.from), minutes(slot.to)];
}

function minutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** Sorted, with touching or overlapping ranges joined (morning + afternoon = 08:00–17:00). */
function merge(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function subtract(base: Ranges, cut: Ranges): Array<[number, number]> {
  let out: Array<[number, number]> = base.map(([a, b]) => [a, b]);
  for (const [cf, ct] of cut) {
    out = out.flatMap(([a, b]): Array<[number, number]> => {
      if (ct <= a || cf >= b) return [[a, b]];
      const kept: Array<[number, number]> = [];
      if (cf > a) kept.push([a, cf]);
      if (ct < b) kept.push([ct, b]);
      return kept;
    });
  }
  return out;
}

const MAX_EXCEPTION_DAYS = 366;

function datesOf(from: string, until: string | undefined): string[] {
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${until ?? from}T00:00:00Z`);
  const dates: string[] = [];
  for (let t = first; t <= last && dates.length < MAX_EXCEPTION_DAYS; t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}
