import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchContext } from './context.ts';
import { at, availability, lead, makeSession, makeVolunteer, NOW } from './fixtures.ts';
import { type ExclusionReason, exclusionsOf, hardRuleExclusions, isEligible } from './rules.ts';
import type { Commitment, FacilitatorRole, OpenSession, Volunteer } from './types.ts';

const options = { now: NOW };
const senior = makeVolunteer({ id: 'lead', level: 'SENIOR' });
const commitment = (start: string, end: string, overrides: Partial<Commitment> = {}): Commitment => ({
  sessionId: 'other',
  role: 'LEAD',
  start: at(start),
  end: at(end),
  theme: 'armoede',
  ...overrides,
});

interface Case {
  name: string;
  volunteer?: Partial<Volunteer>;
  session?: Partial<OpenSession>;
  role?: FacilitatorRole;
  options?: { travelBufferMinutes?: number; extraMonthlyCapacity?: number; ignoreLanguage?: boolean };
  expected: ExclusionReason[];
}

// The default session: Tuesday 8 December 2026 19:00–21:00, Binnenstad, Dutch; default volunteer:
// certified, Dutch, available every part of every day, four a month, nothing booked.
const CASES: Case[] = [
  { name: 'eligible by default', expected: [] },

  {
    name: 'excluded: already asked or excluded by a coordinator',
    session: { excludedVolunteerIds: ['v'] },
    expected: ['excluded'],
  },
  { name: 'excluded: someone else excluded', session: { excludedVolunteerIds: ['x'] }, expected: [] },

  {
    name: 'on-team: already in the team',
    session: { team: [lead(makeVolunteer({ id: 'v' }))] },
    role: 'CO',
    expected: ['on-team'],
  },

  {
    name: 'paused: profile pause until after the start',
    volunteer: { pausedUntil: at('2026-12-10 00:00') },
    expected: ['paused'],
  },
  {
    name: 'paused: profile pause that ended',
    volunteer: { pausedUntil: at('2026-12-08 12:00') },
    expected: [],
  },
  {
    name: 'paused: /pauze through the session date (inclusive)',
    volunteer: { availability: availability({ weekly: allWeek(), pausedUntil: '2026-12-08' }) },
    expected: ['paused'],
  },
  {
    name: 'paused: /pauze through the day before',
    volunteer: { availability: availability({ weekly: allWeek(), pausedUntil: '2026-12-07' }) },
    expected: [],
  },

  {
    name: 'level: a trainee cannot lead',
    volunteer: { level: 'TRAINEE' },
    role: 'LEAD',
    expected: ['level'],
  },
  {
    name: 'level: a trainee cannot co-facilitate',
    volunteer: { level: 'TRAINEE' },
    role: 'CO',
    expected: ['level'],
  },
  { name: 'level: certified leads', volunteer: { level: 'CERTIFIED' }, role: 'LEAD', expected: [] },
  { name: 'level: senior co-facilitates', volunteer: { level: 'SENIOR' }, role: 'CO', expected: [] },
  {
    name: 'level: the trainee place is for trainees',
    volunteer: { level: 'SENIOR' },
    role: 'TRAINEE',
    session: { team: [lead(senior)] },
    expected: ['level'],
  },

  {
    name: 'no-certified-lead: trainee without a lead yet',
    volunteer: { level: 'TRAINEE' },
    role: 'TRAINEE',
    expected: ['no-certified-lead'],
  },
  {
    name: 'no-certified-lead: trainee next to a senior lead',
    volunteer: { level: 'TRAINEE' },
    role: 'TRAINEE',
    session: { team: [lead(senior)] },
    expected: [],
  },

  { name: 'language: speaks none of the table', volunteer: { languages: ['en'] }, expected: ['language'] },
  {
    name: 'language: speaks one of several',
    volunteer: { languages: ['tr', 'en'] },
    session: { languages: ['nl', 'tr'] },
    expected: [],
  },
  {
    name: 'language: no table language given',
    volunteer: { languages: ['en'] },
    session: { languages: [] },
    expected: [],
  },
  {
    name: 'language: requirement dropped (relaxation)',
    volunteer: { languages: ['en'] },
    options: { ignoreLanguage: true },
    expected: [],
  },

  {
    name: 'monthly-max: at the maximum this calendar month',
    volunteer: { maxPerMonth: 1, assignments: [commitment('2026-12-01 19:00', '2026-12-01 21:00')] },
    expected: ['monthly-max'],
  },
  {
    name: 'monthly-max: work last month does not count',
    volunteer: { maxPerMonth: 1, assignments: [commitment('2026-11-30 19:00', '2026-11-30 21:00')] },
    expected: [],
  },
  // 30 Nov 23:30 UTC is 1 December 00:30 in Amsterdam: December's count.
  {
    name: 'monthly-max: the month is Amsterdam’s',
    volunteer: { maxPerMonth: 1, assignments: [{ ...commitment('2026-12-01 00:30', '2026-12-01 01:30') }] },
    expected: ['monthly-max'],
  },
  {
    name: 'monthly-max: one more allowed (relaxation)',
    volunteer: { maxPerMonth: 1, assignments: [commitment('2026-12-01 19:00', '2026-12-01 21:00')] },
    options: { extraMonthlyCapacity: 1 },
    expected: [],
  },
  { name: 'monthly-max: zero means not now', volunteer: { maxPerMonth: 0 }, expected: ['monthly-max'] },

  {
    name: 'double-booked: overlapping session',
    volunteer: { assignments: [commitment('2026-12-08 20:00', '2026-12-08 22:00')] },
    expected: ['double-booked'],
  },
  {
    name: 'double-booked: less than the travel buffer between',
    volunteer: { assignments: [commitment('2026-12-08 16:45', '2026-12-08 18:45')] },
    expected: ['double-booked'],
  },
  {
    name: 'double-booked: exactly the buffer between',
    volunteer: { assignments: [commitment('2026-12-08 16:30', '2026-12-08 18:30')] },
    expected: [],
  },
  {
    name: 'double-booked: fine without a buffer (relaxation)',
    volunteer: { assignments: [commitment('2026-12-08 16:45', '2026-12-08 18:45')] },
    options: { travelBufferMinutes: 0 },
    expected: [],
  },

  {
    name: 'unavailable: not that weekday',
    volunteer: { availability: availability({ weekly: { mon: ['evening'] } }) },
    expected: ['unavailable'],
  },
  {
    name: 'unavailable: the buffer runs past the evening',
    volunteer: { availability: availability({ weekly: { tue: ['evening'] } }) },
    session: { start: at('2026-12-08 20:00'), end: at('2026-12-08 21:45') },
    expected: ['unavailable'],
  },
  {
    name: 'unavailable: online needs no travel buffer',
    volunteer: { availability: availability({ weekly: { tue: ['evening'] } }) },
    session: { start: at('2026-12-08 20:00'), end: at('2026-12-08 21:45'), online: true, wijk: null },
    expected: [],
  },
  {
    name: 'unavailable: buffer 0 (relaxation)',
    volunteer: { availability: availability({ weekly: { tue: ['evening'] } }) },
    session: { start: at('2026-12-08 20:00'), end: at('2026-12-08 21:45') },
    options: { travelBufferMinutes: 0 },
    expected: [],
  },
  {
    name: 'unavailable: a day off',
    volunteer: {
      availability: availability({
        weekly: allWeek(),
        exceptions: [{ kind: 'unavailable', date: '2026-12-08' }],
      }),
    },
    expected: ['unavailable'],
  },

  {
    name: 'several rules at once, all named',
    volunteer: { level: 'TRAINEE', languages: ['en'], maxPerMonth: 0 },
    expected: ['level', 'language', 'monthly-max'],
  },
];

