import type { Locale } from '../../i18n/index.ts';

/** A stakeholder contact of a wijk, with the chat person behind it (if any). */
export interface StakeholderView {
  id: string;
  wijk: string;
  name: string;
  email: string | null;
  /** Set when the contact is a person the bot can reach in chat. */
  person: { id: string; name: string; locale: Locale; reachable: boolean } | null;
}

/** One entry of "what was done with the harvest". */
export interface OutcomeEntry {
  text: string;
  at: string;
  role: 'PARTNER' | 'COORDINATOR';
}

/** An approved harvest someone may record an outcome for. */
export interface OutcomeTarget {
  sessionId: string;
  number: number;
  organisation: string;
  startsAt: Date;
}

/** A stored reflection with what /reflecties groups it by (nothing that identifies the session). */
export interface ReflectionRow {
  text: string;
  themes: string[];
  approvedAt: Date;
}

/** Stakeholders, close-the-loop, reflections and co-facilitator sync, on the current transaction. */
export interface HarvestExtraRepos {
  stakeholders(wijk?: string): Promise<StakeholderView[]>;
  addStakeholder(input: {
    wijk: string;
    name: string;
    email: string | null;
    personId: string | null;
    createdById: string;
  }): Promise<string>;
  removeStakeholder(id: string): Promise<boolean>;
  /** Onboarded, not erased people whose display name is exactly `name` (case-insensitive). */
  peopleNamed(name: string): Promise<{ id: string; name: string }[]>;
  setReflection(sessionId: string, text: string | null): Promise<void>;
  reflections(since: Date): Promise<ReflectionRow[]>;
  /**
   * Approved harvests `personId` may record an outcome for: a coordinator any, a partner those of
   * their own requests or organisations. Newest first; `number` narrows to one request.
   */
  outcomeTargets(personId: string, asCoordinator: boolean, number: number | null): Promise<OutcomeTarget[]>;
  /**
   * Why request `number` has no outcome target for `personId`: no such request (or not theirs),
   * no harvest yet, or none approved yet.
   */
  outcomeMissing(
    personId: string,
    asCoordinator: boolean,
    number: number,
  ): Promise<'no_request' | 'no_harvest' | 'not_approved'>;
  addOutcome(sessionId: string, entry: OutcomeEntry): Promise<void>;
  /** Marks whose conversation holds exactly the stored notes (after they loaded them). */
  markInSync(sessionId: string, personId: string): Promise<void>;
  inSyncWith(sessionId: string): Promise<string | null>;
}
