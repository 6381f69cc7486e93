import { describe, expect, it } from 'vitest';
import { MatchContext } from './context.ts';
import { at, lead, makeSession, makeVolunteer, NOW } from './fixtures.ts';
import { type ScoreKey, scoreCandidate, scoreFacts, scoreTotal } from './scores.ts';
import type { Commitment, Decline, FacilitatorRole, OpenSession, Volunteer } from './types.ts';

const ctx = new MatchContext({ now: NOW });

function score(
  key: ScoreKey,
  v: Partial<Volunteer>,
  s: Partial<OpenSession> = {},
  role: FacilitatorRole = 'LEAD',
) {
  const volunteer = makeVolunteer({ id: 'v', ...v });
  const breakdown = scoreCandidate({ volunteer, session: makeSession({ id: 's', ...s }), role }, ctx);
  const part = breakdown.parts.find((p) => p.key === key);
  return { points: part?.points ?? null, codes: part?.why.map((w) => w.code) ?? [], why: part?.why ?? [] };
}

const past = (daysAgo: number, overrides: Partial<Commitment> = {}): Commitment => {
  const start = new Date(NOW.getTime() - daysAgo * 86_400_000);
  return {
    sessionId: `p${daysAgo}`,
    role: 'LEAD',
    start,
    end: new Date(start.getTime() + 7_200_000),
    theme: 'armoede',
    ...overrides,
  };
};

const decline = (overrides: Partial<Decline>): Decline => ({
  at: at('2026-11-20 12:00'),
  // A Tuesday evening, like the default session.
  sessionStart: at('2026-11-24 19:00'),
  theme: 'armoede',
  wijk: 'oost',
  reason: null,
  ...overrides,
});

describe('wijk', () => {
  it.each<[string, Partial<Volunteer>, Partial<OpenSession>, number, string]>([
    ['same wijk', { wijken: ['binnenstad'] }, {}, 3, 'score.wijk.same'],
    ['neighbouring wijk', { wijken: ['oost'] }, {}, 1, 'score.wijk.neighbouring'],
    ['elsewhere', { wijken: ['vleuten-de-meern'] }, {}, -2, 'score.wijk.elsewhere'],
    ['"anywhere" is neutral', { wijken: ['vleuten-de-meern'], anywhere: true }, {}, 0, 'score.wijk.anywhere'],
    ['no wijken named is neutral', { wijken: [] }, {}, 0, 'score.wijk.anywhere'],
    [
      'online sessions are neutral',
      { wijken: ['vleuten-de-meern'] },
      { online: true, wijk: null },
      0,
      'score.wijk.online',
    ],
    ['unknown session wijk is neutral', { wijken: ['oost'] }, { wijk: null }, 0, 'score.wijk.unknown'],
    [
      'Leidsche Rijn borders Vleuten-De Meern',
      { wijken: ['vleuten-de-meern'] },
      { wijk: 'leidsche-rijn' },
      1,
      'score.wijk.neighbouring',
    ],
    [
      'Overvecht does not border Zuid',
      { wijken: ['overvecht'] },
      { wijk: 'zuid' },
      -2,
      'score.wijk.elsewhere',
    ],
  ])('%s', (_, v, s, points, code) => {
    expect(score('wijk', v, s)).toMatchObject({ points, codes: [code] });
  });
});

describe('theme', () => {
  it.each<[string, Partial<Volunteer>, number, string[]]>([
    ['no link with the theme', {}, 0, ['score.theme.none']],
    ['on the profile', { themes: ['eenzaamheid'] }, 2, ['score.theme.profile']],
    [
      'two earlier sessions on it',
      { assignments: [past(10, { theme: 'eenzaamheid' }), past(40, { theme: 'eenzaamheid' })] },
      1,
      ['score.theme.experience'],
    ],
    [
      'experience is capped',
      {
        themes: ['eenzaamheid'],
        assignments: Array.from({ length: 9 }, (_, i) => past(10 + i * 20, { theme: 'eenzaamheid' })),
      },
      4,
      ['score.theme.profile', 'score.theme.experience'],
    ],
    [
      'upcoming sessions are not experience yet',
      { assignments: [past(-3, { theme: 'eenzaamheid' })] },
      0,
      ['score.theme.none'],
    ],
  ])('%s', (_, v, points, codes) => {
    expect(score('theme', v)).toMatchObject({ points, codes });
  });
});

describe('fairness', () => {
  it.each<[string, Partial<Volunteer>, number]>([
    // load: 4 × (1 − sessions / (max × 3)); recency: 2 × min(1, days / 90)
    ['never served: full points', { maxPerMonth: 2 }, 6],
    ['one session 45 days ago, room for 6', { maxPerMonth: 2, assignments: [past(45)] }, 4 * (5 / 6) + 1],
    [
      'three sessions, last 9 days ago',
      { maxPerMonth: 2, assignments: [past(9), past(30), past(60)] },
      2 + 0.2,
    ],
    [
      'at their own maximum: no load points',
      { maxPerMonth: 1, assignments: [past(9), past(30), past(60)] },
      0.2,
    ],
    [
      'above it stays at zero',
      { maxPerMonth: 1, assignments: [past(5), past(9), past(30), past(60)] },
      2 * (5 / 90),
    ],
    ['only work older than 90 days: like new', { maxPerMonth: 2, assignments: [past(120)] }, 6],
  ])('%s', (_, v, points) => {
    expect(score('fairness', v).points).toBeCloseTo(points, 3);
  });

  it('ranks the one who served least recently first when loads are equal', () => {
    const recent = score('fairness', { assignments: [past(5)] }).points ?? 0;
    const earlier = score('fairness', { assignments: [past(50)] }).points ?? 0;
    expect(earlier).toBeGreaterThan(recent);
  });
});

