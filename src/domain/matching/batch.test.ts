import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { assignGreedy, assignOptimal, type BatchInput, type BatchResult } from './batch.ts';
import { solveByFlow } from './batch-flow.ts';
import { buildProblem } from './batch-problem.ts';
import { MatchContext } from './context.ts';
import { at, availability, lead, makeSession, makeVolunteer, NOW, ZONE } from './fixtures.ts';
import { hardRuleExclusions } from './rules.ts';
import { scoreCandidate } from './scores.ts';
import type { FacilitatorRole, OpenSession, Volunteer } from './types.ts';
import { MATCHING_WEIGHTS } from './weights.ts';

const options = { now: NOW };
const BUFFER_MS = 30 * 60_000;

describe('assignOptimal', () => {
  it('gives a contested volunteer to the place only they can fill (greedy does not)', () => {
    // A and B overlap. X fits both and scores a little higher at A; Y only fits A.
    const a = makeSession({
      id: 'A',
      start: at('2026-12-08 19:00'),
      end: at('2026-12-08 21:00'),
      wijk: 'oost',
    });
    const b = makeSession({
      id: 'B',
      start: at('2026-12-08 19:30'),
      end: at('2026-12-08 21:30'),
      languages: ['en'],
    });
    const x = makeVolunteer({ id: 'X', languages: ['nl', 'en'], wijken: ['oost'] });
    const y = makeVolunteer({ id: 'Y', languages: ['nl'] });
    const input = { sessions: [a, b], volunteers: [x, y], options };
    const greedy = assignGreedy(input);
    const optimal = assignOptimal(input);
    expect(pairs(greedy)).toEqual(['A:LEAD:X']);
    expect(pairs(optimal)).toEqual(['A:LEAD:Y', 'B:LEAD:X']);
    expect(optimal.objective).toBeGreaterThan(greedy.objective);
    expect(optimal.unfilled).toEqual([]);
    expect(greedy.unfilled).toEqual([{ sessionId: 'B', role: 'LEAD', count: 1 }]);
  });

  it('spreads the work: the k-th place in one batch costs (k − 1) × loadStep', () => {
    // Four evenings; the favourite lives in the wijk (+3), the others next to it (+1): 2 points
    // better each time. A second place costs 1.5 (still worth it), a third 3 (not any more).
    const sessions = [14, 15, 16, 17].map((day) =>
      makeSession({ id: `S${day}`, start: at(`2026-12-${day} 19:00`), end: at(`2026-12-${day} 21:00`) }),
    );
    const favourite = makeVolunteer({ id: 'fav', wijken: ['binnenstad'], maxPerMonth: 4 });
    const others = [1, 2, 3].map((i) => makeVolunteer({ id: `o${i}`, wijken: ['oost'], maxPerMonth: 4 }));
    const input = { sessions, volunteers: [favourite, ...others], options };
    for (const run of [assignOptimal, assignGreedy]) {
      const loads = counts(run(input).assignments.map((x) => x.volunteerId));
      expect(loads.get('fav')).toBe(2);
      expect(Math.max(...loads.values())).toBe(2);
    }
  });

  it('respects the monthly maximum within the batch, per calendar month in Amsterdam', () => {
    const s1 = makeSession({ id: 'dec', start: at('2026-12-30 19:00'), end: at('2026-12-30 21:00') });
    const s2 = makeSession({ id: 'jan', start: at('2027-01-05 19:00'), end: at('2027-01-05 21:00') });
    const s3 = makeSession({ id: 'dec2', start: at('2026-12-15 19:00'), end: at('2026-12-15 21:00') });
    const v = makeVolunteer({ id: 'v', maxPerMonth: 1 });
    const result = assignOptimal({ sessions: [s1, s2, s3], volunteers: [v], options });
    expect(result.filled).toBe(2);
    expect(result.assignments.map((x) => x.sessionId).sort()).toContain('jan');
  });

  it('places a trainee only next to a lead, found in the same batch or already there', () => {
    const open = makeSession({ id: 'new', open: { LEAD: 1, TRAINEE: 1 } });
    const staffed = makeSession({
      id: 'staffed',
      start: at('2026-12-09 19:00'),
      end: at('2026-12-09 21:00'),
      team: [lead(makeVolunteer({ id: 'l0', level: 'SENIOR' }))],
      open: { TRAINEE: 1 },
    });
    const noLead = makeSession({
      id: 'nolead',
      start: at('2026-12-10 19:00'),
      end: at('2026-12-10 21:00'),
      languages: ['tr'],
      open: { LEAD: 1, TRAINEE: 1 },
    });
    const volunteers = [
      makeVolunteer({ id: 'lead', level: 'CERTIFIED' }),
      makeVolunteer({ id: 't1', level: 'TRAINEE', languages: ['nl', 'tr'] }),
      makeVolunteer({ id: 't2', level: 'TRAINEE', languages: ['nl', 'tr'] }),
    ];
    for (const run of [assignOptimal, assignGreedy]) {
      const result = run({ sessions: [open, staffed, noLead], volunteers, options });
      expect(
        pairs(result)
          .filter((p) => p.includes('TRAINEE'))
          .map((p) => p.split(':')[0]),
      ).toEqual(['new', 'staffed']);
      expect(result.unfilled).toEqual([
        { sessionId: 'nolead', role: 'LEAD', count: 1 },
        { sessionId: 'nolead', role: 'TRAINEE', count: 1 },
      ]);
    }
  });

  it('never seats one person twice in a session, nor in sessions too close together', () => {
    const both = makeSession({ id: 'both', open: { LEAD: 1, CO: 1 } });
    const soon = makeSession({
      id: 'soon',
      start: at('2026-12-08 21:15'),
      end: at('2026-12-08 22:00'),
      online: true,
      wijk: null,
    });
    const v = makeVolunteer({ id: 'v' });
    const result = assignOptimal({ sessions: [both, soon], volunteers: [v], options });
    expect(result.filled).toBe(1);
    expect(violations({ sessions: [both, soon], volunteers: [v], options }, result)).toEqual([]);
  });
});

