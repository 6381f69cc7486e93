import type { OutboundMessage } from '../../bots/ports.ts';
import type { Volunteer } from '../../domain/matching/types.ts';
import type { OfferRole, Recipient, SessionSnapshot, StaffingSettings } from './types.ts';

export interface OfferRecord {
  id: string;
  sessionId: string;
  personId: string;
  role: OfferRole;
  wave: number;
  status: 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN';
  expiresAt: Date;
  messageId: string | null;
}

/** Data access for staffing, on the caller's transaction (implemented in src/db). */
export interface StaffingRepos {
  settings(): Promise<StaffingSettings>;
  /** Loads the session and locks its row until the transaction ends (so two acceptances serialise). */
  lockSession(sessionId: string): Promise<SessionSnapshot | null>;
  /** The same snapshot without a lock (for reading lists). */
  session(sessionId: string): Promise<SessionSnapshot | null>;
  sessionIdsOfRequest(requestId: string): Promise<string[]>;
  assignment(id: string): Promise<{
    id: string;
    sessionId: string;
    personId: string;
    role: 'LEAD' | 'CO' | 'TRAINEE';
    status: 'ACTIVE' | 'RELEASED';
  } | null>;
  releaseAssignment(id: string): Promise<void>;
  /** Serialises one person's acceptances (two offers at the same time, tapped at once). */
  lockPerson(personId: string): Promise<void>;
  /** Active assignments of a person whose sessions overlap [start, end] (sessions not cancelled). */
  clashes(personId: string, start: Date, end: Date, exceptSessionId: string): Promise<number>;
  /** Active assignments of a person on sessions (not cancelled) starting in [from, to), and their own monthly maximum. */
  monthLoad(personId: string, from: Date, to: Date): Promise<{ count: number; max: number }>;
  /** Open offers of a person for other sessions that overlap [start, end]. */
  clashingOpenOffers(
    personId: string,
    start: Date,
    end: Date,
    exceptSessionId: string,
  ): Promise<OfferRecord[]>;
  /** A volunteer's active assignments for sessions that have not ended. */
  upcomingAssignments(
    personId: string,
    now: Date,
  ): Promise<{ assignmentId: string; sessionId: string; role: 'LEAD' | 'CO' | 'TRAINEE' }[]>;
  /** Every active volunteer with profile, commitments and recent declines, as matching needs them. */
  volunteersForMatching(now: Date): Promise<Volunteer[]>;
  offer(offerId: string): Promise<OfferRecord | null>;
  createOffers(
    rows: { sessionId: string; personId: string; role: OfferRole; wave: number; expiresAt: Date }[],
  ): Promise<OfferRecord[]>;
  setOfferMessage(offerId: string, messageId: string): Promise<void>;
  setOfferStatus(offerId: string, status: OfferRecord['status'], declineReason?: string): Promise<void>;
  openOffers(sessionId: string, role: OfferRole): Promise<OfferRecord[]>;
  createAssignment(sessionId: string, personId: string, role: 'LEAD' | 'CO' | 'TRAINEE'): Promise<string>;
  markSessionStaffed(sessionId: string, staffed: boolean): Promise<void>;
  setRequestStatus(requestId: string, status: 'STAFFING' | 'STAFFED'): Promise<void>;
  /** Records (or with null clears) a round of offers held back until `at` by quiet hours. */
  holdOffers(sessionId: string, at: Date | null): Promise<void>;
  recipient(personId: string): Promise<Recipient | null>;
  coordinators(): Promise<Recipient[]>;
  /** Writes a message to the outbox; returns its id (null when the key was used before). */
  queueMessage(personId: string, idempotencyKey: string, message: OutboundMessage): Promise<string | null>;
  offerButtons(
    personId: string,
    rows: { label: string; action: string; value: string }[][],
  ): Promise<{ id: string; label: string }[][]>;
  requestByNumber(number: number): Promise<{
    id: string;
    number: number;
    status: string;
    requestedById: string | null;
    organisation: string;
  } | null>;
  setRequestDecision(requestId: string, status: 'APPROVED' | 'DECLINED'): Promise<boolean>;
  setSetting(key: string, value: unknown, actorId: string): Promise<void>;
  exclude(sessionId: string, personId: string, actorId: string): Promise<void>;
  /** Sessions per volunteer in the last 90 days, with their own maximum. */
  fairness(
    now: Date,
  ): Promise<{ personId: string; name: string; level: string; count: number; maxPerMonth: number }[]>;
  setCodesign(
    requestId: string,
    codesign: { format: string; questions: string[] },
    actorId: string,
  ): Promise<void>;
  findVolunteers(query: string): Promise<{ id: string; name: string; level: string }[]>;
  setLevel(personId: string, level: 'TRAINEE' | 'CERTIFIED' | 'SENIOR', actorId: string): Promise<void>;
  volunteerInfo(ids: string[]): Promise<Map<string, { name: string; level: string }>>;
  audit(entry: {
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId?: string;
    details?: object;
  }): Promise<void>;
}
