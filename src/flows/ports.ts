import type { OutboundButton, OutboundMessage, Platform } from '../bots/ports.ts';
import type { Locale } from '../i18n/index.ts';
import type { OutreachRepos } from './broadcast.ts';
import type { StoredFlow } from './engine.ts';
import type { HarvestExtraRepos } from './harvest/extra-ports.ts';
import type { HarvestRepos } from './harvest/ports.ts';
import type { IntakeContactRepos } from './intake/intake-contact.ts';
import type { CompleteDraft } from './intake/intake-state.ts';
import type { LinkingRepos } from './linking.ts';
import type { OverviewRepos } from './overview/ports.ts';
import type { PrivacyRepos } from './privacy/ports.ts';
import type { ProfileRepos } from './profile/ports.ts';
import type { ReminderRepos } from './reminders/ports.ts';
import type { StaffingRepos } from './staffing/ports.ts';
import type { ButtonSpec, PersonView, RoleName } from './types.ts';

/** A stored button token, as the shell needs it to decide whether a press is valid. */
export interface ButtonRecord {
  id: string;
  personId: string;
  flow: string;
  rev: number;
  action: string;
  value: string | null;
  label: string;
  /** The question it answers once (Reply.question); null for buttons that can be pressed again. */
  question: string | null;
  expiresAt: Date;
  /** When its question was answered (this or another of its buttons pressed, or it was asked again). */
  usedAt: Date | null;
}

export interface StoredConversation extends StoredFlow {
  rev: number;
  expiresAt: Date;
}

export interface RequestListItem {
  number: number;
  /** Set when the request was filed under an organisation the person is not a member of. */
  organisation: string | null;
  theme: string;
  status: string;
  firstStart: Date | null;
  /** Sessions that can still be moved or cancelled. */
  upcoming: { id: string; startsAt: Date }[];
}

/** The channel identity a person's replies go to (preferred and reachable), as the outbox records it. */
export interface ReplyIdentity {
  id: string;
  platform: Platform;
}

/** What one conversation step starts from (loaded together, in one round trip). */
export interface Turn {
  person: PersonView;
  conversation: StoredConversation | null;
  /** The pressed button when the input is a button press (null: no such button). */
  button: ButtonRecord | null;
  /** Where replies go as of now (null: no reachable identity). */
  replyIdentity: ReplyIdentity | null;
}