describe('batch assignment properties', () => {
  const rounds: number[] = [];
  it('holds every hard rule, books nobody twice and is never worse than greedy', () => {
    fc.assert(
      fc.property(arbitraryBatch({ trainees: true, chains: true }), (input) => {
        const optimal = assignOptimal(input);
        const greedy = assignGreedy(input);
        expect(violations(input, optimal)).toEqual([]);
        expect(violations(input, greedy)).toEqual([]);
        expect(optimal.objective).toBeGreaterThanOrEqual(greedy.objective);
        expect(optimal.objective).toBeCloseTo(objectiveOf(optimal), 6);
      }),
      { numRuns: 150 },
    );
  });

  it('prices left-out candidates exactly: starting from one candidate per place ends at the same optimum', () => {
    fc.assert(
      fc.property(arbitraryBatch({ trainees: false, chains: true }), (input) => {
        const ctx = new MatchContext(input.options);
        const p = buildProblem(ctx, input.sessions, input.volunteers, ['LEAD', 'CO']);
        const value = (taken: number[]) =>
          taken.reduce((n, e) => n + (p.edgeWeight[e] ?? 0), 0) -
          [...counts(taken.map((e) => p.edgeVol[e])).values()].reduce(
            (n, k) => n + (1500 * k * (k - 1)) / 2,
            0,
          );
        const pruned = solveByFlow(p, 1);
        const full = solveByFlow(p, 1_000);
        expect(value(pruned.taken)).toBe(value(full.taken));
        rounds.push(pruned.rounds);
      }),
      { numRuns: 100 },
    );
    // The pricing really had to add candidates now and then.
    expect(Math.max(...rounds)).toBeGreaterThan(1);
  });

  it('is exactly optimal (brute force agrees) when overlapping sessions all clash with each other', () => {
    fc.assert(
      fc.property(arbitraryBatch({ trainees: false, chains: false }), (input) => {
        const optimal = assignOptimal(input);
        expect(optimal.notes.conservativeRuns).toBe(0);
        expect(optimal.notes.greedyWasBetter).toBe(false);
        expect(optimal.objective).toBeCloseTo(bruteForce(input), 6);
      }),
      { numRuns: 60 },
    );
  });
});

