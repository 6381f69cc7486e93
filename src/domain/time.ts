import { DateTime } from 'luxon';
import type { Locale } from '../i18n/index.ts';

/** "di 8 dec. 2026 19:30" / "Tue 8 Dec 2026 19:30", in the given zone. */
export function formatDateTime(iso: string | Date, zone: string, locale: Locale): string {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso, { zone }) : DateTime.fromJSDate(iso, { zone });
  return dt.setLocale(locale === 'nl' ? 'nl-NL' : 'en-GB').toFormat('ccc d LLL yyyy HH:mm');
}

/** An example date for prompts: a week from now at 19:30, day-first as Dutch users write it. */
export function exampleDate(now: Date, zone: string): string {
  return `${DateTime.fromJSDate(now, { zone }).plus({ days: 7 }).toFormat('d-M-yyyy')} 19:30`;
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
