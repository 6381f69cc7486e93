import { rankCandidates } from '../../domain/matching/rank.ts';
import type { OpenSession, Volunteer } from '../../domain/matching/types.ts';
import type { OfferRole, RankResult, SessionSnapshot } from './types.ts';

export interface RankForOfferInput {
  session: SessionSnapshot;
  role: OfferRole;
  /** Already asked, on the team, or excluded by a coordinator. */
  skip: Set<string>;
  now: Date;
  zone: string;
  volunteers: readonly Volunteer[];
}

/** Ranks volunteers for the next open place of a session (pure; the matching engine decides). */
export function rankForOffer(input: RankForOfferInput): RankResult {
  const { session, volunteers } = input;
  const byId = new Map(volunteers.map((v) => [v.id, v]));
  const hasLead = session.assignments.some((a) => a.role === 'LEAD');
  const role = input.role === 'TRAINEE' ? 'TRAINEE' : hasLead ? 'CO' : 'LEAD';
  const open: OpenSession = {
    id: session.id,
    start: session.startsAt,
    end: session.endsAt,
    theme: session.theme,
    languages: session.languages,
    wijk: session.wijk,
    online: session.online,
    team: session.assignments.flatMap((a) => {
      const v = byId.get(a.personId);
      return v ? [{ volunteerId: a.personId, role: a.role, level: v.level, languages: v.languages }] : [];
    }),
    excludedVolunteerIds: [...input.skip],
  };
  const r = rankCandidates({
    session: open,
    role,
    volunteers,
    options: { now: input.now, zone: input.zone },
    wanted: 1,
  });
  // "Already asked" and "on the team" are our own bookkeeping, not news for a coordinator.
  const excludedBy = Object.fromEntries(
    Object.entries(r.excludedBy).filter(([k, n]) => k !== 'excluded' && k !== 'on-team' && (n ?? 0) > 0),
  ) as Record<string, number>;
  return {
    ranked:
      r.kind === 'ranked'
        ? r.candidates.map((c) => ({
            personId: c.volunteerId,
            score: c.score,
            explanation: c.parts.flatMap((p) => p.why),
          }))
        : [],
    eligible: r.eligible,
    considered: r.considered,
    excludedBy,
    suggestions: r.suggestions.map((s) => ({ kind: s.kind, count: s.count, minutes: s.minutes })),
    nearMisses: r.nearMisses.map((m) => ({ personId: m.volunteerId, reasons: m.reasons })),
  };
}
