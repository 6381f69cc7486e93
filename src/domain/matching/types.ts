import type { Availability } from './availability.ts';

/** Mirrors the VolunteerLevel enum in prisma/schema.prisma (kept as a string union: no Prisma here). */
export type Level = 'TRAINEE' | 'CERTIFIED' | 'SENIOR';
/** Mirrors the FacilitatorRole enum. */
export type FacilitatorRole = 'LEAD' | 'CO' | 'TRAINEE';
export const FACILITATOR_ROLES: readonly FacilitatorRole[] = ['LEAD', 'CO', 'TRAINEE'];

/** One of the volunteer's active assignments (past or upcoming), with its session's times. */
export interface Commitment {
  sessionId: string;
  role: FacilitatorRole;
  start: Date;
  end: Date;
  theme: string;
}

/** Why a volunteer said no, as asked after a decline (null: no reason given). */
export type DeclineReason = 'day' | 'theme' | 'distance' | null;

/** A declined (or expired-unanswered, if the caller wants) offer, with the facts of its session. */
export interface Decline {
  at: Date;
  sessionStart: Date;
  theme: string;
  wijk: string | null;
  reason: DeclineReason;
}

/** Everything the engine needs to know about one volunteer: profile plus history. */
export interface Volunteer {
  id: string;
  level: Level;
  languages: readonly string[];
  wijken: readonly string[];
  /** Willing to go anywhere in the city: neutral on distance. */
  anywhere: boolean;
  themes: readonly string[];
  availability: Availability;
  maxPerMonth: number;
  /** The profile column: paused while a session starts before this instant. */
  pausedUntil: Date | null;
  /** Active (not released) assignments, past and upcoming. */
  assignments: readonly Commitment[];
  declines: readonly Decline[];
}

/** Someone already on a session's team. */
export interface TeamMember {
  volunteerId: string;
  role: FacilitatorRole;
  level: Level;
  languages: readonly string[];
}

/** A session that needs facilitators. */
export interface OpenSession {
  id: string;
  start: Date;
  end: Date;
  theme: string;
  /** Languages spoken at the table; a facilitator must speak at least one. Empty: no requirement. */
  languages: readonly string[];
  wijk: string | null;
  online: boolean;
  team: readonly TeamMember[];
  /** Open places per role (used by the batch assignment; rank() looks at one role at a time). */
  open?: Partial<Record<FacilitatorRole, number>>;
  /** Never match these people here (already offered, declined this one, excluded by a coordinator). */
  excludedVolunteerIds?: readonly string[];
}

/** One volunteer considered for one role in one session. */
export interface Pair {
  volunteer: Volunteer;
  session: OpenSession;
  role: FacilitatorRole;
}

/** Settings of one matching run. */
export interface MatchOptions {
  now: Date;
  /** IANA zone of weekly patterns and calendar months. Default Europe/Amsterdam. */
  zone?: string;
  /** Travel time before and after an in-person session. Default 30 minutes. */
  travelBufferMinutes?: number;
  /** Added to every volunteer's monthly maximum (a relaxation, normally 0). */
  extraMonthlyCapacity?: number;
  /** Drop the language requirement (a relaxation). */
  ignoreLanguage?: boolean;
}
