import { WIJK_KEYS, type WijkKey } from '../wijken.ts';
import type { DeclineFacts, MatchContext, SessionFacts, VolunteerFacts } from './context.ts';
import type { FacilitatorRole, Pair } from './types.ts';
import { MATCHING_WEIGHTS as W } from './weights.ts';

export const SCORE_KEYS = ['wijk', 'theme', 'fairness', 'declines', 'diversity', 'trainee'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

/** Why a score is what it is: a message key in messages.ts plus its parameters. */
export interface Explanation {
  code: string;
  params?: Record<string, string | number>;
}

/** One soft preference's contribution to a candidate's score. */
export interface ScorePart {
  key: ScoreKey;
  points: number;
  why: Explanation[];
}

export interface ScoreBreakdown {
  total: number;
  parts: ScorePart[];
}

/**
 * A soft score: its points, or null when it does not apply (trainee progress for a lead). Reasons
 * go into `why` when one is given; the batch scores half a million pairs and asks for none.
 */
type Scorer = (
  v: VolunteerFacts,
  s: SessionFacts,
  role: FacilitatorRole,
  ctx: MatchContext,
  why?: Explanation[],
) => number | null;

const SCORERS: Readonly<Record<ScoreKey, Scorer>> = {
  wijk: (v, s, _role, _ctx, why) => {
    const { session } = s;
    const volunteer = v.volunteer;
    if (session.online) return note(why, 0, 'score.wijk.online');
    const wijk = session.wijk;
    if (!isWijk(wijk)) return note(why, 0, 'score.wijk.unknown');
    if (volunteer.anywhere || volunteer.wijken.length === 0) return note(why, 0, 'score.wijk.anywhere');
    if (volunteer.wijken.includes(wijk)) return note(why, W.wijk.same, 'score.wijk.same', why && { wijk });
    if (v.nearWijken.has(wijk)) {
      return note(why, W.wijk.neighbouring, 'score.wijk.neighbouring', why && { wijk });
    }
    return note(why, W.wijk.elsewhere, 'score.wijk.elsewhere', why && { wijk });
  },

  theme: (v, s, _role, _ctx, why) => {
    const theme = s.session.theme;
    const onProfile = v.volunteer.themes.includes(theme);
    const count = v.themeCounts.get(theme) ?? 0;
    if (why) {
      if (onProfile) why.push({ code: 'score.theme.profile', params: { theme } });
      if (count > 0) why.push({ code: 'score.theme.experience', params: { theme, count } });
      if (why.length === 0) why.push({ code: 'score.theme.none', params: { theme } });
    }
    return (
      (onProfile ? W.theme.onProfile : 0) + Math.min(W.theme.maxExperience, count * W.theme.perPastSession)
    );
  },

  fairness: (v, _s, _role, _ctx, why) => {
    const { lookbackDays } = W.fairness;
    const capacity = Math.max(1, (v.volunteer.maxPerMonth * lookbackDays) / 30);
    const load = W.fairness.load * Math.max(0, 1 - v.recentLoad / capacity);
    const days = v.daysSinceServed;
    const recency = W.fairness.recency * (days === null ? 1 : Math.min(1, days / lookbackDays));
    if (why) {
      const params = { sessions: v.recentLoad, capacity: Math.round(capacity), days: lookbackDays };
      why.push({ code: 'score.fairness.load', params });
      why.push(
        days === null ? { code: 'score.fairness.never' } : { code: 'score.fairness.last', params: { days } },
      );
    }
    return load + recency;
  },

  declines: (v, s, _role, _ctx, why) => {
    let similar = 0;
    for (const d of v.recentDeclines) if (isSimilar(d, s)) similar++;
    if (similar === 0) return note(why, 0, 'score.declines.none');
    const points = Math.max(W.declines.floor, similar * W.declines.perSimilar);
    return note(
      why,
      points,
      'score.declines.similar',
      why && { count: similar, days: W.declines.lookbackDays },
    );
  },

  diversity: (v, s, role, _ctx, why) => {
    const team = s.session.team;
    if (team.length === 0) return note(why, 0, 'score.diversity.no-team');
    const spoken = s.teamLanguages;
    const volunteer = v.volunteer;
    let points = 0;
    const tableLanguage = volunteer.languages.find((l) => s.languages.has(l) && !spoken.has(l));
    const otherLanguage = volunteer.languages.find((l) => !spoken.has(l));
    if (tableLanguage) {
      points += W.diversity.addsTableLanguage;
      why?.push({ code: 'score.diversity.table-language', params: { language: tableLanguage } });
    } else if (otherLanguage) {
      points += W.diversity.addsOtherLanguage;
      why?.push({ code: 'score.diversity.other-language', params: { language: otherLanguage } });
    }
    if (role !== 'TRAINEE' && volunteer.level !== 'TRAINEE' && !s.teamLevels.has(volunteer.level)) {
      points += W.diversity.mixedLevels;
      why?.push({ code: 'score.diversity.levels' });
    }
    if (why?.length === 0) why.push({ code: 'score.diversity.none' });
    return points;
  },

  trainee: (v, s, role, _ctx, why) => {
    if (role !== 'TRAINEE') return null;
    const needed = Math.max(0, W.trainee.shadowSessionsNeeded - v.shadowed);
    why?.push({ code: 'score.trainee.progress', params: { needed, done: v.shadowed } });
    if (s.seniorLead) why?.push({ code: 'score.trainee.senior-lead' });
    return needed * W.trainee.perSessionNeeded + (s.seniorLead ? W.trainee.seniorLead : 0);
  },
};

/** Every soft score of one (eligible) candidate, with explanations. */
export function scoreCandidate({ volunteer, session, role }: Pair, ctx: MatchContext): ScoreBreakdown {
  return scoreFacts(ctx.volunteer(volunteer), ctx.session(session), role, ctx);
}

export function scoreFacts(
  v: VolunteerFacts,
  s: SessionFacts,
  role: FacilitatorRole,
  ctx: MatchContext,
): ScoreBreakdown {
  const parts: ScorePart[] = [];
  let total = 0;
  for (const key of SCORE_KEYS) {
    const why: Explanation[] = [];
    const points = SCORERS[key](v, s, role, ctx, why);
    if (points === null) continue;
    const rounded = round(points);
    total += rounded;
    parts.push({ key, points: rounded, why });
  }
  return { total: round(total), parts };
}

/** The total only (same rounding as scoreFacts), without building explanations. */
export function scoreTotal(
  v: VolunteerFacts,
  s: SessionFacts,
  role: FacilitatorRole,
  ctx: MatchContext,
): number {
  const { wijk, theme, fairness, declines, diversity, trainee } = SCORERS;
  const total =
    round(wijk(v, s, role, ctx) ?? 0) +
    round(theme(v, s, role, ctx) ?? 0) +
    round(fairness(v, s, role, ctx) ?? 0) +
    round(declines(v, s, role, ctx) ?? 0) +
    round(diversity(v, s, role, ctx) ?? 0) +
    round(trainee(v, s, role, ctx) ?? 0);
  return round(total);
}

/** A decline counts for sessions like the one declined, in the way the volunteer said it was unlike them. */
function isSimilar(d: DeclineFacts, s: SessionFacts): boolean {
  const sameSlot = d.weekday === s.weekday && d.partOfDay === s.partOfDay;
  const sameTheme = d.theme === s.session.theme;
  switch (d.reason) {
    case 'day':
      return sameSlot;
    case 'theme':
      return sameTheme;
    case 'distance':
      return !s.session.online && d.wijk !== null && d.wijk === s.session.wijk;
    default:
      return sameSlot || sameTheme;
  }
}

function note(why: Explanation[] | undefined, points: number, code: string, params?: Explanation['params']) {
  why?.push(params ? { code, params } : { code });
  return points;
}

/** Scores in thousandths, so sums compare exactly (the batch objective relies on it). */
function round(points: number): number {
  return Math.round(points * 1000) / 1000;
}

const WIJK_SET: ReadonlySet<string> = new Set(WIJK_KEYS);
function isWijk(value: string | null): value is WijkKey {
  return value !== null && WIJK_SET.has(value);
}
