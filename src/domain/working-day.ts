import { DateTime } from 'luxon';

/** Easter Sunday (Gregorian, anonymous algorithm) as month and day. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** Dutch public holidays on which offices are closed (New Year, Easter Monday, King's Day, Ascension, Whit Monday, Christmas). */
export function isDutchHoliday(date: DateTime): boolean {
  const { year, month, day } = date;
  if ((month === 1 && day === 1) || (month === 12 && (day === 25 || day === 26))) return true;
  // King's Day is 27 April, or the 26th when the 27th is a Sunday.
  const kings = DateTime.fromObject({ year, month: 4, day: 27 });
  if (month === 4 && day === (kings.weekday === 7 ? 26 : 27)) return true;
  const easter = DateTime.fromObject({ year, ...easterSunday(year) });
  return [1, 39, 50].some((offset) => easter.plus({ days: offset }).hasSame(date, 'day'));
}

/** The first working day (Monday to Friday, no public holiday) of a month, at `hour`:00 local time. */
export function firstWorkingDay(year: number, month: number, zone: string, hour = 9): DateTime {
  let d = DateTime.fromObject({ year, month, day: 1, hour }, { zone });
  while (d.weekday > 5 || isDutchHoliday(d)) d = d.plus({ days: 1 });
  return d;
}