/** Every rule a batch result could break, checked independently of the solver's own bookkeeping. */
function violations(input: BatchInput, result: BatchResult): string[] {
  const out: string[] = [];
  const sessions = new Map(input.sessions.map((s) => [s.id, s]));
  const volunteers = new Map(input.volunteers.map((v) => [v.id, v]));
  const perRole = counts(result.assignments.map((a) => `${a.sessionId}:${a.role}`));
  for (const [key, n] of perRole) {
    const [id, role] = key.split(':') as [string, FacilitatorRole];
    if (n > (sessions.get(id)?.open?.[role] ?? 0)) out.push(`${key}: ${n} assigned`);
  }
  for (const a of result.assignments) {
    const session = sessions.get(a.sessionId) as OpenSession;
    const volunteer = volunteers.get(a.volunteerId) as Volunteer;
    // A trainee's lead may come from the same batch.
    const batchTeam = result.assignments
      .filter((b) => b.sessionId === a.sessionId && b.role === 'LEAD')
      .map((b) => lead(volunteers.get(b.volunteerId) as Volunteer));
    const withTeam = a.role === 'TRAINEE' ? { ...session, team: [...session.team, ...batchTeam] } : session;
    const broken = hardRuleExclusions({ volunteer, session: withTeam, role: a.role }, input.options);
    if (broken.length > 0) out.push(`${a.sessionId}:${a.role}:${a.volunteerId} breaks ${broken}`);
  }
  for (const [id, volunteer] of volunteers) {
    const mine = result.assignments
      .filter((a) => a.volunteerId === id)
      .map((a) => sessions.get(a.sessionId) as OpenSession);
    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        const [x, y] = [mine[i] as OpenSession, mine[j] as OpenSession];
        if (
          x.start.getTime() < y.end.getTime() + BUFFER_MS &&
          y.start.getTime() < x.end.getTime() + BUFFER_MS
        ) {
          out.push(`${id} double-booked in ${x.id} and ${y.id}`);
        }
      }
    }
    const month = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat('yyyy-MM');
    const perMonth = counts([
      ...volunteer.assignments.map((a) => month(a.start)),
      ...mine.map((s) => month(s.start)),
    ]);
    for (const [m, n] of perMonth) {
      const added = mine.filter((s) => month(s.start) === m).length;
      if (added > 0 && n > volunteer.maxPerMonth) out.push(`${id} has ${n} in ${m}`);
    }
  }
  return out;
}

/** The objective recomputed from the assignments: Σ (fill + score) − loadStep · k(k − 1)/2. */
function objectiveOf(result: BatchResult): number {
  const fill = result.assignments.reduce((n, a) => n + MATCHING_WEIGHTS.batch.fill[a.role] + a.score, 0);
  const penalty = [...counts(result.assignments.map((a) => a.volunteerId)).values()].reduce(
    (n, k) => n + (MATCHING_WEIGHTS.batch.loadStep * k * (k - 1)) / 2,
    0,
  );
  return fill - penalty;
}

/** The best objective over every possible assignment (tiny instances, leads and co's only). */
function bruteForce(input: BatchInput): number {
  const ctx = new MatchContext(input.options);
  const units = input.sessions.flatMap((s) =>
    (['LEAD', 'CO'] as const).flatMap((role) =>
      Array.from({ length: s.open?.[role] ?? 0 }, () => ({ s, role })),
    ),
  );
  const options = units.map(({ s, role }) =>
    input.volunteers
      .filter((v) => hardRuleExclusions({ volunteer: v, session: s, role }, input.options).length === 0)
      .map((v) => ({
        v,
        milli: Math.round(
          (MATCHING_WEIGHTS.batch.fill[role] +
            scoreCandidate({ volunteer: v, session: s, role }, ctx).total) *
            1000,
        ),
      })),
  );
  const chosen: Array<{ v: Volunteer; s: OpenSession } | null> = [];
  const month = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat('yyyy-MM');
  let best = 0;
  const search = (i: number, total: number) => {
    if (i === units.length) {
      const loads = counts(chosen.flatMap((c) => (c ? [c.v.id] : [])));
      const penalty = [...loads.values()].reduce((n, k) => n + (1500 * k * (k - 1)) / 2, 0);
      best = Math.max(best, total - penalty);
      return;
    }
    chosen.push(null);
    search(i + 1, total);
    chosen.pop();
    const { s } = units[i] as { s: OpenSession };
    for (const { v, milli } of options[i] ?? []) {
      const mine = chosen.flatMap((c) => (c && c.v === v ? [c.s] : []));
      const clash = mine.some(
        (o) =>
          o.start.getTime() < s.end.getTime() + BUFFER_MS && s.start.getTime() < o.end.getTime() + BUFFER_MS,
      );
      const inMonth = [...v.assignments.map((a) => a.start), ...mine.map((o) => o.start)].filter(
        (d) => month(d) === month(s.start),
      ).length;
      if (clash || inMonth >= v.maxPerMonth) continue;
      chosen.push({ v, s });
      search(i + 1, total + milli);
      chosen.pop();
    }
  };
  search(0, 0);
  return best / 1000;
}

