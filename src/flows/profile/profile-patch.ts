import { DateTime } from 'luxon';
import {
  type Availability,
  type AvailabilityException,
  parseAvailability,
} from '../../domain/matching/availability.ts';
import type { ProfileRecord, ProfileValues } from './ports.ts';
import type { ProfilePatch, ProfileSnapshot } from './profile-state.ts';

/** Where "today" is and in which zone dates are read. */
export interface DateScope {
  today: string;
  zone: string;
}

/** What a volunteer without a stored profile starts from (the schema's defaults). */
export const EMPTY_PROFILE: ProfileRecord = {
  level: 'TRAINEE',
  certifiedAt: null,
  languages: [],
  wijken: [],
  anywhere: false,
  themes: [],
  availability: {},
  maxPerMonth: 2,
  pausedUntil: null,
  broadcastOptOut: false,
};

/**
 * The stored profile with one confirmed change applied. The pause is written twice on purpose:
 * as the local date in availability.pausedUntil (what /pauze means, inclusive) and as the instant
 * it ends in the pausedUntil column, so both halves of the matching engine's "paused" rule agree.
 */
export function applyPatch(record: ProfileRecord, patch: ProfilePatch, at: DateScope): ProfileValues {
  const availability = readAvailability(record.availability);
  let exceptions = availability.exceptions;
  if (patch.addUnavailable !== undefined) {
    // Past exceptions no longer matter to anyone: drop them while we are here (minimal data).
    exceptions = exceptions.filter((e) => (e.until ?? e.date) >= at.today);
    if (!exceptions.some((e) => isWholeDayOff(e, patch.addUnavailable ?? ''))) {
      exceptions = [...exceptions, { kind: 'unavailable', date: patch.addUnavailable }];
      exceptions.sort((a, b) => a.date.localeCompare(b.date));
    }
  }
  if (patch.removeException !== undefined)
    exceptions = exceptions.filter((e) => e.date !== patch.removeException);
  const pausedDate = patch.pausedUntil === undefined ? availability.pausedUntil : patch.pausedUntil;
  return {
    languages: patch.languages ?? record.languages,
    // "Anywhere" overrides wijken in matching; keep the two from contradicting each other.
    wijken: patch.anywhere ? [] : (patch.wijken ?? record.wijken),
    anywhere: patch.anywhere ?? record.anywhere,
    themes: patch.themes ?? record.themes,
    availability: {
      ...availability,
      weekly: patch.weekly ?? availability.weekly,
      exceptions,
      pausedUntil: pausedDate,
    },
    maxPerMonth: patch.maxPerMonth ?? record.maxPerMonth,
    broadcastOptOut: patch.broadcastOptOut ?? record.broadcastOptOut,
    pausedUntil:
      patch.pausedUntil === undefined
        ? record.pausedUntil
        : patch.pausedUntil === null
          ? null
          : endOfLocalDay(patch.pausedUntil, at.zone),
  };
}

/** What the flow shows: parsed availability, local dates, and a pause only while it lasts. */
export function toSnapshot(record: ProfileRecord, at: DateScope): ProfileSnapshot {
  const availability = readAvailability(record.availability);
  const fromColumn = record.pausedUntil
    ? localDate(new Date(record.pausedUntil.getTime() - 1), at.zone)
    : null;
  const paused = [availability.pausedUntil, fromColumn]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  return {
    level: record.level,
    certifiedOn: record.certifiedAt ? localDate(record.certifiedAt, at.zone) : null,
    languages: record.languages,
    wijken: record.wijken,
    anywhere: record.anywhere,
    themes: record.themes,
    availability,
    maxPerMonth: record.maxPerMonth,
    pausedUntil: paused && paused >= at.today ? paused : null,
    broadcasts: !record.broadcastOptOut,
  };
}

/** Whether the volunteer already said they cannot at all on `date`. */
export function isWholeDayOff(e: AvailabilityException, date: string): boolean {
  return e.kind === 'unavailable' && !e.slots && e.date <= date && (e.until ?? e.date) >= date;
}

/** Which fields a patch touches (for the audit log: names, never values). */
export function patchFields(patch: ProfilePatch): string[] {
  return Object.keys(patch).filter((k) => patch[k as keyof ProfilePatch] !== undefined);
}

function readAvailability(json: unknown): Availability {
  const parsed = parseAvailability(json);
  if (parsed.ok) return parsed.value;
  // A broken stored pattern is unusable for matching anyway; the volunteer can set it afresh.
  const empty = parseAvailability({});
  if (!empty.ok) throw new Error('the empty availability must parse');
  return empty.value;
}

function endOfLocalDay(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}

function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}