describe('declines', () => {
  it.each<[string, Decline[], Partial<OpenSession>, number]>([
    ['none', [], {}, 0],
    ['same weekday and part of day, no reason given', [decline({ theme: 'wonen' })], {}, -1.5],
    [
      'same theme, no reason given',
      [decline({ sessionStart: at('2026-11-26 10:00'), theme: 'eenzaamheid' })],
      {},
      -1.5,
    ],
    ['different day, time and theme', [decline({ sessionStart: at('2026-11-26 10:00') })], {}, 0],
    [
      '"that day" counts only for the same slot',
      [decline({ reason: 'day', sessionStart: at('2026-11-26 10:00'), theme: 'eenzaamheid' })],
      {},
      0,
    ],
    [
      '"that theme" counts only for the theme',
      [decline({ reason: 'theme', theme: 'eenzaamheid', sessionStart: at('2026-11-26 10:00') })],
      {},
      -1.5,
    ],
    ['"too far" counts for that wijk', [decline({ reason: 'distance', wijk: 'binnenstad' })], {}, -1.5],
    [
      '"too far" does not count online',
      [decline({ reason: 'distance', wijk: 'binnenstad' })],
      { online: true, wijk: null },
      0,
    ],
    ['older than 90 days are forgotten', [decline({ at: at('2026-08-01 12:00') })], {}, 0],
    ['capped at −4', Array.from({ length: 5 }, () => decline({})), {}, -4],
  ])('%s', (_, declines, s, points) => {
    expect(score('declines', { declines }, s).points).toBe(points);
  });
});

describe('diversity of the pair', () => {
  const arabicLead = lead(makeVolunteer({ id: 'l', level: 'CERTIFIED', languages: ['nl'] }));
  it.each<[string, Partial<Volunteer>, Partial<OpenSession>, number, string[]]>([
    ['no team yet', {}, {}, 0, ['score.diversity.no-team']],
    [
      'brings a table language the team lacks',
      { languages: ['nl', 'ar'] },
      { languages: ['nl', 'ar'], team: [arabicLead] },
      2,
      ['score.diversity.table-language'],
    ],
    [
      'brings another language',
      { languages: ['nl', 'fr'] },
      { team: [arabicLead] },
      0.5,
      ['score.diversity.other-language'],
    ],
    [
      'senior next to certified',
      { level: 'SENIOR' },
      { team: [arabicLead] },
      0.5,
      ['score.diversity.levels'],
    ],
    [
      'both',
      { level: 'SENIOR', languages: ['nl', 'ar'] },
      { languages: ['nl', 'ar'], team: [arabicLead] },
      2.5,
      ['score.diversity.table-language', 'score.diversity.levels'],
    ],
    ['like the team', {}, { team: [arabicLead] }, 0, ['score.diversity.none']],
  ])('%s', (_, v, s, points, codes) => {
    expect(score('diversity', v, s, 'CO')).toMatchObject({ points, codes });
  });
});

describe('trainee progress', () => {
  const seniorLead = lead(makeVolunteer({ id: 'l', level: 'SENIOR' }));
  const certifiedLead = lead(makeVolunteer({ id: 'l', level: 'CERTIFIED' }));
  const shadowed = (n: number) => Array.from({ length: n }, (_, i) => past(20 + i * 10, { role: 'TRAINEE' }));
  it.each<[string, number, OpenSession['team'], number]>([
    ['three still needed, senior lead', 0, [seniorLead], 4],
    ['three still needed, certified lead', 0, [certifiedLead], 3],
    ['one still needed', 2, [certifiedLead], 1],
    ['done shadowing', 5, [certifiedLead], 0],
  ])('%s', (_, done, team, points) => {
    expect(
      score('trainee', { level: 'TRAINEE', assignments: shadowed(done) }, { team }, 'TRAINEE').points,
    ).toBe(points);
  });

  it('does not apply to leads', () => {
    expect(score('trainee', {}).points).toBeNull();
  });
});

describe('the breakdown', () => {
  it('adds up, and scoreTotal gives the same total without explanations', () => {
    const v = makeVolunteer({
      id: 'v',
      themes: ['eenzaamheid'],
      assignments: [past(45)],
      declines: [decline({})],
    });
    const s = makeSession({ id: 's', team: [lead(makeVolunteer({ id: 'l', level: 'SENIOR' }))] });
    const { total, parts } = scoreFacts(ctx.volunteer(v), ctx.session(s), 'CO', ctx);
    expect(parts.map((p) => p.key)).toEqual(['wijk', 'theme', 'fairness', 'declines', 'diversity']);
    expect(total).toBeCloseTo(
      parts.reduce((n, p) => n + p.points, 0),
      9,
    );
    expect(scoreTotal(ctx.volunteer(v), ctx.session(s), 'CO', ctx)).toBe(total);
  });
});