describe('hard rules', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const volunteer = makeVolunteer({ id: 'v', ...c.volunteer });
    const session = makeSession({ id: 's', ...c.session });
    const role = c.role ?? 'LEAD';
    const opts = { ...options, ...c.options };
    expect(hardRuleExclusions({ volunteer, session, role }, opts)).toEqual(c.expected);
    const ctx = new MatchContext(opts);
    expect(isEligible(ctx.volunteer(volunteer), ctx.session(session), role, ctx)).toBe(
      c.expected.length === 0,
    );
  });
});

describe('isEligible', () => {
  it('agrees with exclusionsOf on random pairs (the batch relies on it)', () => {
    fc.assert(
      fc.property(
        arbitraryVolunteer(),
        arbitrarySession(),
        fc.constantFrom<FacilitatorRole>('LEAD', 'CO', 'TRAINEE'),
        (v, s, role) => {
          const ctx = new MatchContext(options);
          const reasons = exclusionsOf({ volunteer: v, session: s, role }, ctx);
          expect(isEligible(ctx.volunteer(v), ctx.session(s), role, ctx)).toBe(reasons.length === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

function allWeek() {
  return Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['morning', 'afternoon', 'evening']]),
  );
}

function arbitraryVolunteer(): fc.Arbitrary<Volunteer> {
  const day = fc.integer({ min: 7, max: 9 });
  return fc
    .record({
      level: fc.constantFrom('TRAINEE', 'CERTIFIED', 'SENIOR' as const),
      languages: fc.subarray(['nl', 'en', 'ar']),
      parts: fc.subarray(['morning', 'afternoon', 'evening'] as const),
      maxPerMonth: fc.integer({ min: 0, max: 3 }),
      paused: fc.boolean(),
      booked: fc.option(fc.record({ day, hour: fc.integer({ min: 8, max: 21 }) })),
      excluded: fc.boolean(),
    })
    .map((r) =>
      makeVolunteer({
        id: r.excluded ? 'x' : 'v',
        level: r.level,
        languages: r.languages,
        maxPerMonth: r.maxPerMonth,
        pausedUntil: r.paused ? at('2026-12-08 20:00') : null,
        availability: availability({ weekly: { mon: r.parts, tue: r.parts, wed: r.parts } }),
        assignments: r.booked
          ? [
              commitment(
                `2026-12-0${r.booked.day} ${pad(r.booked.hour)}:00`,
                `2026-12-0${r.booked.day} ${pad(r.booked.hour + 2)}:00`,
              ),
            ]
          : [],
      }),
    );
}

function arbitrarySession(): fc.Arbitrary<OpenSession> {
  return fc
    .record({
      hour: fc.integer({ min: 8, max: 20 }),
      languages: fc.subarray(['nl', 'en', 'ar']),
      online: fc.boolean(),
      withLead: fc.boolean(),
    })
    .map((r) =>
      makeSession({
        id: 's',
        start: at(`2026-12-08 ${pad(r.hour)}:00`),
        end: at(`2026-12-08 ${pad(r.hour + 2)}:00`),
        languages: r.languages,
        online: r.online,
        team: r.withLead ? [lead(senior)] : [],
        excludedVolunteerIds: ['x'],
      }),
    );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
