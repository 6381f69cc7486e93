/** Everything stored about one person, table by table (the AVG/GDPR access and portability export). */
export type PersonalExport = Record<string, unknown>;

/** What an erasure changed, as counts (kept in the audit log; no personal data). */
export interface ErasureReport {
  identities: number;
  memberships: number;
  profile: number;
  conversations: number;
  buttons: number;
  inbound: number;
  outbound: number;
  requestsDetached: number;
  contactFieldsCleared: number;
  remindersCancelled: number;
  scrubbedElsewhere: number;
}

/** Data access for privacy rights (export, erasure) on the caller's transaction; implemented in src/db. */
export interface PrivacyRepos {
  exportPerson(personId: string, now: Date): Promise<PersonalExport>;
  /** The person's open offers (they are withdrawn before erasure). */
  openOffersOf(
    personId: string,
  ): Promise<{ id: string; sessionId: string; role: 'LEAD' | 'CO' | 'TRAINEE' }[]>;
  /**
   * Removes or anonymises every row that holds the person's personal data; what statistics need
   * (assignments, offers, consent dates, audit actions) stays, tied to an anonymous person row.
   */
  erasePerson(
    personId: string,
    opts: { now: Date; placeholder: string /** The name before erasure began. */; name: string },
  ): Promise<ErasureReport>;
  /**
   * First step of an erasure: the name becomes a placeholder (messages sent while assignments are
   * handed back name nobody) and the roles go (matching no longer picks this person).
   */
  beginErasure(personId: string, placeholder: string): Promise<void>;
}