function arbitraryBatch({
  trainees,
  chains,
}: {
  trainees: boolean;
  chains: boolean;
}): fc.Arbitrary<BatchInput> {
  // Without chains, sessions on one evening all start within an hour of each other (and last two
  // hours), so any two on the same day clash: every overlap run is a clique.
  const starts = chains ? ['14:00', '16:00', '18:15', '19:00', '20:30'] : ['19:00', '19:30', '20:00'];
  const session = fc.record({
    day: fc.constantFrom('2026-12-08', '2026-12-09', '2026-12-31', '2027-01-01'),
    start: fc.constantFrom(...starts),
    languages: fc.constantFrom(['nl'], ['nl', 'en'], ['en']),
    wijk: fc.constantFrom('binnenstad', 'oost', 'overvecht'),
    co: fc.boolean(),
    trainee: trainees ? fc.boolean() : fc.constant(false),
    theme: fc.constantFrom('eenzaamheid', 'armoede'),
  });
  const volunteer = fc.record({
    level: fc.constantFrom('TRAINEE', 'CERTIFIED', 'SENIOR', 'CERTIFIED'),
    languages: fc.constantFrom(['nl'], ['nl', 'en'], ['en']),
    wijken: fc.subarray(['binnenstad', 'oost', 'overvecht', 'zuid']),
    themes: fc.subarray(['eenzaamheid', 'armoede']),
    parts: fc.subarray(['afternoon', 'evening'] as const, { minLength: 1 }),
    maxPerMonth: fc.integer({ min: 0, max: 3 }),
    bookedDaysAgo: fc.option(fc.integer({ min: 1, max: 120 })),
  });
  const maxSessions = chains ? 5 : 3;
  return fc
    .record({
      sessions: fc.array(session, { minLength: 1, maxLength: maxSessions }),
      volunteers: fc.array(volunteer, { minLength: 1, maxLength: chains ? 7 : 5 }),
    })
    .map(({ sessions, volunteers }) => ({
      options,
      sessions: sessions.map((s, i) => {
        const start = at(`${s.day} ${s.start}`);
        return makeSession({
          id: `s${i}`,
          start,
          end: new Date(start.getTime() + 2 * 3_600_000),
          languages: s.languages,
          wijk: s.wijk,
          theme: s.theme,
          open: { LEAD: 1, CO: s.co ? 1 : 0, TRAINEE: s.trainee ? 1 : 0 },
        });
      }),
      volunteers: volunteers.map((v, i) =>
        makeVolunteer({
          id: `v${i}`,
          level: v.level,
          languages: v.languages,
          wijken: v.wijken,
          themes: v.themes,
          maxPerMonth: v.maxPerMonth,
          availability: availability({
            weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, v.parts])),
          }),
          assignments:
            v.bookedDaysAgo === null
              ? []
              : [
                  {
                    sessionId: 'old',
                    role: 'LEAD',
                    theme: 'armoede',
                    start: new Date(NOW.getTime() - v.bookedDaysAgo * 86_400_000),
                    end: new Date(NOW.getTime() - v.bookedDaysAgo * 86_400_000 + 7_200_000),
                  },
                ],
        }),
      ),
    }));
}

function pairs(r: BatchResult): string[] {
  return r.assignments.map((a) => `${a.sessionId}:${a.role}:${a.volunteerId}`).sort();
}

function counts<T>(items: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}
