import type { RawNotes, StructuredHarvest } from '../../domain/harvest.ts';
import type { HarvestStage, SentStage } from '../../domain/harvest-plan.ts';

export type HarvestStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'SHARED';

/** Harvest rows and their timer stages, on the current transaction (implemented in src/db). */
export interface HarvestRepos {
  /** Sessions that have started and that this person facilitates, newest first. */
  pastSessionsOf(
    personId: string,
    now: Date,
  ): Promise<{ sessionId: string; number: number; status: HarvestStatus | null }[]>;
  isFacilitator(sessionId: string, personId: string): Promise<boolean>;
  get(sessionId: string): Promise<{ status: HarvestStatus; rawNotes: unknown } | null>;
  /** Saves the raw notes of a harvest that is not yet approved; false when it already is. */
  saveNotes(sessionId: string, authorId: string, notes: RawNotes): Promise<boolean>;
  /** Approves a draft exactly once; false when someone approved it before. */
  approve(sessionId: string, structured: StructuredHarvest, at: Date): Promise<boolean>;
  markShared(sessionId: string): Promise<void>;
  /** Marks the session's request done once every session of it that was not cancelled has an approved harvest. */
  completeRequestIfHarvested(sessionId: string): Promise<void>;
  sentStages(sessionId: string): Promise<SentStage[]>;
  /** Records that a stage was sent; false when it was recorded before (a job that ran twice). */
  claimStage(sessionId: string, stage: HarvestStage, personId: string, at: Date): Promise<boolean>;
}
