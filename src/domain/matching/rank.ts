import { MatchContext } from './context.ts';
import { EXCLUSION_REASONS, type ExclusionReason, exclusionsOf } from './rules.ts';
import { type ScorePart, scoreFacts } from './scores.ts';
import type { FacilitatorRole, MatchOptions, OpenSession, Volunteer } from './types.ts';

/** An eligible volunteer with the score that ranks them and why. */
export interface RankedCandidate {
  volunteerId: string;
  score: number;
  parts: ScorePart[];
}

/**
 * The rules a coordinator may knowingly set aside when assigning someone by hand (the person said
 * yes on the phone, or agreed to an extra session). Automatic offers never set them aside.
 */
export const OVERRIDABLE_REASONS: readonly ExclusionReason[] = ['unavailable', 'monthly-max', 'language'];

/** Someone kept off only by rules a coordinator may set aside, with those rules. */
export interface NearMiss {
  volunteerId: string;
  reasons: ExclusionReason[];
}

/** A change of the hard rules that would make `count` more people eligible. */
export interface Relaxation {
  kind: 'ignoreLanguage' | 'travelBuffer' | 'monthlyMax' | 'availability';
  count: number;
  /** For 'travelBuffer': the buffer now in force. */
  minutes?: number;
}

interface RankSummary {
  sessionId: string;
  role: FacilitatorRole;
  /** Volunteers looked at. */
  considered: number;
  eligible: number;
  /** Per rule, how many it keeps off (someone kept off by two rules counts for both). */
  excludedBy: Partial<Record<ExclusionReason, number>>;
  /** Per rule, how many it alone keeps off: dropping just that rule would let them in. */
  excludedOnlyBy: Partial<Record<ExclusionReason, number>>;
  /** Relaxations that would help, most helpful first; filled when fewer than `wanted` are eligible. */
  suggestions: Relaxation[];
  /** When fewer than `wanted` are eligible: who a coordinator could still ask, fewest reasons first. */
  nearMisses: NearMiss[];
}

/** The answer for one session and role: a ranking, or "nobody" with the reasons and what would help. */
export type RankResult =
  | ({ kind: 'ranked'; candidates: RankedCandidate[] } & RankSummary)
  | ({ kind: 'nobody-eligible' } & RankSummary);

export interface RankInput {
  session: OpenSession;
  role: FacilitatorRole;
  volunteers: readonly Volunteer[];
  options: MatchOptions;
  /** Return at most this many candidates (all by default); `eligible` still counts everyone. */
  limit?: number;
  /** Suggest relaxations when fewer than this many are eligible. Default 1. */
  wanted?: number;
}

/** Ranks the eligible volunteers for one role of one session, best first, with explanations. */
export function rankCandidates(input: RankInput): RankResult {
  const { session, role, volunteers } = input;
  const ctx = new MatchContext(input.options);
  const s = ctx.session(session);
  const ranked: Array<RankedCandidate & { lastServedMs: number }> = [];
  const excluded: Array<{ volunteer: Volunteer; reasons: ExclusionReason[] }> = [];
  const excludedBy: RankSummary['excludedBy'] = {};
  const excludedOnlyBy: RankSummary['excludedOnlyBy'] = {};
  for (const volunteer of volunteers) {
    const reasons = exclusionsOf({ volunteer, session, role }, ctx);
    if (reasons.length === 0) {
      const v = ctx.volunteer(volunteer);
      const { total, parts } = scoreFacts(v, s, role, ctx);
      ranked.push({
        volunteerId: volunteer.id,
        score: total,
        parts,
        lastServedMs: v.lastServedMs ?? -Infinity,
      });
      continue;
    }
    excluded.push({ volunteer, reasons });
    for (const r of reasons) excludedBy[r] = (excludedBy[r] ?? 0) + 1;
    const only = reasons.length === 1 ? reasons[0] : undefined;
    if (only) excludedOnlyBy[only] = (excludedOnlyBy[only] ?? 0) + 1;
  }
  // Equal scores: who served least recently goes first; then a stable order.
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.lastServedMs - b.lastServedMs ||
      (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0),
  );
  const summary: RankSummary = {
    sessionId: session.id,
    role,
    considered: volunteers.length,
    eligible: ranked.length,
    excludedBy: ordered(excludedBy),
    excludedOnlyBy: ordered(excludedOnlyBy),
    suggestions:
      ranked.length < (input.wanted ?? 1)
        ? suggestRelaxations(excluded, excludedOnlyBy, session, role, ctx)
        : [],
    nearMisses: ranked.length < (input.wanted ?? 1) ? nearMisses(excluded) : [],
  };
  if (ranked.length === 0) return { kind: 'nobody-eligible', ...summary };
  const candidates = ranked.slice(0, input.limit ?? ranked.length).map(({ lastServedMs: _, ...c }) => c);
  return { kind: 'ranked', candidates, ...summary };
}

/** Re-checks the excluded people under each relaxation and counts who would then qualify. */
function suggestRelaxations(
  excluded: ReadonlyArray<{ volunteer: Volunteer; reasons: ExclusionReason[] }>,
  onlyBy: RankSummary['excludedOnlyBy'],
  session: OpenSession,
  role: FacilitatorRole,
  ctx: MatchContext,
): Relaxation[] {
  const bufferMinutes = ctx.bufferMs / 60_000;
  const variants: Array<{ kind: Relaxation['kind']; ctx: MatchContext; minutes?: number }> = [
    { kind: 'ignoreLanguage', ctx: ctx.with({ ignoreLanguage: true }) },
    { kind: 'monthlyMax', ctx: ctx.with({ extraMonthlyCapacity: ctx.extraMonthly + 1 }) },
  ];
  if (bufferMinutes > 0) {
    variants.push({
      kind: 'travelBuffer',
      ctx: ctx.with({ travelBufferMinutes: 0 }),
      minutes: bufferMinutes,
    });
  }
  const out: Relaxation[] = [];
  for (const { kind, ctx: relaxed, minutes } of variants) {
    const count = excluded.filter(
      ({ volunteer }) => exclusionsOf({ volunteer, session, role }, relaxed).length === 0,
    ).length;
    if (count > 0) out.push(minutes === undefined ? { kind, count } : { kind, count, minutes });
  }
  const outside = onlyBy.unavailable ?? 0;
  if (outside > 0) out.push({ kind: 'availability', count: outside });
  return out.sort((a, b) => b.count - a.count);
}

function nearMisses(
  excluded: ReadonlyArray<{ volunteer: Volunteer; reasons: ExclusionReason[] }>,
): NearMiss[] {
  return excluded
    .filter(({ reasons }) => reasons.every((r) => OVERRIDABLE_REASONS.includes(r)))
    .map(({ volunteer, reasons }) => ({ volunteerId: volunteer.id, reasons }))
    .sort((a, b) => a.reasons.length - b.reasons.length);
}

function ordered<T>(counts: Partial<Record<ExclusionReason, T>>): Partial<Record<ExclusionReason, T>> {
  const out: Partial<Record<ExclusionReason, T>> = {};
  for (const r of EXCLUSION_REASONS) if (counts[r] !== undefined) out[r] = counts[r];
  return out;
}
