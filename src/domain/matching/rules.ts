import { coversSpan } from './availability.ts';
import { MatchContext, type SessionFacts, type VolunteerFacts } from './context.ts';
import type { FacilitatorRole, MatchOptions, Pair } from './types.ts';

/**
 * Why a hard rule keeps someone off a session, in the order they are reported. Every code has a
 * Dutch and English explanation in messages.ts (`rule.<code>`).
 */
export const EXCLUSION_REASONS = [
  'excluded',
  'on-team',
  'paused',
  'level',
  'no-certified-lead',
  'language',
  'monthly-max',
  'double-booked',
  'unavailable',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

// Rules and scores take (facts, facts, role, ctx) positionally rather than an options object: the
// batch calls them half a million times, and a call should not allocate.
type Rule = (v: VolunteerFacts, s: SessionFacts, role: FacilitatorRole, ctx: MatchContext) => boolean;

/** Each rule answers "does this keep them off?" (named functions, so the batch can call them directly). */
const HARD_RULES: Readonly<Record<ExclusionReason, Rule>> = {
  excluded: isExcluded,
  'on-team': isOnTeam,
  paused: isPaused,
  level: wrongLevel,
  'no-certified-lead': lacksCertifiedLead,
  language: lacksLanguage,
  'monthly-max': atMonthlyMax,
  'double-booked': isDoubleBooked,
  unavailable: isUnavailable,
};

/** Already offered, declined this session, or excluded by a coordinator. */
function isExcluded(v: VolunteerFacts, s: SessionFacts): boolean {
  return s.excluded.size > 0 && s.excluded.has(v.volunteer.id);
}

function isOnTeam(v: VolunteerFacts, s: SessionFacts): boolean {
  return s.team.size > 0 && s.team.has(v.volunteer.id);
}

/** The profile's pause (an instant) or /pauze (a local date, inclusive). */
function isPaused(v: VolunteerFacts, s: SessionFacts): boolean {
  return s.startMs < v.pausedUntilMs || (v.pausedUntilDate !== null && s.date <= v.pausedUntilDate);
}

/** Leads and co-facilitators are certified or senior; the trainee place is for trainees. */
function wrongLevel(v: VolunteerFacts, _s: SessionFacts, role: FacilitatorRole): boolean {
  return (role === 'TRAINEE') !== (v.volunteer.level === 'TRAINEE');
}

/** A trainee only learns next to a certified or senior lead. */
function lacksCertifiedLead(_v: VolunteerFacts, s: SessionFacts, role: FacilitatorRole): boolean {
  return role === 'TRAINEE' && !s.hasCertifiedLead;
}

/** Speaks at least one language of the table (no requirement when the table names none). */
function lacksLanguage(
  v: VolunteerFacts,
  s: SessionFacts,
  _role: FacilitatorRole,
  ctx: MatchContext,
): boolean {
  if (ctx.ignoreLanguage || s.languages.size === 0) return false;
  const spoken = v.volunteer.languages;
  for (let i = 0; i < spoken.length; i++) if (s.languages.has(spoken[i] as string)) return false;
  return true;
}

/** Active assignments in the session's calendar month (Europe/Amsterdam) already at the maximum. */
function atMonthlyMax(
  v: VolunteerFacts,
  s: SessionFacts,
  _role: FacilitatorRole,
  ctx: MatchContext,
): boolean {
  return (v.monthCounts.get(s.month) ?? 0) >= v.volunteer.maxPerMonth + ctx.extraMonthly;
}

/** Another assignment overlaps, or leaves less than the travel buffer between them. */
function isDoubleBooked(
  v: VolunteerFacts,
  s: SessionFacts,
  _role: FacilitatorRole,
  ctx: MatchContext,
): boolean {
  for (let i = 0; i < v.busy.length; i++) {
    const [start, end] = v.busy[i] as readonly [number, number];
    if (conflicts(s.startMs, s.endMs, start, end, ctx.bufferMs)) return true;
  }
  return false;
}

/** Not available for the whole session plus travel buffer (weekly pattern and date exceptions). */
function isUnavailable(v: VolunteerFacts, s: SessionFacts): boolean {
  return !coversSpan(v.availability, s.span);
}

/** Every rule that keeps the volunteer off this session in this role (empty: eligible). */
export function exclusionsOf({ volunteer, session, role }: Pair, ctx: MatchContext): ExclusionReason[] {
  const v = ctx.volunteer(volunteer);
  const s = ctx.session(session);
  return EXCLUSION_REASONS.filter((reason) => HARD_RULES[reason](v, s, role, ctx));
}

/**
 * Whether no hard rule keeps the volunteer off: the same rules as exclusionsOf (a test holds them
 * together), called directly and in the order that turns most pairs away soonest, because the
 * batch asks this a million times and only wants yes or no.
 */
export function isEligible(
  v: VolunteerFacts,
  s: SessionFacts,
  role: FacilitatorRole,
  ctx: MatchContext,
  /** The caller already knows the availability rule holds (the batch's availability index). */
  knownAvailable = false,
): boolean {
  return !(
    wrongLevel(v, s, role) ||
    lacksCertifiedLead(v, s, role) ||
    (!knownAvailable && isUnavailable(v, s)) ||
    lacksLanguage(v, s, role, ctx) ||
    isExcluded(v, s) ||
    isOnTeam(v, s) ||
    isPaused(v, s) ||
    atMonthlyMax(v, s, role, ctx) ||
    isDoubleBooked(v, s, role, ctx)
  );
}

/** Convenience for callers without a context: the hard-rule exclusions of one pair. */
export function hardRuleExclusions(pair: Pair, options: MatchOptions): ExclusionReason[] {
  return exclusionsOf(pair, new MatchContext(options));
}

/**
 * Whether two sessions are too close for one person: they overlap, or the gap between them is
 * shorter than the travel buffer.
 */
export function conflicts(aStart: number, aEnd: number, bStart: number, bEnd: number, bufferMs: number) {
  return aStart < bEnd + bufferMs && bStart < aEnd + bufferMs;
}
