import { describe, expect, it } from 'vitest';
import { explainExclusion, explainParts, explainRelaxation } from './explain.ts';
import { at, availability, makeSession, makeVolunteer, NOW } from './fixtures.ts';
import { rankCandidates } from './rank.ts';
import type { Commitment } from './types.ts';

const options = { now: NOW };
const session = makeSession({ id: 's', languages: ['nl', 'ar'], wijk: 'overvecht' });
const booked = (start: string, end: string): Commitment => ({
  sessionId: 'x',
  role: 'LEAD',
  start: at(start),
  end: at(end),
  theme: 'wonen',
});

describe('rankCandidates', () => {
  it('ranks eligible volunteers by score, explains each, and counts who was kept off by what', () => {
    const volunteers = [
      makeVolunteer({ id: 'far', wijken: ['vleuten-de-meern'] }),
      makeVolunteer({ id: 'local', wijken: ['overvecht'], themes: ['eenzaamheid'] }),
      makeVolunteer({ id: 'near', wijken: ['noordoost'] }),
      makeVolunteer({ id: 'trainee', level: 'TRAINEE' }),
      makeVolunteer({ id: 'english', languages: ['en'] }),
      makeVolunteer({ id: 'paused-english', languages: ['en'], pausedUntil: at('2027-01-01 00:00') }),
    ];
    const result = rankCandidates({ session, role: 'LEAD', volunteers, options });
    expect(result.kind).toBe('ranked');
    if (result.kind !== 'ranked') return;
    expect(result.candidates.map((c) => c.volunteerId)).toEqual(['local', 'near', 'far']);
    expect(result.eligible).toBe(3);
    expect(result.considered).toBe(6);
    expect(result.excludedBy).toEqual({ paused: 1, level: 1, language: 2 });
    expect(result.excludedOnlyBy).toEqual({ level: 1, language: 1 });
    expect(result.suggestions).toEqual([]);
    const best = result.candidates[0];
    expect(best?.score).toBe(3 + 2 + 6);
    expect(explainParts(best?.parts ?? [], 'nl')).toEqual([
      '+3 · actief in Overvecht',
      '+2 · eenzaamheid staat in het profiel',
      '+6 · 0 sessies in de laatste 90 dagen (ruimte voor 12); nog nooit ingezet',
      '0 · geen recente afzeggingen voor zoiets',
      '0 · nog geen team om mee te vergelijken',
    ]);
  });

  it('breaks ties by who served least recently, then by id', () => {
    // Work older than the 90-day window no longer counts, so all four score the same.
    const servedDaysAgo = (days: number): Commitment => {
      const start = new Date(NOW.getTime() - days * 86_400_000);
      return { ...booked('2026-01-01 19:00', '2026-01-01 21:00'), start, end: start };
    };
    const volunteers = [
      makeVolunteer({ id: 'b' }),
      makeVolunteer({ id: 'a' }),
      makeVolunteer({ id: 'served-100-days-ago', assignments: [servedDaysAgo(100)] }),
      makeVolunteer({ id: 'served-200-days-ago', assignments: [servedDaysAgo(200)] }),
    ];
    const result = rankCandidates({ session, role: 'LEAD', volunteers, options });
    if (result.kind !== 'ranked') throw new Error(result.kind);
    expect(new Set(result.candidates.map((c) => c.score)).size).toBe(1);
    expect(result.candidates.map((c) => c.volunteerId)).toEqual([
      'a',
      'b',
      'served-200-days-ago',
      'served-100-days-ago',
    ]);
  });

  it('returns at most `limit` candidates but counts everyone eligible', () => {
    const volunteers = Array.from({ length: 10 }, (_, i) => makeVolunteer({ id: `v${i}` }));
    const result = rankCandidates({ session, role: 'LEAD', volunteers, options, limit: 3 });
    expect(result.kind === 'ranked' && result.candidates).toHaveLength(3);
    expect(result.eligible).toBe(10);
  });

  it('says so when nobody is eligible, which rule kept how many off, and what would help', () => {
    const volunteers = [
      makeVolunteer({ id: 'english-1', languages: ['en'] }),
      makeVolunteer({ id: 'english-2', languages: ['en'] }),
      makeVolunteer({ id: 'english-3', languages: ['en', 'tr'] }),
      makeVolunteer({
        id: 'full',
        maxPerMonth: 1,
        assignments: [booked('2026-12-02 19:00', '2026-12-02 21:00')],
      }),
      // Only available until 21:15: the 30-minute buffer after 21:00 does not fit.
      makeVolunteer({
        id: 'tight',
        availability: availability({ weekly: { tue: [{ from: '18:00', to: '21:15' }] } }),
      }),
      makeVolunteer({ id: 'busy', assignments: [booked('2026-12-08 16:45', '2026-12-08 18:45')] }),
      makeVolunteer({ id: 'trainee', level: 'TRAINEE' }),
    ];
    const result = rankCandidates({ session, role: 'LEAD', volunteers, options });
    expect(result.kind).toBe('nobody-eligible');
    expect(result.eligible).toBe(0);
    expect(result.excludedBy).toEqual({
      level: 1,
      language: 3,
      'monthly-max': 1,
      'double-booked': 1,
      unavailable: 1,
    });
    expect(result.suggestions).toEqual([
      { kind: 'ignoreLanguage', count: 3 },
      { kind: 'travelBuffer', count: 2, minutes: 30 },
      { kind: 'monthlyMax', count: 1 },
      { kind: 'availability', count: 1 },
    ]);
    expect(result.suggestions.map((s) => explainRelaxation(s, 'en'))).toEqual([
      '3 more would qualify if the language requirement were dropped',
      '2 more would qualify without a travel buffer (now 30 minutes)',
      '1 more would qualify if monthly maxima were 1 higher',
      '1 more would qualify if asked outside their stated availability',
    ]);
    expect(explainExclusion('language', 'nl')).toBe('spreekt geen taal van deze tafel');
  });

  it('suggests relaxations when fewer than `wanted` are eligible', () => {
    const volunteers = [makeVolunteer({ id: 'ok' }), makeVolunteer({ id: 'english', languages: ['en'] })];
    const result = rankCandidates({ session, role: 'LEAD', volunteers, options, wanted: 2 });
    expect(result.kind).toBe('ranked');
    expect(result.suggestions).toEqual([{ kind: 'ignoreLanguage', count: 1 }]);
  });

  it('offers a trainee place only once a certified lead is on the team', () => {
    const trainee = makeVolunteer({ id: 't', level: 'TRAINEE' });
    const alone = rankCandidates({ session, role: 'TRAINEE', volunteers: [trainee], options });
    expect(alone).toMatchObject({ kind: 'nobody-eligible', excludedBy: { 'no-certified-lead': 1 } });
    const withLead = makeSession({
      ...session,
      team: [{ volunteerId: 'l', role: 'LEAD', level: 'SENIOR', languages: ['nl'] }],
    });
    const result = rankCandidates({ session: withLead, role: 'TRAINEE', volunteers: [trainee], options });
    expect(
      result.kind === 'ranked' && result.candidates[0]?.parts.find((p) => p.key === 'trainee')?.points,
    ).toBe(4);
  });
});
