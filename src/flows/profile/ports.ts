import type { Availability } from '../../domain/matching/availability.ts';

export type VolunteerLevel = 'TRAINEE' | 'CERTIFIED' | 'SENIOR';

/** A VolunteerProfile row as stored; `availability` is raw Json (parsed by the matching schema). */
export interface ProfileRecord {
  level: VolunteerLevel;
  certifiedAt: Date | null;
  languages: string[];
  wijken: string[];
  anywhere: boolean;
  themes: string[];
  availability: unknown;
  maxPerMonth: number;
  pausedUntil: Date | null;
  /** True when the volunteer does not want coordinators' broadcasts (/rondsturen). */
  broadcastOptOut: boolean;
}

/** The parts a volunteer may change themselves (never level or certification). */
export interface ProfileValues {
  languages: string[];
  wijken: string[];
  anywhere: boolean;
  themes: string[];
  availability: Availability;
  maxPerMonth: number;
  pausedUntil: Date | null;
  /** True when the volunteer does not want coordinators' broadcasts (/rondsturen). */
  broadcastOptOut: boolean;
}

/** Volunteer profile data access on the current transaction; implemented in src/db. */
export interface ProfileRepos {
  /** The stored profile, or null when the volunteer has none yet. */
  get(personId: string): Promise<ProfileRecord | null>;
  /** Creates the profile or replaces its editable parts. */
  save(personId: string, values: ProfileValues): Promise<void>;
}
