import type { OutboundMessage } from '../../bots/ports.ts';
import type { ReminderKind } from '../../domain/reminder-plan.ts';

export interface ReminderRecord {
  id: string;
  kind: ReminderKind;
  sessionId: string;
  personId: string;
  dueAt: Date;
  status: 'PENDING' | 'SENT' | 'SKIPPED' | 'CANCELLED';
  /** Set when the message was rendered ahead and waits to be released at `dueAt` (docs/reminders.md). */
  preparedAt: Date | null;
}

/** Reminder rows: the database says what is due; timers only carry it out. */
export interface ReminderRepos {
  ofSession(sessionId: string): Promise<ReminderRecord[]>;
  get(id: string): Promise<ReminderRecord | null>;
  /** Creates or re-plans a reminder (kind, session, person unique); returns its id. Drops any preparation. */
  plan(row: { kind: ReminderKind; sessionId: string; personId: string; dueAt: Date }): Promise<string>;
  /** Sets the status; a reminder that is no longer pending loses its prepared message. */
  setStatus(id: string, status: ReminderRecord['status']): Promise<void>;
  /** Marks a reminder sent only if it is still pending; false means someone else sent or cancelled it. */
  claimSent(id: string, at: Date): Promise<boolean>;
  /**
   * Stores the rendered message of a pending, unprepared reminder still due at `dueAt`, to be written
   * to the outbox when due. False when the row changed meanwhile.
   */
  savePrepared(id: string, dueAt: Date, prepared: { message: OutboundMessage; at: Date }): Promise<boolean>;
  bumpCalendarSequence(sessionId: string): Promise<number>;
  confirmAttendance(assignmentId: string, at: Date): Promise<void>;
  setSessionStatus(sessionId: string, status: 'PLANNED' | 'STAFFED' | 'CANCELLED'): Promise<void>;
  moveSession(sessionId: string, startsAt: Date, endsAt: Date): Promise<void>;
  setRequestCancelled(requestId: string): Promise<void>;
}
