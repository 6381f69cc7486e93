import { DateTime } from 'luxon';

/** Local calendar facts of an instant. */
export interface LocalTime {
  /** 'yyyy-MM-dd'. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes after local midnight (wall clock). */
  minute: number;
  /** 'yyyy-MM'. */
  month: string;
}

const QUARTER_MS = 900_000;

/**
 * Instants → local wall-clock facts in one zone, via luxon (which knows the DST rules), cached:
 * per UTC day we ask luxon for the offset at both ends; on the (nearly all) days without a
 * switch, local time is plain arithmetic on that offset. On a switch day we ask luxon once per
 * quarter hour: every real zone changes its offset, and so reaches midnight, only on a quarter
 * hour. A batch converts the same few hundred session times thousands of times.
 */
export class LocalClock {
  /** UTC day number → offset in ms that holds all day, or null on a switch day. */
  private readonly offsets = new Map<number, number | null>();
  /** Local day number → its calendar facts. */
  private readonly days = new Map<number, Omit<LocalTime, 'minute'>>();
  private readonly quarters = new Map<number, LocalTime>();

  constructor(readonly zone: string) {
    if (!DateTime.now().setZone(zone).isValid) throw new RangeError(`unknown time zone: ${zone}`);
  }

  at(ms: number): LocalTime {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = this.offsets.get(utcDay);
    if (offset === undefined) {
      const first = DateTime.fromMillis(utcDay * DAY_MS, { zone: this.zone }).offset;
      const last = DateTime.fromMillis((utcDay + 1) * DAY_MS - 1, { zone: this.zone }).offset;
      offset = first === last ? first * 60_000 : null;
      this.offsets.set(utcDay, offset);
    }
    if (offset === null) return this.viaQuarter(ms);
    const local = ms + offset;
    const localDay = Math.floor(local / DAY_MS);
    let day = this.days.get(localDay);
    if (!day) {
      const date = new Date(localDay * DAY_MS).toISOString().slice(0, 10);
      day = { date, weekday: weekdayOf(date), month: date.slice(0, 7) };
      this.days.set(localDay, day);
    }
    return { ...day, minute: Math.floor((local - localDay * DAY_MS) / 60_000) };
  }

  private viaQuarter(ms: number): LocalTime {
    const quarter = Math.floor(ms / QUARTER_MS);
    let base = this.quarters.get(quarter);
    if (!base) {
      const dt = DateTime.fromMillis(quarter * QUARTER_MS, { zone: this.zone });
      base = {
        date: dt.toISODate() ?? '',
        weekday: dt.weekday - 1,
        minute: dt.hour * 60 + dt.minute,
        month: dt.toFormat('yyyy-MM'),
      };
      this.quarters.set(quarter, base);
    }
    const extra = Math.floor((ms - quarter * QUARTER_MS) / 60_000);
    return extra === 0 ? base : { ...base, minute: base.minute + extra };
  }
}

const DAY_MS = 86_400_000;

/** The ISO date `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday of an ISO date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7;
}
