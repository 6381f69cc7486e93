import { DateTime } from 'luxon';
import { languageName } from '../../domain/languages.ts';
import {
  type Availability,
  type AvailabilityException,
  type PartOfDay,
  type Slot,
  WEEKDAYS,
} from '../../domain/matching/availability.ts';
import { THEME_KEYS, type ThemeKey, themeName } from '../../domain/themes.ts';
import { WIJK_KEYS, type WijkKey, wijkName } from '../../domain/wijken.ts';
import { type Locale, t } from '../../i18n/index.ts';
import type { Weekly } from './profile-state.ts';

const PARTS: readonly PartOfDay[] = ['morning', 'afternoon', 'evening'];
/** How many date exceptions a message lists before "and N more". */
export const SHOWN_EXCEPTIONS = 10;

/** "di 24 dec 2026" / "Thu 24 Dec 2026". */
export function formatDay(date: string, locale: Locale): string {
  return DateTime.fromISO(date)
    .setLocale(locale === 'nl' ? 'nl-NL' : 'en-GB')
    .toFormat('ccc d LLL yyyy');
}

export function weeklyText(weekly: Weekly, l: Locale): string {
  const days = WEEKDAYS.filter((d) => (weekly[d] ?? []).length > 0).map((d) => {
    const slots = weekly[d] ?? [];
    const allDay = PARTS.every((p) => slots.includes(p));
    const parts = allDay
      ? [t(l, 'profile.part.all_day'), ...slots.filter((s) => typeof s !== 'string').map(slotText(l))]
      : slots.map(slotText(l));
    return `${t(l, `profile.day.${d}`)} ${parts.join('+')}`;
  });
  return days.length > 0 ? days.join(', ') : t(l, 'profile.value.unset');
}

export function upcomingExceptions(a: Availability, today: string): AvailabilityException[] {
  return a.exceptions
    .filter((e) => (e.until ?? e.date) >= today)
    .sort((x, y) => x.date.localeCompare(y.date));
}

export function exceptionsText(a: Availability, today: string, l: Locale): string {
  const upcoming = upcomingExceptions(a, today);
  if (upcoming.length === 0) return t(l, 'profile.value.none');
  const shown = upcoming.slice(0, SHOWN_EXCEPTIONS).map((e) => exceptionText(e, l));
  if (upcoming.length > SHOWN_EXCEPTIONS)
    shown.push(t(l, 'profile.value.more', { count: upcoming.length - SHOWN_EXCEPTIONS }));
  return shown.join(', ');
}

export function exceptionText(e: AvailabilityException, l: Locale): string {
  const days =
    e.until && e.until !== e.date
      ? `${formatDay(e.date, l)} – ${formatDay(e.until, l)}`
      : formatDay(e.date, l);
  const slots = e.slots?.length ? ` (${e.slots.map(slotText(l)).join('+')})` : '';
  return `${e.kind === 'available' ? '+' : ''}${days}${slots}`;
}

function slotText(l: Locale) {
  return (s: Slot): string => (typeof s === 'string' ? t(l, `profile.part.${s}`) : `${s.from}–${s.to}`);
}

export function languagesText(codes: string[], l: Locale): string {
  return codes.length > 0 ? codes.map((c) => languageName(c, l)).join(', ') : t(l, 'profile.value.unset');
}

export function wijkenText(wijken: string[], anywhere: boolean, l: Locale): string {
  if (anywhere) return t(l, 'profile.value.anywhere');
  const names = wijken.filter(isWijk).map(wijkName);
  return names.length > 0 ? names.join(', ') : t(l, 'profile.value.unset');
}

export function themesText(themes: string[], l: Locale): string {
  const names = themes.filter(isTheme).map((k) => themeName(k, l));
  return names.length > 0 ? names.join(', ') : t(l, 'profile.value.no_preference');
}

export function pauseText(pausedUntil: string | null, l: Locale): string {
  return pausedUntil
    ? t(l, 'profile.value.paused_until', { date: formatDay(pausedUntil, l) })
    : t(l, 'profile.value.none');
}

export const isWijk = (k: string): k is WijkKey => (WIJK_KEYS as readonly string[]).includes(k);
export const isTheme = (k: string): k is ThemeKey => (THEME_KEYS as readonly string[]).includes(k);