/** The data access the conversation shell needs; implemented in src/db (the only Prisma code). */
export interface FlowRepos {
  /**
   * Claims the inbound event for this transaction and loads the step's person, conversation,
   * pressed button and reply identity. Returns null when the event was processed already (by an
   * earlier or a concurrent transaction): every event is processed at most once.
   */
  beginTurn(input: {
    inboundId: string;
    personId: string;
    buttonId?: string;
    now: Date;
    /** Earlier events of the person were looked at already: do not stop for them (again). */
    ordered?: boolean;
    /** The starting point as read when the event was stored (InboundRecord.preloaded); repos may use it. */
    preloaded?: unknown;
  }): Promise<Turn | null>;
  personView(personId: string): Promise<PersonView>;
  loadConversation(personId: string): Promise<StoredConversation | null>;
  /** Saves (or deletes, with null) the conversation if its revision is still `expectedRev`; returns the new rev. */
  saveConversation(
    personId: string,
    next: { flow: string; version: number; state: unknown; expiresAt: Date } | null,
    expectedRev: number | null,
  ): Promise<number>;
  findButton(id: string): Promise<ButtonRecord | null>;
  /**
   * The person pressed a button that answers its question once: marks every button of that question
   * used. False when the pressed one was used already (a double tap, a question answered before).
   */
  useQuestion(personId: string, buttonId: string, now: Date): Promise<boolean>;
  /** `scope.question`: the buttons answer that question once (Reply.question). */
  createButtons(
    personId: string,
    scope: { flow: string; rev: number; expiresAt: Date; question?: string },
    rows: { label: string; action: string; value?: string }[][],
  ): Promise<OutboundButton[][]>;
  /** Writes an outbound message (outbox) for a person; returns its id, or null if the key was used before. */
  queueMessage(personId: string, idempotencyKey: string, message: OutboundMessage): Promise<string | null>;
  /**
   * Writes a step's replies to one person (outbox, in order) with their buttons, all at once.
   * `identity`: where they go, when already known in this transaction (undefined: look it up).
   * Returns the ids written (a key used before writes nothing) and the platform they go to.
   */
  queueReplies(
    personId: string,
    replies: { idempotencyKey: string; text: string; buttons?: ButtonSpec[][]; question?: string }[],
    opts: { buttons: { flow: string; rev: number; expiresAt: Date }; identity?: ReplyIdentity | null },
  ): Promise<{ ids: string[]; platform: Platform | null }>;
  markInbound(inboundId: string, status: 'PROCESSED' | 'FAILED', error?: string): Promise<void>;
  // Effects
  checkInvite(code: string, now: Date): Promise<{ role: RoleName } | null>;
  completeOnboarding(input: {
    personId: string;
    role: RoleName;
    displayName: string;
    organisationName?: string;
    inviteCode?: string;
    consentVersion: string;
    platform: Platform;
    now: Date;
  }): Promise<{ ok: true } | { ok: false; error: 'invite_invalid' }>;
  setLocale(personId: string, locale: Locale): Promise<void>;
  submitRequest(personId: string, draft: CompleteDraft): Promise<{ requestId: string; number: number }>;
  coordinators(): Promise<{ id: string; locale: Locale }[]>;
  listRequests(personId: string): Promise<{ organisation: string | null; items: RequestListItem[] }>;
  /** Staffing (offers, assignments) on the same transaction. */
  staffing: StaffingRepos;
  /** Reminders and session changes on the same transaction. */
  reminders: ReminderRepos;
  /** Linking chat accounts of one person (/koppel) on the same transaction. */
  linking: LinkingRepos;
  /** A volunteer's own profile (/profiel) on the same transaction. */
  profile: ProfileRepos;
  /** Harvests of past sessions (/oogst) on the same transaction. */
  harvest: HarvestRepos;
  /** Stakeholders, outcomes and reflections of harvests on the same transaction. */
  harvestExtra: HarvestExtraRepos;
  /** Export and erasure of a person's data (/mijngegevens, /vergeetmij) on the same transaction. */
  privacy: PrivacyRepos;
  /** Read-only queries behind /overzicht on the same transaction. */
  overview: OverviewRepos;
  /** Invites and broadcasts (/uitnodigen, /rondsturen) on the same transaction. */
  outreach: OutreachRepos;
  /** The contact details of a partner's previous request (intake) on the same transaction. */
  intakeContact: IntakeContactRepos;
  /** One-time dashboard sign-in tokens (/dashboard) on the same transaction. */
  dashboard: { createLoginToken(personId: string, now: Date): Promise<string> };
  audit(entry: {
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId?: string;
    details?: object;
  }): Promise<void>;
}

/** Runs work atomically: every write inside `fn` commits together or not at all. */
export type UnitOfWork = <T>(fn: (repos: FlowRepos) => Promise<T>) => Promise<T>;

export class ConflictError extends Error {
  readonly code = 'CONVERSATION_CONFLICT';
}

/**
 * Thrown by a reduced set of repositories (a lighter path to the database) when a step needs one it
 * does not have; the step then runs again, from the start, on the next path (src/flows/shell.ts).
 */
export class RepoUnavailable extends Error {
  readonly code = 'REPO_UNAVAILABLE';
}

/**
 * Thrown (before anything is written) when an earlier event of the same person is still
 * unprocessed: that one must be processed first, to keep the person's order (src/roles-inbound.ts).
 */
export class EarlierEventPending extends Error {
  readonly code = 'EARLIER_EVENT_PENDING';
}

/** Reads a whole request from one message (an LLM behind it is optional and never decides alone). */
export type ExtractFn = (
  text: string,
  opts: { now: Date; locale: 'nl' | 'en'; zone: string },
) => Promise<{ patch: Record<string, unknown>; fallback?: string }>;
