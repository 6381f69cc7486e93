// Small builders for the matching tests (and a coordinator's "what if" in a REPL): sensible
// defaults, override what the case is about.
import { DateTime } from 'luxon';
import { type Availability, type AvailabilityInput, AvailabilitySchema } from './availability.ts';
import type { OpenSession, TeamMember, Volunteer } from './types.ts';

export const ZONE = 'Europe/Amsterdam';

/** A wall-clock time in Amsterdam ('2026-12-08 19:00') as an instant. */
export function at(local: string): Date {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!dt.isValid) throw new RangeError(`not a local time: ${local}`);
  return dt.toJSDate();
}

export function availability(input: AvailabilityInput): Availability {
  return AvailabilitySchema.parse(input);
}

const ALWAYS = availability({
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['morning', 'afternoon', 'evening']]),
  ),
});

export function makeVolunteer(overrides: Partial<Volunteer> & { id: string }): Volunteer {
  return {
    level: 'CERTIFIED',
    languages: ['nl'],
    wijken: ['binnenstad'],
    anywhere: false,
    themes: [],
    availability: ALWAYS,
    maxPerMonth: 4,
    pausedUntil: null,
    assignments: [],
    declines: [],
    ...overrides,
  };
}

/** Tuesday 8 December 2026, 19:00–21:00 in the Binnenstad, Dutch, one lead wanted. */
export function makeSession(overrides: Partial<OpenSession> & { id: string }): OpenSession {
  return {
    start: at('2026-12-08 19:00'),
    end: at('2026-12-08 21:00'),
    theme: 'eenzaamheid',
    languages: ['nl'],
    wijk: 'binnenstad',
    online: false,
    team: [],
    open: { LEAD: 1 },
    ...overrides,
  };
}

export function lead(v: Volunteer): TeamMember {
  return { volunteerId: v.id, role: 'LEAD', level: v.level, languages: v.languages };
}

/** Monday 30 November 2026, 10:00: "now" in the tests. */
export const NOW = at('2026-11-30 10:00');
