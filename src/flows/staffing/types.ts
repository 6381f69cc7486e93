import type { Locale } from '../../i18n/index.ts';

export type Level = 'TRAINEE' | 'CERTIFIED' | 'SENIOR';
/** Offer.role LEAD means "a facilitator place" (lead or co, decided on acceptance); TRAINEE a trainee place. */
export type OfferRole = 'LEAD' | 'TRAINEE';

/** Everything matching and messages need to know about one session. */
export interface SessionSnapshot {
  id: string;
  requestId: string;
  requestNumber: number;
  requestedById: string | null;
  organisation: string;
  theme: string;
  goal: string;
  targetGroup: string;
  expectedParticipants: number;
  languages: string[];
  online: boolean;
  wijk: string | null;
  address: string | null;
  startsAt: Date;
  endsAt: Date;
  status: 'PLANNED' | 'STAFFED' | 'CANCELLED' | 'HELD';
  facilitatorsNeeded: number;
  traineePlaces: number;
  /** Active assignments with the facilitators' first names. */
  assignments: { id: string; personId: string; role: 'LEAD' | 'CO' | 'TRAINEE'; name: string }[];
  /** Every offer ever made for this session (who was asked, how it went). */
  offers: { id: string; personId: string; role: OfferRole; wave: number; status: string; expiresAt: Date }[];
  excluded: string[];
  /** People who were on this session and handed it back (or were released from it): not asked again. */
  handedBack: string[];
  /** A round of offers held back by quiet hours until then (null: none). */
  offersDueAt?: Date | null;
  /** The partner's contact for this dialogue (shared with its facilitators only). */
  contact: { name: string; email: string | null; phone: string | null };
  calendarSequence: number;
  requestCreatedAt: Date;
  /** Format and opening questions a coordinator set for this request (null: the library's). */
  codesign: { format: string; questions: string[] } | null;
}

/** What matching returns for one session and role. */
export interface RankResult {
  ranked: {
    personId: string;
    score: number;
    explanation: { code: string; params?: Record<string, string | number> }[];
  }[];
  /** How many volunteers were looked at. */
  considered: number;
  eligible: number;
  /** How many people each hard rule excluded (rule code → count). */
  excludedBy: Record<string, number>;
  /** Relaxations that would make more people eligible (rendered from `relax.<kind>` messages). */
  suggestions: { kind: string; count: number; minutes?: number }[];
  /** When nobody is eligible: who a coordinator could still assign by hand, and which rules they would set aside. */
  nearMisses: { personId: string; reasons: string[] }[];
}

export interface StaffingSettings {
  autoOffers: boolean;
  approvalRequired: boolean;
  waveSize: number;
  offerHours: number;
  /** The shortest time an offer stays open, however near the session is. */
  minOfferMinutes: number;
}

export const DEFAULT_SETTINGS: StaffingSettings = {
  autoOffers: true,
  approvalRequired: false,
  waveSize: 3,
  offerHours: 24,
  minOfferMinutes: 30,
};

/** A timer to schedule once the transaction has committed. */
export interface TimerRequest {
  kind: string;
  id: string;
  dueAt: Date;
}

export interface Recipient {
  id: string;
  locale: Locale;
  name: string;
}
